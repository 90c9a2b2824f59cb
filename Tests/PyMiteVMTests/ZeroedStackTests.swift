// SPDX-License-Identifier: LGPL-2.1-only
import XCTest
import PyMiteCompiler
import PyMiteHost
@testable import PyMiteVM

/// The value stack from `PlatformHooks.zeroedMemory` (the host's calloc): used
/// uncleared, given back through the hook, and cleared by the VM without it.
final class ZeroedStackTests: XCTestCase {
    final class Ledger {
        var allocated: [UnsafeMutableRawPointer] = []
        var freed: [UnsafeMutableRawPointer] = []
        var refuse = false
    }

    func run(_ ledger: Ledger?) throws -> String {
        var out: [UInt8] = []
        var hooks = HostPlatform.hooks
        hooks.write = { _, bytes in out += bytes }
        if let ledger {
            hooks.zeroedMemory = (allocate: { bytes in
                if ledger.refuse { return nil }
                guard let p = calloc(1, bytes) else { return nil }
                ledger.allocated.append(p)
                return p
            }, free: { p in ledger.freed.append(p); free(p) })
        } else {
            hooks.zeroedMemory = nil
        }
        let source = """
        def depth(n):
            return 0 if n == 0 else 1 + depth(n - 1)
        def locals_(a, b=None):
            x = [a, b]
            return x
        print(depth(400), locals_(1), sum(range(100)))
        """
        let image = try Compiler.compile(source: source, filename: "test.py", moduleName: "__main__")
        do {
            let vm = try VM(config: VMConfig(heapSize: 256 * 1024, stackSlots: 16 * 1024), hooks: hooks)
            try vm.load(image)
            XCTAssertEqual(vm.runMain(), .finished)
            _ = vm
        }
        return String(decoding: out, as: UTF8.self)
    }

    func testStackFromZeroedMemoryIsUsedAndGivenBack() throws {
        let ledger = Ledger()
        XCTAssertEqual(try run(ledger), "400 [1, None] 4950\n")
        XCTAssertEqual(ledger.allocated.count, 1)
        XCTAssertEqual(ledger.freed, ledger.allocated, "the stack goes back through the hook when the VM ends")
    }

    func testWithoutZeroedMemoryTheVMClearsItsStack() throws {
        XCTAssertEqual(try run(nil), "400 [1, None] 4950\n")
        let refused = Ledger()
        refused.refuse = true
        XCTAssertEqual(try run(refused), "400 [1, None] 4950\n")
        XCTAssertTrue(refused.freed.isEmpty)
    }
}
