// SPDX-License-Identifier: LGPL-2.1-only
//
// The natives' names (VMNameTable.swift: a VM name's number, or a NUL-ended text
// where each name is kept once) must agree with `Native`.
import XCTest
@testable import PyMiteVM

// The VM has no use for a list of every native (its 536 bytes were kept in every
// firmware), so the tests make their own: raw values run from 0 without a gap.
extension Native {
    static var allCases: [Native] {
        var all: [Native] = []
        while let n = Native(rawValue: all.count) { all.append(n) }
        return all
    }
}

final class NativeTableTests: XCTestCase {
    func name(_ n: Native) -> String { String(decoding: nativeName(n), as: UTF8.self) }

    func testEveryNativeHasItsNameAndNoMore() {
        XCTAssertEqual(nativeNameStart.count, Native.allCases.count, "one entry per native")
        for n in Native.allCases {
            XCTAssertFalse(name(n).isEmpty, "\(n) has a name")
            XCTAssertFalse(nativeName(n).contains(0), "\(n): one name")
        }
        XCTAssertEqual(Native.allCases.map(name), VMNameTableTests.nativeNames)
    }

    func testNamesAreTheOnesPythonUses() {
        let expected: [(Native, String)] = [
            (.print, "print"), (.ascii, "ascii"), (.strFind, "find"), (.strRemovesuffix, "removesuffix"),
            (.dictSetdefault, "setdefault"), (.setIsdisjoint, "isdisjoint"), (.exceptionInit, "__init__"),
            (.sysTime, "time"), (.timeSleepMs, "sleep_ms"), (.machineUniqueId, "unique_id"),
            (.pinToggle, "toggle"), (.uartReadline, "readline"), (.adcReadU16, "read_u16"),
        ]
        for (n, want) in expected { XCTAssertEqual(name(n), want, "\(n)") }
        // Within a home (the builtins, a type, a module), a name is found once.
        var seen: [String: Native] = [:]
        for n in Native.allCases {
            let key = "\(n.home)/\(name(n))"
            XCTAssertNil(seen[key], "\(n) and \(seen[key].map { "\($0)" } ?? "") share \(key)")
            seen[key] = n
        }
    }

    /// Each row of `Native.arity` is one the check can use, and a native the check never sees
    /// (a class-level method, `callClassLevelMethod`'s own) has none.
    func testArityRowsAreWellFormed() {
        var rows = 0
        for n in Native.allCases where n.arity != Native.ownCount {
            rows += 1
            let min = n.arity & 15, max = n.arity >> 4
            XCTAssertLessThanOrEqual(min, max, "\(n)")
            XCTAssertFalse(n.isClassLevel, "\(n) is called on its class, where no row is checked")
            if case .type = n.home { XCTAssertGreaterThanOrEqual(min, 1, "\(n): a method's count includes self") }
            if n.home == .slot { XCTAssertGreaterThanOrEqual(min, 1, "\(n): a slot's count includes self") }
        }
        XCTAssertGreaterThan(rows, 150, "most natives have a row")
        XCTAssertEqual(Native.len.arity, 1 | 1 << 4)
        XCTAssertEqual(Native.strReplace.arity, 3 | 4 << 4)
        XCTAssertEqual(Native.print.arity, Native.ownCount, "print counts its own: keywords")
    }

    /// The type and exception names come from the VM's name table (VMNameTableTests checks every case).
    func testKindNamesAreOnePerCase() {
        func s(_ n: NameText) -> String { String(decoding: n, as: UTF8.self) }
        XCTAssertEqual(s(TypeKind.object.name), "object")
        XCTAssertEqual(s(TypeKind.builtinFunction.name), "builtin_function_or_method")
        XCTAssertEqual(s(TypeKind.code.name), "code")
        XCTAssertEqual(s(ExceptionKind.baseException.name), "BaseException")
        XCTAssertEqual(s(ExceptionKind.unicodeDecodeError.name), "UnicodeDecodeError")
        XCTAssertEqual(s(ExceptionKind.resourceWarning.name), "ResourceWarning")
    }
}
