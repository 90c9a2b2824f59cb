// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// A Python value is one tagged word, so the interpreter moves values
// without reference counting and does small-int arithmetic without
// allocating:
//   ...xxx1  a small int (two's complement, in the high bits)
//   ...k010  a singleton: None, False, True, Ellipsis, NotImplemented
//   ...xx00  a heap object: the word is its byte offset in the arena
// The all-zero word is `null`: an unbound local or an empty slot, never
// seen by Python code.
//
// The word is 64 bits on a 64-bit host and 32 bits on a 32-bit board
// (a 31-bit small int; larger ints become long ints, or without long ints
// boxed ints up to 32 bits, as PyMite's were, then OverflowError),
// which halves what every slot and every value on the stack costs in a
// board's RAM. `-D P14P_VALUE32` picks the 32-bit word on the host, so
// the test suite runs the board's layout too (make value32).

#if _pointerBitWidth(_32) || P14P_VALUE32
public typealias ValueWord = UInt32
#else
public typealias ValueWord = UInt64
#endif

public struct Value: Equatable {
    public var raw: ValueWord

    @inline(__always) public init(raw: ValueWord) { self.raw = raw }

    public static let null = Value(raw: 0)
    public static let none = Value(raw: 0 << 3 | 2)
    public static let `false` = Value(raw: 1 << 3 | 2)
    public static let `true` = Value(raw: 2 << 3 | 2)
    public static let ellipsis = Value(raw: 3 << 3 | 2)
    public static let notImplemented = Value(raw: 4 << 3 | 2)

    public static let smallIntMax = Int64(ValueWord.max >> 2)
    public static let smallIntMin = -smallIntMax - 1

    @inline(__always) public static func bool(_ b: Bool) -> Value { b ? .true : .false }

    /// A small int, or nil when `n` needs more bits than the word has.
    @inline(__always) public static func int(_ n: Int64) -> Value? {
        guard n >= smallIntMin && n <= smallIntMax else { return nil }
        return Value(raw: ValueWord(truncatingIfNeeded: n &<< 1) | 1)
    }
    /// A small int known to fit (lengths, indexes, counts: bounded by the heap).
    @inline(__always) public static func smallInt(_ n: Int) -> Value {
        Value(raw: ValueWord(truncatingIfNeeded: n &<< 1) | 1)
    }
    /// A hash as a dict stores it (a small int): on a 64-bit host every hash
    /// fits (they are at most 62 bits); on a 32-bit board it keeps its low 31
    /// bits. Dicts probe and compare with this form only.
    @inline(__always) static func storedHash(_ h: Int64) -> Int64 {
        #if _pointerBitWidth(_32) || P14P_VALUE32
        Int64(Int32(truncatingIfNeeded: h &<< 1) >> 1)
        #else
        h
        #endif
    }
    @inline(__always) public static func object(_ offset: UInt32) -> Value { Value(raw: ValueWord(offset)) }

    @inline(__always) public var isInt: Bool { raw & 1 == 1 }
    @inline(__always) public var intValue: Int64 {
        #if _pointerBitWidth(_32) || P14P_VALUE32
        Int64(Int32(bitPattern: raw) >> 1)
        #else
        Int64(bitPattern: raw) >> 1
        #endif
    }
    /// Objects are 4-byte aligned (8 on a 64-bit host); singletons have bit 1 set.
    @inline(__always) public var isObject: Bool { raw & 3 == 0 && raw != 0 }
    @inline(__always) public var objectOffset: UInt32 { UInt32(truncatingIfNeeded: raw) }
    @inline(__always) public var isNull: Bool { raw == 0 }
    @inline(__always) public var isNone: Bool { raw == Value.none.raw }
    @inline(__always) public var isBool: Bool { raw == Value.true.raw || raw == Value.false.raw }

    /// Native functions are immediates too (singletons 16 and up): the
    /// builtins cost no heap.
    @inline(__always) static func native(_ id: Int) -> Value { Value(raw: ValueWord(16 + id) << 3 | 2) }
    @inline(__always) var isNativeFunction: Bool { raw & 7 == 2 && raw >= 16 << 3 }
    @inline(__always) var nativeID: Int { Int(raw >> 3) - 16 }
}
