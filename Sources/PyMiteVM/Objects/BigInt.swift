// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Arbitrary-precision integers for Python ints past the VM's 63-bit small
// ints (HAVE_LONGINT). A self-contained value type: sign + magnitude in
// little-endian 32-bit limbs. 32-bit limbs keep every limb product and carry
// inside a UInt64, which Cortex-M does natively (UMULL/UMAAL), and need no
// 128-bit arithmetic.
//
// Invariants: `magnitude` has no most-significant zero limbs; zero is the
// empty magnitude with `negative == false`. Every operation follows Python's
// semantics (floor division, infinite two's complement for bitwise ops, ...).
//
// Memory is the caller's business: `<<` and `power` build whatever they are
// asked for, so the VM must bound shift counts / exponents before calling.

struct BigInt: Equatable, Comparable {
    var negative: Bool
    var magnitude: [UInt32]

    /// Zero.
    init() {
        negative = false
        magnitude = []
    }

    /// Builds a value from a possibly untrimmed magnitude; restores the invariants.
    init(negative: Bool, magnitude: [UInt32]) {
        var m = magnitude
        BigInt.trim(&m)
        self.negative = negative && !m.isEmpty
        self.magnitude = m
    }

    init(_ v: Int64) {
        negative = v < 0
        magnitude = BigInt.limbs(of: v.magnitude)
    }

    init(unsigned v: UInt64) {
        negative = false
        magnitude = BigInt.limbs(of: v)
    }

    var isZero: Bool { magnitude.isEmpty }

    /// -1, 0 or 1.
    var signum: Int { magnitude.isEmpty ? 0 : (negative ? -1 : 1) }

    var absoluteValue: BigInt { BigInt(negative: false, magnitude: magnitude) }
}

// MARK: - Magnitude algorithms ([UInt32], little-endian, unsigned)

extension BigInt {
    static func limbs(of v: UInt64) -> [UInt32] {
        if v == 0 { return [] }
        if v >> 32 == 0 { return [UInt32(truncatingIfNeeded: v)] }
        return [UInt32(truncatingIfNeeded: v), UInt32(truncatingIfNeeded: v >> 32)]
    }

    static func trim(_ a: inout [UInt32]) {
        while let last = a.last, last == 0 { a.removeLast() }
    }

    /// -1, 0, 1 as |a| <, ==, > |b| (both trimmed).
    static func compareMag(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        var i = a.count - 1
        while i >= 0 {
            if a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            i -= 1
        }
        return 0
    }

    static func addMag(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.count < b.count { return addMag(b, a) }
        var r = a
        r.append(0)
        addInto(&r, b, at: 0)
        trim(&r)
        return r
    }

    /// |a| - |b|; requires |a| >= |b|.
    static func subMag(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var r = a
        subInto(&r, b)
        return r
    }

    /// r += b << (32 * offset). The caller guarantees r is long enough for the sum.
    static func addInto(_ r: inout [UInt32], _ b: [UInt32], at offset: Int) {
        if b.isEmpty { return }
        r.withUnsafeMutableBufferPointer { pr in
            b.withUnsafeBufferPointer { pb in
                var carry: UInt64 = 0
                var i = 0
                while i < pb.count {
                    let s = UInt64(pr[offset + i]) + UInt64(pb[i]) + carry
                    pr[offset + i] = UInt32(truncatingIfNeeded: s)
                    carry = s >> 32
                    i += 1
                }
                var k = offset + i
                while carry != 0 {
                    let s = UInt64(pr[k]) + carry
                    pr[k] = UInt32(truncatingIfNeeded: s)
                    carry = s >> 32
                    k += 1
                }
            }
        }
    }

    /// r -= b; requires r >= b. Leaves r trimmed.
    static func subInto(_ r: inout [UInt32], _ b: [UInt32]) {
        r.withUnsafeMutableBufferPointer { pr in
            b.withUnsafeBufferPointer { pb in
                var borrow: Int64 = 0
                var i = 0
                while i < pr.count && (i < pb.count || borrow != 0) {
                    let d = Int64(pr[i]) - (i < pb.count ? Int64(pb[i]) : 0) - borrow
                    pr[i] = UInt32(truncatingIfNeeded: d)
                    borrow = d < 0 ? 1 : 0
                    i += 1
                }
            }
        }
        trim(&r)
    }

    /// a = a * m + add, in place.
    static func mulAddSmall(_ a: inout [UInt32], _ m: UInt32, _ add: UInt32) {
        var carry = UInt64(add)
        a.withUnsafeMutableBufferPointer { pa in
            for i in 0..<pa.count {
                let t = UInt64(pa[i]) * UInt64(m) + carry
                pa[i] = UInt32(truncatingIfNeeded: t)
                carry = t >> 32
            }
        }
        if carry != 0 { a.append(UInt32(truncatingIfNeeded: carry)) }
        trim(&a)
    }

    /// Divides a (trimmed) in place by d != 0; returns the remainder.
    static func divSmallInPlace(_ a: inout [UInt32], _ d: UInt32) -> UInt32 {
        var rem: UInt64 = 0
        let dd = UInt64(d)
        a.withUnsafeMutableBufferPointer { pa in
            var i = pa.count - 1
            while i >= 0 {
                let cur = rem << 32 | UInt64(pa[i])
                pa[i] = UInt32(truncatingIfNeeded: cur / dd)
                rem = cur % dd
                i -= 1
            }
        }
        trim(&a)
        return UInt32(truncatingIfNeeded: rem)
    }

    static func mulSchool(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var r = [UInt32](repeating: 0, count: a.count + b.count)
        r.withUnsafeMutableBufferPointer { pr in
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    for i in 0..<pa.count {
                        let ai = UInt64(pa[i])
                        if ai == 0 { continue }
                        var carry: UInt64 = 0
                        for j in 0..<pb.count {
                            // (2^32-1)^2 + 2(2^32-1) == 2^64-1: never overflows.
                            let t = ai * UInt64(pb[j]) + UInt64(pr[i + j]) + carry
                            pr[i + j] = UInt32(truncatingIfNeeded: t)
                            carry = t >> 32
                        }
                        pr[i + pb.count] = UInt32(truncatingIfNeeded: carry)
                    }
                }
            }
        }
        trim(&r)
        return r
    }

    /// Below this many limbs in the shorter operand, schoolbook beats Karatsuba.
    static let karatsubaThreshold = 40

    static func mulMag(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        if a.isEmpty || b.isEmpty { return [] }
        if a.count < b.count { return mulMag(b, a) }
        if b.count < karatsubaThreshold { return mulSchool(a, b) }
        if b.count * 2 <= a.count {
            // Very unbalanced: multiply b by b-sized slices of a so each
            // product is balanced enough for Karatsuba to pay off.
            var r = [UInt32](repeating: 0, count: a.count + b.count + 1)
            var off = 0
            while off < a.count {
                let end = min(off + b.count, a.count)
                var chunk = Array(a[off..<end])
                trim(&chunk)
                addInto(&r, mulMag(chunk, b), at: off)
                off = end
            }
            trim(&r)
            return r
        }
        // Karatsuba: (a1 X + a0)(b1 X + b0) with three half-size products;
        // b.count > h so b1 is never empty.
        let h = a.count / 2
        var a0 = Array(a[0..<h]), b0 = Array(b[0..<h])
        trim(&a0)
        trim(&b0)
        let a1 = Array(a[h...]), b1 = Array(b[h...])
        let z0 = mulMag(a0, b0)
        let z2 = mulMag(a1, b1)
        var z1 = mulMag(addMag(a0, a1), addMag(b0, b1))
        subInto(&z1, z0)
        subInto(&z1, z2)
        var r = [UInt32](repeating: 0, count: a.count + b.count + 1)
        addInto(&r, z0, at: 0)
        addInto(&r, z1, at: h)
        addInto(&r, z2, at: 2 * h)
        trim(&r)
        return r
    }

    static func shlMag(_ a: [UInt32], _ n: Int) -> [UInt32] {
        if a.isEmpty { return [] }
        let limbShift = n / 32, bits = UInt32(n % 32)
        var r = [UInt32](repeating: 0, count: a.count + limbShift + 1)
        if bits == 0 {
            for i in 0..<a.count { r[i + limbShift] = a[i] }
        } else {
            var carry: UInt32 = 0
            for i in 0..<a.count {
                r[i + limbShift] = a[i] &<< bits | carry
                carry = a[i] &>> (32 - bits)
            }
            r[a.count + limbShift] = carry
        }
        trim(&r)
        return r
    }

    static func shrMag(_ a: [UInt32], _ n: Int) -> [UInt32] {
        let limbShift = n / 32, bits = UInt32(n % 32)
        if limbShift >= a.count { return [] }
        var r = [UInt32](repeating: 0, count: a.count - limbShift)
        for i in 0..<r.count {
            var v = a[i + limbShift] &>> bits
            if bits != 0 && i + limbShift + 1 < a.count {
                v |= a[i + limbShift + 1] &<< (32 - bits)
            }
            r[i] = v
        }
        trim(&r)
        return r
    }

    /// True if any of the bits below bit position n are set.
    static func hasLowBits(_ a: [UInt32], _ n: Int) -> Bool {
        let limbShift = n / 32, bits = UInt32(n % 32)
        for i in 0..<min(limbShift, a.count) where a[i] != 0 { return true }
        if bits != 0 && limbShift < a.count {
            return a[limbShift] & ((1 &<< bits) - 1) != 0
        }
        return false
    }

    /// The 64 bits of a starting at bit position `bit` (zeros past the top).
    static func extract64(_ a: [UInt32], from bit: Int) -> UInt64 {
        let i = bit / 32, off = UInt64(bit % 32)
        let lo: UInt64 = i < a.count ? UInt64(a[i]) : 0
        let mid: UInt64 = i + 1 < a.count ? UInt64(a[i + 1]) : 0
        let hi: UInt64 = i + 2 < a.count ? UInt64(a[i + 2]) : 0
        if off == 0 { return lo | mid << 32 }
        return lo >> off | mid << (32 - off) | hi << (64 - off)
    }

    static func bitLength(_ a: [UInt32]) -> Int {
        guard let top = a.last else { return 0 }
        return (a.count - 1) * 32 + (32 - top.leadingZeroBitCount)
    }

    /// Truncating division of magnitudes: (|u| / |v|, |u| % |v|), v non-empty.
    /// Multi-limb divisors use Knuth's algorithm D (TAOCP vol. 2, 4.3.1).
    static func divModMag(_ u: [UInt32], _ v: [UInt32]) -> (q: [UInt32], r: [UInt32]) {
        precondition(!v.isEmpty, "BigInt division by zero")
        if compareMag(u, v) < 0 { return ([], u) }
        if v.count == 1 {
            var q = u
            let r = divSmallInPlace(&q, v[0])
            return (q, r == 0 ? [] : [r])
        }
        // D1: normalise so the divisor's top bit is set; then each estimated
        // quotient digit is at most 2 too large.
        let s = v[v.count - 1].leadingZeroBitCount
        var vn = v
        var un = u
        un.append(0)
        if s != 0 {
            let bits = UInt32(s)
            for i in stride(from: vn.count - 1, to: 0, by: -1) {
                vn[i] = vn[i] &<< bits | vn[i - 1] &>> (32 - bits)
            }
            vn[0] = vn[0] &<< bits
            for i in stride(from: un.count - 1, to: 0, by: -1) {
                un[i] = un[i] &<< bits | un[i - 1] &>> (32 - bits)
            }
            un[0] = un[0] &<< bits
        }
        let n = vn.count, m = u.count - n
        var q = [UInt32](repeating: 0, count: m + 1)
        let base: UInt64 = 1 << 32
        un.withUnsafeMutableBufferPointer { pu in
            vn.withUnsafeBufferPointer { pv in
                let vTop = UInt64(pv[n - 1]), vNext = UInt64(pv[n - 2])
                var j = m
                while j >= 0 {
                    // D3: estimate qhat from the top two limbs, refine with the third.
                    let num = UInt64(pu[j + n]) << 32 | UInt64(pu[j + n - 1])
                    var qhat = num / vTop
                    var rhat = num % vTop
                    while qhat >= base || qhat * vNext > (rhat << 32 | UInt64(pu[j + n - 2])) {
                        qhat -= 1
                        rhat += vTop
                        if rhat >= base { break }
                    }
                    // D4: multiply and subtract.
                    var carry: UInt64 = 0
                    var borrow: Int64 = 0
                    for i in 0..<n {
                        let p = qhat * UInt64(pv[i]) + carry
                        carry = p >> 32
                        let d = Int64(pu[i + j]) - borrow - Int64(p & 0xFFFF_FFFF)
                        pu[i + j] = UInt32(truncatingIfNeeded: d)
                        borrow = d < 0 ? 1 : 0
                    }
                    let d = Int64(pu[j + n]) - borrow - Int64(carry)
                    pu[j + n] = UInt32(truncatingIfNeeded: d)
                    // D5/D6: rarely qhat was still one too large; add back.
                    if d < 0 {
                        qhat -= 1
                        var c: UInt64 = 0
                        for i in 0..<n {
                            let t = UInt64(pu[i + j]) + UInt64(pv[i]) + c
                            pu[i + j] = UInt32(truncatingIfNeeded: t)
                            c = t >> 32
                        }
                        pu[j + n] = pu[j + n] &+ UInt32(truncatingIfNeeded: c)
                    }
                    q[j] = UInt32(truncatingIfNeeded: qhat)
                    j -= 1
                }
            }
        }
        // D8: the remainder is the low n limbs, un-normalised.
        var r = Array(un[0..<n])
        if s != 0 {
            let bits = UInt32(s)
            for i in 0..<(n - 1) {
                r[i] = r[i] &>> bits | r[i + 1] &<< (32 - bits)
            }
            r[n - 1] = r[n - 1] &>> bits
        }
        trim(&q)
        trim(&r)
        return (q, r)
    }
}

// MARK: - Construction from text and doubles

extension BigInt {
    /// Decimal digits with an optional leading '-' or '+'. Underscores between
    /// digits are accepted as in Python's int(); nothing else (no spaces).
    init?(decimal text: [UInt8]) {
        self.init(text: text, base: 10)
    }

    /// Digits of `base` (2...36, letters case-insensitive) with an optional
    /// leading sign and single underscores between digits, as Python's int(s, base).
    /// No whitespace and no 0x/0o/0b prefix: the caller strips those.
    init?(text: [UInt8], base: Int) {
        guard base >= 2 && base <= 36 else { return nil }
        var i = 0
        var neg = false
        if i < text.count && (text[i] == 45 || text[i] == 43) {  // '-' '+'
            neg = text[i] == 45
            i += 1
        }
        // Accumulate as many digits as fit a limb, then fold them in with one
        // multiply-add over the whole number.
        let (perChunk, _) = BigInt.chunk(base)
        let b = UInt32(base)
        var mag: [UInt32] = []
        var chunk: UInt32 = 0, chunkScale: UInt32 = 1, inChunk = 0
        var afterSeparator = true  // no leading underscore, no empty string
        while i < text.count {
            let c = text[i]
            i += 1
            if c == 95 {  // '_'
                if afterSeparator { return nil }
                afterSeparator = true
                continue
            }
            guard let d = BigInt.digitValue(c), d < b else { return nil }
            afterSeparator = false
            chunk = chunk * b + d
            chunkScale *= b
            inChunk += 1
            if inChunk == perChunk {
                BigInt.mulAddSmall(&mag, chunkScale, chunk)
                chunk = 0
                chunkScale = 1
                inChunk = 0
            }
        }
        if afterSeparator { return nil }  // trailing underscore or no digits
        if inChunk > 0 { BigInt.mulAddSmall(&mag, chunkScale, chunk) }
        self.init(negative: neg, magnitude: mag)
    }

    static func digitValue(_ c: UInt8) -> UInt32? {
        switch c {
        case 48...57: return UInt32(c - 48)
        case 97...122: return UInt32(c - 97 + 10)
        case 65...90: return UInt32(c - 65 + 10)
        default: return nil
        }
    }

    /// The largest k with base^k < 2^32, and base^k.
    static func chunk(_ base: Int) -> (digits: Int, scale: UInt32) {
        var k = 0
        var p: UInt64 = 1
        while p * UInt64(base) <= UInt64(UInt32.max) {
            p *= UInt64(base)
            k += 1
        }
        return (k, UInt32(p))
    }

    /// The integer part of d (truncation toward zero); nil for nan and infinities.
    init?(truncating d: Double) {
        guard d.isFinite else { return nil }
        let bits = d.bitPattern
        let neg = bits >> 63 == 1
        let expField = Int((bits >> 52) & 0x7FF)
        if expField == 0 {  // zero or subnormal: |d| < 1
            self.init()
            return
        }
        let mant = (bits & ((1 << 52) - 1)) | (1 << 52)
        let e = expField - 1075  // d = mant * 2^e
        if e >= 0 {
            self.init(negative: neg, magnitude: BigInt.shlMag(BigInt.limbs(of: mant), e))
        } else if e <= -53 {
            self.init()
        } else {
            self.init(negative: neg, magnitude: BigInt.limbs(of: mant >> UInt64(-e)))
        }
    }

    /// d as an integer when d is integral; nil for fractions, nan and infinities.
    init?(exactly d: Double) {
        guard d.isFinite else { return nil }
        let bits = d.bitPattern
        let expField = Int((bits >> 52) & 0x7FF)
        let frac = bits & ((1 << 52) - 1)
        if expField == 0 {
            if frac != 0 { return nil }  // subnormal: a non-zero fraction
        } else {
            let e = expField - 1075
            if e < 0 {
                if e <= -53 { return nil }
                let mant = frac | (1 << 52)
                if mant & ((1 << UInt64(-e)) - 1) != 0 { return nil }
            }
        }
        self.init(truncating: d)
    }
}

// MARK: - Conversions out

extension BigInt {
    /// The value as Int64, nil if it does not fit.
    var int64: Int64? {
        if magnitude.count > 2 { return nil }
        var m: UInt64 = 0
        if magnitude.count > 0 { m = UInt64(magnitude[0]) }
        if magnitude.count > 1 { m |= UInt64(magnitude[1]) << 32 }
        if negative {
            return m <= 1 << 63 ? Int64(bitPattern: 0 &- m) : nil
        }
        return m <= UInt64(Int64.max) ? Int64(m) : nil
    }

    /// True if the value fits the VM's small ints: -2^62 ... 2^62-1.
    func fits63Bits() -> Bool {
        guard let v = int64 else { return false }
        return v >= -(1 << 62) && v < (1 << 62)
    }

    /// Python's int.bit_length(): bits of |x|, 0 for 0.
    var bitLength: Int { BigInt.bitLength(magnitude) }

    /// Correctly rounded (round-half-even) conversion; nil when |x| rounds to
    /// 2^1024 or beyond (Python: OverflowError "int too large to convert to float").
    func toDouble() -> Double? {
        let n = bitLength
        if n == 0 { return 0 }
        let d: Double?
        if n <= 64 {
            d = BigInt.makeDouble(BigInt.extract64(magnitude, from: 0), sticky: false, exp2: 0)
        } else {
            // The top 64 bits plus a sticky bit for everything below decide the rounding.
            let shift = n - 64
            d = BigInt.makeDouble(BigInt.extract64(magnitude, from: shift),
                                  sticky: BigInt.hasLowBits(magnitude, shift), exp2: shift)
        }
        guard let v = d else { return nil }
        return negative ? -v : v
    }

    /// Rounds (mant + sticky) * 2^exp2 to the nearest double, ties to even,
    /// with gradual underflow; nil on overflow. mant > 0; when sticky is set,
    /// mant must carry at least 55 significant bits so sticky only breaks ties.
    static func makeDouble(_ mant: UInt64, sticky: Bool, exp2: Int) -> Double? {
        let nbits = 64 - mant.leadingZeroBitCount
        let e = nbits - 1 + exp2  // exponent of the leading bit
        // Significant bits available at this magnitude: 53, fewer when subnormal.
        let keep = e >= -1022 ? 53 : e + 1075
        if keep < 0 { return 0 }  // below half the smallest subnormal
        let drop = nbits - keep
        var m: UInt64
        var scale: Int
        if drop <= 0 {
            m = mant << UInt64(-drop)
            scale = exp2 + drop
        } else {
            m = drop >= 64 ? 0 : mant >> UInt64(drop)
            let half = (mant >> UInt64(drop - 1)) & 1 == 1
            let rest = sticky || (drop >= 2 && mant & ((1 << UInt64(drop - 1)) - 1) != 0)
            if half && (rest || m & 1 == 1) { m += 1 }
            scale = exp2 + drop
        }
        if m == 0 { return 0 }
        if m >= 1 << 53 {  // rounding carried into a new bit
            m >>= 1
            scale += 1
        }
        if m < 1 << 52 {
            // Subnormal: here scale is always -1074, the subnormal unit.
            return Double(bitPattern: m)
        }
        let biased = scale + 52 + 1023
        if biased >= 2047 { return nil }
        return Double(bitPattern: UInt64(biased) << 52 | (m & ((1 << 52) - 1)))
    }

    /// Digits in base 2...36, lower case, '-' for negatives, no prefix.
    /// Power-of-two bases read bits directly; others peel off the largest
    /// power of the base that fits a limb (10^9 for decimal) per pass.
    func toText(base: Int) -> [UInt8] {
        precondition(base >= 2 && base <= 36, "base out of range")
        if magnitude.isEmpty { return [48] }
        var digits: [UInt8] = []  // least significant first
        @inline(__always) func ascii(_ d: UInt32) -> UInt8 {
            d < 10 ? UInt8(48 + d) : UInt8(87 + d)
        }
        if base & (base - 1) == 0 {
            let width = base.trailingZeroBitCount
            let mask = UInt64(base - 1)
            let n = bitLength
            digits.reserveCapacity(n / width + 1)
            var pos = 0
            while pos < n {
                digits.append(ascii(UInt32(BigInt.extract64(magnitude, from: pos) & mask)))
                pos += width
            }
        } else {
            let (perChunk, scale) = BigInt.chunk(base)
            let b = UInt32(base)
            var cur = magnitude
            digits.reserveCapacity(bitLength * 31 / 100 + perChunk)  // ~log10(2) per bit for decimal
            while !cur.isEmpty {
                var r = BigInt.divSmallInPlace(&cur, scale)
                if cur.isEmpty {
                    while r != 0 {
                        digits.append(ascii(r % b))
                        r /= b
                    }
                } else {
                    for _ in 0..<perChunk {
                        digits.append(ascii(r % b))
                        r /= b
                    }
                }
            }
        }
        if negative { digits.append(45) }
        digits.reverse()
        return digits
    }

    /// CPython's hash of an int: sign * (|x| mod (2^61 - 1)), with -1 mapped to -2.
    func pythonHash() -> Int64 {
        let p: UInt64 = (1 << 61) - 1
        var acc: UInt64 = 0
        var i = magnitude.count - 1
        while i >= 0 {
            // acc * 2^32 mod p is a 61-bit rotation, since 2^61 == 1 (mod p).
            acc = ((acc << 32) & p) | (acc >> 29)
            acc += UInt64(magnitude[i])
            if acc >= p { acc -= p }
            i -= 1
        }
        var h = Int64(acc)
        if negative { h = -h }
        return h == -1 ? -2 : h
    }
}

// MARK: - Arithmetic

extension BigInt {
    static func + (a: BigInt, b: BigInt) -> BigInt {
        if a.negative == b.negative {
            return BigInt(negative: a.negative, magnitude: addMag(a.magnitude, b.magnitude))
        }
        let c = compareMag(a.magnitude, b.magnitude)
        if c == 0 { return BigInt() }
        if c > 0 { return BigInt(negative: a.negative, magnitude: subMag(a.magnitude, b.magnitude)) }
        return BigInt(negative: b.negative, magnitude: subMag(b.magnitude, a.magnitude))
    }

    static prefix func - (a: BigInt) -> BigInt {
        var r = a
        if !r.magnitude.isEmpty { r.negative.toggle() }
        return r
    }

    static func - (a: BigInt, b: BigInt) -> BigInt { a + (-b) }

    static func * (a: BigInt, b: BigInt) -> BigInt {
        BigInt(negative: a.negative != b.negative, magnitude: mulMag(a.magnitude, b.magnitude))
    }

    static func += (a: inout BigInt, b: BigInt) { a = a + b }
    static func -= (a: inout BigInt, b: BigInt) { a = a - b }
    static func *= (a: inout BigInt, b: BigInt) { a = a * b }

    /// Python's (a // b, a % b): the quotient floors, the remainder takes the
    /// divisor's sign. nil on division by zero.
    func floorDivMod(_ other: BigInt) -> (BigInt, BigInt)? {
        if other.isZero { return nil }
        let (qm, rm) = BigInt.divModMag(magnitude, other.magnitude)
        var q = BigInt(negative: negative != other.negative, magnitude: qm)
        var r = BigInt(negative: negative, magnitude: rm)
        if !r.isZero && negative != other.negative {
            q = q - BigInt(1)
            r = r + other
        }
        return (q, r)
    }

    /// self ** exp (0 ** 0 == 1). The caller bounds the result size.
    func power(_ exp: UInt64) -> BigInt {
        var result = BigInt(1)
        var base = self
        var e = exp
        while e > 0 {
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return result
    }

    /// Python's pow(self, exp, mod). The result is 0 or has mod's sign.
    /// A negative exponent uses the modular inverse (Python 3.8+).
    /// nil when mod == 0 (ValueError "pow() 3rd argument cannot be 0") or when
    /// exp < 0 and self is not invertible (ValueError "base is not invertible
    /// for the given modulus"); the caller tells the two apart by testing mod.
    func powerMod(_ exp: BigInt, _ mod: BigInt) -> BigInt? {
        if mod.isZero { return nil }
        let m = mod.magnitude
        var base: [UInt32]
        if exp.negative {
            guard let inv = inverse(modulo: mod) else { return nil }
            base = inv.magnitude
            if inv.negative { base = BigInt.subMag(m, base) }
        } else {
            base = BigInt.divModMag(magnitude, m).r
            if negative && !base.isEmpty { base = BigInt.subMag(m, base) }
        }
        // Left-to-right binary exponentiation, reducing after every product.
        var result: [UInt32] = BigInt.compareMag([1], m) < 0 ? [1] : []
        let e = exp.magnitude
        var bit = BigInt.bitLength(e) - 1
        while bit >= 0 {
            result = BigInt.divModMag(BigInt.mulMag(result, result), m).r
            if (e[bit / 32] >> UInt32(bit % 32)) & 1 == 1 {
                result = BigInt.divModMag(BigInt.mulMag(result, base), m).r
            }
            bit -= 1
        }
        if mod.negative && !result.isEmpty {
            return BigInt(negative: true, magnitude: BigInt.subMag(m, result))
        }
        return BigInt(negative: false, magnitude: result)
    }

    /// x with self * x == 1 (mod m), in [0, |m|) or (m, 0] like Python's
    /// pow(self, -1, m); nil when m == 0 or gcd(self, m) != 1.
    func inverse(modulo mod: BigInt) -> BigInt? {
        if mod.isZero { return nil }
        let m = mod.absoluteValue
        // Extended Euclid, tracking only the coefficient of self.
        var r0 = floorDivMod(m)!.1, r1 = m
        var s0 = BigInt(1), s1 = BigInt()
        while !r1.isZero {
            let (q, r) = r0.floorDivMod(r1)!
            (r0, r1) = (r1, r)
            (s0, s1) = (s1, s0 - q * s1)
        }
        if r0 != BigInt(1) { return nil }
        var x = s0.floorDivMod(m)!.1
        if mod.negative && !x.isZero { x = x - m }
        return x
    }

    /// Greatest common divisor, always >= 0 (math.gcd).
    func gcd(_ other: BigInt) -> BigInt {
        var a = magnitude, b = other.magnitude
        while !b.isEmpty {
            (a, b) = (b, BigInt.divModMag(a, b).r)
        }
        return BigInt(negative: false, magnitude: a)
    }

    /// floor(sqrt(self)) (math.isqrt); nil for negatives.
    func isqrt() -> BigInt? {
        if negative { return nil }
        if isZero { return self }
        // Newton's iteration from above: 2^ceil(bits/2) >= sqrt(self), and the
        // sequence decreases strictly until it reaches the floor root.
        var x = BigInt(negative: false, magnitude: BigInt.shlMag([1], (bitLength + 1) / 2))
        while true {
            let y = BigInt(negative: false, magnitude: BigInt.shrMag(
                BigInt.addMag(x.magnitude, BigInt.divModMag(magnitude, x.magnitude).q), 1))
            if BigInt.compareMag(y.magnitude, x.magnitude) >= 0 { return x }
            x = y
        }
    }

    /// Python's int / int, correctly rounded however large the operands.
    /// nil on division by zero (ZeroDivisionError). When the quotient is too
    /// large for a double this returns +infinity or -infinity: the caller raises
    /// OverflowError "integer division result too large for a float".
    func trueDivide(_ other: BigInt) -> Double? {
        if other.isZero { return nil }
        let neg = negative != other.negative
        if isZero { return neg ? -0.0 : 0.0 }
        let na = bitLength, nb = other.bitLength
        if na <= 53 && nb <= 53 {
            // Both exact in a double: one IEEE division rounds correctly.
            let x = Double(BigInt.extract64(magnitude, from: 0))
            let y = Double(BigInt.extract64(other.magnitude, from: 0))
            return neg ? -(x / y) : x / y
        }
        // Quotient far outside the double range: skip the huge shifts.
        if na - nb > 1025 { return neg ? -Double.infinity : Double.infinity }
        if na - nb < -1080 { return neg ? -0.0 : 0.0 }
        // Scale so the integer quotient has 55 or 56 bits; the remainder
        // becomes a sticky bit, which is all round-half-even needs.
        let s = 55 - (na - nb)
        let num = s > 0 ? BigInt.shlMag(magnitude, s) : magnitude
        let den = s < 0 ? BigInt.shlMag(other.magnitude, -s) : other.magnitude
        let (q, r) = BigInt.divModMag(num, den)
        guard let d = BigInt.makeDouble(BigInt.extract64(q, from: 0), sticky: !r.isEmpty, exp2: -s) else {
            return neg ? -Double.infinity : Double.infinity
        }
        return neg ? -d : d
    }
}

// MARK: - Shifts and bitwise operations (infinite two's complement)

extension BigInt {
    /// self * 2^n. A negative count shifts right instead (Python raises
    /// ValueError "negative shift count"; the caller checks first).
    static func << (a: BigInt, n: Int) -> BigInt {
        if n < 0 { return a >> (n == Int.min ? Int.max : -n) }
        return BigInt(negative: a.negative, magnitude: shlMag(a.magnitude, n))
    }

    /// floor(self / 2^n), so negatives round toward -infinity as in Python.
    static func >> (a: BigInt, n: Int) -> BigInt {
        if n < 0 { return a << (n == Int.min ? Int.max : -n) }
        var q = shrMag(a.magnitude, n)
        if a.negative && hasLowBits(a.magnitude, n) { q = addMag(q, [1]) }
        return BigInt(negative: a.negative, magnitude: q)
    }

    static prefix func ~ (a: BigInt) -> BigInt { -(a + BigInt(1)) }

    static func & (a: BigInt, b: BigInt) -> BigInt { bitwise(a, b, .and) }
    static func | (a: BigInt, b: BigInt) -> BigInt { bitwise(a, b, .or) }
    static func ^ (a: BigInt, b: BigInt) -> BigInt { bitwise(a, b, .xor) }

    enum BitOp { case and, or, xor }

    /// Both operands in two's complement over n limbs (one more than either
    /// needs, so the top bit is the sign), combined, and converted back.
    static func bitwise(_ a: BigInt, _ b: BigInt, _ op: BitOp) -> BigInt {
        let n = max(a.magnitude.count, b.magnitude.count) + 1
        let x = twosComplement(a, n), y = twosComplement(b, n)
        var r = [UInt32](repeating: 0, count: n)
        for i in 0..<n {
            switch op {
            case .and: r[i] = x[i] & y[i]
            case .or: r[i] = x[i] | y[i]
            case .xor: r[i] = x[i] ^ y[i]
            }
        }
        if r[n - 1] & 0x8000_0000 == 0 { return BigInt(negative: false, magnitude: r) }
        negateLimbs(&r)
        return BigInt(negative: true, magnitude: r)
    }

    static func twosComplement(_ a: BigInt, _ n: Int) -> [UInt32] {
        var r = [UInt32](repeating: 0, count: n)
        for i in 0..<a.magnitude.count { r[i] = a.magnitude[i] }
        if a.negative { negateLimbs(&r) }
        return r
    }

    /// r = 2^(32 n) - r: two's-complement negation over r's width.
    static func negateLimbs(_ r: inout [UInt32]) {
        var carry: UInt64 = 1
        for i in 0..<r.count {
            let t = UInt64(~r[i]) + carry
            r[i] = UInt32(truncatingIfNeeded: t)
            carry = t >> 32
        }
    }
}

// MARK: - Comparison

extension BigInt {
    /// -1, 0, 1 as self <, ==, > other.
    func compare(_ other: BigInt) -> Int {
        if negative != other.negative { return negative ? -1 : 1 }
        let c = BigInt.compareMag(magnitude, other.magnitude)
        return negative ? -c : c
    }

    static func < (a: BigInt, b: BigInt) -> Bool { a.compare(b) < 0 }
}
