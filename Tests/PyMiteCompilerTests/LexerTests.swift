// SPDX-License-Identifier: LGPL-2.1-only
import XCTest
@testable import PyMiteCompiler

final class LexerTests: XCTestCase {
    /// Tokens as short strings, so expectations read like the source.
    func lex(_ source: String) -> [String] {
        var lexer = Lexer(source: source, filename: "t.py")
        return lexer.tokenize().map { t in
            switch t.kind {
            case .name(let n): return n
            case .keyword(let k): return k
            case .op(let o): return o
            case .number(let l): return "\(l)"
            case .string(let s):
                switch s {
                case .str(let v): return "s\(v.debugDescription)"
                case .bytes(let b): return "b\(b)"
                case .fString(let body, let raw, _): return "f\(raw ? "r" : "")\(String(decoding: body, as: UTF8.self).debugDescription)"
                }
            case .newline: return "NL"
            case .indent: return "IN"
            case .dedent: return "DE"
            case .end: return "END"
            case .error(let e): return "ERR(\(e.message)@\(e.line):\(e.column))"
            }
        }
    }

    func number(_ source: String) -> Literal? {
        var lexer = Lexer(source: source, filename: "t.py")
        let tokens = lexer.tokenize()
        if case .number(let l) = tokens.first?.kind { return l }
        return nil
    }

    func str(_ source: String) -> String? {
        var lexer = Lexer(source: source, filename: "t.py")
        if case .string(.str(let s)) = lexer.tokenize().first?.kind { return s }
        return nil
    }

    func bytes(_ source: String) -> [UInt8]? {
        var lexer = Lexer(source: source, filename: "t.py")
        if case .string(.bytes(let b)) = lexer.tokenize().first?.kind { return b }
        return nil
    }

    /// The lexer error for `source`, as "message@line:col".
    func lexError(_ source: String) -> String? {
        lex(source).last.flatMap { $0.hasPrefix("ERR(") ? String($0.dropFirst(4).dropLast()) : nil }
    }

    func testSimpleLine() {
        XCTAssertEqual(lex("x = 1 + y\n"), ["x", "=", "int(1)", "+", "y", "NL", "END"])
        XCTAssertEqual(lex("x"), ["x", "NL", "END"])
        XCTAssertEqual(lex(""), ["END"])
        XCTAssertEqual(lex("\n\n  # only a comment\n"), ["END"])
    }

    func testIntegers() {
        XCTAssertEqual(number("0"), .int(0))
        XCTAssertEqual(number("00"), .int(0))
        XCTAssertEqual(number("0_0"), .int(0))
        XCTAssertEqual(number("42"), .int(42))
        XCTAssertEqual(number("1_000_000"), .int(1_000_000))
        XCTAssertEqual(number("0x1F"), .int(31))
        XCTAssertEqual(number("0X_ff"), .int(255))
        XCTAssertEqual(number("0o17"), .int(15))
        XCTAssertEqual(number("0O7_7"), .int(63))
        XCTAssertEqual(number("0b1011"), .int(11))
        XCTAssertEqual(number("0B1_0"), .int(2))
        XCTAssertEqual(number("9223372036854775807"), .int(Int64.max))
    }

    func testBigIntegers() {
        XCTAssertEqual(number("9223372036854775808"), .bigInt("9223372036854775808"))
        XCTAssertEqual(number("123456789012345678901234567890"), .bigInt("123456789012345678901234567890"))
        XCTAssertEqual(number("0x10000000000000000"), .bigInt("18446744073709551616"))
        XCTAssertEqual(number("0xFFFFFFFFFFFFFFFFFFFFFFFF"), .bigInt("79228162514264337593543950335"))
        XCTAssertEqual(number("0o1000000000000000000000"), .bigInt("9223372036854775808"))
        XCTAssertEqual(number("0b1" + String(repeating: "0", count: 64)), .bigInt("18446744073709551616"))
        XCTAssertEqual(number("0x8000000000000000"), .bigInt("9223372036854775808"))
        XCTAssertEqual(number("0x7FFFFFFFFFFFFFFF"), .int(Int64.max))
    }

    func testFloatsAndImaginary() {
        XCTAssertEqual(number("1."), .float(1))
        XCTAssertEqual(number(".5"), .float(0.5))
        XCTAssertEqual(number("1.5"), .float(1.5))
        XCTAssertEqual(number("1e10"), .float(1e10))
        XCTAssertEqual(number("1.5E-3"), .float(1.5e-3))
        XCTAssertEqual(number("1.e+2"), .float(100))
        XCTAssertEqual(number("1_0.2_5e1_0"), .float(10.25e10))
        XCTAssertEqual(number("012.5"), .float(12.5))
        XCTAssertEqual(number("0e0"), .float(0))
        XCTAssertEqual(number("3j"), .imaginary(3))
        XCTAssertEqual(number("1.5J"), .imaginary(1.5))
        XCTAssertEqual(number("012j"), .imaginary(12))
        XCTAssertEqual(number("1e400"), .float(.infinity))
    }

    func testNumberErrors() {
        XCTAssertEqual(lexError("x = 012"), "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers@1:5")
        XCTAssertEqual(lexError("1abc"), "invalid decimal literal@1:1")
        XCTAssertEqual(lexError("1__0"), "invalid decimal literal@1:1")
        XCTAssertEqual(lexError("1_"), "invalid decimal literal@1:1")
        XCTAssertEqual(lexError("1e"), "invalid decimal literal@1:1")
        XCTAssertEqual(lexError("0x"), "invalid hexadecimal literal@1:1")
        XCTAssertEqual(lexError("0xg"), "invalid hexadecimal literal@1:1")
        XCTAssertEqual(lexError("0o8"), "invalid digit '8' in octal literal@1:3")
        XCTAssertEqual(lexError("0b102"), "invalid digit '2' in binary literal@1:5")
        XCTAssertEqual(lexError("0b1a"), "invalid binary literal@1:1")
        XCTAssertEqual(lexError("0o_"), "invalid octal literal@1:1")
        // CPython still accepts a keyword right after a number.
        XCTAssertEqual(lex("1if x else 2"), ["int(1)", "if", "x", "else", "int(2)", "NL", "END"])
    }

    func testStringsAndPrefixes() {
        XCTAssertEqual(str("'abc'"), "abc")
        XCTAssertEqual(str("\"a'b\""), "a'b")
        XCTAssertEqual(str("'''a\nb'''"), "a\nb")
        XCTAssertEqual(str("\"\"\"x\"y\"\"\""), "x\"y")
        XCTAssertEqual(str("r'\\n'"), "\\n")
        XCTAssertEqual(str("R'\\''"), "\\'")
        XCTAssertEqual(str("u'x'"), "x")
        XCTAssertEqual(str("U'x'"), "x")
        XCTAssertEqual(bytes("b'ab'"), [97, 98])
        XCTAssertEqual(bytes("Rb'\\x00'"), Array("\\x00".utf8))
        XCTAssertEqual(bytes("bR'\\n'"), [92, 110])
        XCTAssertEqual(lex("f'a{b}'"), ["f\"a{b}\"", "NL", "END"])
        XCTAssertEqual(lex("rF'a'"), ["fr\"a\"", "NL", "END"])
        XCTAssertEqual(str("'héllo'"), "héllo")
    }

    func testEscapes() {
        XCTAssertEqual(str(#"'\\ \' \" \a \b \f \n \r \t \v'"#), "\\ ' \" \u{07} \u{08} \u{0C} \n \r \t \u{0B}")
        XCTAssertEqual(str(#"'\101\0\7'"#), "A\0\u{07}")
        XCTAssertEqual(str(#"'\x41\xe9'"#), "Aé")
        XCTAssertEqual(str(#"'\u00e9\U0001F600'"#), "é😀")
        XCTAssertEqual(str(#"'\N{LATIN SMALL LETTER E WITH ACUTE}'"#), "é")
        XCTAssertEqual(str("'a\\\nb'"), "ab")
        XCTAssertEqual(str(#"'\q\d'"#), "\\q\\d")
        XCTAssertEqual(bytes(#"b'\x00\xff\101\n\u1234'"#), [0, 255, 65, 10, 92, 117, 49, 50, 51, 52])
        XCTAssertEqual(bytes(#"b'\777'"#), [255])
    }

    func testStringErrors() {
        XCTAssertEqual(lexError("x = 'abc\ny = 2"), "unterminated string literal (detected at line 1)@1:5")
        XCTAssertEqual(lexError("x = 'abc"), "unterminated string literal (detected at line 1)@1:5")
        XCTAssertEqual(lexError("x = '''abc\n\ny\n"), "unterminated triple-quoted string literal (detected at line 3)@1:5")
        XCTAssertEqual(lexError("b'é'"), "bytes can only contain ASCII literal characters@1:1")
        XCTAssertEqual(lexError(#"'\x4'"#), #"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape@1:1"#)
        XCTAssertEqual(lexError(#"'\u12'"#), #"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: truncated \uXXXX escape@1:1"#)
        XCTAssertEqual(lexError(#"'\U00110000'"#), #"(unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: illegal Unicode character@1:1"#)
        XCTAssertEqual(lexError(#"'\N{NO SUCH NAME}'"#)?.hasSuffix("unknown Unicode character name@1:1"), true)
        XCTAssertEqual(lexError(#"b'\x'"#), #"(value error) invalid \x escape at position 0@1:1"#)
    }

    func testIndentation() {
        let src = """
        if x:
            y
            if z:
                w
        v

        """
        XCTAssertEqual(lex(src), ["if", "x", ":", "NL", "IN", "y", "NL", "if", "z", ":", "NL", "IN", "w", "NL",
                                  "DE", "DE", "v", "NL", "END"])
        // Tabs count to the next multiple of eight.
        XCTAssertEqual(lex("if x:\n\ty\n\ty\n"), ["if", "x", ":", "NL", "IN", "y", "NL", "y", "NL", "DE", "END"])
        // Blank and comment lines never change the indentation.
        XCTAssertEqual(lex("if x:\n\n    # c\n  \n    y\n"), ["if", "x", ":", "NL", "IN", "y", "NL", "DE", "END"])
        // Dedent to zero at end of file.
        XCTAssertEqual(lex("if x:\n  if y:\n    z"), ["if", "x", ":", "NL", "IN", "if", "y", ":", "NL", "IN", "z", "NL", "DE", "DE", "END"])
    }

    func testIndentationErrors() {
        XCTAssertEqual(lexError("if x:\n    y\n  z\n"), "unindent does not match any outer indentation level@3:3")
        XCTAssertEqual(lexError("if x:\n        y\n\tz\n"), "inconsistent use of tabs and spaces in indentation@3:2")
        var deep = ""
        for level in 0..<101 { deep += String(repeating: " ", count: level) + "if x:\n" }
        XCTAssertEqual(lexError(deep)?.hasPrefix("too many levels of indentation"), true)
    }

    func testLineJoining() {
        XCTAssertEqual(lex("x = (1 +\n     2)\n"), ["x", "=", "(", "int(1)", "+", "int(2)", ")", "NL", "END"])
        XCTAssertEqual(lex("x = [1,\n# comment\n  2]\n"), ["x", "=", "[", "int(1)", ",", "int(2)", "]", "NL", "END"])
        XCTAssertEqual(lex("x = 1 + \\\n    2\n"), ["x", "=", "int(1)", "+", "int(2)", "NL", "END"])
        XCTAssertEqual(lex("x = 1\r\ny = 2\r"), ["x", "=", "int(1)", "NL", "y", "=", "int(2)", "NL", "END"])
        XCTAssertEqual(lexError("x = 1 \\ y"), "unexpected character after line continuation character@1:8")
        XCTAssertEqual(lexError("x = 1 + \\"), "unexpected EOF while parsing@1:9")
    }

    func testOperators() {
        XCTAssertEqual(lex("a->b:=c**=d//=e>>=f<<=g@h@=i...!=j"),
                       ["a", "->", "b", ":=", "c", "**=", "d", "//=", "e", ">>=", "f", "<<=", "g", "@", "h", "@=", "i", "...", "!=", "j", "NL", "END"])
        XCTAssertEqual(lex("a<=b>=c==d<e>f"), ["a", "<=", "b", ">=", "c", "==", "d", "<", "e", ">", "f", "NL", "END"])
        XCTAssertEqual(lex("x.y"), ["x", ".", "y", "NL", "END"])
    }

    func testKeywordsAndNames() {
        XCTAssertEqual(lex("lambda nonlocal ifx _a1 héllo"), ["lambda", "nonlocal", "ifx", "_a1", "héllo", "NL", "END"])
    }

    func testBracketErrors() {
        XCTAssertEqual(lexError("x = (1,\n 2"), "'(' was never closed@1:5")
        XCTAssertEqual(lexError("x = 1)"), "unmatched ')'@1:6")
        XCTAssertEqual(lexError("x = (1]"), "closing parenthesis ']' does not match opening parenthesis '('@1:7")
        XCTAssertEqual(lexError("x = (1\n]"), "closing parenthesis ']' does not match opening parenthesis '(' on line 1@2:1")
        XCTAssertEqual(lexError(String(repeating: "(", count: 201)), "too many nested parentheses@1:201")
    }

    func testInvalidCharacters() {
        XCTAssertEqual(lexError("x = $"), "invalid syntax@1:5")
        XCTAssertEqual(lexError("x = €"), "invalid character '€' (U+20AC)@1:5")
        XCTAssertEqual(lexError("x = \u{A0}1"), "invalid non-printable character U+00A0@1:5")
        XCTAssertEqual(lexError("x = \u{0}"), "source code cannot contain null bytes@1:5")
        XCTAssertEqual(lexError("é = 'ü' €"), "invalid character '€' (U+20AC)@1:9")
    }
}
