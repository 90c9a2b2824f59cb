// SPDX-License-Identifier: LGPL-2.1-only
//
// A linked firmware without an application, and the step that puts a
// code image into it: the application section is rewritten in place, so
// no compiler or linker runs per program.

import Foundation

public struct PreparedFirmware: Sendable {
    public var board: FirmwareBoard
    /// The cached firmware with an empty (erased) application section.
    public var baseELF: String
    public var sizes: SizeReport

    /// The linker map beside the base ELF (where each function and variable lies).
    public var linkerMap: String { URL(fileURLWithPath: baseELF).deletingPathExtension().path + ".map" }

    /// The linker map with the build's folders taken out of its paths
    /// (objects named relative to the cache, sources to the repository), so
    /// the same build in another checkout gives the same map.
    public func portableLinkerMap(repositoryRoot: String) throws -> [UInt8] {
        let cache = URL(fileURLWithPath: baseELF).deletingLastPathComponent().deletingLastPathComponent().path + "/"
        let text = try String(contentsOfFile: linkerMap, encoding: .utf8)
            .replacingOccurrences(of: cache, with: "")
            .replacingOccurrences(of: repositoryRoot + "/", with: "")
        return Array(text.utf8)
    }
    /// The firmware links the semihosting console: it runs only under an
    /// emulator or with a debug probe attached, so no release ships it.
    public var usesSemihosting: Bool

    /// The firmware ELF bytes with `image` and `argv` in its application section.
    /// `trailer` (e.g. the release stamp) follows argv in the section; the firmware ignores it.
    public func elf(image: [UInt8], argv: [String], trailer: [UInt8] = []) throws -> [UInt8] {
        try sizes.check(image: image)
        FirmwareCache.touch(entryOf: baseELF)
        var file = try FirmwareFile(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: baseELF))))
        try file.setApplication(image: image, argv: argv, settings: board.vmSettings, trailer: trailer, board: board.name)
        return file.bytes
    }

    /// Writes NAME.elf, NAME.bin, NAME.hex and NAME-size.txt into `outputDirectory`.
    public func write(image: [UInt8], argv: [String], outputDirectory: String, baseName: String,
                      trailer: [UInt8] = []) throws -> FirmwareOutput {
        let file = try FirmwareFile(bytes: try elf(image: image, argv: argv, trailer: trailer))
        return try file.write(outputDirectory: outputDirectory, baseName: baseName, sizes: sizes, imageBytes: image.count)
    }
}

public struct FirmwareOutput: Sendable {
    public var elf: String
    public var bin: String
    public var hex: String
    public var sizeReport: String
    public var sizes: SizeReport
    /// The flash address the .bin starts at.
    public var binOrigin: Int
}
