// SPDX-License-Identifier: LGPL-2.1-only
//
// A fresh VM under the fuzzing limits (docs/reliability.md): a small heap,
// an instruction budget, a low recursion limit and a C stack bound, with
// output dropped. Python exceptions are normal outcomes; only a trap, a
// sanitizer report or a hang is a finding.

#if canImport(Glibc)
import Glibc
#endif
import PyMiteHost
import PyMiteVM

public enum FuzzLimits {
    /// The Python heap, as on a small board.
    public static let heapSize = 64 * 1024
    /// Backward jumps, calls, returns and caught exceptions per run (VMConfig.backwardJumpLimit).
    public static let instructionBudget = 20_000
    public static let recursionLimit = 200
    public static let stackSlots = 4 * 1024
    /// C stack a run may use below the harness's frame (ASan frames are large).
    public static let cStackBytes: UInt = 2 * 1024 * 1024
    /// Inputs past this many bytes are ignored (libFuzzer's -max_len is set lower).
    public static let maxInputBytes = 64 * 1024
}

public enum FuzzVM {
    /// Host hooks whose output goes nowhere.
    public static var silentHooks: PlatformHooks {
        var hooks = HostPlatform.hooks
        hooks.write = { _, _ in }
        hooks.board = .none  // time.sleep returns at once: an image that sleeps is no hang to report
        return hooks
    }

    public static func config() -> VMConfig {
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        return VMConfig(heapSize: FuzzLimits.heapSize, stackSlots: FuzzLimits.stackSlots,
                        recursionLimit: FuzzLimits.recursionLimit, argv: [Array("fuzz.py".utf8)],
                        backwardJumpLimit: FuzzLimits.instructionBudget,
                        cStackLimit: here > FuzzLimits.cStackBytes ? here - FuzzLimits.cStackBytes : 0)
    }

    /// Loads a decoded image and runs its main module.
    public static func run(_ image: Image) {
        guard let vm = try? VM(config: config(), hooks: silentHooks) else { fatalError("the fuzzing heap cannot start a VM") }
        guard (try? vm.load(image)) != nil else { return }
        _ = vm.runMain()
    }

    /// Loads an image from its bytes after `ImageFormat.scan`, as a board does, and runs it.
    public static func run(_ layout: ImageLayout, from bytes: UnsafeBufferPointer<UInt8>) {
        guard let vm = try? VM(config: config(), hooks: silentHooks) else { fatalError("the fuzzing heap cannot start a VM") }
        guard (try? vm.load(layout, from: bytes)) != nil else { return }
        _ = vm.runMain()
    }
}
