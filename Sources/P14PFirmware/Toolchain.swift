// SPDX-License-Identifier: LGPL-2.1-only
//
// Where the tools are: swiftc, clang, ld.lld from the Swift toolchain;
// the C library and libgcc from a GCC cross toolchain's multilib.

import Foundation

public struct Toolchain: Sendable {
    /// Folder with swiftc, clang and ld.lld.
    public var binDirectory: String

    /// The toolchain of the swiftc on PATH (or $P14P_SWIFT_BIN).
    public static func find() throws -> Toolchain {
        try find(environment: ProcessInfo.processInfo.environment)
    }

    /// The toolchain that `environment` (its PATH and P14P_SWIFT_BIN) selects.
    public static func find(environment: [String: String]) throws -> Toolchain {
        if let dir = environment["P14P_SWIFT_BIN"] { return Toolchain(binDirectory: dir) }
        guard let swiftc = which("swiftc", searchPath: environment["PATH"]) else {
            throw FirmwareError.toolMissing(tool: "swiftc", hint: "install Swift 6.3 or later and put it on PATH")
        }
        let resolved = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent().path
        return Toolchain(binDirectory: resolved)
    }

    public init(binDirectory: String) { self.binDirectory = binDirectory }

    public var swiftc: String { binDirectory + "/swiftc" }
    public var clang: String { binDirectory + "/clang" }
    public var lld: String { binDirectory + "/ld.lld" }

    /// "Swift version 6.3.1 (...)": part of every cache key.
    public func swiftVersion() throws -> String {
        try Shell.run(swiftc, ["-version"], step: "swiftc -version").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// libc.a, libm.a and libgcc.a of the board's multilib, and the C library's headers.
    func cLibraries(for board: FirmwareBoard) throws -> (archives: [String], include: String) {
        guard let driver = Toolchain.which(board.libcDriver) else {
            throw FirmwareError.toolMissing(tool: board.libcDriver,
                                            hint: "run `make setup` (installs gcc-arm-none-eabi, libnewlib-arm-none-eabi and the RISC-V equivalents)")
        }
        return try Toolchain.cLibraries(for: board, driver: driver)
    }

    /// The same lookup with the GCC driver at `driver` (`p14p-dist doctor` finds it on its own PATH).
    public static func cLibraries(for board: FirmwareBoard, driver: String) throws -> (archives: [String], include: String) {
        func ask(_ args: [String]) throws -> String {
            try Shell.run(driver, board.libcFlags + args, step: "\(board.libcDriver) multilib lookup")
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var archives: [String] = []
        for name in board.libcArchives { archives.append(try ask(["-print-file-name=" + name])) }
        archives.append(try ask(["-print-libgcc-file-name"]))
        for path in archives where !path.hasPrefix("/") || !FileManager.default.fileExists(atPath: path) {
            throw FirmwareError.toolMissing(tool: "the C library for \(board.name) (\(path))",
                                            hint: "run `make setup` to install the cross C library")
        }
        var dir = URL(fileURLWithPath: archives[0]).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("include/stdio.h").path) {
                return (archives, dir.appendingPathComponent("include").path)
            }
            dir.deleteLastPathComponent()
        }
        throw FirmwareError.toolMissing(tool: "the C library headers for \(board.name)", hint: "run `make setup`")
    }

    public static func which(_ name: String) -> String? {
        which(name, searchPath: ProcessInfo.processInfo.environment["PATH"])
    }

    /// `name` looked up in `searchPath` (a PATH value; nil means /usr/bin:/bin).
    public static func which(_ name: String, searchPath: String?) -> String? {
        if name.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for dir in (searchPath ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}

enum Shell {
    /// Runs a tool to completion; its output (stdout and stderr) is returned or, on failure, thrown.
    @discardableResult
    static func run(_ tool: String, _ args: [String], step: String, directory: String? = nil) throws -> String {
        let result: ChildProcess.Captured
        do {
            result = try ChildProcess.capture(tool, args, directory: directory, together: true)
        } catch {
            throw FirmwareError.toolMissing(tool: tool, hint: "\(error)")
        }
        guard result.succeeded else {
            throw FirmwareError.toolFailed(step: step, command: ([tool] + args).joined(separator: " "), output: result.stdout)
        }
        return result.stdout
    }
}
