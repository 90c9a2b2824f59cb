// SPDX-License-Identifier: LGPL-2.1-only
//
// The flash contents of an ELF firmware as a raw .bin (from the lowest
// load address, gaps erased to 0xff) and as Intel HEX.

enum FlashImages {
    static func binary(_ elf: ELFFile) -> (origin: UInt32, bytes: [UInt8]) {
        let chunks = elf.loadableChunks
        guard let first = chunks.first else { return (0, []) }
        let end = chunks.map { Int($0.address) + $0.bytes.count }.max()!
        var out = [UInt8](repeating: 0xff, count: end - Int(first.address))
        for c in chunks {
            let at = Int(c.address - first.address)
            out.replaceSubrange(at..<(at + c.bytes.count), with: c.bytes)
        }
        return (first.address, out)
    }

    /// Intel HEX: 16-byte data records, an extended linear address record
    /// whenever the upper 16 bits change, the entry point, and the end record.
    static func intelHex(_ chunks: [(address: UInt32, bytes: ArraySlice<UInt8>)], entry: UInt32?) -> String {
        var lines: [String] = []
        func record(_ type: UInt8, _ address: UInt16, _ data: [UInt8]) {
            var sum = UInt8(data.count) &+ UInt8(address >> 8) &+ UInt8(address & 0xff) &+ type
            var line = ":" + hex(UInt8(data.count)) + hex(UInt8(address >> 8)) + hex(UInt8(address & 0xff)) + hex(type)
            for b in data {
                sum = sum &+ b
                line += hex(b)
            }
            line += hex(0 &- sum)
            lines.append(line)
        }
        var upper: UInt32? = nil
        for chunk in chunks {
            var offset = 0
            let data = Array(chunk.bytes)
            while offset < data.count {
                let address = chunk.address &+ UInt32(offset)
                if upper != address >> 16 {
                    upper = address >> 16
                    record(4, 0, [UInt8(address >> 24), UInt8((address >> 16) & 0xff)])
                }
                // A record must not cross a 64 KiB boundary.
                let room = 0x10000 - Int(address & 0xffff)
                let n = min(16, data.count - offset, room)
                record(0, UInt16(address & 0xffff), Array(data[offset..<(offset + n)]))
                offset += n
            }
        }
        if let entry {
            record(5, 0, [UInt8(entry >> 24), UInt8((entry >> 16) & 0xff), UInt8((entry >> 8) & 0xff), UInt8(entry & 0xff)])
        }
        record(1, 0, [])
        return lines.joined(separator: "\n") + "\n"
    }

    private static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }
}
