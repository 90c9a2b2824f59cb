// SPDX-License-Identifier: LGPL-2.1-only
//
// A linked firmware ELF whose application section is rewritten in place,
// and the files a programmer flashes: the whole firmware (.elf, .bin from
// the lowest load address, Intel .hex), or the application section alone
// at its own address, for updating the program without touching the VM.

import Foundation

public struct FirmwareFile {
    var elf: ELFFile
    let app: ELFFile.Section

    public init(bytes: [UInt8]) throws {
        elf = try ELFFile(bytes: bytes)
        guard let app = elf.section(".p14p_app"), !app.isNoBits, app.size >= AppSection.headerSize else {
            throw FirmwareError.badFirmware("not a p14p firmware: no application section (.p14p_app)")
        }
        self.app = app
    }

    public var bytes: [UInt8] { elf.bytes }
    public var appAddress: Int { Int(app.address) }
    public var appSize: Int { app.size }
    public var applicationSection: ArraySlice<UInt8> { elf.bytes[app.offset..<(app.offset + app.size)] }

    /// Puts `image`, `argv` and the VM `settings` (and `trailer`) into the application section.
    public mutating func setApplication(image: [UInt8], argv: [String], settings: VMSettings, trailer: [UInt8] = [],
                                        board: String) throws {
        guard let section = AppSection.encode(image: image, argv: argv, settings: settings, capacity: appSize, trailer: trailer) else {
            throw FirmwareError.imageTooLarge(board: board, needed: AppSection.size(image: image, argv: argv) + trailer.count,
                                              capacity: appSize)
        }
        try elf.overwrite(section: ".p14p_app", with: section)
    }

    /// Writes NAME.elf, NAME.bin, NAME.hex and, given `sizeSummary`, NAME-size.txt.
    public func write(outputDirectory: String, baseName: String, sizes: SizeReport, imageBytes: Int) throws -> FirmwareOutput {
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        let base = outputDirectory + "/" + baseName
        let flash = FlashImages.binary(elf)
        let out = FirmwareOutput(elf: base + ".elf", bin: base + ".bin", hex: base + ".hex", sizeReport: base + "-size.txt",
                                 sizes: sizes, binOrigin: Int(flash.origin))
        try Data(elf.bytes).write(to: URL(fileURLWithPath: out.elf))
        try Data(flash.bytes).write(to: URL(fileURLWithPath: out.bin))
        try FlashImages.intelHex(elf.loadableChunks, entry: nil).write(toFile: out.hex, atomically: true, encoding: .utf8)
        let imageLine = "image: \(imageBytes) bytes in an application section of \(sizes.appSection) at \(hex(sizes.appAddress))\n"
        try (sizes.summary + imageLine).write(toFile: out.sizeReport, atomically: true, encoding: .utf8)
        return out
    }

    /// Writes the application section alone: NAME.bin (its bytes, to flash
    /// at `appAddress`) and NAME.hex (the same, addressed).
    public func writeApplicationSection(outputDirectory: String, baseName: String) throws -> (bin: String, hex: String) {
        try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        let base = outputDirectory + "/" + baseName
        try Data(applicationSection).write(to: URL(fileURLWithPath: base + ".bin"))
        try FlashImages.intelHex([(app.address, applicationSection)], entry: nil)
            .write(toFile: base + ".hex", atomically: true, encoding: .utf8)
        return (base + ".bin", base + ".hex")
    }
}
