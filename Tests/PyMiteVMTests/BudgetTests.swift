// SPDX-License-Identifier: LGPL-2.1-only
//
// The instruction budget (VMConfig.backwardJumpLimit) stops every kind of
// runaway program, not only loops, and a program cannot catch its way past
// it: what the VM fuzzer relies on to bound each run.

import XCTest

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

    func testAProgramWithinTheBudgetRunsAsBefore() throws {
        let (outcome, out) = try runProgram("def f(n):\n    return n and f(n - 1) + 1\nprint(f(50))\n", limit: 10_000)
        XCTAssertEqual(outcome, .finished, out.err)
        XCTAssertEqual(out.out, "50\n")
    }
}
