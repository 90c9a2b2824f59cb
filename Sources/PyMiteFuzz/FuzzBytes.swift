// SPDX-License-Identifier: LGPL-2.1-only
//
// The fuzzer's input read as a stream of choices. The program generator
// makes every decision by reading from here, so libFuzzer's mutations of
// the bytes become mutations of the program; once the bytes run out every
// choice is 0, and choice 0 is always the simplest option, so generation
// ends quickly.

public struct FuzzBytes {
    let bytes: [UInt8]
    var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var isExhausted: Bool { offset >= bytes.count }

    public mutating func byte() -> UInt8 {
        guard offset < bytes.count else { return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A number in 0..<n (n > 0).
    public mutating func below(_ n: Int) -> Int {
        if n <= 256 { return Int(byte()) % n }
        return (Int(byte()) << 8 | Int(byte())) % n
    }

    public mutating func chance(_ inEight: Int) -> Bool { Int(byte() & 7) < inEight }

    public mutating func pick<T>(_ options: [T]) -> T { options[below(options.count)] }

    /// A little-endian 64-bit pattern from the next 8 bytes.
    public mutating func word() -> UInt64 {
        var w: UInt64 = 0
        for i in 0..<8 { w |= UInt64(byte()) << UInt64(8 * i) }
        return w
    }
}
