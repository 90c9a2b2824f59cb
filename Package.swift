// swift-tools-version:6.0
// SPDX-License-Identifier: LGPL-2.1-only
import PackageDescription

// The p14p binary's modules reach generic type metadata (a Dictionary<String, Int>'s
// storage, ...) through its accessor function, not by a mangled name that the Swift
// runtime demangles: demangling checks the key's Hashable conformance by scanning
// every conformance record in the binary (0.3 M instructions and 0.35 MB of pages
// touched on the first String-keyed table of every `p14p run`; docs/performance.md).
let directMetadataAccess = ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]

let package = Package(
    name: "p14p",
    products: [
        .executable(name: "p14p", targets: ["p14p"]),
        .executable(name: "p14p-dist", targets: ["p14p-dist"]),
        .library(name: "PyMiteVM", targets: ["PyMiteVM"]),
        .library(name: "PyMiteCompiler", targets: ["PyMiteCompiler"]),
        // For the libFuzzer entry points in Fuzz/ (a package of its own; see Fuzz/README.md).
        .library(name: "PyMiteFuzz", targets: ["PyMiteFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        // The VM core: Embedded-clean (no Foundation, no existentials, typed throws).
        .target(
            name: "PyMiteVM",
            // Python objects live in the VM's own heap, not in Swift properties
            // shared across threads: runtime exclusivity checks only cost time.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"] + directMetadataAccess)]
        ),
        // Host-side compiler: Python source -> code image.
        .target(name: "PyMiteCompiler", dependencies: ["PyMiteVM"], swiftSettings: [.unsafeFlags(directMetadataAccess)]),
        // The VM's platform hooks for a POSIX host (the CLI and the tests).
        .target(name: "PyMiteHost", dependencies: ["PyMiteVM"], swiftSettings: [.unsafeFlags(directMetadataAccess)]),
        .executableTarget(
            name: "p14p",
            dependencies: [
                "PyMiteVM", "PyMiteCompiler", "PyMiteHost",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The shipped static build's function order (DesktopBuilder.staticBuildFlags).
            exclude: ["link-order.txt"],
            swiftSettings: [.unsafeFlags(directMetadataAccess)]
        ),
        .testTarget(name: "PyMiteVMTests", dependencies: ["PyMiteVM", "PyMiteCompiler", "PyMiteHost"]),
        .testTarget(name: "PyMiteCompilerTests", dependencies: ["PyMiteCompiler", "PyMiteVM"]),
        .testTarget(name: "CorpusTests", dependencies: ["p14p"]),
        // Release pipeline (p14p-dist): recipes, board builds, archives, signatures, notes.
        .systemLibrary(name: "CArchive", pkgConfig: "libarchive", providers: [.apt(["libarchive-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .target(
            name: "P14PDist",
            dependencies: [
                "PyMiteVM", "PyMiteCompiler", "PyMiteHost", "CArchive", "COpenSSL", "P14PFirmware",
                .product(name: "TOMLKit", package: "TOMLKit"),
            ]
        ),
        // The guardian between p14p-dist and each tool it runs (ChildProcess.guardian).
        .target(name: "CChildGuard"),
        .executableTarget(
            name: "p14p-dist",
            dependencies: ["P14PDist", "P14PFirmware", "CChildGuard", "PyMiteHost", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The fuzz targets' logic and the program generator; Fuzz/ wraps each for libFuzzer.
        .target(name: "PyMiteFuzz", dependencies: ["PyMiteVM", "PyMiteCompiler", "PyMiteHost", "P14PDist"]),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["PyMiteFuzz", "PyMiteCompiler"]),
        .testTarget(name: "P14PDistTests", dependencies: ["P14PDist", "PyMiteVM", "PyMiteHost", "p14p", "p14p-dist"]),
        // Board firmware: Embedded Swift VM + board support, linked per board, run under QEMU.
        .target(name: "P14PFirmware", dependencies: ["PyMiteVM"]),
        .testTarget(name: "P14PFirmwareTests", dependencies: ["P14PFirmware", "P14PDist", "PyMiteVM", "PyMiteCompiler", "p14p", "p14p-dist"]),
    ],
    swiftLanguageModes: [.v5]
)
