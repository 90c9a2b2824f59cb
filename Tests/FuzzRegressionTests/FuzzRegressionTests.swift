// SPDX-License-Identifier: LGPL-2.1-only
//
// Every input a fuzzer once crashed on (Fuzz/regressions/<target>/) and
// every seed (Fuzz/corpus/<target>/) runs through its target again here,
// without libFuzzer, so `swift test` and the AddressSanitizer run in CI
// replay them. A crash takes the test process down: that is the failure.
// Fuzz/regressions/vm/pending/ holds reproducers of VM bugs not fixed yet;
// they are not replayed (Fuzz/README.md).

import Foundation
import PyMiteCompiler
import PyMiteFuzz
import PyMiteVM
import XCTest

final class FuzzRegressionTests: XCTestCase {
    static let fuzzRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    /// The files directly in `Fuzz/<folder>` (not in subfolders), but READMEs and dotfiles.
    func inputs(_ folder: String) throws -> [(name: String, bytes: [UInt8])] {
        let dir = FuzzRegressionTests.fuzzRoot.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        return try names.compactMap { name in
            let url = dir.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  name != "README.md", !name.hasPrefix(".") else { return nil }
            return (name, [UInt8](try Data(contentsOf: url)))
        }
    }

    func replay(_ folder: String, _ target: ([UInt8]) -> Void) throws {
        let files = try inputs(folder)
        if folder.hasPrefix("corpus/") { XCTAssertFalse(files.isEmpty, "no seeds in Fuzz/\(folder)") }
        for file in files { target(file.bytes) }
    }

    func testCompilerInputs() throws {
        try replay("corpus/compiler", CompilerTarget.run)
        try replay("regressions/compiler", CompilerTarget.run)
    }

    func testImageInputs() throws {
        try replay("corpus/image", ImageTarget.run)
        try replay("regressions/image", ImageTarget.run)
    }

    func testRecipeInputs() throws {
        try replay("corpus/recipe", RecipeTarget.run)
        try replay("regressions/recipe", RecipeTarget.run)
    }

    /// Seeds are generator bytes; a regression is a minimized Python
    /// program (`.py`) or the raw input that found it.
    func testVMInputs() throws {
        try replay("corpus/vm", VMTarget.run)
        for file in try inputs("regressions/vm") {
            if file.name.hasSuffix(".py") {
                VMTarget.runSource(String(decoding: file.bytes, as: UTF8.self))
            } else {
                VMTarget.run(file.bytes)
            }
        }
    }

    /// The generator makes programs that compile, whatever the bytes (a
    /// fixed pseudo-random sample; the fuzzer explores the rest).
    func testGeneratedProgramsCompile() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for round in 0..<200 {
            var bytes: [UInt8] = []
            for _ in 0..<(round % 97 * 7) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: state >> 33))
            }
            let source = ProgramGenerator.program(from: bytes)
            XCTAssertNoThrow(try Compiler.compile(source: source, filename: "gen.py", moduleName: "__main__"), source)
        }
    }

    /// fuzz-vm compiles the prelude once and star-imports it: the
    /// statements see every name the prelude defines, as in one module.
    func testStatementsSeeThePrelude() throws {
        func outcome(_ statements: String) throws -> RunOutcome {
            let vm = try VM(config: FuzzVM.config(), hooks: FuzzVM.silentHooks)
            try vm.load(try VMTarget.imageAfterPrelude(statements))
            return vm.runMain()
        }
        let uses = """
            assert isinstance(v4, C) and v4.a == (1, 2) and v0 == 0 and v1 == 'ab' and v5 == b'xy'
            assert issubclass(F, E) and issubclass(K, C) and fn(1) == (1, 1, (), 2, {})
            assert list(gen2()) == [0, 1, 2, 1, 2] and closure(1)() == 2 and sys.argv
            assert Bad and Rec and Forever and v2 == [1, 'x', None] and v3['k'] == [3]
            """
        XCTAssertEqual(try outcome(uses), .finished)
        XCTAssertEqual(try outcome("assert v0 == 1"), .exited(1))
        // The fuzzing board (FuzzBoard): its UART input, pins, ADC and module, fresh for each run.
        let board = """
            u = machine.UART(0, 9600, timeout=5)
            assert u.any() == 9 and u.readline() == b'fz\\n' and u.read(4) == b'line' and u.read() == b'\\n\\x01'
            assert u.read() is None and fz.add(1, 2, 3) == 6 and fz.fail(0) is True and machine.ADC(0).read_u16() == 40000
            p = machine.Pin('LED', 1)
            p.on()
            assert p.value() == 1 and machine.Pin(0).value() == 1
            """
        XCTAssertEqual(try outcome(board), .finished)
        XCTAssertEqual(try outcome(board), .finished, "a second run starts from the same board")
    }
}
