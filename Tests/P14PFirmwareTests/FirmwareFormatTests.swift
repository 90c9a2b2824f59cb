// SPDX-License-Identifier: LGPL-2.1-only
//
// The firmware's file formats, without any toolchain: the application
// section layout the firmware reads, and Intel HEX records.

import XCTest
@testable import P14PFirmware

final class FirmwareFormatTests: XCTestCase {
    func testAppSectionHeaderImageArgvAndErasedTail() throws {
        let section = try XCTUnwrap(AppSection.encode(image: [1, 2, 3], argv: ["a", "bc"], capacity: 64))
        XCTAssertEqual(section.count, 64)
        XCTAssertEqual(Array(section[0..<4]), Array("P14A".utf8))
        XCTAssertEqual(Array(section[4..<8]), [3, 0, 0, 0], "image length")
        XCTAssertEqual(Array(section[8..<12]), [4 + 5 + 6, 0, 0, 0], "argv block length")
        XCTAssertEqual(Array(section[16..<19]), [1, 2, 3])
        XCTAssertEqual(Array(section[19..<23]), [2, 0, 0, 0], "argc")
        XCTAssertEqual(Array(section[23..<28]), [1, 0, 0, 0, UInt8(ascii: "a")])
        XCTAssertEqual(Array(section[34...]), [UInt8](repeating: 0xff, count: 30))
        XCTAssertEqual(AppSection.size(image: [1, 2, 3], argv: ["a", "bc"]), 34)
    }

    func testAppSectionThatDoesNotFitIsRefused() {
        XCTAssertNil(AppSection.encode(image: [UInt8](repeating: 0, count: 100), argv: [], capacity: 64))
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
