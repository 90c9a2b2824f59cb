// SPDX-License-Identifier: LGPL-2.1-only
//
// The application section of a firmware, the unit a user replaces (read by
// recipes/boards/common/firmware/Firmware.swift; docs/firmware.md). A
// 36-byte header of little-endian u32s:
//
//    0  "P14B"
//    4  image length
//    8  argv block length
//   12  CRC-32 of bytes 16 up to the end of argv (settings, image, argv)
//   16  VM heap size        20  value stack slots
//   24  recursion limit     28  output buffer size
//   32  reserved (0)
//
// then the code image, argv as a u32 count and (u32 length, bytes) pairs,
// and an optional trailer the firmware ignores (the release stamp). The
// rest stays erased (0xff). The VM settings travel with the image, so the
// linked firmware holds no per-board VM numbers; the CRC lets the firmware
// refuse a section that was half written or damaged.

/// The VM's settings for a board, from its recipe.
public struct VMSettings: Sendable, Equatable {
    /// The Python heap in bytes.
    public var heapSize: Int
    /// Value stack slots; the VM takes at least 64.
    public var stackSlots: Int
    public var recursionLimit: Int
    /// Bytes of print() output held before writing them to the console.
    public var outputBufferSize: Int

    public init(heapSize: Int, stackSlots: Int, recursionLimit: Int, outputBufferSize: Int) {
        self.heapSize = heapSize
        self.stackSlots = stackSlots
        self.recursionLimit = recursionLimit
        self.outputBufferSize = outputBufferSize
    }
}

public enum AppSection {
    public static let magic: [UInt8] = Array("P14B".utf8)
    /// The layout before the settings and the CRC moved into the header.
    public static let oldMagic: [UInt8] = Array("P14A".utf8)
    public static let headerSize = 36

    /// The section's contents, padded to `capacity`; nil when they do not fit.
    public static func encode(image: [UInt8], argv: [String], settings: VMSettings, capacity: Int,
                              trailer: [UInt8] = []) -> [UInt8]? {
        var args: [UInt8] = []
        append(argv.count, to: &args)
        for a in argv {
            let utf8 = Array(a.utf8)
            append(utf8.count, to: &args)
            args += utf8
        }
        var checked: [UInt8] = []  // from offset 16: what the CRC covers
        for word in [settings.heapSize, settings.stackSlots, settings.recursionLimit, settings.outputBufferSize, 0] {
            append(word, to: &checked)
        }
        checked += image
        checked += args
        var out = magic
        append(image.count, to: &out)
        append(args.count, to: &out)
        append(Int(crc32(checked)), to: &out)
        out += checked
        out += trailer
        if out.count > capacity { return nil }
        out += [UInt8](repeating: 0xff, count: capacity - out.count)
        return out
    }

    /// Bytes the section needs for this image and argv.
    public static func size(image: [UInt8], argv: [String]) -> Int {
        headerSize + image.count + 4 + argv.reduce(0) { $0 + 4 + $1.utf8.count }
    }

    public enum ReadError: Error, Equatable, CustomStringConvertible {
        case empty, oldLayout, broken(String)

        public var description: String {
            switch self {
            case .empty: return "holds no application (erased flash)"
            case .oldLayout: return "has the layout of a firmware made before p14p-dist kept the VM settings in it (\"P14A\"); "
                + "download this release's package again"
            case .broken(let why): return "is damaged: \(why)"
            }
        }
    }

    /// The settings of a section, after checking its header and CRC.
    public static func settings(in section: ArraySlice<UInt8>) throws(ReadError) -> VMSettings {
        let s = Array(section)
        func word(_ at: Int) -> Int { Int(s[at]) | Int(s[at + 1]) << 8 | Int(s[at + 2]) << 16 | Int(s[at + 3]) << 24 }
        guard s.count >= headerSize else { throw .broken("shorter than its \(headerSize)-byte header") }
        if Array(s[0..<4]) == oldMagic { throw .oldLayout }
        guard Array(s[0..<4]) == magic else {
            throw s[0..<4].allSatisfy { $0 == 0xff } ? .empty : .broken("no \"P14B\" at its start")
        }
        let end = headerSize + word(4) + word(8)
        guard word(4) <= s.count, word(8) <= s.count, end <= s.count else {
            throw .broken("its image and argv lengths run past its \(s.count) bytes")
        }
        guard crc32(s[16..<end]) == UInt32(word(12)) else { throw .broken("its CRC does not match its contents") }
        return VMSettings(heapSize: word(16), stackSlots: word(20), recursionLimit: word(24), outputBufferSize: word(28))
    }

    /// CRC-32 (IEEE 802.3, as zlib's), bit by bit as the firmware computes it.
    static func crc32(_ bytes: some Collection<UInt8>) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xedb8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }

    private static func append(_ v: Int, to out: inout [UInt8]) {
        let word = UInt32(truncatingIfNeeded: v)
        for s in stride(from: 0, to: 32, by: 8) { out.append(UInt8((word >> UInt32(s)) & 0xff)) }
    }
}
