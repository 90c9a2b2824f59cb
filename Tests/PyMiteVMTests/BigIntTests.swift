// SPDX-License-Identifier: LGPL-2.1-only
import Foundation
import XCTest
@testable import PyMiteVM

final class BigIntTests: XCTestCase {
    // MARK: helpers

    func big(_ s: String, base: Int = 10) -> BigInt {
        guard let v = BigInt(text: Array(s.utf8), base: base) else {
            XCTFail("cannot parse \(s)")
            return BigInt()
        }
        return v
    }

    func text(_ b: BigInt, _ base: Int = 10) -> String {
        String(decoding: b.toText(base: base), as: UTF8.self)
    }

    func bits(_ d: Double?) -> String {
        guard let d else { return "O" }
        return d.isInfinite ? "O" : String(d.bitPattern)
    }

    /// Deterministic xorshift64* so failures reproduce.
    struct RNG: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state ^= state >> 12
            state ^= state << 25
            state ^= state >> 27
            return state &* 0x2545_F491_4F6C_DD1D
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    // MARK: self-contained checks (no python needed)

    func testSmallValuesAndSigns() {
        XCTAssertEqual(BigInt(0), BigInt())
        XCTAssertEqual(BigInt(0).magnitude, [])
        XCTAssertFalse((-BigInt(0)).negative)
        XCTAssertEqual(BigInt(Int64.min).int64, Int64.min)
        XCTAssertEqual(BigInt(Int64.max).int64, Int64.max)
        XCTAssertNil((BigInt(Int64.max) + BigInt(1)).int64)
        XCTAssertNil((BigInt(Int64.min) - BigInt(1)).int64)
        XCTAssertTrue(BigInt(-(1 << 62)).fits63Bits())
        XCTAssertTrue(BigInt((1 << 62) - 1).fits63Bits())
        XCTAssertFalse(BigInt(1 << 62).fits63Bits())
        XCTAssertFalse(BigInt(-(1 << 62) - 1).fits63Bits())

        // Python: (-7)//2 == -4, (-7)%2 == 1, 7//-2 == -4, 7%-2 == -1, -7//-2 == 3, -7%-2 == -1
        let cases: [(Int64, Int64, Int64, Int64)] = [
            (-7, 2, -4, 1), (7, -2, -4, -1), (-7, -2, 3, -1), (7, 2, 3, 1), (-8, 2, -4, 0), (0, -3, 0, 0),
        ]
        for (a, b, q, r) in cases {
            let (bq, br) = BigInt(a).floorDivMod(BigInt(b))!
            XCTAssertEqual(bq, BigInt(q), "\(a)//\(b)")
            XCTAssertEqual(br, BigInt(r), "\(a)%\(b)")
        }
        XCTAssertNil(BigInt(5).floorDivMod(BigInt()))
        XCTAssertNil(BigInt(5).trueDivide(BigInt()))
        XCTAssertEqual(BigInt(-1) >> 100, BigInt(-1))
        XCTAssertEqual(BigInt(-5) >> 1, BigInt(-3))
        XCTAssertEqual(~BigInt(0), BigInt(-1))
        XCTAssertEqual(BigInt(-6) & BigInt(3), BigInt(2))
        XCTAssertEqual(BigInt(-6) | BigInt(3), BigInt(-5))
        XCTAssertEqual(BigInt(-6) ^ BigInt(-3), BigInt(7))
    }

    func testKnownBigValues() {
        let two1000 = BigInt(2).power(1000)
        XCTAssertEqual(two1000.bitLength, 1001)
        XCTAssertEqual(two1000, BigInt(1) << 1000)
        XCTAssertEqual(text(two1000, 16), "1" + String(repeating: "0", count: 250))
        XCTAssertTrue(text(two1000).hasPrefix("10715086071862673209484250490600018105614048117055336074437503883703510511249361224931983788156958581275946729175531468251871452856923140435984577574698574803934567774824230985421074605062371141877954182153046474983581941267398767559165543946077062914571196477686542167660429831652624386837205668069376"))

        let nines = String(repeating: "9", count: 500)
        let n = big(nines)
        XCTAssertEqual(text(n), nines)
        XCTAssertEqual(text(-n), "-" + nines)
        XCTAssertEqual(n + BigInt(1), BigInt(10).power(500))

        var f = BigInt(1)
        for i in 1...200 { f = f * BigInt(Int64(i)) }
        XCTAssertEqual(text(f).count, 375)
        XCTAssertTrue(text(f).hasPrefix("788657867364790503552363213932185062295135977687173263294742533244359449963403342920304284011984623904177212138919638830257642790242637105061926624952829931113462857270763317237396988943922445621451664240254033291864131227428294853277524242407573903240321257405579568660226031904170324062351700858796178922222789623703897374720000000000000000000000000000000000000000000000000"))
        // Divide it back down with multi-limb divisors (algorithm D).
        var g = f
        for i in stride(from: 200, to: 0, by: -7) {
            let (q, r) = g.floorDivMod(BigInt(Int64(i)) << 40)!
            XCTAssertEqual(q * (BigInt(Int64(i)) << 40) + r, g)
            g = q
        }
    }

    func testHashes() {
        let p = (BigInt(1) << 61) - BigInt(1)
        XCTAssertEqual(p.pythonHash(), 0)
        XCTAssertEqual((BigInt(1) << 61).pythonHash(), 1)
        XCTAssertEqual((-(BigInt(1) << 61)).pythonHash(), -2)  // -1 is reserved
        XCTAssertEqual((BigInt(1) << 100).pythonHash(), 1 << 39)
        XCTAssertEqual(BigInt(-1).pythonHash(), -2)
        XCTAssertEqual(BigInt(12345).pythonHash(), 12345)
    }

    func testDoubleRounding() {
        let p53 = BigInt(1) << 53
        XCTAssertEqual((p53 + BigInt(1)).toDouble(), 9007199254740992.0)  // tie -> even
        XCTAssertEqual((p53 + BigInt(3)).toDouble(), 9007199254740996.0)  // tie -> even (up)
        XCTAssertEqual((-(p53 + BigInt(1))).toDouble(), -9007199254740992.0)
        XCTAssertEqual((BigInt(1) << 1023).toDouble(), 0x1p1023)
        XCTAssertNil((BigInt(1) << 1024).toDouble())
        // Exactly half way between the largest double and 2^1024 rounds up: overflow.
        XCTAssertNil(((BigInt(1) << 1024) - (BigInt(1) << 970)).toDouble())
        XCTAssertEqual(((BigInt(1) << 1024) - (BigInt(1) << 970) - BigInt(1)).toDouble(), Double.greatestFiniteMagnitude)
        XCTAssertEqual(BigInt(exactly: 1e300)!.toDouble(), 1e300)
        XCTAssertNil(BigInt(exactly: 2.5))
        XCTAssertNil(BigInt(exactly: .nan))
        XCTAssertNil(BigInt(truncating: -.infinity))
        XCTAssertEqual(BigInt(truncating: -2.5), BigInt(-2))
        XCTAssertEqual(BigInt(truncating: 0.999), BigInt())
        XCTAssertEqual(BigInt(exactly: -0.0), BigInt())
        XCTAssertEqual(BigInt(1).trueDivide(BigInt(3)), 1.0 / 3.0)
        XCTAssertEqual(BigInt(0).trueDivide(BigInt(-5))?.sign, .minus)
        XCTAssertEqual((BigInt(1) << 2000).trueDivide(BigInt(1) << 1990), 1024.0)
        XCTAssertEqual((BigInt(1) << 2000).trueDivide(BigInt(1)), .infinity)
        XCTAssertEqual(BigInt(1).trueDivide(BigInt(1) << 1074), 0x1p-1074)
        XCTAssertEqual(BigInt(1).trueDivide(BigInt(1) << 1075), 0.0)  // tie -> even (zero)
        XCTAssertEqual(BigInt(3).trueDivide(BigInt(1) << 1075), 0x1p-1073)
    }

    func testTextParsing() {
        XCTAssertEqual(BigInt(decimal: Array("-000123".utf8)), BigInt(-123))
        XCTAssertEqual(BigInt(decimal: Array("+1_000_000".utf8)), BigInt(1_000_000))
        for bad in ["", "-", "+", "_1", "1_", "1__0", "12a", " 1", "0x10", "--1"] {
            XCTAssertNil(BigInt(decimal: Array(bad.utf8)), bad)
        }
        XCTAssertEqual(BigInt(text: Array("zZ".utf8), base: 36), BigInt(35 * 36 + 35))
        XCTAssertEqual(BigInt(text: Array("FFFF_ffff_FFFF_ffff_1".utf8), base: 16), (BigInt(1) << 68) - BigInt(15))
        XCTAssertNil(BigInt(text: Array("2".utf8), base: 2))
        XCTAssertNil(BigInt(text: Array("1".utf8), base: 37))
        XCTAssertEqual(text(BigInt(-255), 16), "-ff")
        XCTAssertEqual(text(BigInt(8), 8), "10")
        XCTAssertEqual(text(BigInt(5), 2), "101")
        XCTAssertEqual(text(BigInt(0), 2), "0")
        XCTAssertEqual(text(BigInt(35), 36), "z")
        XCTAssertEqual(text(BigInt(1_000_000_000)), "1000000000")
    }

    func testPowerModAndFriends() {
        XCTAssertEqual(BigInt(3).powerMod(BigInt(200), BigInt(1_000_000_007)), BigInt(3).power(200).floorDivMod(BigInt(1_000_000_007))!.1)
        XCTAssertEqual(BigInt(-3).powerMod(BigInt(3), BigInt(-7)), BigInt(-6))  // pow(-3, 3, -7) == -6
        XCTAssertEqual(BigInt(5).powerMod(BigInt(0), BigInt(1)), BigInt())
        XCTAssertEqual(BigInt(5).powerMod(BigInt(0), BigInt(-7)), BigInt(-6))  // pow(5, 0, -7) == -6
        XCTAssertEqual(BigInt(3).powerMod(BigInt(-1), BigInt(7)), BigInt(5))
        XCTAssertNil(BigInt(2).powerMod(BigInt(-1), BigInt(4)))
        XCTAssertNil(BigInt(2).powerMod(BigInt(1), BigInt()))
        XCTAssertEqual(BigInt(0).power(0), BigInt(1))
        XCTAssertEqual(BigInt(12).gcd(BigInt(-18)), BigInt(6))
        XCTAssertEqual(big("1" + String(repeating: "0", count: 100)).isqrt(), big("1" + String(repeating: "0", count: 50)))
        XCTAssertNil(BigInt(-1).isqrt())
    }

    func testKaratsubaMatchesSchoolbook() {
        var rng = RNG(state: 42)
        for _ in 0..<40 {
            let n = BigInt.karatsubaThreshold + rng.below(260), m = 1 + rng.below(300)
            var a = (0..<n).map { _ in UInt32(truncatingIfNeeded: rng.next()) }
            var b = (0..<m).map { _ in rng.below(3) == 0 ? UInt32.max : UInt32(truncatingIfNeeded: rng.next()) }
            a[n - 1] = max(a[n - 1], 1)
            b[m - 1] = max(b[m - 1], 8)  // b > 7, so 7 is a valid remainder below
            let p = BigInt.mulMag(a, b)
            XCTAssertEqual(p, BigInt.mulSchool(a, b), "\(n)x\(m) limbs")
            // And division undoes it.
            let (q, r) = BigInt.divModMag(BigInt.addMag(p, [7]), b)
            XCTAssertEqual(q, a)
            XCTAssertEqual(r, [7])
        }
    }

    // MARK: differential test against python3

    /// Operands are generated as digit strings (never through BigInt), so
    /// the two sides cannot share a conversion bug.
    func operand(_ rng: inout RNG) -> String {
        func digits(_ n: Int, _ alphabet: [UInt8]) -> String {
            var s: [UInt8] = [alphabet[1 + rng.below(alphabet.count - 1)]]  // no leading zero
            for _ in 1..<max(n, 1) { s.append(alphabet[rng.below(alphabet.count)]) }
            return String(decoding: s, as: UTF8.self)
        }
        func hexDigits(_ n: Int) -> String { digits(n, Array("0123456789abcdef".utf8)) }
        let sign = rng.below(2) == 0 ? "" : "-"
        switch rng.below(12) {
        case 0: return "x0"
        case 1: return "x" + sign + String(rng.below(2000), radix: 16)
        case 2:  // around 2^62 (small-int boundary)
            let v = UInt64(1) << 62 &+ UInt64(bitPattern: Int64(rng.below(7) - 3))
            return "x" + sign + String(v, radix: 16)
        case 3:  // around 2^63 and 2^64
            if rng.below(2) == 0 {
                let v = UInt64(1) << 63 &+ UInt64(bitPattern: Int64(rng.below(7) - 3))
                return "x" + sign + String(v, radix: 16)
            }
            let d = rng.below(7) - 3
            if d < 0 { return "x" + sign + String(UInt64.max - UInt64(-d - 1), radix: 16) }
            return "x" + sign + "1" + String(repeating: "0", count: 15) + String(d, radix: 16)
        case 4:  // around 2^31 / 2^32
            let v = (UInt64(1) << (31 + UInt64(rng.below(2)))) &+ UInt64(bitPattern: Int64(rng.below(5) - 2))
            return "x" + sign + String(v, radix: 16)
        case 5: return "x" + sign + hexDigits(1 + rng.below(32))
        case 6, 7, 8:  // 50-300 decimal digits
            return "d" + sign + digits(50 + rng.below(251), Array("0123456789".utf8))
        case 9:  // powers of two and 2^k - 1
            let k = rng.below(1100)
            if rng.below(2) == 0 { return "x" + sign + String(1 << (k % 4)) + String(repeating: "0", count: k / 4) }
            return "x" + sign + String((1 << (k % 4)) - 1) + String(repeating: "f", count: k / 4)
        case 10:  // sparse: long runs of zero or one bits stress carries and Knuth's add-back
            var s = "1"
            for _ in 0..<(8 + rng.below(100)) { s += ["0", "f", "0000", "ffff", "8", "1"].randomElement(using: &rng)! }
            return "x" + sign + s
        default:
            if rng.below(20) == 0 { return "x" + sign + hexDigits(600 + rng.below(1200)) }  // Karatsuba sizes
            return "x" + sign + hexDigits(20 + rng.below(60))
        }
    }

    func parseOperand(_ s: String) -> BigInt {
        big(String(s.dropFirst()), base: s.first == "x" ? 16 : 10)
    }

    func digitString(_ rng: inout RNG) -> (Int, String) {
        let base = [2, 8, 10, 16, 36, 3, 7, 20].randomElement(using: &rng)!
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8.prefix(base))
            + Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8.prefix(max(0, base - 10)))
        var t: [UInt8] = rng.below(4) == 0 ? [45] : (rng.below(8) == 0 ? [43] : [])
        let n = 1 + rng.below(120)
        for i in 0..<n {
            t.append(alphabet[rng.below(alphabet.count)])
            if i + 1 < n && rng.below(10) == 0 { t.append(95) }
        }
        var s = String(decoding: t, as: UTF8.self)
        switch rng.below(30) {  // a few malformed ones
        case 0: s = "_" + s
        case 1: s += "_"
        case 2: s += "__1"
        case 3: s += "!"
        default: break
        }
        return (base, s)
    }

    /// Expressions checked once each: (python expression, our result).
    func specials() -> [(String, () -> String)] {
        func fact(_ n: Int) -> BigInt {
            var f = BigInt(1)
            for i in 1...max(n, 1) { f = f * BigInt(Int64(i)) }
            return f
        }
        let p53 = BigInt(1) << 53
        return [
            ("math.factorial(200)", { self.text(fact(200)) }),
            ("2**1000", { self.text(BigInt(2).power(1000)) }),
            ("int('9'*500)", { self.text(self.big(String(repeating: "9", count: 500))) }),
            ("3**2000", { self.text(BigInt(3).power(2000)) }),
            ("math.factorial(1000) * math.factorial(1300)", { self.text(fact(1000) * fact(1300)) }),
            ("3**5000 * -(7**700)", { self.text(BigInt(3).power(5000) * -BigInt(7).power(700)) }),  // unbalanced Karatsuba
            ("(7**3000) // (11**1200)", { self.text(BigInt(7).power(3000).floorDivMod(BigInt(11).power(1200))!.0) }),
            ("(7**3000) % -(11**1200)", { self.text(BigInt(7).power(3000).floorDivMod(-BigInt(11).power(1200))!.1) }),
            ("pow(3, 10**30, 10**40 + 7)", { self.text(BigInt(3).powerMod(BigInt(10).power(30), BigInt(10).power(40) + BigInt(7))!) }),
            ("pow(-12345678901234567890, 2**70 + 1, -(2**127 - 1))", {
                self.text(BigInt(decimal: Array("-12345678901234567890".utf8))!.powerMod((BigInt(1) << 70) + BigInt(1), -((BigInt(1) << 127) - BigInt(1)))!)
            }),
            ("F(2**53 + 1)", { self.bits((p53 + BigInt(1)).toDouble()) }),
            ("F(2**53 + 3)", { self.bits((p53 + BigInt(3)).toDouble()) }),
            ("F(2**1024 - 2**970)", { self.bits(((BigInt(1) << 1024) - (BigInt(1) << 970)).toDouble()) }),
            ("F(-(2**1024 - 2**970 - 1))", { self.bits((-((BigInt(1) << 1024) - (BigInt(1) << 970) - BigInt(1))).toDouble()) }),
            ("hash(2**61 - 1)", { String(((BigInt(1) << 61) - BigInt(1)).pythonHash()) }),
            ("hash(2**61)", { String((BigInt(1) << 61).pythonHash()) }),
            ("hash(-(2**61))", { String((-(BigInt(1) << 61)).pythonHash()) }),
            ("hash(2**100)", { String((BigInt(1) << 100).pythonHash()) }),
            ("hash(-(2**100) - 1)", { String((-(BigInt(1) << 100) - BigInt(1)).pythonHash()) }),
            ("TD(10**400 + 1, 3 * 10**399)", { self.bits((BigInt(10).power(400) + BigInt(1)).trueDivide(BigInt(3) * BigInt(10).power(399))) }),
            ("TD(2**54 + 1, 2)", { self.bits(((BigInt(1) << 54) + BigInt(1)).trueDivide(BigInt(2))) }),
            ("TD(2**54 + 3, 2)", { self.bits(((BigInt(1) << 54) + BigInt(3)).trueDivide(BigInt(2))) }),
            ("TD(-1, 10**400)", { self.bits(BigInt(-1).trueDivide(BigInt(10).power(400))) }),
            ("TD(0, -5)", { self.bits(BigInt(0).trueDivide(BigInt(-5))) }),
            ("TD(3, 2**1075)", { self.bits(BigInt(3).trueDivide(BigInt(1) << 1075)) }),
            ("TD(2**1100 + 1, 2**80 * 3)", { self.bits(((BigInt(1) << 1100) + BigInt(1)).trueDivide((BigInt(1) << 80) * BigInt(3))) }),
            ("TD(10**320, 10**10)", { self.bits(BigInt(10).power(320).trueDivide(BigInt(10).power(10))) }),
            ("TD(10**330, 7)", { self.bits(BigInt(10).power(330).trueDivide(BigInt(7))) }),
            ("TD(7 * 2**1000, 3**700)", { self.bits((BigInt(7) << 1000).trueDivide(BigInt(3).power(700))) }),
            ("TD(3**700, 7 * 2**2100)", { self.bits(BigInt(3).power(700).trueDivide(BigInt(7) << 2100)) }),
            ("math.isqrt(10**601 + 12345)", { self.text((BigInt(10).power(601) + BigInt(12345)).isqrt()!) }),
            ("str(10**5000 - 1)[::-1][:9]", { String(self.text(BigInt(10).power(5000) - BigInt(1)).reversed().prefix(9)) }),
            ("len(str(7**20000))", { String(self.text(BigInt(7).power(20000)).count) }),
        ]
    }

    func testDifferentialAgainstPython() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/env") else { throw XCTSkip("no /usr/bin/env") }
        var rng = RNG(state: 0x9E37_79B9_7F4A_7C15)
        let shiftCounts = [0, 1, 31, 32, 33, 64, 200]

        struct Case { var a, b: String; var k: Int; var e: String; var base: Int; var digits: String; var dbits: UInt64 }
        var cases: [Case] = []
        // Hand-picked pairs first: signs, zero and rounding ties.
        let fixed: [(String, String)] = [
            ("x-7", "x2"), ("x7", "x-2"), ("x-7", "x-2"), ("x0", "x-5"), ("x-1", "x1"),
            ("x40000000000001", "x2"), ("x40000000000003", "x2"), ("x-8000000000000000", "x-1"),
            ("x" + String(repeating: "f", count: 40), "x" + String(repeating: "f", count: 20)),
            ("x1" + String(repeating: "0", count: 40), "x1" + String(repeating: "0", count: 20) + "1"),
        ]
        for (a, b) in fixed { cases.append(Case(a: a, b: b, k: 33, e: "3", base: 10, digits: "1", dbits: 0)) }
        for i in 0..<2000 {
            let a = operand(&rng), b = operand(&rng)
            let k = i % 3 == 0 ? rng.below(300) : shiftCounts[i % shiftCounts.count]
            var e = String(rng.next() >> UInt64(16 + rng.below(48)), radix: 16)
            if rng.below(10) == 0 { e = "-" + String(1 + rng.below(5)) }
            if i % 5 >= 2 { e = "S" }  // pow(a, e, b) and gcd are costly in debug builds: run them on 40%
            let (base, digits) = digitString(&rng)
            cases.append(Case(a: a, b: b, k: k, e: e, base: base, digits: digits, dbits: rng.next()))
        }

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bigint-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let specials = specials()
        var input = specials.map { "E " + $0.0 }.joined(separator: "\n") + "\n"
        for c in cases { input += "P \(c.a) \(c.b) \(c.k) \(c.e) \(c.base) \(c.digits) \(c.dbits)\n" }
        let inputURL = dir.appendingPathComponent("cases.txt")
        try input.write(to: inputURL, atomically: true, encoding: .utf8)
        let scriptURL = dir.appendingPathComponent("expect.py")
        try pythonScript.write(to: scriptURL, atomically: true, encoding: .utf8)

        let proc = Process()
        proc.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        proc.arguments = ["python3", scriptURL.path, inputURL.path]
        let pipe = Pipe()
        proc.standardOutput = pipe
        do { try proc.run() } catch { throw XCTSkip("python3 not available: \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        proc.waitUntilExit()
        guard proc.terminationStatus == 0 else { throw XCTSkip("python3 failed (\(proc.terminationStatus))") }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertGreaterThanOrEqual(lines.count, specials.count + cases.count)
        guard lines.count >= specials.count + cases.count else { return }

        var failures = 0
        func check(_ got: String, _ want: String, _ what: @autoclosure () -> String) {
            if got != want {
                failures += 1
                if failures <= 25 { XCTFail("\(what()): got \(got.prefix(200)), python \(want.prefix(200))") }
            }
        }
        for (i, s) in specials.enumerated() { check(s.1(), lines[i], s.0) }

        for (n, c) in cases.enumerated() {
            let want = lines[specials.count + n].split(separator: " ").map(String.init)
            let a = parseOperand(c.a), b = parseOperand(c.b)
            var got: [String] = [text(a + b), text(a - b), text(a * b)]
            if let (q, r) = a.floorDivMod(b) { got += [text(q), text(r)] } else { got += ["Z", "Z"] }
            got += [text(a & b), text(a | b), text(a ^ b), text(~a)]
            got += [text(a << c.k), text(a >> c.k), "\(a < b ? 1 : 0)\(a == b ? 1 : 0)\(a > b ? 1 : 0)\(a <= b ? 1 : 0)"]
            if let d = a.trueDivide(b) { got.append(bits(d)) } else { got.append("Z") }
            got.append(bits(a.toDouble()))
            got += [String(a.pythonHash()), String(a.bitLength)]
            got += [text(a, 16), text(a, 8), text(a, 2)]
            got += [a.int64.map { String($0) } ?? "N", a.fits63Bits() ? "1" : "0"]
            if c.e == "S" {
                got.append("S")
            } else if b.isZero {
                got.append("Z")
            } else {
                got.append(a.powerMod(big(c.e, base: 16), b).map { text($0) } ?? "V")
            }
            got.append(text(a.power(UInt64(c.k % 5))))
            got.append(text(a.absoluteValue.isqrt()!))
            got.append(BigInt(text: Array(c.digits.utf8), base: c.base).map { text($0) } ?? "V")
            let d = Double(bitPattern: c.dbits)
            if let t = BigInt(truncating: d) { got.append(text(t) + ":" + (BigInt(exactly: d) == nil ? "0" : "1")) } else { got.append("N") }
            got.append(c.e == "S" ? "S" : text(a.gcd(b)))
            if want.count != got.count {
                check("\(got.count) fields", "\(want.count) fields", "line \(n)")
                continue
            }
            let names = ["+", "-", "*", "//", "%", "&", "|", "^", "~a", "<<", ">>", "cmp", "/", "float", "hash",
                         "bit_length", "hex", "oct", "bin", "int64", "fits63", "pow3", "pow", "isqrt", "parse", "trunc", "gcd"]
            for j in 0..<got.count {
                check(got[j], want[j], "case \(n) op \(names[j]) a=\(c.a.prefix(60)) b=\(c.b.prefix(60)) k=\(c.k) e=\(c.e) \(c.base):\(c.digits.prefix(40))")
            }
            // Our own decimal text must parse back to the same value.
            XCTAssertEqual(BigInt(decimal: a.toText(base: 10)), a)
        }
        XCTAssertEqual(failures, 0)
    }

    let pythonScript = #"""
    import sys, math, struct
    if hasattr(sys, 'set_int_max_str_digits'):
        sys.set_int_max_str_digits(0)

    def fbits(x):
        return str(struct.unpack('<Q', struct.pack('<d', x))[0])

    def F(x):
        try:
            return fbits(float(x))
        except OverflowError:
            return 'O'

    def TD(a, b):
        try:
            return fbits(a / b)
        except ZeroDivisionError:
            return 'Z'
        except OverflowError:
            return 'O'

    def op(s):
        return int(s[1:], 16 if s[0] == 'x' else 10)

    out = []
    for line in open(sys.argv[1]):
        line = line.rstrip('\n')
        if line.startswith('E '):
            out.append(str(eval(line[2:])))
            continue
        _, sa, sb, sk, se, sbase, digits, dbits = line.split(' ')
        a, b, k, base = op(sa), op(sb), int(sk), int(sbase)
        r = [a + b, a - b, a * b]
        r += [a // b, a % b] if b else ['Z', 'Z']
        r += [a & b, a | b, a ^ b, ~a, a << k, a >> k]
        r.append('%d%d%d%d' % (a < b, a == b, a > b, a <= b))
        r.append(TD(a, b))
        r.append(F(a))
        r += [hash(a), a.bit_length(), format(a, 'x'), format(a, 'o'), format(a, 'b')]
        r.append(a if -2**63 <= a < 2**63 else 'N')
        r.append(1 if -2**62 <= a < 2**62 else 0)
        if se == 'S':
            r.append('S')
        elif b == 0:
            r.append('Z')
        else:
            try:
                r.append(pow(a, int(se, 16), b))
            except ValueError:
                r.append('V')
        r.append(a ** (k % 5))
        r.append(math.isqrt(abs(a)))
        try:
            r.append(int(digits, base))
        except ValueError:
            r.append('V')
        d = struct.unpack('<d', struct.pack('<Q', int(dbits)))[0]
        r.append('%d:%d' % (int(d), d.is_integer()) if math.isfinite(d) else 'N')
        r.append('S' if se == 'S' else math.gcd(a, b))
        out.append(' '.join(str(x) for x in r))
    sys.stdout.write('\n'.join(out) + '\n')
    """#

    /// pow(b, e, m) of a board without long ints (Int64, boxed ints up to 2**63 - 1 and
    /// down to -2**63) against CPython's answers, products past 64 bits and m = -2**63 included.
    func testInt64PowModAgreesWithCPythonToInt64sEnds() throws {
        let vm = try VM(config: VMConfig(heapSize: 64 * 1024), hooks: silentHooks())
        let cases: [(Int64, Int64, Int64, Int64?)] = [
            (3, 4, 5, 1), (-3, 3, 7, 1), (3, -1, 7, 5), (2, 10, -7, -5), (-2, -3, 11, 4), (5, 0, 1, 0), (0, 0, 7, 1),
            (7, 1_099_511_627_776, 2_305_843_009_213_693_953, 1_510_603_656_085_578_490),
            (4_611_686_018_427_387_903, 3, 4_611_686_018_427_387_899, 64),
            (3, -1, -4_611_686_018_427_387_904, -1_537_228_672_809_129_301),
            (-4_611_686_018_427_387_901, -1, 4_611_686_018_427_387_903, 2_305_843_009_213_693_952),
            (100_000_000_000_000_000, 100_000_000_000_000_000, 4_611_686_018_427_387_847, 4_167_839_922_466_773_052),
            (5, -1, Int64.min, -3_689_348_814_741_910_323), (3, 5, Int64.min, -9_223_372_036_854_775_565),
            (Int64.max, 2, Int64.max - 1, 1), (Int64.max - 1, -1, Int64.max, Int64.max - 1), (4, -1, 8, nil),
        ]
        for (b, e, m, expected) in cases {
            XCTAssertEqual(vm.int64PowMod(b, e, m), expected, "pow(\(b), \(e), \(m))")
        }
    }
}
