// SPDX-License-Identifier: LGPL-2.1-only
//
// A guard in front of TOMLKit. The toml++ parser inside TOMLKit 0.6 does
// not check the first character of a table header's key: `[#`, `[.a]` or
// `[=]` fail an assertion, which aborts the process in a debug build and
// is undefined behaviour in a release build (found by fuzz-recipe,
// Fuzz/regressions/recipe/). So recipe text is scanned for table headers
// first, skipping strings, comments and values that span lines, and such
// a header is refused as a syntax error.

enum TOMLHeaderCheck {
    /// The 1-based line of the first table header whose key starts with a
    /// character no key can start with, or nil.
    static func badHeaderLine(_ text: String) -> Int? {
        let s = Array(text.utf8)
        var i = 0
        var line = 1
        var depth = 0  // open [ and { of a value
        var statementStart = true
        func at(_ k: Int) -> UInt8? { k < s.count ? s[k] : nil }
        func skipBlanks(_ k: inout Int) { while let c = at(k), c == 0x20 || c == 0x09 { k += 1 } }
        while i < s.count {
            let c = s[i]
            switch c {
            case UInt8(ascii: "\n"):
                line += 1
                statementStart = depth == 0
                i += 1
            case 0x20, 0x09, 0x0D:
                i += 1
            case UInt8(ascii: "#"):
                while let d = at(i), d != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                skipString(s, &i, &line)
                statementStart = false
            case UInt8(ascii: "[") where depth == 0 && statementStart:
                var k = i + 1
                skipBlanks(&k)
                if at(k) == UInt8(ascii: "[") && k == i + 1 {
                    k += 1
                    skipBlanks(&k)
                }
                if let first = at(k), !canStartKey(first) && first != UInt8(ascii: "]") { return line }
                i = k
                statementStart = false
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                statementStart = false
                i += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(0, depth - 1)
                i += 1
            default:
                statementStart = false
                i += 1
            }
        }
        return nil
    }

    /// A bare key character or a quote (toml++'s test before it parses a key).
    static func canStartKey(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
            || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
    }

    /// Moves `i` past the string starting there: basic or literal, one line or three quotes.
    static func skipString(_ s: [UInt8], _ i: inout Int, _ line: inout Int) {
        let quote = s[i]
        let triple = i + 2 < s.count && s[i + 1] == quote && s[i + 2] == quote
        i += triple ? 3 : 1
        while i < s.count {
            let c = s[i]
            if c == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                if i + 1 < s.count && s[i + 1] == UInt8(ascii: "\n") { line += 1 }
                i += 2
                continue
            }
            if c == UInt8(ascii: "\n") {
                line += 1
                if !triple { i += 1; return }  // an unclosed one-line string: TOML reports it
            }
            if c == quote {
                if !triple { i += 1; return }
                if i + 2 < s.count && s[i + 1] == quote && s[i + 2] == quote {
                    i += 3
                    while i < s.count && s[i] == quote { i += 1 }  // """a"""" ends with a quote in the string
                    return
                }
            }
            i += 1
        }
    }
}
