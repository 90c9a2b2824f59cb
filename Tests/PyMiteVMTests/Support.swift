// SPDX-License-Identifier: LGPL-2.1-only
import PyMiteCompiler
import PyMiteHost
import PyMiteVM

/// Host hooks whose output is dropped (fuzzing).
func silentHooks() -> PlatformHooks {
    var hooks = HostPlatform.hooks
    hooks.write = { _, _ in }
    return hooks
}

/// Output captured from a VM run.
final class Captured {
    var stdout: [UInt8] = []
    var stderr: [UInt8] = []
    var out: String { String(decoding: stdout, as: UTF8.self) }
    var err: String { String(decoding: stderr, as: UTF8.self) }
}

/// Compiles and runs `source` in-process with the given heap.
func runProgram(_ source: String, heap: Int = 256 * 1024, limit: Int = 0, longInts: Bool = true) throws -> (RunOutcome, Captured) {
    let captured = Captured()
    var hooks = HostPlatform.hooks
    hooks.write = { fd, bytes in
        if fd == 1 { captured.stdout += bytes } else { captured.stderr += bytes }
    }
    let image = try Compiler.compile(source: source, filename: "test.py", moduleName: "__main__")
    let vm = try VM(config: VMConfig(heapSize: heap, backwardJumpLimit: limit, longInts: longInts), hooks: hooks)
    try vm.load(image)
    let outcome = vm.runMain()
    return (outcome, captured)
}
