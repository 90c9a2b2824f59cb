// swift-tools-version:6.0
// SPDX-License-Identifier: LGPL-2.1-only
//
// libFuzzer executables, one per fuzz target, over the root package's
// PyMiteFuzz library. A package of its own so that the root package's
// `swift build` never links them (they have no main without libFuzzer).
// Build with `make fuzz-build` (Fuzz/README.md).
import PackageDescription

let fuzzLibrary: Target.Dependency = .product(name: "PyMiteFuzz", package: "p14p")

let package = Package(
    name: "p14p-fuzz",
    dependencies: [.package(name: "p14p", path: "..")],
    targets: [
        .executableTarget(name: "fuzz-compiler", dependencies: [fuzzLibrary]),
        .executableTarget(name: "fuzz-image", dependencies: [fuzzLibrary]),
        .executableTarget(name: "fuzz-vm", dependencies: [fuzzLibrary]),
        .executableTarget(name: "fuzz-recipe", dependencies: [fuzzLibrary]),
    ],
    swiftLanguageModes: [.v5]
)
