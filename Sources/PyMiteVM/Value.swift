// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// A Python value is one tagged 64-bit word, so the interpreter moves
// values without reference counting and does small-int arithmetic
// without allocating:
//   ...xxx1  a small int (63-bit, two's complement, in the high bits)
//   ...k010  a singleton: None, False, True, Ellipsis, NotImplemented
//   ...x000  a heap object: the word is its byte offset in the arena
// The all-zero word is `null`: an unbound local or an empty slot, never
// seen by Python code.

public struct Value: Equatable {
    public var raw: UInt64

    @inline(__always) public init(raw: UInt64) { self.raw = raw }

    public static let null = Value(raw: 0)
    public static let none = Value(raw: 0 << 3 | 2)
    public static let `false` = Value(raw: 1 << 3 | 2)
    public static let `true` = Value(raw: 2 << 3 | 2)
    public static let ellipsis = Value(raw: 3 << 3 | 2)
    public static let notImplemented = Value(raw: 4 << 3 | 2)

    public static let smallIntMax: Int64 = Int64.max >> 1
    public static let smallIntMin: Int64 = Int64.min >> 1

    @inline(__always) public static func bool(_ b: Bool) -> Value { b ? .true : .false }

    /// A small int, or nil when `n` needs more than 63 bits.
    @inline(__always) public static func int(_ n: Int64) -> Value? {
        let shifted = n &<< 1
        guard shifted >> 1 == n else { return nil }
        return Value(raw: UInt64(bitPattern: shifted) | 1)
    }
    /// A small int known to fit (lengths, indexes, counts).
    @inline(__always) public static func smallInt(_ n: Int) -> Value {
        Value(raw: UInt64(bitPattern: Int64(n) &<< 1) | 1)
    }
    @inline(__always) public static func object(_ offset: UInt32) -> Value { Value(raw: UInt64(offset)) }

    @inline(__always) public var isInt: Bool { raw & 1 == 1 }
    @inline(__always) public var intValue: Int64 { Int64(bitPattern: raw) >> 1 }
    @inline(__always) public var isObject: Bool { raw & 7 == 0 && raw != 0 }
    @inline(__always) public var objectOffset: UInt32 { UInt32(truncatingIfNeeded: raw) }
    @inline(__always) public var isNull: Bool { raw == 0 }
    @inline(__always) public var isNone: Bool { raw == Value.none.raw }
    @inline(__always) public var isBool: Bool { raw == Value.true.raw || raw == Value.false.raw }

    /// Native functions are immediates too (singletons 16 and up): the
    /// builtins cost no heap.
    @inline(__always) static func native(_ id: Int) -> Value { Value(raw: UInt64(16 + id) << 3 | 2) }
    @inline(__always) var isNativeFunction: Bool { raw & 7 == 2 && raw >= 16 << 3 }
    @inline(__always) var nativeID: Int { Int(raw >> 3) - 16 }
}
