// SPDX-License-Identifier: LGPL-2.1-only
//
// Python 3 tokenizer. It runs over the whole source up front; the first
// error becomes a trailing `.error` token so the parser reports it only when
// it gets there (errors earlier in the source win, as with CPython's lazy
// tokenizer).

/// A string literal as the lexer leaves it for the parser.
enum StringToken: Equatable {
    case str(String)
    case bytes([UInt8])
    /// f-strings are split by the parser, which can parse the embedded expressions.
    case fString(body: [UInt8], raw: Bool, start: SourceLocation)
}

struct Token {
    enum Kind {
        case name(String)
        case keyword(String)
        case op(String)
        case number(Literal)
        case string(StringToken)
        case newline
        case indent
        case dedent
        case end
        case error(SyntaxError)
    }
    var kind: Kind
    var location: SourceLocation
}

let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break",
    "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
    "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
    "pass", "raise", "return", "try", "while", "with", "yield",
]

/// CPython's limit on bracket nesting.
let maxParenNesting = 200
/// CPython's limit on indentation levels.
let maxIndentLevels = 100

private let threeCharOps: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
private let twoCharOps: Set<String> = [
    "->", ":=", "**", "//", ">>", "<<", "<=", ">=", "==", "!=",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
]
/// Whether `c` is a one-character operator or delimiter. A switch, not a
/// Set<UInt8>: the set's first use made the Swift runtime search every
/// protocol conformance in the binary for UInt8's Hashable (0.2 M
/// instructions of each `p14p run`).
private func isOneCharOp(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"),
         UInt8(ascii: "@"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "~"),
         UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
         UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ":"),
         UInt8(ascii: "."), UInt8(ascii: ";"), UInt8(ascii: "="):
        return true
    default:
        return false
    }
}

/// Keywords that CPython still lets follow a number without a space (`1if x else 2`).
private let keywordsAfterNumber: Set<String> = ["and", "else", "for", "if", "in", "is", "not", "or"]

struct Lexer {
    let src: [UInt8]
    let filename: String
    /// Tokenizing the expression part of an f-string: no NEWLINE/INDENT, newlines ignored.
    let fragment: Bool

    private var i = 0
    private var line: Int
    private var col: Int
    private var tokens: [Token] = []
    private var indents: [(col: Int, alt: Int)] = [(0, 0)]
    private var parens: [(char: UInt8, loc: SourceLocation)] = []
    private var atLineStart = true

    init(source: [UInt8], filename: String, line: Int = 1, column: Int = 1, fragment: Bool = false) {
        // Universal newlines: \r\n and \r become \n, as when Python reads source.
        var s: [UInt8] = []
        s.reserveCapacity(source.count)
        var k = 0
        while k < source.count {
            let c = source[k]
            if c == 13 {
                s.append(10)
                if k + 1 < source.count && source[k + 1] == 10 { k += 1 }
            } else {
                s.append(c)
            }
            k += 1
        }
        self.src = s
        self.filename = filename
        self.fragment = fragment
        self.line = line
        self.col = column
        self.atLineStart = !fragment
    }

    init(source: String, filename: String) {
        self.init(source: Array(source.utf8), filename: filename)
    }

    /// All tokens; the last one is `.end` or `.error`.
    mutating func tokenize() -> [Token] {
        do {
            try run()
        } catch let e as SyntaxError {
            tokens.append(Token(kind: .error(e), location: SourceLocation(line: e.line, column: e.column)))
        } catch {
            let e = SyntaxError("invalid syntax", filename: filename, line: line, column: col)
            tokens.append(Token(kind: .error(e), location: SourceLocation(line: line, column: col)))
        }
        return tokens
    }

    // MARK: - Helpers

    private var here: SourceLocation { SourceLocation(line: line, column: col) }

    private func byte(_ k: Int) -> UInt8? { k >= 0 && k < src.count ? src[k] : nil }
    private var cur: UInt8? { byte(i) }

    private func error(_ message: String, _ loc: SourceLocation) -> SyntaxError {
        SyntaxError(message, filename: filename, line: loc.line, column: loc.column)
    }

    /// Moves one byte on, keeping line and (scalar-counted) column.
    private mutating func bump() {
        guard i < src.count else { return }
        let c = src[i]
        i += 1
        if c == 10 {
            line += 1
            col = 1
        } else if i < src.count && (src[i] & 0xC0) == 0x80 {
            // Still inside a multi-byte scalar.
        } else {
            col += 1
        }
    }

    private mutating func bump(_ n: Int) { for _ in 0..<n { bump() } }

    private mutating func emit(_ kind: Token.Kind, _ loc: SourceLocation) {
        tokens.append(Token(kind: kind, location: loc))
    }

    private var lastIsNewlineOrNothing: Bool {
        guard let last = tokens.last else { return true }
        switch last.kind {
        case .newline, .indent, .dedent: return true
        default: return false
        }
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    static func isASCIIIdentStart(_ c: UInt8) -> Bool {
        (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95
    }

    /// Decodes the scalar at byte offset k (input is valid UTF-8; be defensive anyway).
    private func scalar(at k: Int) -> (Unicode.Scalar, Int)? {
        guard let b0 = byte(k) else { return nil }
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        var len = 0
        var v: UInt32 = 0
        if b0 & 0xE0 == 0xC0 { len = 2; v = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { len = 3; v = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { len = 4; v = UInt32(b0 & 0x07) }
        else { return nil }
        for j in 1..<len {
            guard let b = byte(k + j), b & 0xC0 == 0x80 else { return nil }
            v = (v << 6) | UInt32(b & 0x3F)
        }
        guard let s = Unicode.Scalar(v) else { return nil }
        return (s, len)
    }

    /// Length in bytes of an identifier character at k, or 0.
    private func identChar(at k: Int, start: Bool) -> Int {
        guard let c = byte(k) else { return 0 }
        if c < 0x80 {
            if Lexer.isASCIIIdentStart(c) || (!start && Lexer.isDigit(c)) { return 1 }
            return 0
        }
        guard let (s, len) = scalar(at: k) else { return 0 }
        let ok = start ? s.properties.isXIDStart : s.properties.isXIDContinue
        return ok ? len : 0
    }

    // MARK: - Main loop

    private mutating func run() throws {
        while true {
            if atLineStart && parens.isEmpty {
                if try handleIndentation() { continue }
            }
            // Skip whitespace between tokens.
            while let c = cur, c == 32 || c == 9 || c == 12 { bump() }
            guard let c = cur else { break }
            let loc = here

            if c == 35 { // '#'
                if fragment { throw error("f-string expression part cannot include '#'", loc) }
                while let d = cur, d != 10 { bump() }
                continue
            }
            if c == 10 {
                bump()
                if parens.isEmpty && !fragment {
                    if !lastIsNewlineOrNothing { emit(.newline, loc) }
                    atLineStart = true
                }
                continue
            }
            if c == 92 { // backslash continuation
                if byte(i + 1) == 10 {
                    bump(2)
                    if i >= src.count && parens.isEmpty && !fragment {
                        throw error("unexpected EOF while parsing", here)
                    }
                    continue
                }
                if i + 1 >= src.count { throw error("unexpected EOF while parsing", loc) }
                throw error("unexpected character after line continuation character", SourceLocation(line: loc.line, column: loc.column + 1))
            }
            if c == 0 { throw error("source code cannot contain null bytes", loc) }
            if Lexer.isDigit(c) || (c == 46 && byte(i + 1).map(Lexer.isDigit) == true) {
                let lit = try lexNumber()
                emit(.number(lit), loc)
                continue
            }
            let identLen = identChar(at: i, start: true)
            if identLen > 0 {
                let start = i
                bump(identLen)
                while true {
                    let n = identChar(at: i, start: false)
                    if n == 0 { break }
                    bump(n)
                }
                let word = String(decoding: src[start..<i], as: UTF8.self)
                if let q = cur, q == 34 || q == 39, Lexer.stringPrefix(word) != nil {
                    let s = try lexString(prefix: word, start: loc)
                    emit(.string(s), loc)
                } else if pythonKeywords.contains(word) {
                    emit(.keyword(word), loc)
                } else {
                    emit(.name(word), loc)
                }
                continue
            }
            if c == 34 || c == 39 {
                let s = try lexString(prefix: "", start: loc)
                emit(.string(s), loc)
                continue
            }
            if c >= 0x80 {
                let (s, _) = scalar(at: i) ?? (Unicode.Scalar(0xFFFD)!, 1)
                let hex = String(s.value, radix: 16, uppercase: true)
                let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                switch s.properties.generalCategory {
                case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator,
                     .privateUse, .surrogate, .unassigned:
                    throw error("invalid non-printable character U+\(code)", loc)
                default:
                    throw error("invalid character '\(Character(s))' (U+\(code))", loc)
                }
            }
            try lexOperator(loc)
        }
        // End of input.
        if let open = parens.last {
            if fragment && open.char == 0 { return }
            throw error("'\(Character(Unicode.Scalar(open.char)))' was never closed", open.loc)
        }
        if fragment {
            emit(.end, here)
            return
        }
        if !lastIsNewlineOrNothing { emit(.newline, here) }
        let endLoc = here
        while indents.count > 1 {
            indents.removeLast()
            emit(.dedent, endLoc)
        }
        emit(.end, endLoc)
    }

    /// Measures indentation at the start of a line. Returns true when the
    /// line was blank or a comment (already consumed).
    private mutating func handleIndentation() throws -> Bool {
        var width = 0, alt = 0
        while let c = cur {
            if c == 32 { width += 1; alt += 1 }
            else if c == 9 { width = (width / 8 + 1) * 8; alt += 1 }
            else if c == 12 { width = 0; alt = 0 }
            else { break }
            bump()
        }
        guard let c = cur else { return false }
        if c == 10 { bump(); return true }
        if c == 35 {
            while let d = cur, d != 10 { bump() }
            return true
        }
        // A backslash-newline right after the indentation joins a blank line; treat as blank.
        if c == 92 && byte(i + 1) == 10 { bump(2); return true }
        atLineStart = false
        let loc = here
        let top = indents[indents.count - 1]
        if width == top.col {
            if alt != top.alt { throw error("inconsistent use of tabs and spaces in indentation", loc) }
        } else if width > top.col {
            if alt <= top.alt { throw error("inconsistent use of tabs and spaces in indentation", loc) }
            if indents.count >= maxIndentLevels { throw error("too many levels of indentation", loc) }
            indents.append((width, alt))
            emit(.indent, loc)
        } else {
            while indents.count > 1 && width < indents[indents.count - 1].col {
                indents.removeLast()
                emit(.dedent, loc)
            }
            let now = indents[indents.count - 1]
            if width != now.col { throw error("unindent does not match any outer indentation level", loc) }
            if alt != now.alt { throw error("inconsistent use of tabs and spaces in indentation", loc) }
        }
        return false
    }

    private mutating func lexOperator(_ loc: SourceLocation) throws {
        let c = src[i]
        for len in [3, 2] where i + len <= src.count {
            let s = String(decoding: src[i..<(i + len)], as: UTF8.self)
            if (len == 3 ? threeCharOps : twoCharOps).contains(s) {
                bump(len)
                emit(.op(s), loc)
                return
            }
        }
        guard isOneCharOp(c) else {
            if c == 33 { throw error("invalid syntax", loc) } // lone '!'
            if c < 32 || c == 127 {
                let hex = String(c, radix: 16, uppercase: true)
                throw error("invalid non-printable character U+\(String(repeating: "0", count: 4 - hex.count) + hex)", loc)
            }
            throw error("invalid syntax", loc)
        }
        switch c {
        case 40, 91, 123: // ( [ {
            if parens.count >= maxParenNesting { throw error("too many nested parentheses", loc) }
            parens.append((c, loc))
        case 41, 93, 125: // ) ] }
            let closing = Character(Unicode.Scalar(c))
            guard let open = parens.last, open.char != 0 else {
                throw error("unmatched '\(closing)'", loc)
            }
            let expected: UInt8 = open.char == 40 ? 41 : open.char == 91 ? 93 : 125
            if c != expected {
                let opening = Character(Unicode.Scalar(open.char))
                var msg = "closing parenthesis '\(closing)' does not match opening parenthesis '\(opening)'"
                if open.loc.line != loc.line { msg += " on line \(open.loc.line)" }
                throw error(msg, loc)
            }
            parens.removeLast()
        default:
            break
        }
        bump()
        emit(.op(String(Character(Unicode.Scalar(c)))), loc)
    }

    // MARK: - Numbers

    private mutating func lexNumber() throws -> Literal {
        let start = here
        if src[i] == 48, let p = byte(i + 1) {
            let base: Int
            let name: String
            switch p | 0x20 {
            case 120: base = 16; name = "hexadecimal"
            case 111: base = 8; name = "octal"
            case 98: base = 2; name = "binary"
            default: base = 0; name = ""
            }
            if base != 0 {
                bump(2)
                return try lexPrefixedInteger(base: base, name: name, start: start)
            }
        }
        var text = ""
        let intDigits = try scanDecimalDigits(start)
        text += intDigits
        var isFloat = false
        if cur == 46 { // '.'
            isFloat = true
            bump()
            text += "."
            if let d = cur, Lexer.isDigit(d) { text += try scanDecimalDigits(start) }
            else { text += "0" }
            if intDigits.isEmpty { text = "0" + text }
        }
        if let e = cur, e | 0x20 == 101 { // e/E
            var k = i + 1
            if let s = byte(k), s == 43 || s == 45 { k += 1 }
            if let d = byte(k), Lexer.isDigit(d) {
                isFloat = true
                text += "e"
                bump()
                if let s = cur, s == 43 || s == 45 { text.append(Character(Unicode.Scalar(s))); bump() }
                text += try scanDecimalDigits(start)
            }
        }
        var imaginary = false
        if let j = cur, j | 0x20 == 106 { imaginary = true; bump() }
        try checkNumberEnd(start, "decimal")
        if imaginary || isFloat {
            guard let v = Double(text) else { throw error("invalid decimal literal", start) }
            return imaginary ? .imaginary(v) : .float(v)
        }
        let digits = intDigits
        if digits.count > 1 && digits.first == "0" {
            if digits.contains(where: { $0 != "0" }) {
                throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", start)
            }
            return .int(0)
        }
        if let v = Int64(digits) { return .int(v) }
        return .bigInt(digits)
    }

    /// Digits with single underscores between them.
    private mutating func scanDecimalDigits(_ start: SourceLocation) throws -> String {
        var out = ""
        while let c = cur {
            if Lexer.isDigit(c) {
                out.append(Character(Unicode.Scalar(c)))
                bump()
            } else if c == 95 && !out.isEmpty {
                guard let d = byte(i + 1), Lexer.isDigit(d) else { throw error("invalid decimal literal", start) }
                bump()
            } else {
                break
            }
        }
        return out
    }

    /// A number may not run straight into a name (`1abc`), except a few keywords.
    private mutating func checkNumberEnd(_ start: SourceLocation, _ kind: String) throws {
        let n = identChar(at: i, start: false)
        guard n > 0 else { return }
        var k = i
        while true {
            let m = identChar(at: k, start: false)
            if m == 0 { break }
            k += m
        }
        let word = String(decoding: src[i..<k], as: UTF8.self)
        if keywordsAfterNumber.contains(word) { return }
        throw error("invalid \(kind) literal", start)
    }

    private mutating func lexPrefixedInteger(base: Int, name: String, start: SourceLocation) throws -> Literal {
        var digits: [Int] = []
        while let c = cur {
            if c == 95 {
                // Underscores only between digits (or right after the prefix).
                guard let d = byte(i + 1), Lexer.digitValue(d) < base else {
                    throw error("invalid \(name) literal", start)
                }
                bump()
                continue
            }
            let v = Lexer.digitValue(c)
            if v < base {
                digits.append(v)
                bump()
            } else if v < 10 {
                throw error("invalid digit '\(Character(Unicode.Scalar(c)))' in \(name) literal", here)
            } else {
                break
            }
        }
        if digits.isEmpty { throw error("invalid \(name) literal", start) }
        try checkNumberEnd(start, name)
        var value: Int64 = 0
        var overflow = false
        for d in digits {
            let (m, o1) = value.multipliedReportingOverflow(by: Int64(base))
            let (a, o2) = m.addingReportingOverflow(Int64(d))
            if o1 || o2 { overflow = true; break }
            value = a
        }
        if !overflow { return .int(value) }
        return .bigInt(Lexer.decimalString(digits: digits, base: base))
    }

    static func digitValue(_ c: UInt8) -> Int {
        if c >= 48 && c <= 57 { return Int(c) - 48 }
        if c >= 97 && c <= 102 { return Int(c) - 87 }
        if c >= 65 && c <= 70 { return Int(c) - 55 }
        return 99
    }

    /// Base conversion into decimal digits via base-10^9 limbs.
    static func decimalString(digits: [Int], base: Int) -> String {
        let limbBase = 1_000_000_000
        var limbs: [Int] = [0] // little-endian
        for d in digits {
            var carry = d
            for k in 0..<limbs.count {
                let v = limbs[k] * base + carry
                limbs[k] = v % limbBase
                carry = v / limbBase
            }
            while carry > 0 {
                limbs.append(carry % limbBase)
                carry /= limbBase
            }
        }
        while limbs.count > 1 && limbs[limbs.count - 1] == 0 { limbs.removeLast() }
        var out = String(limbs[limbs.count - 1])
        for k in stride(from: limbs.count - 2, through: 0, by: -1) {
            let s = String(limbs[k])
            out += String(repeating: "0", count: 9 - s.count) + s
        }
        return out
    }

    // MARK: - Strings

    /// (raw, bytes, f) for a valid string prefix, else nil.
    static func stringPrefix(_ word: String) -> (raw: Bool, bytes: Bool, f: Bool)? {
        switch word.lowercased() {
        case "", "u": return (false, false, false)
        case "r": return (true, false, false)
        case "b": return (false, true, false)
        case "br", "rb": return (true, true, false)
        case "f": return (false, false, true)
        case "fr", "rf": return (true, false, true)
        default: return nil
        }
    }

    private mutating func lexString(prefix: String, start: SourceLocation) throws -> StringToken {
        guard let flags = Lexer.stringPrefix(prefix), let quote = cur else {
            throw error("invalid syntax", start)
        }
        let triple = byte(i + 1) == quote && byte(i + 2) == quote
        bump(triple ? 3 : 1)
        let bodyLoc = here
        let bodyStart = i
        var bodyEnd = i
        while true {
            guard let c = cur else {
                var detected = line
                if src.last == 10 && detected > 1 { detected -= 1 }
                let kind = triple ? "unterminated triple-quoted string literal" : "unterminated string literal"
                throw error("\(kind) (detected at line \(detected))", start)
            }
            if c == 92 { // backslash: the next byte never ends the string
                bump()
                bump()
                continue
            }
            if c == 10 && !triple {
                throw error("unterminated string literal (detected at line \(line))", start)
            }
            if c == quote {
                if !triple { bodyEnd = i; bump(); break }
                if byte(i + 1) == quote && byte(i + 2) == quote { bodyEnd = i; bump(3); break }
            }
            bump()
        }
        let body = Array(src[bodyStart..<min(bodyEnd, src.count)])
        if flags.f {
            return .fString(body: body, raw: flags.raw, start: bodyLoc)
        }
        if flags.bytes {
            if body.contains(where: { $0 >= 0x80 }) {
                throw error("bytes can only contain ASCII literal characters", start)
            }
            if flags.raw { return .bytes(body) }
            do {
                return .bytes(try decodeEscapes(body, bytes: true))
            } catch let e as EscapeError {
                throw error(e.message, start)
            }
        }
        if flags.raw { return .str(String(decoding: body, as: UTF8.self)) }
        do {
            return .str(String(decoding: try decodeEscapes(body, bytes: false), as: UTF8.self))
        } catch let e as EscapeError {
            throw error(e.message, start)
        }
    }
}

struct EscapeError: Error { var message: String }

private func appendUTF8(_ s: Unicode.Scalar, to out: inout [UInt8]) {
    out.append(contentsOf: Array(String(Character(s)).utf8))
}

/// Decodes backslash escapes; `bytes` selects the bytes rules (no \u, \U, \N;
/// \x and octal give raw bytes). Returns UTF-8 for str.
func decodeEscapes(_ body: [UInt8], bytes: Bool) throws -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(body.count)
    var k = 0
    let n = body.count
    var escStart = 0
    func fail(_ what: String, end explicitEnd: Int? = nil) -> EscapeError {
        if bytes { return EscapeError(message: "(value error) invalid \\x escape at position \(escStart)") }
        let end = explicitEnd ?? max(escStart, min(k, n) - 1)
        return EscapeError(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(escStart)-\(end): " + what)
    }
    while k < n {
        let c = body[k]
        if c != 92 || k + 1 >= n {
            out.append(c)
            k += 1
            continue
        }
        let e = body[k + 1]
        escStart = k
        k += 2
        switch e {
        case 10: break // line continuation inside the string
        case 92: out.append(92)
        case 39: out.append(39)
        case 34: out.append(34)
        case 97: out.append(7)
        case 98: out.append(8)
        case 102: out.append(12)
        case 110: out.append(10)
        case 114: out.append(13)
        case 116: out.append(9)
        case 118: out.append(11)
        case 48...55: // octal, up to three digits
            var v = Int(e) - 48
            var count = 1
            while count < 3 && k < n && body[k] >= 48 && body[k] <= 55 {
                v = v * 8 + Int(body[k]) - 48
                k += 1
                count += 1
            }
            if bytes { out.append(UInt8(v & 0xFF)) }
            else if let s = Unicode.Scalar(UInt32(v)) { appendUTF8(s, to: &out) }
        case 120: // \xhh
            guard k + 2 <= n, Lexer.digitValue(body[k]) < 16, Lexer.digitValue(body[k + 1]) < 16 else {
                let valid = k < n && Lexer.digitValue(body[k]) < 16 ? 1 : 0
                throw fail("truncated \\xXX escape", end: k - 1 + valid)
            }
            let v = Lexer.digitValue(body[k]) * 16 + Lexer.digitValue(body[k + 1])
            k += 2
            if bytes { out.append(UInt8(v)) }
            else if let s = Unicode.Scalar(UInt32(v)) { appendUTF8(s, to: &out) }
        case 117 where !bytes, 85 where !bytes: // \uXXXX, \UXXXXXXXX
            let len = e == 117 ? 4 : 8
            var v: UInt32 = 0
            for j in 0..<len {
                guard k + j < n, Lexer.digitValue(body[k + j]) < 16 else {
                    throw fail(e == 117 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape", end: k + j - 1)
                }
                v = v &* 16 &+ UInt32(Lexer.digitValue(body[k + j]))
            }
            k += len
            if v > 0x10FFFF { throw fail("illegal Unicode character") }
            guard let s = Unicode.Scalar(v) else { throw fail("surrogate characters are not supported") }
            appendUTF8(s, to: &out)
        case 78 where !bytes: // \N{name}
            guard k < n, body[k] == 123, let close = body[k...].firstIndex(of: 125) else {
                throw fail("malformed \\N character escape")
            }
            let name = String(decoding: body[(k + 1)..<close], as: UTF8.self)
            guard let s = lookupUnicodeName(name) else { throw fail("unknown Unicode character name") }
            appendUTF8(s, to: &out)
            k = close + 1
        default:
            // Unknown escape: keep the backslash, as CPython does.
            out.append(92)
            out.append(e)
        }
    }
    return out
}

/// Every Unicode name and alias; globals initialise lazily and thread-safely,
/// so the cost is paid only by programs that use `\N{...}`.
private let unicodeNameTable: [String: Unicode.Scalar] = {
    var t: [String: Unicode.Scalar] = [:]
    for v in UInt32(0)...0x10FFFF {
        guard let s = Unicode.Scalar(v) else { continue }
        if let n = s.properties.name { t[n] = s }
        if let a = s.properties.nameAlias { t[a] = s }
    }
    return t
}()

/// `\N{...}` lookup.
func lookupUnicodeName(_ raw: String) -> Unicode.Scalar? {
    let name = raw.uppercased()
    if name.isEmpty || name.count > 100 { return nil }
    return unicodeNameTable[name]
}
