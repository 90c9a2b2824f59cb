// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Long ints (HAVE_LONGINT): Python ints past the 63-bit small-int range
// live in the heap as raw objects and compute with BigInt.
//   after the header: u32 sign (1 = negative), u32 limb count, the limbs (u32, little-endian)
// A long never holds a value that fits a small int: every result goes
// through `intResult`, so equality of small ints stays a word compare.
// With long ints turned off (a board's choice) those results raise
// OverflowError instead; a value never wraps.

/// Byte offsets of a long's fields.
enum LongField {
    static let sign = Heap.headerBytes
    static let count = Heap.headerBytes + 4
    static let limbs = Heap.headerBytes + 8
}

extension VM {
    /// A boxed int (`BuiltFeatures.boxedInts`): an Int32 past the small ints,
    /// in a raw block of its own. Like a long, it never holds a value that
    /// fits a small int, so small ints still compare by their word.
    func newBoxedInt(_ n: Int32) throws(VMError) -> Value {
        let o = try allocBytes(.boxedInt, rawDataOffset + 4)
        heap.setU32(o, rawDataOffset, UInt32(bitPattern: n))
        return .object(o)
    }

    @inline(__always) func boxedValue(_ v: Value) -> Int64 {
        Int64(Int32(bitPattern: heap.u32(v.objectOffset, rawDataOffset)))
    }

    /// Without long ints built in, no long exists: every long path folds away.
    @inline(__always) func isLong(_ v: Value) -> Bool { BuiltFeatures.longInts && isType(v, .longInt) }

    /// Any Python int (bool, small or long) as a BigInt.
    func bigOf(_ v: Value) -> BigInt? {
        if let i = intOf(v) { return BigInt(i) }
        guard isLong(v) else { return nil }
        return longValue(v)
    }

    /// The value of a long object.
    func longValue(_ v: Value) -> BigInt {
        // Unreachable without long ints built in (intResult makes none); the code that would use the value goes too.
        if !BuiltFeatures.longInts { fatalError() }
        let o = v.objectOffset
        let n = Int(heap.u32(o, LongField.count))
        var limbs = [UInt32](repeating: 0, count: n)
        for i in 0..<n { limbs[i] = heap.u32(o, LongField.limbs + 4 * i) }
        return BigInt(negative: heap.u32(o, LongField.sign) != 0, magnitude: limbs)
    }

    /// Whether `v` is an int of any size (bool included).
    @inline(__always) func isIntegral(_ v: Value) -> Bool { intOf(v) != nil || isLong(v) }

    /// The Python int for `b`: a small int when it fits, else a long
    /// (without long ints: boxed, or OverflowError; see `newInt`).
    func intResult(_ b: BigInt) throws(VMError) -> Value {
        if b.fits63Bits(), let i = b.int64, let v = Value.int(i) { return v }
        guard longIntsOn else {
            if b.fits63Bits(), let i = b.int64 { return try newInt(i) }
            throw overflow()
        }
        let n = b.magnitude.count
        let o = try allocBytes(.longInt, LongField.limbs + 4 * n)
        heap.setU32(o, LongField.sign, b.negative ? 1 : 0)
        heap.setU32(o, LongField.count, UInt32(n))
        for i in 0..<n { heap.setU32(o, LongField.limbs + 4 * i, b.magnitude[i]) }
        return .object(o)
    }

    /// pow(b, e, m) in Int64 for a VM without long ints (m != 0, all small
    /// ints): Python's result, which takes the sign of m; a negative e uses
    /// the inverse of b, nil when there is none.
    func int64PowMod(_ b: Int64, _ e: Int64, _ m: Int64) -> Int64? {
        let mod = m.magnitude
        // x * y % mod for x, y < mod <= 2**62 without a 128-bit division (0.5 KB of a board's
        // code): directly while the product fits, else by doubling and adding.
        func mulMod(_ x: UInt64, _ y: UInt64) -> UInt64 {
            let (p, overflow) = x.multipliedReportingOverflow(by: y)
            if !overflow { return p % mod }
            var r: UInt64 = 0, a = x, b = y
            while b > 0 {
                if b & 1 == 1 { r = (r + a) % mod }
                a = (a << 1) % mod
                b >>= 1
            }
            return r
        }
        var base = b.magnitude % mod
        if b < 0 && base != 0 { base = mod - base }
        if e < 0 {
            // Extended Euclid on (base, mod), in UInt64: a boxed int's mod may be 2**63. The
            // coefficient used is within ±mod / 2; the one after it, never used, may wrap.
            var (r0, r1) = (mod, base)
            var (t0, t1): (Int64, Int64) = (0, 1)
            while r1 != 0 {
                let q = r0 / r1
                (r0, r1) = (r1, r0 - q * r1)
                (t0, t1) = (t1, t0 &- Int64(truncatingIfNeeded: q) &* t1)
            }
            guard r0 == 1 else { return mod == 1 ? 0 : nil }
            base = t0 < 0 ? mod - t0.magnitude : UInt64(t0)
        }
        var result: UInt64 = 1 % mod, exp = e.magnitude
        while exp > 0 {
            if exp & 1 == 1 { result = mulMod(result, base) }
            base = mulMod(base, base)
            exp >>= 1
        }
        // result < mod <= 2**63: result - mod is at least Int64.min.
        if m < 0 && result != 0 { return Int64(bitPattern: result &- mod) }
        return Int64(result)
    }

    /// int.to_bytes of a small int without BigInt: `n` bytes, little-endian.
    func int64Bytes(_ i: Int64, count n: Int, signed: Bool) throws(VMError) -> [UInt8] {
        if i < 0 && !signed { throw raise(.overflowError, "can't convert negative int to unsigned") }
        let bits = n * 8
        let fits: Bool
        if bits >= 64 {
            fits = true
        } else if signed {
            fits = i >= -(Int64(1) << (bits - 1)) && i < Int64(1) << (bits - 1)
        } else {
            fits = i < Int64(1) << bits
        }
        if !fits { throw raise(.overflowError, "int too big to convert") }
        return (0..<n).map { k in UInt8(truncatingIfNeeded: i >> Int64(min(8 * k, 63))) }
    }

    /// int.from_bytes without BigInt (little-endian bytes): OverflowError past 63 bits.
    func int64FromBytes(_ b: [UInt8], signed: Bool) throws(VMError) -> Value {
        let negative = signed && (b.last ?? 0) >= 0x80
        // Bytes beyond the eighth must only extend the sign.
        for byte in b.dropFirst(8) where byte != (negative ? 0xFF : 0) { throw overflow() }
        var value: UInt64 = negative ? ~0 : 0
        for (k, byte) in b.prefix(8).enumerated() {
            value = value & ~(UInt64(0xFF) << UInt64(8 * k)) | UInt64(byte) << UInt64(8 * k)
        }
        if !negative && b.count >= 8 && value >> 63 != 0 { throw overflow() }
        return try newInt(Int64(bitPattern: value))
    }

    /// A result of small-int arithmetic that overflowed: redone exactly.
    func intBinaryWide(_ op: BinaryOperator, _ x: Int64, _ y: Int64) throws(VMError) -> Value {
        guard longIntsOn else { throw overflow() }
        return try longBinary(op, BigInt(x), BigInt(y))
    }

    func longBinary(_ op: BinaryOperator, _ x: BigInt, _ y: BigInt) throws(VMError) -> Value {
        switch op {
        case .add: return try intResult(x + y)
        case .subtract: return try intResult(x - y)
        case .multiply: return try intResult(x * y)
        case .trueDivide:
            guard let d = x.trueDivide(y) else { throw raise(.zeroDivisionError, "division by zero") }
            if d.isInfinite { throw raise(.overflowError, "integer division result too large for a float") }
            return try newFloat(d)
        case .floorDivide:
            guard let (q, _) = x.floorDivMod(y) else { throw raise(.zeroDivisionError, "integer division or modulo by zero") }
            return try intResult(q)
        case .modulo:
            guard let (_, r) = x.floorDivMod(y) else { throw raise(.zeroDivisionError, "integer modulo by zero") }
            return try intResult(r)
        case .power:
            if y.negative {
                if x.magnitude.isEmpty { throw raise(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
                return try floatBinary(.power, try longToDouble(x), try longToDouble(y), .none, .none)
            }
            guard let e = y.int64, e <= Int64(UInt32.max) else {
                // Only 0, 1 and -1 survive exponents this large.
                if x.magnitude.isEmpty || x == BigInt(1) { return try intResult(x) }
                if x == BigInt(-1) { return try intResult(y.magnitude[0] & 1 == 0 ? BigInt(1) : x) }
                throw memoryError()
            }
            if x.bitLength * Int(e) > heap.size * 8 { throw memoryError() }
            return try intResult(x.power(UInt64(e)))
        case .lshift:
            if y.negative { throw raise(.valueError, "negative shift count") }
            guard let n = y.int64, n < Int64(heap.size * 8) else { throw memoryError() }
            if x.magnitude.isEmpty { return .smallInt(0) }
            if x.bitLength + Int(n) > heap.size * 8 { throw memoryError() }
            return try intResult(x << Int(n))
        case .rshift:
            if y.negative { throw raise(.valueError, "negative shift count") }
            guard let n = y.int64, n < Int64(Int32.max) else { return .smallInt(x.negative ? -1 : 0) }
            return try intResult(x >> Int(n))
        case .and: return try intResult(x & y)
        case .or: return try intResult(x | y)
        case .xor: return try intResult(x ^ y)
        case .matrixMultiply: throw unsupported(op, .smallInt(0), .smallInt(0))
        }
    }

    /// An int as a double; OverflowError when it is too large.
    func longToDouble(_ b: BigInt) throws(VMError) -> Double {
        guard let d = b.toDouble() else { throw raise(.overflowError, "int too large to convert to float") }
        return d
    }

    /// The value of any real number as a double, raising for huge ints.
    func realToDouble(_ v: Value) throws(VMError) -> Double? {
        if let d = doubleOf(v) { return d }
        // Rounded to nearest, ties to even, as longToDouble. A build without floats has no use for
        // the number (formatFloat refuses any), so no soft-float conversion is linked for it.
        if let i = intOf(v) { return BuiltFeatures.floats ? Double(i) : 0 }
        // isLong, not bigOf: without long ints built in, no BigInt code stays linked for this.
        if isLong(v) { return try longToDouble(longValue(v)) }
        return nil
    }

    /// Digits of |v| in `base` (2, 8, 10, 16) and its sign, for any int.
    func intDigits(_ v: Value, base: Int, upper: Bool = false) -> (negative: Bool, digits: [UInt8])? {
        if let i = intOf(v) { return (i < 0, radixDigits(i.magnitude, radix: UInt64(base), upper: upper)) }
        guard isLong(v) else {
            if let inner = builtinValue(v) { return intDigits(inner, base: base, upper: upper) }  // an int subclass's
            return nil
        }
        var b = longValue(v)
        let negative = b.negative
        b.negative = false
        var digits = b.toText(base: base)
        if upper {
            for i in 0..<digits.count where digits[i] >= 97 { digits[i] -= 32 }
        }
        return (negative, digits)
    }
}
