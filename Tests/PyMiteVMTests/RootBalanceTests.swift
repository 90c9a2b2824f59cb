// SPDX-License-Identifier: LGPL-2.1-only
//
// Natives root their temporaries (root/unroot) while they allocate; a root
// left behind keeps its object alive for ever and grows the root array
// with every call, which on a 16 KiB board runs the C allocator dry in a
// loop. After every corpus program, and after one that fails in the middle
// of natives, no temporary root may remain.

import Foundation
import PyMiteCompiler
import PyMiteHost
import XCTest
@testable import PyMiteVM

final class RootBalanceTests: XCTestCase {
    func run(_ source: String, path: String) throws -> Int {
        var hooks = HostPlatform.hooks
        hooks.write = { _, _ in }
        hooks.compile = Compiler.compileForVM  // exec() and eval() too, as `p14p run` has them
        let image = try Compiler.compile(source: source, filename: path, moduleName: "__main__")
        // On a thread with a known big C stack, as `p14p run` runs programs (recursion.py goes deep).
        return try HostStack.run { limit -> Result<Int, Error> in
            Result {
                var config = VMConfig(heapSize: 1 << 20)
                config.cStackLimit = limit
                let vm = try VM(config: config, hooks: hooks)
                try vm.load(image)
                _ = vm.runMain()
                return vm.extraRoots.count
            }
        }.get()
    }

    func testNoTemporaryRootOutlivesACorpusProgram() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("corpus").path
        let names = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".py") }.sorted()
        XCTAssertGreaterThan(names.count, 20)
        for name in names {
            let path = corpus + "/" + name
            guard let source = try? String(contentsOfFile: path, encoding: .utf8),
                  let left = try? run(source, path: path) else { continue }  // modules/ programs import siblings
            XCTAssertEqual(left, 0, "\(name) leaves \(left) temporary roots")
        }
    }
}
