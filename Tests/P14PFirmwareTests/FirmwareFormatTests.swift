// SPDX-License-Identifier: LGPL-2.1-only
//
// The firmware's file formats, without any toolchain: the application
// section layout the firmware reads, and Intel HEX records.

import XCTest
@testable import P14PFirmware

final class FirmwareFormatTests: XCTestCase {
    let settings = VMSettings(heapSize: 0x1234, stackSlots: 256, recursionLimit: 40, outputBufferSize: 128)

    func testAppSectionHeaderSettingsImageArgvAndErasedTail() throws {
        let section = try XCTUnwrap(AppSection.encode(image: [1, 2, 3], argv: ["a", "bc"], settings: settings, capacity: 80))
        XCTAssertEqual(section.count, 80)
        XCTAssertEqual(Array(section[0..<4]), Array("P14B".utf8))
        XCTAssertEqual(Array(section[4..<8]), [3, 0, 0, 0], "image length")
        XCTAssertEqual(Array(section[8..<12]), [4 + 5 + 6, 0, 0, 0], "argv block length")
        XCTAssertEqual(Array(section[16..<24]), [0x34, 0x12, 0, 0, 0, 1, 0, 0], "heap size, stack slots")
        XCTAssertEqual(Array(section[24..<36]), [40, 0, 0, 0, 128, 0, 0, 0, 0, 0, 0, 0], "recursion limit, output buffer, reserved")
        XCTAssertEqual(Array(section[36..<39]), [1, 2, 3])
        XCTAssertEqual(Array(section[39..<43]), [2, 0, 0, 0], "argc")
        XCTAssertEqual(Array(section[43..<48]), [1, 0, 0, 0, UInt8(ascii: "a")])
        XCTAssertEqual(Array(section[54...]), [UInt8](repeating: 0xff, count: 26))
        XCTAssertEqual(AppSection.size(image: [1, 2, 3], argv: ["a", "bc"]), 54)
        // The CRC is zlib's CRC-32 of bytes 16..<54 (Python: zlib.crc32(section[16:54])).
        let crc = UInt32(section[12]) | UInt32(section[13]) << 8 | UInt32(section[14]) << 16 | UInt32(section[15]) << 24
        XCTAssertEqual(crc, AppSection.crc32(section[16..<54]))
        XCTAssertEqual(AppSection.crc32(Array("123456789".utf8)), 0xCBF4_3926, "the CRC-32 check value")
        XCTAssertEqual(try AppSection.settings(in: section[...]), settings, "read back")
    }

    func testADamagedEmptyOrOldSectionIsRefusedSayingWhich() throws {
        let good = try XCTUnwrap(AppSection.encode(image: [9, 8, 7], argv: ["x"], settings: settings, capacity: 64))
        var flipped = good
        flipped[37] ^= 1  // one bit of the image
        XCTAssertThrowsError(try AppSection.settings(in: flipped[...])) { XCTAssertEqual($0 as? AppSection.ReadError, .broken("its CRC does not match its contents")) }
        var long = good
        long[4] = 200  // an image length past the section
        XCTAssertThrowsError(try AppSection.settings(in: long[...])) { XCTAssertTrue("\($0)".contains("run past"), "\($0)") }
        XCTAssertThrowsError(try AppSection.settings(in: [UInt8](repeating: 0xff, count: 64)[...])) {
            XCTAssertEqual($0 as? AppSection.ReadError, .empty)
        }
        var old = good
        old.replaceSubrange(0..<4, with: Array("P14A".utf8))
        XCTAssertThrowsError(try AppSection.settings(in: old[...])) { XCTAssertEqual($0 as? AppSection.ReadError, .oldLayout) }
        XCTAssertThrowsError(try AppSection.settings(in: good[0..<20])) { XCTAssertTrue("\($0)".contains("header"), "\($0)") }
    }

    func testAppSectionThatDoesNotFitIsRefused() {
        XCTAssertNil(AppSection.encode(image: [UInt8](repeating: 0, count: 100), argv: [], settings: settings, capacity: 64))
        XCTAssertNotNil(AppSection.encode(image: [UInt8](repeating: 0, count: 24), argv: [], settings: settings, capacity: 64))
        XCTAssertNil(AppSection.encode(image: [UInt8](repeating: 0, count: 25), argv: [], settings: settings, capacity: 64),
                     "36 + 25 + 4 bytes is one more than the section")
    }

    func testIntelHexRecordsChecksumsAndExtendedAddresses() throws {
        // A minimal ELF with one loadable segment of 20 bytes at 0x0800FFF8 (crosses a 64 KiB boundary).
        let elf = try ELFFile(bytes: minimalELF(address: 0x0800_FFF8, payload: Array(0..<20)))
        let hex = FlashImages.intelHex(elf.loadableChunks, entry: nil).split(separator: "\n").map(String.init)
        XCTAssertEqual(hex.first, ":020000040800F2")
        XCTAssertEqual(hex[1], ":08FFF8000001020304050607E5")
        XCTAssertEqual(hex[2], ":020000040801F1")
        XCTAssertEqual(hex[3].prefix(9), ":0C000000")
        XCTAssertEqual(hex.last, ":00000001FF")
        for line in hex {
            let bytes = stride(from: 1, to: line.count, by: 2).map { i -> UInt8 in
                let a = line.index(line.startIndex, offsetBy: i)
                return UInt8(line[a...line.index(after: a)], radix: 16)!
            }
            XCTAssertEqual(bytes.reduce(0, &+), 0, "checksum of \(line)")
        }
        let bin = FlashImages.binary(elf)
        XCTAssertEqual(bin.origin, 0x0800_FFF8)
        XCTAssertEqual(bin.bytes, Array(0..<20))
    }

    /// ELF32 header + one PT_LOAD program header + payload, no sections but the null one.
    func minimalELF(address: UInt32, payload: [UInt8]) -> [UInt8] {
        var b = [UInt8](repeating: 0, count: 52 + 32 + 40)
        func put32(_ at: Int, _ v: UInt32) { for i in 0..<4 { b[at + i] = UInt8((v >> (8 * UInt32(i))) & 0xff) } }
        func put16(_ at: Int, _ v: UInt16) { b[at] = UInt8(v & 0xff); b[at + 1] = UInt8(v >> 8) }
        b[0...5] = [0x7f, 0x45, 0x4c, 0x46, 1, 1]
        put32(0x1c, 52)          // phoff
        put32(0x20, 52 + 32)     // shoff
        put16(0x2a, 32); put16(0x2c, 1)
        put16(0x2e, 40); put16(0x30, 1); put16(0x32, 0)
        put32(52, 1)             // PT_LOAD
        put32(56, UInt32(b.count))
        put32(60, address); put32(64, address)
        put32(68, UInt32(payload.count)); put32(72, UInt32(payload.count))
        return b + payload
    }
}
