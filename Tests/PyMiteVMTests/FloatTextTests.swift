// SPDX-License-Identifier: LGPL-2.1-only
//
// The VM's own float text (FloatText) against the C library it replaced on
// boards: glibc's printf and strtod round the exact binary value half to
// even, as CPython does, and Swift's description is the shortest
// round-tripping repr. Random doubles of every exponent, plus the edges.

import XCTest
@testable import PyMiteVM
#if canImport(Glibc)
import Glibc
#endif

final class FloatTextTests: XCTestCase {
    /// A deterministic generator (xorshift) so a failure can be rerun.
    struct Bits {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        mutating func next() -> UInt64 {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return state
        }
    }

    /// Finite doubles: any bit pattern, short decimals, halves, powers of two and their neighbours.
    func samples(_ count: Int) -> [Double] {
        var bits = Bits()
        var out: [Double] = [0, -0.0, 5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
                             0.5, 1.5, 2.5, 0.125, 0.375, 1e22, 1e23, 9007199254740993, 0.1, 0.2, 0.3, 1 / 3.0,
                             123456.5, 9.5, 99.5, 0.05, 0.15, 0.25, 0.35, 1e-5, 1e16, 1e15, 4.35, 2.675]
        for e in -1074...1023 {
            let p = e < -1022 ? Double(bitPattern: 1 << UInt64(e + 1074)) : Double(sign: .plus, exponent: e, significand: 1)
            out += [p, p.nextUp, p.nextDown]
        }
        while out.count < count {
            let r = bits.next()
            switch r % 4 {
            case 0:
                let d = Double(bitPattern: bits.next() & ~(1 << 63))
                if d.isFinite { out.append(d) }
            case 1: out.append(Double(Int64(bitPattern: bits.next()) % 1_000_000) / 1000)
            case 2: out.append(Double(bits.next() % 100_000) + 0.5)
            default: out.append(Double(bits.next() % 1000) * pow(10, Double(Int(bits.next() % 40) - 20)))
            }
        }
        return out
    }

    func cPrintf(_ format: String, _ d: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 2048)
        _ = withVaList([d]) { vsnprintf(&buffer, buffer.count, format, $0) }
        return String(cString: buffer)
    }

    func testPrintfMatchesTheCLibrary() {
        var failures = 0
        for (i, d) in samples(6000).enumerated() {
            let conversions: [UInt8] = [101, 102, 103, 69, 71]  // e f g E G
            let conversion = conversions[i % conversions.count]
            for precision in [0, 1, 2, 3, 6, 12, 16, 17, 20, 40] {
                // %f of the largest doubles is long but exact; keep it to the usual sizes.
                if conversion == 102 && abs(d) > 1e60 && precision > 6 { continue }
                for alternate in [false, true] {
                    let format = "%" + (alternate ? "#" : "") + ".\(precision)" + String(UnicodeScalar(conversion))
                    let ours = String(decoding: FloatText.printf(d, conversion, precision: precision, alternate: alternate), as: UTF8.self)
                    let c = cPrintf(format, d)
                    if ours != c {
                        failures += 1
                        if failures < 10 { XCTFail("\(format) of \(d.bitPattern) (\(d)): ours \(ours), C \(c)") }
                    }
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testInfinityAndNaNAsPrintfWritesThem() {
        XCTAssertEqual(FloatText.printf(.infinity, 102, precision: 2, alternate: false), Array("inf".utf8))
        XCTAssertEqual(FloatText.printf(-.infinity, 69, precision: 2, alternate: false), Array("-INF".utf8))
        XCTAssertEqual(FloatText.printf(.nan, 71, precision: 2, alternate: false), Array("NAN".utf8))
    }

    /// Swift's description writes the shortest digits that read back, the
    /// nearest when there are several: the digits and exponent of Python's repr.
    func swiftShortest(_ d: Double) -> ([UInt8], Int) {
        var text = Array(abs(d).description.utf8)
        var exponent = 0
        if let e = text.firstIndex(of: 101) {
            exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self))!
            text = Array(text[..<e])
        }
        let dot = text.firstIndex(of: 46) ?? text.count
        var digits = text.filter { $0 != 46 }
        exponent += dot - 1
        while digits.first == 48 { digits.removeFirst(); exponent -= 1 }
        while digits.count > 1 && digits.last == 48 { digits.removeLast() }
        return (digits, exponent)
    }

    func testShortestReprMatchesSwiftsDescription() {
        var failures = 0
        for d in samples(40000) where d != 0 {
            var (digits, exponent) = FloatText.shortest(d)
            while digits.count > 1 && digits.last == 48 { digits.removeLast() }
            let (expected, expectedExponent) = swiftShortest(d)
            if digits != expected || exponent != expectedExponent {
                failures += 1
                if failures < 10 {
                    XCTFail("\(d.bitPattern) (\(d)): ours \(String(decoding: digits, as: UTF8.self))e\(exponent), Swift \(String(decoding: expected, as: UTF8.self))e\(expectedExponent)")
                }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func cStrtod(_ text: String) -> Double {
        text.withCString { strtod($0, nil) }
    }

    func testParseRoundsAsStrtod() {
        var bits = Bits()
        var failures = 0
        var texts: [String] = ["2.4703282292062327e-324", "2.4703282292062328e-324", "4.9406564584124654e-324",
                               "2.2250738585072011e-308", "1.7976931348623158e308", "1.7976931348623159e308",
                               "9007199254740993", "9007199254740992.5", "0.1", "1e-400", "1e400", "123.456e-2",
                               "0." + String(repeating: "0", count: 330) + "49406564584124654", "1" + String(repeating: "0", count: 400) + "e-400",
                               String(repeating: "9", count: 850) + "e-850", "7.0e-10", "000123", "5."]
        for d in samples(3000) {
            texts.append(cPrintf("%.17e", d))
            texts.append(cPrintf("%.25g", d))
            // Every digit of the exact value, then the same with a digit more past the 800th.
            let exact = cPrintf("%.820e", d)
            texts.append(exact)
            if let e = exact.firstIndex(of: "e") { texts.append(exact[..<e] + "1" + exact[e...]) }
        }
        for _ in 0..<3000 {
            let digits = (0..<Int(bits.next() % 30 + 1)).map { _ in String(bits.next() % 10) }.joined()
            texts.append(digits + "e" + String(Int(bits.next() % 700) - 350))
        }
        for text in texts {
            let ours = FloatText.parse(Array(text.utf8))
            let c = cStrtod(text)
            if ours?.bitPattern != c.bitPattern {
                failures += 1
                if failures < 10 { XCTFail("\(text): ours \(String(describing: ours)), C \(c)") }
            }
        }
        XCTAssertEqual(failures, 0)
    }

    func testParseRefusesWhatIsNotANumber() {
        for text in ["", ".", "e5", "1e", "1e+", "0x10", "1p3", "infinit", "nan(1)", "1..2", "--1", "1 ", " 1", "+", "1e5x"] {
            XCTAssertNil(FloatText.parse(Array(text.utf8)), text)
        }
        XCTAssertEqual(FloatText.parse(Array("-InFiNiTy".utf8)), -.infinity)
        XCTAssertEqual(FloatText.parse(Array("1e99999999999999999999".utf8)), .infinity)
        XCTAssertEqual(FloatText.parse(Array("-1e-99999999999999999999".utf8))?.bitPattern, (-0.0).bitPattern)
        XCTAssertTrue(FloatText.parse(Array("NaN".utf8))!.isNaN)
    }
}
