// SPDX-License-Identifier: LGPL-2.1-only
//
// The host board: the p14p executable (the VM built natively for this
// machine) plus the app image; a vendor runs `./p14p run app.pmi`.

import Foundation
import P14PFirmware
import PyMiteHost

public struct DesktopBuilder: BoardBuilder {
    public let name = "desktop"
    /// Use this executable instead of building one (tests, or a build already made).
    public var prebuiltExecutable: String?
    /// SwiftPM's build folder for the release build, kept between releases so a rebuild is quick.
    public var scratchPath: String?

    public init(prebuiltExecutable: String? = nil, scratchPath: String? = nil) {
        self.prebuiltExecutable = prebuiltExecutable
        self.scratchPath = scratchPath
    }

    public func unavailableReason(for board: BoardRecipe) -> String? {
        // A board with a triple (desktop64, posix64) is only this machine if the CPU matches.
        guard let target = board.target else { return nil }
        let host = DesktopBuilder.hostArchitecture
        let arch = target.split(separator: "-").first.map(String.init) ?? target
        if arch != host || !(target.contains("linux")) {
            return "target \(target) is not this machine (\(host)-unknown-linux-gnu); build it on such a host"
        }
        return nil
    }

    static var hostArchitecture: String {
        var info = utsname()
        uname(&info)
        return withUnsafeBytes(of: &info.machine) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
    }

    public func build(_ request: BoardBuildRequest) throws -> BoardBuildResult {
        let board = request.board.name
        let toolchain = DesktopBuilder.swiftVersion()
        let executable: String
        if let prebuiltExecutable {
            executable = prebuiltExecutable
            request.log("using the prebuilt \(prebuiltExecutable)")
        } else {
            executable = try DesktopBuilder.buildStaticExecutable(
                repositoryRoot: request.repositoryRoot, scratchPath: scratchPath, board: board, log: request.log)
        }
        guard isExecutableFile(executable) else {
            throw BoardBuildError(board: board, message: "no executable at \(executable)")
        }
        let outExecutable = request.workDirectory + "/p14p"
        let outImage = request.workDirectory + "/app.pmi"
        try writeFileAtomically(outExecutable, try readFileBytes(executable), mode: 0o755)
        try writeFileAtomically(outImage, request.image)

        // The executable must say the release it is bundled as (PyMite 09 shipped saying 8).
        let version = try runProcess(outExecutable, ["version"])
        let expected = "release \(request.stamp.release) (\(request.stamp.date))"
        guard version.succeeded, version.stdout.contains(expected), version.stdout.contains(request.stamp.license) else {
            throw BoardBuildError(board: board, message: "`p14p version` prints \(version.stdout.debugDescription), not \"\(expected)\" and the license \(request.stamp.license); run `p14p-dist stamp --release \(request.stamp.release)` and rebuild")
        }
        // And it must run the image it ships with.
        // The host VM takes its heap at run time (its own default); the recipe's
        // heap is PyMite's figure for the host, recorded for the notes.
        let smoke = try runProcess(outExecutable, ["run", outImage], in: request.workDirectory)
        guard smoke.succeeded else {
            throw BoardBuildError(board: board, message: "`./p14p run app.pmi` failed with status \(smoke.status): \(smoke.stderr.suffix(400))")
        }
        request.log("app.pmi runs under the built p14p (\(smoke.stdout.split(separator: "\n").count) lines of output)")

        let bytes = try readFileBytes(outExecutable)
        let elf = ELFSizes(bytes)
        let needs: String
        if let linkage = ELFLinkage(bytes), !linkage.isStatic {
            needs = "It needs these shared libraries: \(linkage.neededLibraries.joined(separator: ", "))"
                + (linkage.runPath.map { " (looked for first in \($0))" } ?? "") + "."
        } else {
            needs = "It is linked statically: it needs no shared library, only a Linux kernel."
        }
        let sizes = FirmwareSizes(file: bytes.count, sections: elf, heap: ByteSize.vmHeapDefault, image: request.image.count)
        return BoardBuildResult(
            artifacts: [
                BuiltArtifact(path: outExecutable, bundleName: "p14p", executable: true, carriesStamp: true),
            ],
            sizes: sizes, toolchain: toolchain,
            instructions: """
            This is the p14p VM built for a \(DesktopBuilder.hostArchitecture) Linux host, with the
            application compiled into app.pmi. \(needs) Run it from this folder:

                ./p14p run app.pmi

            The Python heap has p14p's default size (`./p14p run --help` says which)
            unless you give one, e.g. `./p14p run --heap 256K app.pmi`.
            `./p14p version` prints the release and the license of the executable.
            """)
    }

    /// The flags that make the shipped p14p run on any Linux of its
    /// architecture: everything linked in (the Swift runtime, the
    /// FoundationEssentials the compiler uses, the C and C++ libraries), so
    /// the ELF has no interpreter and needs no shared library; symbols
    /// stripped and unused sections dropped at link time. No build ID: the
    /// linker would hash the per-compile random module hash (below) into it.
    /// Linked by ld.lld with the functions a run uses first (`linkOrderFile`;
    /// a section per function, so that the linker can move each): the kernel
    /// maps 64 KB around each page touched, so together they cost a few such
    /// runs (the empty program's peak RSS 5.9 to 3.1-3.4 MB).
    public static func staticBuildFlags(repositoryRoot: String) -> [String] {
        ["-Xswiftc", "-static-executable", "-Xswiftc", "-use-ld=lld", "-Xswiftc", "-Xfrontend", "-Xswiftc", "-function-sections",
         "-Xlinker", "--gc-sections", "-Xlinker", "--strip-all", "-Xlinker", "--build-id=none",
         // A name the linker no longer finds is skipped: a stale list costs pages, not correctness.
         "-Xlinker", "--symbol-ordering-file=" + repositoryRoot + "/" + linkOrderFile, "-Xlinker", "--no-warn-symbol-ordering"]
    }

    /// Written by bench/link-order.sh (`make link-order`).
    public static let linkOrderFile = "Sources/p14p/link-order.txt"

    /// `swift build -c release` of the p14p product with `staticBuildFlags`;
    /// returns the executable's path.
    public static func buildStaticExecutable(repositoryRoot: String, scratchPath: String?, board: String,
                                             log: (String) -> Void) throws -> String {
        let scratch = scratchPath ?? repositoryRoot + "/.build-release"
        let args = ["build", "-c", "release", "--product", "p14p", "--scratch-path", scratch]
            + staticBuildFlags(repositoryRoot: repositoryRoot)
        log("swift " + args.joined(separator: " "))
        let result = try runProcess("swift", args, in: repositoryRoot)
        guard result.succeeded else {
            let tail = (result.stderr + result.stdout).split(separator: "\n").suffix(15).joined(separator: "\n")
            throw BoardBuildError(board: board, message: "swift build failed:\n\(tail)")
        }
        let binPath = try runProcess("swift", args + ["--show-bin-path"], in: repositoryRoot)
        let built = binPath.stdout.trimmingCharacters(in: .whitespacesAndNewlines) + "/p14p"
        // swiftc writes a random 16-byte module hash into every object (.swift_modhash, no flag turns it
        // off); nothing reads it at run time. Without it the same sources give the same executable
        // (`verify --rebuild`).
        let shipped = scratch + "/p14p-release"
        guard let objcopy = Toolchain.which("llvm-objcopy") ?? Toolchain.which("objcopy") else {
            throw BoardBuildError(board: board, message: "llvm-objcopy (Swift's toolchain has it) not found on PATH")
        }
        let stripped = try runProcess(objcopy, ["--remove-section=.swift_modhash", built, shipped])
        guard stripped.succeeded else { throw BoardBuildError(board: board, message: "\(objcopy) failed: \(stripped.stderr)") }
        return shipped
    }

    /// First line of `swift --version` ("Swift version 6.3.1 (swift-6.3.1-RELEASE)").
    public static func swiftVersion() -> String {
        guard let result = try? runProcess("swift", ["--version"]), result.succeeded else { return "Swift (version unknown)" }
        let text = result.stdout + result.stderr
        return text.split(separator: "\n").first { $0.contains("Swift version") }.map {
            $0.trimmingCharacters(in: .whitespaces)
        } ?? "Swift (version unknown)"
    }
}
