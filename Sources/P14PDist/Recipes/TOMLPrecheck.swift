// SPDX-License-Identifier: LGPL-2.1-only
//
// A guard in front of TOMLKit. The toml++ parser inside TOMLKit 0.6 skips
// some checks and fails an assertion instead (which aborts the process in
// a debug build and is undefined behaviour in a release build): a table
// header whose key starts with a character no key starts with (`[#`,
// `[.a]`, `[=]`), a `}` where an array expects an element (`[}]`), a
// date followed by a space and one digit (`2006-12-14 2`), and a date and
// 'T' followed by no digit (`2009-04-20tifier`). All were found
// by fuzz-recipe (Fuzz/regressions/recipe/). So recipe text is scanned
// first, skipping strings and comments, and such text is refused as a
// syntax error.

enum TOMLPrecheck {
    /// The first of those mistakes in `text`: its 1-based line and what
    /// is wrong, or nil. Whitespace and line breaks are toml++'s (Unicode
    /// spaces and the byte-order mark included).
    static func firstProblem(_ text: String) -> (line: Int, message: String)? {
        let s = Array(text.unicodeScalars)
        var i = 0
        var line = 1
        var open: [Unicode.Scalar] = []  // the [ and { of the value being read
        var depth: Int { open.count }
        var statementStart = true
        func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }
        func skipBlanks(_ k: inout Int) { while let c = at(k), isBlank(c) { k += 1 } }
        while i < s.count {
            let c = s[i]
            if isLineBreak(c) {
                if c == "\n" { line += 1 }
                statementStart = depth == 0
                i += 1
            } else if isBlank(c) {
                i += 1
            } else if c == "#" {
                while let d = at(i), !isLineBreak(d) { i += 1 }
            } else if c == "\"" || c == "'" {
                skipString(s, &i, &line)
                statementStart = false
            } else if c == "[" && depth == 0 && statementStart {
                var k = i + 1
                skipBlanks(&k)
                if at(k) == "[" && k == i + 1 {
                    k += 1
                    skipBlanks(&k)
                }
                if let first = at(k), !canStartKey(first) && first != "]" {
                    return (line, "a table header must start with a key, as in [name]")
                }
                i = k
                statementStart = false
            } else if c == "[" || c == "{" {
                open.append(c)
                statementStart = false
                i += 1
            } else if c == "}" && open.last == "[" {
                return (line, "'}' inside an array")
            } else if c == "]" || c == "}" {
                if !open.isEmpty { open.removeLast() }
                i += 1
            } else {
                // A bare token (key, number, date, true...): read it whole.
                var k = i
                while let d = at(k), isTokenCharacter(d) { k += 1 }
                let token = s[i..<max(k, i + 1)]
                if token.count == 10, let first = token.first, first >= "0" && first <= "9",
                   token[i + 4] == "-", token[i + 7] == "-", at(k) == " ", let digit = at(k + 1),
                   digit >= "0" && digit <= "9", let after = at(k + 2), !isTokenCharacter(after) && after != "\"" && after != "'" {
                    return (line, "a date followed by a lone digit (a time is written 07:32:00)")
                }
                // A date then 'T' or 't' is a date-time: toml++ asserts that a digit follows.
                if token.count >= 11, isDate(s, from: i), let separator = at(i + 10), separator == "T" || separator == "t",
                   !(at(i + 11).map { $0 >= "0" && $0 <= "9" } ?? true) {
                    return (line, "a date-time is written 2009-04-20T07:32:00")
                }
                statementStart = false
                i = max(k, i + 1)
            }
        }
        return nil
    }

    /// `s[i...]` starts with YYYY-MM-DD (digits and two dashes).
    static func isDate(_ s: [Unicode.Scalar], from i: Int) -> Bool {
        guard i + 10 <= s.count else { return false }
        for (k, c) in s[i..<(i + 10)].enumerated() {
            if k == 4 || k == 7 { if c != "-" { return false } } else if !(c >= "0" && c <= "9") { return false }
        }
        return true
    }

    /// Anything but what ends a bare value or key in toml++.
    static func isTokenCharacter(_ c: Unicode.Scalar) -> Bool {
        !(isBlank(c) || isLineBreak(c) || "[]{},#=\"'".unicodeScalars.contains(c))
    }

    /// toml++'s horizontal whitespace (tab, space, NBSP, U+1680, U+180E,
    /// U+2000...U+200B, U+202F, U+205F, U+2060, U+3000, the BOM) or more:
    /// a space it does not take only turns a syntax error into this one.
    static func isBlank(_ c: Unicode.Scalar) -> Bool {
        if isLineBreak(c) { return false }
        return c == " " || c == "\t" || (c.value >= 0xA0 && c.properties.isWhitespace)
            || [0x180E, 0x200B, 0x2060, 0xFEFF].contains(c.value)
    }

    /// toml++'s vertical whitespace: LF, VT, FF, CR, NEL, U+2028, U+2029.
    static func isLineBreak(_ c: Unicode.Scalar) -> Bool {
        (c.value >= 0x0A && c.value <= 0x0D) || c.value == 0x85 || c.value == 0x2028 || c.value == 0x2029
    }

    /// A bare key character or a quote (toml++'s test before it parses a key).
    static func canStartKey(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9")
            || c == "_" || c == "-" || c == "\"" || c == "'"
    }

    /// Moves `i` past the string starting there: basic or literal, one line or three quotes.
    static func skipString(_ s: [Unicode.Scalar], _ i: inout Int, _ line: inout Int) {
        let quote = s[i]
        let triple = i + 2 < s.count && s[i + 1] == quote && s[i + 2] == quote
        i += triple ? 3 : 1
        while i < s.count {
            let c = s[i]
            if c == "\\" && quote == "\"" {
                if i + 1 < s.count && s[i + 1] == "\n" { line += 1 }
                i += 2
                continue
            }
            if c == "\n" {
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
