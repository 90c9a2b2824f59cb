// SPDX-License-Identifier: LGPL-2.1-only
//
// compile(), exec() and eval() need the host's compiler (PlatformHooks.compile):
// without it (a board) they raise NotImplementedError; with it, the same
// source is compiled once however often it runs, and code compiled while
// frames run leaves their tables where they were.

import PyMiteCompiler
import PyMiteHost
import XCTest
@testable import PyMiteVM

final class ExecTests: XCTestCase {
    func makeVM(_ source: String, compiler: Bool) throws -> (VM, Captured) {
        let captured = Captured()
        var hooks = HostPlatform.hooks
        hooks.write = { fd, bytes in
            if fd == 1 { captured.stdout += bytes } else { captured.stderr += bytes }
        }
        if compiler { hooks.compile = Compiler.compileForVM }
        let vm = try VM(config: VMConfig(heapSize: 1 << 20), hooks: hooks)
        try vm.load(try Compiler.compile(source: source, filename: "test.py", moduleName: "__main__"))
        return (vm, captured)
    }

    func testWithoutACompilerTheyRaiseNotImplementedError() throws {
        let (vm, out) = try makeVM("""
            for f in (lambda: eval("1"), lambda: exec("x = 1"), lambda: compile("1", "f", "eval")):
                try:
                    f()
                except NotImplementedError as e:
                    print(e)
            """, compiler: false)
        XCTAssertEqual(vm.runMain(), .finished)
        XCTAssertEqual(out.out, """
            eval() needs the compiler, which this build does not carry
            exec() needs the compiler, which this build does not carry
            compile() needs the compiler, which this build does not carry

            """)
    }

    func testTheSameSourceIsCompiledOnce() throws {
        let (vm, out) = try makeVM("""
            def f(n):
                return [eval("i * k", {"k": n}, {"i": i}) for i in range(50)][-1] + eval("n")
            print(f(2), f(3))
            """, compiler: true)
        let before = vm.codes.count
        XCTAssertEqual(vm.runMain(), .finished)
        XCTAssertEqual(out.out, "100 150\n")
        XCTAssertEqual(vm.codes.count, before + 2, "one code per distinct source")
        XCTAssertLessThanOrEqual(vm.compiledSources.count, VM.compiledSourceCacheSize)
    }

    func testCodeCompiledWhileFramesRunLeavesTheirTablesInPlace() throws {
        // Each eval adds constants and names while the caller's frame reads its own.
        let (vm, out) = try makeVM("""
            def g(k):
                a, b = "left", "right"
                total = 0
                for i in range(k):
                    total += eval(str(i) + " + len('" + "x" * i + "')")
                return a + b + str(total)
            print(g(120))
            """, compiler: true)
        let constants = vm.constants
        XCTAssertEqual(vm.runMain(), .finished)
        XCTAssertEqual(out.out, "leftright14280\n")
        XCTAssertEqual(vm.constants, constants)
    }
}
