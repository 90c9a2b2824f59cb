// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Upper and lower case beyond ASCII, for the scripts a small table
// covers: Latin-1, Latin Extended-A, Greek and Cyrillic. Swift's own
// Unicode tables would cost tens of kilobytes of flash on a board.

/// The other case of `cp` (upper when `toUpper`), or `cp` itself.
func caseMapped(_ cp: UInt32, toUpper: Bool) -> UInt32 {
    if cp < 0x80 {
        if toUpper && cp >= 97 && cp <= 122 { return cp - 32 }
        if !toUpper && cp >= 65 && cp <= 90 { return cp + 32 }
        return cp
    }
    switch cp {
    case 0xE0...0xFE where cp != 0xF7: return toUpper ? cp - 0x20 : cp
    case 0xC0...0xDE where cp != 0xD7: return toUpper ? cp : cp + 0x20
    case 0xFF: return toUpper ? 0x178 : cp
    case 0x178: return toUpper ? cp : 0xFF
    case 0xB5: return toUpper ? 0x39C : cp
    case 0x131: return toUpper ? 0x49 : cp
    case 0x17F: return toUpper ? 0x53 : cp
    case 0x100...0x137, 0x14A...0x177:
        let isUpper = cp & 1 == 0
        return toUpper ? (isUpper ? cp : cp - 1) : (isUpper ? cp + 1 : cp)
    case 0x139...0x148, 0x179...0x17E:
        let isUpper = cp & 1 == 1
        return toUpper ? (isUpper ? cp : cp - 1) : (isUpper ? cp + 1 : cp)
    case 0x3B1...0x3C9: return toUpper ? (cp == 0x3C2 ? 0x3A3 : cp - 0x20) : cp
    case 0x391...0x3A9 where cp != 0x3A2: return toUpper ? cp : cp + 0x20
    case 0x3AC: return toUpper ? 0x386 : cp
    case 0x386: return toUpper ? cp : 0x3AC
    case 0x3AD...0x3AF: return toUpper ? cp - 0x25 : cp
    case 0x388...0x38A: return toUpper ? cp : cp + 0x25
    case 0x3CC: return toUpper ? 0x38C : cp
    case 0x38C: return toUpper ? cp : 0x3CC
    case 0x3CD...0x3CE: return toUpper ? cp - 0x3F : cp
    case 0x38E...0x38F: return toUpper ? cp : cp + 0x3F
    case 0x430...0x44F: return toUpper ? cp - 0x20 : cp
    case 0x410...0x42F: return toUpper ? cp : cp + 0x20
    case 0x450...0x45F: return toUpper ? cp - 0x50 : cp
    case 0x400...0x40F: return toUpper ? cp : cp + 0x50
    case 0x460...0x481:
        let isUpper = cp & 1 == 0
        return toUpper ? (isUpper ? cp : cp - 1) : (isUpper ? cp + 1 : cp)
    default: return cp
    }
}

/// Whether `cp` is a cased letter in the table, and which case.
func isUpperCase(_ cp: UInt32) -> Bool { caseMapped(cp, toUpper: false) != cp }
func isLowerCase(_ cp: UInt32) -> Bool { caseMapped(cp, toUpper: true) != cp || cp == 0xDF }

// MARK: Digits and spaces past ASCII (str.isdigit, isspace, int("١٢"), ...)

/// The zero of each run of ten decimal digits (Unicode category Nd) past ASCII, in order.
private let decimalZeros: [UInt32] = [
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6, 0xE50, 0xED0,
    0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50,
    0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0,
    0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50,
    0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140,
    0x1E2F0, 0x1E950, 0x1FBF0,
]

/// A decimal digit's value (ASCII or any script's), or nil.
func decimalValue(_ cp: UInt32) -> Int? {
    if cp >= 48 && cp <= 57 { return Int(cp - 48) }
    if cp < 0x660 { return nil }
    var lo = 0, hi = decimalZeros.count
    while lo < hi {  // the last zero at or below cp
        let mid = (lo + hi) / 2
        if decimalZeros[mid] <= cp { lo = mid + 1 } else { hi = mid }
    }
    guard lo > 0, cp - decimalZeros[lo - 1] < 10 else { return nil }
    return Int(cp - decimalZeros[lo - 1])
}

/// str.isdigit's digits beyond the decimal ones: superscripts, subscripts, circled 1-9.
func isOtherDigit(_ cp: UInt32) -> Bool {
    cp == 0xB2 || cp == 0xB3 || cp == 0xB9 || cp == 0x2070 || (cp >= 0x2074 && cp <= 0x2079)
        || (cp >= 0x2080 && cp <= 0x2089) || (cp >= 0x2460 && cp <= 0x2468)
}

/// str.isnumeric's numbers beyond the digits: vulgar fractions and Roman numerals.
func isOtherNumeric(_ cp: UInt32) -> Bool {
    (cp >= 0xBC && cp <= 0xBE) || (cp >= 0x2150 && cp <= 0x2182)
}

/// Python's whitespace (str.isspace, split() and strip() with no argument, int()).
func isWhitespace(_ cp: UInt32) -> Bool {
    if cp < 0x80 { return cp == 32 || (cp >= 9 && cp <= 13) || (cp >= 0x1C && cp <= 0x1F) }
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028
        || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000
}

/// `text` with other scripts' decimal digits as ASCII ones and Unicode spaces as
/// ASCII spaces, as int() and float() read them; nil when it is ASCII already.
func asciiNumberText(_ text: [UInt8]) -> [UInt8]? {
    guard text.contains(where: { $0 >= 0x80 }) else { return nil }
    var out: [UInt8] = []
    var i = 0
    text.withUnsafeBufferPointer { b in
        while i < b.count {
            let n = utf8Step(b, i)
            let cp = decodeUTF8(b, i)
            if let d = decimalValue(cp) { out.append(UInt8(48 + d)) }
            else if isWhitespace(cp) { out.append(32) }
            else { out += b[i..<(i + n)] }
            i += n
        }
    }
    return out
}

/// The bytes of a whitespace character at `i` in UTF-8 text, or 0: ASCII
/// whitespace only for bytes, Python's whitespace for a str past ASCII.
func whitespaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, unicode: Bool) -> Int {
    let c = b[i]
    if c < 0x80 { return (unicode ? isWhitespace(UInt32(c)) : isSpace(c)) ? 1 : 0 }
    guard unicode else { return 0 }
    return isWhitespace(decodeUTF8(b, i)) ? utf8Step(b, i) : 0
}

/// `c` as repr shows it inside quotes: \xNN, \uNNNN or \UNNNNNNNN.
func escapedCodePoint(_ c: UInt32) -> [UInt8] {
    let digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8
    var out = bytes(digits == 2 ? "\\x" : digits == 4 ? "\\u" : "\\U")
    for k in stride(from: digits - 1, through: 0, by: -1) { out.append(hexDigit(Int((c >> (4 * UInt32(k))) & 15))) }
    return out
}

/// Whether repr shows `cp` as itself (CPython's str.isprintable): not a control,
/// format, separator (but space), surrogate, private-use or non-character code point.
func isPrintable(_ cp: UInt32) -> Bool {
    if cp < 0x80 { return cp >= 0x20 && cp != 0x7F }
    if cp < 0xA0 || cp == 0xAD || isWhitespace(cp) { return false }
    switch cp {
    case 0x600...0x605, 0x61C, 0x6DD, 0x70F, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064,
         0x2066...0x206F, 0xD800...0xF8FF, 0xFEFF, 0xFFF9...0xFFFB, 0xFFFE, 0xFFFF, 0xE0001, 0xE0020...0xE007F:
        return false
    default:
        return cp <= 0x10FFFF
    }
}
