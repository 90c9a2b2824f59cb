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
    /// The firmware links the semihosting console: it runs only under an
    /// emulator or with a debug probe attached, so no release ships it.
    public var usesSemihosting: Bool

    /// The firmware ELF bytes with `image` and `argv` in its application section.
    /// `trailer` (e.g. the release stamp) follows argv in the section; the firmware ignores it.
    public func elf(image: [UInt8], argv: [String], trailer: [UInt8] = []) throws -> [UInt8] {
        let needed = AppSection.size(image: image, argv: argv) + trailer.count
        guard let section = AppSection.encode(image: image, argv: argv, capacity: sizes.appSection, trailer: trailer) else {
            throw FirmwareError.imageTooLarge(board: board.name, needed: needed, capacity: sizes.appSection)
        }
        try sizes.check(imageBytes: image.count)
        FirmwareCache.touch(entryOf: baseELF)
        var elf = try ELFFile(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: baseELF))))
        try elf.overwrite(section: ".p14p_app", with: section)
        return elf.bytes
    }

    /// Writes NAME.elf, NAME.bin, NAME.hex and NAME-size.txt into `outputDirectory`.
    public func write(image: [UInt8], argv: [String], outputDirectory: String, baseName: String,
                      trailer: [UInt8] = []) throws -> FirmwareOutput {
        let bytes = try elf(image: image, argv: argv, trailer: trailer)
        let parsed = try ELFFile(bytes: bytes)
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        let base = outputDirectory + "/" + baseName
        let out = FirmwareOutput(elf: base + ".elf", bin: base + ".bin", hex: base + ".hex", sizeReport: base + "-size.txt",
                                 sizes: sizes, binOrigin: Int(FlashImages.binary(parsed).origin))
        try Data(bytes).write(to: URL(fileURLWithPath: out.elf))
        try Data(FlashImages.binary(parsed).bytes).write(to: URL(fileURLWithPath: out.bin))
        try FlashImages.intelHex(parsed, entry: nil).write(toFile: out.hex, atomically: true, encoding: .utf8)
        let imageLine = "image: \(image.count) bytes in an application section of \(sizes.appSection) at \(hex(sizes.appAddress))\n"
        try (sizes.summary + imageLine).write(toFile: out.sizeReport, atomically: true, encoding: .utf8)
        return out
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
