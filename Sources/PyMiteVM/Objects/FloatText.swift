// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Decimal text of doubles, both ways, without the C library: printf's
// %e/%f/%g, Python's shortest repr, and a correctly rounded strtod. A
// double is m * 2^e exactly, so its decimal expansion is finite (the
// digits of m * 5^-e, or of m << e); BigInt gives those digits, and
// rounding is done on them, half to even, as glibc's printf and CPython's
// dtoa do. Text to double goes through BigInt's correctly rounded
// conversion and true division. On a board this replaces newlib's printf,
// strtod and their big-number code (about 20 KB of Thumb-2); the host runs
// the same code so the differential tests check it against CPython.

enum FloatText {
    /// The exact decimal value of |d| (finite, non-zero) as 0.DIGITS * 10^point:
    /// ASCII digits without leading or trailing zeros.
    static func exactDigits(_ d: Double) -> (digits: [UInt8], point: Int) {
        let bits = d.bitPattern
        let biased = Int((bits >> 52) & 0x7ff)
        var mantissa = bits & ((1 << 52) - 1)
        var exponent = -1074
        if biased != 0 { mantissa |= 1 << 52; exponent = biased - 1075 }
        // An even mantissa with a negative exponent only adds factors of 10 to undo.
        while mantissa & 1 == 0 && exponent < 0 { mantissa >>= 1; exponent += 1 }
        var magnitude = BigInt.limbs(of: mantissa)
        var digits: [UInt8]
        var point: Int
        if exponent >= 0 {
            digits = BigInt(negative: false, magnitude: BigInt.shlMag(magnitude, exponent)).toText(base: 10)
            point = digits.count
        } else {
            // m * 2^-k = m * 5^k / 10^k; 5^13 is the largest power of 5 in a limb.
            var k = -exponent
            while k > 0 {
                let step = min(k, 13)
                BigInt.mulAddSmall(&magnitude, power5(step), 0)
                k -= step
            }
            digits = BigInt(negative: false, magnitude: magnitude).toText(base: 10)
            point = digits.count + exponent
        }
        while digits.last == 48 { digits.removeLast() }
        return (digits, point)
    }

    static func power5(_ n: Int) -> UInt32 {
        var p: UInt32 = 1
        for _ in 0..<n { p &*= 5 }
        return p
    }

    /// 0.DIGITS * 10^(point + shift) rounded to an integer, half to even, as
    /// decimal digits without leading zeros (empty for 0).
    static func roundedInteger(_ digits: [UInt8], point: Int, shift: Int) -> [UInt8] {
        let n = point + shift  // how many of the digits are left of the point
        if n >= digits.count { return digits + [UInt8](repeating: 48, count: n - digits.count) }
        if n < 0 || digits.isEmpty { return [] }
        let cut = digits[n]
        let last: UInt8 = n > 0 ? digits[n - 1] : 48
        let up = cut > 53 || (cut == 53 && (digits.count > n + 1 || last & 1 == 1))
        var kept = Array(digits[0..<n])
        if !up { return kept }
        var i = kept.count - 1
        while i >= 0 && kept[i] == 57 { kept[i] = 48; i -= 1 }
        if i >= 0 { kept[i] += 1 } else { kept.insert(49, at: 0) }
        return kept
    }

    /// |d| to `count` significant digits (count >= 1): the digits and the
    /// decimal exponent of the first (d = D.DDD * 10^exponent). Zero gives zeros.
    static func significant(_ d: Double, _ count: Int) -> (digits: [UInt8], exponent: Int) {
        if d == 0 { return ([UInt8](repeating: 48, count: count), 0) }
        let (digits, point) = exactDigits(d)
        return leading(digits, point: point, count)
    }

    /// The first `count` significant digits of an exact expansion (its
    /// digits and decimal point), rounded half to even, and the decimal
    /// exponent of the first.
    static func leading(_ digits: [UInt8], point: Int, _ count: Int) -> (digits: [UInt8], exponent: Int) {
        var kept = roundedInteger(digits, point: point, shift: count - point)
        var exponent = point - 1
        if kept.count > count { kept.removeLast(); exponent += 1 }  // 9.99 rounded up to 10.0
        return (kept, exponent)
    }

    // MARK: printf

    /// C's printf of one double with conversion e, f, g (or E, F, G), a
    /// precision and the '#' flag, as glibc prints it.
    static func printf(_ d: Double, _ conversion: UInt8, precision: Int, alternate: Bool) -> [UInt8] {
        let upper = conversion < 97
        var out: [UInt8] = d.sign == .minus ? [45] : []
        if d.isNaN || d.isInfinite {
            let word: [UInt8] = d.isNaN ? [110, 97, 110] : [105, 110, 102]  // nan, inf
            return out + (upper ? word.map { $0 - 32 } : word)
        }
        let magnitude = abs(d)
        switch conversion | 0x20 {
        case 102: out += fixed(magnitude, precision, alternate)
        case 101: out += scientific(magnitude, precision, alternate, upper)
        default:
            let p = max(precision, 1)
            let x = significant(magnitude, p).exponent
            var text = p > x && x >= -4 ? fixed(magnitude, p - 1 - x, alternate)
                                         : scientific(magnitude, p - 1, alternate, upper)
            if !alternate { text = withoutTrailingZeros(text) }
            out += text
        }
        return out
    }

    static func fixed(_ d: Double, _ precision: Int, _ alternate: Bool) -> [UInt8] {
        var whole: [UInt8] = []
        if d != 0 {
            let (digits, point) = exactDigits(d)
            whole = roundedInteger(digits, point: point, shift: precision)
        }
        if whole.count <= precision { whole = [UInt8](repeating: 48, count: precision + 1 - whole.count) + whole }
        var out = Array(whole[0..<(whole.count - precision)])
        if precision > 0 || alternate { out.append(46) }
        out += whole[(whole.count - precision)...]
        return out
    }

    static func scientific(_ d: Double, _ precision: Int, _ alternate: Bool, _ upper: Bool) -> [UInt8] {
        let (digits, exponent) = significant(d, precision + 1)
        var out: [UInt8] = [digits[0]]
        if precision > 0 || alternate { out.append(46) }
        out += digits[1...]
        out.append(upper ? 69 : 101)
        out.append(exponent < 0 ? 45 : 43)
        let e = abs(exponent)
        if e < 10 { out.append(48) }
        out += decimal(Int64(e))
        return out
    }

    /// %g drops the zeros that end a fraction, and the point if nothing is left.
    static func withoutTrailingZeros(_ text: [UInt8]) -> [UInt8] {
        guard let dot = text.firstIndex(of: 46) else { return text }
        var end = text.firstIndex(where: { $0 == 101 || $0 == 69 }) ?? text.count
        let exponentPart = text[end...]
        while end > dot + 1 && text[end - 1] == 48 { end -= 1 }
        if end == dot + 1 { end = dot }
        return Array(text[0..<end]) + exponentPart
    }

    // MARK: Shortest repr

    /// Python's repr digits: the fewest significant digits that read back as
    /// d (finite, non-zero), nearest to d when several do; d = D.DDD * 10^exponent.
    static func shortest(_ d: Double) -> (digits: [UInt8], exponent: Int) {
        let magnitude = abs(d)
        let (digits, point) = exactDigits(magnitude)
        for count in 1..<17 where count < digits.count {
            let (kept, exponent) = leading(digits, point: point, count)
            if value(kept, exponent: exponent - count + 1) == magnitude { return (kept, exponent) }
            // Next to a power of two the interval that reads back is lopsided:
            // the other neighbour at this length may fit where the nearest did not.
            let roundedUp = Array(digits.prefix(count)) != kept || point - 1 != exponent
            if let other = step(kept, up: !roundedUp), other.count == count,
               value(other, exponent: exponent - count + 1) == magnitude {
                return (other, exponent)
            }
        }
        return leading(digits, point: point, min(digits.count, 17))
    }

    /// The digits one unit in the last place up or down; nil below 1.
    static func step(_ digits: [UInt8], up: Bool) -> [UInt8]? {
        var d = digits
        var i = d.count - 1
        if up {
            while i >= 0 && d[i] == 57 { d[i] = 48; i -= 1 }
            if i < 0 { return nil }
            d[i] += 1
        } else {
            while i >= 0 && d[i] == 48 { d[i] = 57; i -= 1 }
            if i < 0 || (i == 0 && d[0] == 49) { return nil }
            d[i] -= 1
        }
        return d
    }

    // MARK: Text to double

    /// The double nearest DIGITS * 10^exponent (DIGITS a decimal integer),
    /// ties to even; infinity past the largest double.
    static func value(_ digits: [UInt8], exponent: Int) -> Double {
        var start = 0
        while start < digits.count && digits[start] == 48 { start += 1 }
        var significand = Array(digits[start...])
        var exponent = exponent
        if significand.isEmpty { return 0 }
        // A halfway point between two doubles has at most 767 significant
        // digits: past 800, one more digit stands for all the rest (a sticky digit).
        if significand.count > 800 {
            let rest = significand[800...].contains { $0 != 48 }
            exponent += significand.count - 800
            significand.removeLast(significand.count - 800)
            if rest { significand.append(49); exponent -= 1 }
        }
        let top = significand.count + exponent  // 10^(top-1) <= value < 10^top
        if top > 310 { return .infinity }
        if top < -324 { return 0 }
        if significand.count <= 15 && abs(exponent) <= 22 {
            // Both exact as doubles: one multiplication or division rounds correctly.
            var n: UInt64 = 0
            for c in significand { n = n * 10 + UInt64(c - 48) }
            let scale = powerOf10(abs(exponent))
            return exponent < 0 ? Double(n) / scale : Double(n) * scale
        }
        guard let n = BigInt(decimal: significand) else { return .nan }
        let ten = BigInt(10).power(UInt64(abs(exponent)))
        if exponent >= 0 { return (n * ten).toDouble() ?? .infinity }
        return n.trueDivide(ten) ?? .nan
    }

    /// 10^n for 0 <= n <= 22, exact.
    static func powerOf10(_ n: Int) -> Double {
        var p = 1.0
        for _ in 0..<n { p *= 10 }
        return p
    }

    /// strtod over the whole text, as Python's float() reads it once spaces
    /// and underscores are gone: a sign, then digits with at most one point
    /// and an optional exponent, or inf, infinity or nan in any case; nil
    /// for anything else.
    static func parse(_ text: [UInt8]) -> Double? {
        var i = 0
        var negative = false
        if i < text.count && (text[i] == 43 || text[i] == 45) { negative = text[i] == 45; i += 1 }
        let word = text[i...].map { $0 | 0x20 }
        if word == [105, 110, 102] || word == [105, 110, 102, 105, 110, 105, 116, 121] {
            return negative ? -.infinity : .infinity
        }
        if word == [110, 97, 110] { return negative ? -.nan : .nan }
        var digits: [UInt8] = []
        var exponent = 0
        var seenPoint = false
        while i < text.count {
            let c = text[i]
            if c >= 48 && c <= 57 {
                // Leading zeros carry nothing; the exponent keeps their place.
                if !(digits.isEmpty && c == 48) { digits.append(c) }
                if seenPoint { exponent -= 1 }
            } else if c == 46 && !seenPoint {
                seenPoint = true
            } else {
                break
            }
            i += 1
        }
        let mantissaEnd = i
        // At least one digit: "." and "" are not numbers.
        let hadDigit = text[0..<mantissaEnd].contains { $0 >= 48 && $0 <= 57 }
        guard hadDigit else { return nil }
        if i < text.count && (text[i] | 0x20) == 101 {
            i += 1
            var exponentNegative = false
            if i < text.count && (text[i] == 43 || text[i] == 45) { exponentNegative = text[i] == 45; i += 1 }
            guard i < text.count else { return nil }
            var e = 0
            while i < text.count && text[i] >= 48 && text[i] <= 57 {
                // Past a million the answer is 0 or infinity already.
                if e < 1_000_000 { e = e * 10 + Int(text[i] - 48) }
                i += 1
            }
            exponent += exponentNegative ? -e : e
        }
        guard i == text.count else { return nil }
        if digits.isEmpty { return negative ? -0.0 : 0.0 }
        let v = value(digits, exponent: exponent)
        return negative ? -v : v
    }
}

extension VM {
    /// float.as_integer_ratio(): the exact fraction, lowest terms, positive denominator.
    func floatIntegerRatio(_ d: Double) throws(VMError) -> Value {
        if d.isNaN { throw raise(.valueError, "cannot convert NaN to integer ratio") }
        if d.isInfinite { throw raise(.overflowError, "cannot convert Infinity to integer ratio") }
        if d == 0 { return try newTuple([.smallInt(0), .smallInt(1)]) }
        // d = significand * 2^exponent with an odd significand.
        var significand = d.significandBitPattern | (d.isNormal ? 1 << 52 : 0)
        var exponent = Int(d.isNormal ? d.exponent : Double.leastNormalMagnitude.exponent) - 52
        let shift = significand.trailingZeroBitCount
        significand >>= UInt64(shift)
        exponent += shift
        let numerator = BigInt(negative: d < 0, magnitude: BigInt.limbs(of: significand))
        let one = BigInt(1)
        let top = exponent > 0 ? BigInt(negative: d < 0, magnitude: BigInt.shlMag(numerator.magnitude, exponent)) : numerator
        let bottom = exponent < 0 ? BigInt(negative: false, magnitude: BigInt.shlMag(one.magnitude, -exponent)) : one
        let t = try intResult(top)
        root(t); defer { unroot() }
        return try newTuple([t, try intResult(bottom)])
    }
}

/// float.hex(): [-]0x1.<13 hex digits>p<exponent>, 0x0.<...>p-1022 below the normals.
func floatHexText(_ d: Double) -> [UInt8] {
    if d.isNaN { return bytes("nan") }
    if d.isInfinite { return bytes(d < 0 ? "-inf" : "inf") }
    var out: [UInt8] = d.sign == .minus ? bytes("-") : []
    if d == 0 { return out + bytes("0x0.0p+0") }
    let fraction = d.significandBitPattern
    out += bytes(d.isNormal ? "0x1." : "0x0.")
    for k in stride(from: 12, through: 0, by: -1) { out.append(hexDigit(Int((fraction >> UInt64(4 * k)) & 15))) }
    let exponent = d.isNormal ? Int(d.exponent) : -1022
    out += bytes(exponent < 0 ? "p-" : "p+") + decimal(abs(exponent))
    return out
}

/// float.fromhex(): [sign] [0x] hex digits [. hex digits] [p [sign] decimal exponent], or
/// inf, infinity, nan; surrounding whitespace allowed. nil when malformed; inf when too large.
func floatFromHexText(_ text: [UInt8]) -> Double? {
    var i = 0, end = text.count
    while i < end && isSpace(text[i]) { i += 1 }
    while end > i && isSpace(text[end - 1]) { end -= 1 }
    var negative = false
    if i < end && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) { negative = text[i] == UInt8(ascii: "-"); i += 1 }
    let rest = text[i..<end].map { $0 | 0x20 }
    // StaticString, not a String's utf8 view: that pulled 8.5 KB of Swift's String code into every float board.
    if rest == bytes("inf") || rest == bytes("infinity") { return negative ? -.infinity : .infinity }
    if rest == bytes("nan") { return .nan }
    if end - i >= 2 && text[i] == UInt8(ascii: "0") && text[i + 1] | 0x20 == UInt8(ascii: "x") { i += 2 }
    func hexValue(_ c: UInt8) -> Int? {
        if c >= 48 && c <= 57 { return Int(c - 48) }
        let l = c | 0x20
        return l >= 97 && l <= 102 ? Int(l - 87) : nil
    }
    // The digits as an exact binary fraction: a 64-bit significand (later digits only make it sticky) and a power of 2.
    var significand: UInt64 = 0, exponent = 0, digits = 0, sticky = false, seenPoint = false
    while i < end {
        if text[i] == UInt8(ascii: ".") && !seenPoint { seenPoint = true; i += 1; continue }
        guard let d = hexValue(text[i]) else { break }
        if significand >> 60 == 0 { significand = significand << 4 | UInt64(d); if seenPoint { exponent -= 4 } }
        else { if d != 0 { sticky = true }; if !seenPoint { exponent += 4 } }
        digits += 1
        i += 1
    }
    if digits == 0 { return nil }
    if i < end && text[i] | 0x20 == UInt8(ascii: "p") {
        i += 1
        var expNegative = false
        if i < end && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) { expNegative = text[i] == UInt8(ascii: "-"); i += 1 }
        var e = 0, expDigits = 0
        while i < end, text[i] >= 48 && text[i] <= 57 { e = min(e * 10 + Int(text[i] - 48), 100_000); expDigits += 1; i += 1 }
        if expDigits == 0 { return nil }
        exponent += expNegative ? -e : e
    }
    if i != end { return nil }
    if sticky { significand |= 1 }  // rounds as the dropped digits would
    let value = Double(sign: negative ? .minus : .plus, exponent: exponent, significand: Double(significand))
    return value
}
