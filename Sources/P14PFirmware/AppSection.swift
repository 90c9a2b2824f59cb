// SPDX-License-Identifier: LGPL-2.1-only
//
// The application section of a firmware (read by
// recipes/boards/common/firmware/Firmware.swift): a 16-byte header
// ("P14A", image length, argv length, reserved; little-endian u32s), the
// code image, then argv as a u32 count and (u32 length, bytes) pairs, then
// an optional trailer the firmware ignores (the release stamp).
// The rest of the section stays erased (0xff).

public enum AppSection {
    public static let magic: [UInt8] = Array("P14A".utf8)
    public static let headerSize = 16

    /// The section's contents, padded to `capacity`; nil when they do not fit.
    public static func encode(image: [UInt8], argv: [String], capacity: Int, trailer: [UInt8] = []) -> [UInt8]? {
        var args: [UInt8] = []
        append(UInt32(argv.count), to: &args)
        for a in argv {
            let utf8 = Array(a.utf8)
            append(UInt32(utf8.count), to: &args)
            args += utf8
        }
        var out = magic
        append(UInt32(image.count), to: &out)
        append(UInt32(args.count), to: &out)
        append(0, to: &out)
        out += image
        out += args
        out += trailer
        if out.count > capacity { return nil }
        out += [UInt8](repeating: 0xff, count: capacity - out.count)
        return out
    }

    /// Bytes the section needs for this image and argv.
    public static func size(image: [UInt8], argv: [String]) -> Int {
        headerSize + image.count + 4 + argv.reduce(0) { $0 + 4 + $1.utf8.count }
    }

    private static func append(_ v: UInt32, to out: inout [UInt8]) {
        for s in stride(from: 0, to: 32, by: 8) { out.append(UInt8((v >> UInt32(s)) & 0xff)) }
    }
}
