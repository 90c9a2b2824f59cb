// SPDX-License-Identifier: LGPL-2.1-only
//
// The instruction budget (VMConfig.backwardJumpLimit) stops every kind of
// runaway program, not only loops, and a program cannot catch its way past
// it: what the VM fuzzer relies on to bound each run.

import PyMiteCompiler
import PyMiteHost
import XCTest
@testable import PyMiteVM

final class BudgetTests: XCTestCase {
    func assertStopped(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (outcome, out) = try runProgram(source, limit: 10_000)
        XCTAssertEqual(outcome, .exited(1), out.err, file: file, line: line)
        XCTAssertTrue(out.err.contains("instruction budget exhausted"), out.err, file: file, line: line)
    }

    /// Exponential recursion with no loop: calls and returns count.
    func testRecursionWithoutLoopsIsStopped() throws {
        try assertStopped("""
            def f(n):
                return 0 if n == 0 else f(n - 1) + f(n - 1)
            f(60)
            """)
    }

    /// Special methods the VM calls itself (no call instruction) return, and returns count.
    func testWorkThroughSpecialMethodsIsStopped() throws {
        try assertStopped("""
            class A:
                def __init__(self, n):
                    self.n = n
                def __add__(self, o):
                    if self.n == 0:
                        return 0
                    return (A(self.n - 1) + o) + (A(self.n - 1) + o)
            A(60) + 1
            """)
    }

    /// Frames that only raise and catch: caught exceptions count, and once
    /// the budget is spent no handler runs, so `except` cannot swallow it.
    func testCatchingCannotGetPastTheBudget() throws {
        try assertStopped("""
            class A:
                def __init__(self, n):
                    self.n = n
                def __add__(self, o):
                    if self.n:
                        try:
                            A(self.n - 1) + o
                        except BaseException:
                            pass
                        try:
                            A(self.n - 1) + o
                        except BaseException:
                            pass
                    raise ValueError
            while True:
                try:
                    A(60) + 1
                except BaseException:
                    pass
            """)
    }

    /// A program that keeps its heap full and catches MemoryError in a loop
    /// makes a collection of the whole heap for every allocation; collections
    /// count against the budget, so it ends after a bounded number of them
    /// (before, each of the 10,000 steps could take one or two).
    func testCollectionsAtAFullHeapCountAgainstTheBudget() throws {
        let source = """
            keep = []
            try:
                while True:
                    keep.append([0] * 16)
            except MemoryError:
                pass
            while True:
                try:
                    x = [0] * 16
                except MemoryError:
                    pass
            """
        let image = try Compiler.compile(source: source, filename: "test.py", moduleName: "__main__")
        var hooks = HostPlatform.hooks
        var err: [UInt8] = []
        hooks.write = { fd, bytes in if fd == 2 { err += bytes } }
        let vm = try VM(config: VMConfig(heapSize: 64 * 1024, backwardJumpLimit: 10_000), hooks: hooks)
        try vm.load(image)
        XCTAssertEqual(vm.runMain(), .exited(1))
        XCTAssertTrue(String(decoding: err, as: UTF8.self).contains("instruction budget exhausted"))
        XCTAssertLessThan(vm.collections, 1_000, "collections at a full heap")
    }

    func testAProgramWithinTheBudgetRunsAsBefore() throws {
        let (outcome, out) = try runProgram("def f(n):\n    return n and f(n - 1) + 1\nprint(f(50))\n", limit: 10_000)
        XCTAssertEqual(outcome, .finished, out.err)
        XCTAssertEqual(out.out, "50\n")
    }
}
