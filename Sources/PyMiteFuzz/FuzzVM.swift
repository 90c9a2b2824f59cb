// SPDX-License-Identifier: LGPL-2.1-only
//
// A fresh VM under the fuzzing limits (docs/reliability.md): a small heap,
// an instruction budget, a low recursion limit and a C stack bound, with
// output dropped. Python exceptions are normal outcomes; only a trap, a
// sanitizer report or a hang is a finding.

#if canImport(Glibc)
import Glibc
#endif
import PyMiteCompiler
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
    /// Host hooks whose output goes nowhere, on `FuzzBoard`.
    public static var silentHooks: PlatformHooks {
        var hooks = HostPlatform.hooks
        hooks.write = { _, _ in }
        hooks.compile = Compiler.compileForVM  // eval/exec/compile of generated strings, as `p14p run` has them
        FuzzBoard.reset()
        hooks.board = FuzzBoard.hooks
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

/// The board programs are fuzzed on: no clock (time.sleep returns at once, so
/// an image that sleeps is no hang to report), four pins in memory, a UART
/// whose input is a few fixed bytes, two ADC channels and a module of its own
/// (`fz`), so every machine path and the board natives' argument checks are
/// reached. Reset before each run: a run's result depends on its input alone.
enum FuzzBoard {
    nonisolated(unsafe) static var levels: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
    nonisolated(unsafe) static var received = 0
    static let input: StaticString = "fz\nline\n\u{1}"
    static let name: StaticString = "fuzz"

    static func reset() {
        levels = (0, 0, 0, 0)
        received = 0
    }

    static var hooks: BoardHooks {
        BoardHooks(
            name: { FuzzBoard.name.utf8Start }, ticksUs: { 0 }, sleepUs: { _ in },
            pinCount: { 4 },
            pinNamed: { name, length in length == 3 && name?[0] == 0x4C ? 0 : -1 },  // "LED" (or any L..)
            pinMode: { pin, _ in pin == 3 ? 0 : 1 },  // pin 3 refuses every mode
            pinWrite: { pin, high in
                switch pin {
                case 0: FuzzBoard.levels.0 = high
                case 1: FuzzBoard.levels.1 = high
                case 2: FuzzBoard.levels.2 = high
                default: FuzzBoard.levels.3 = high
                }
            },
            pinRead: { pin in
                switch pin {
                case 0: return FuzzBoard.levels.0
                case 1: return FuzzBoard.levels.1
                case 2: return FuzzBoard.levels.2
                default: return FuzzBoard.levels.3
                }
            },
            uartBaud: { 9600 },
            uartRead: { _ in
                guard FuzzBoard.received < FuzzBoard.input.utf8CodeUnitCount else { return -1 }
                defer { FuzzBoard.received += 1 }
                return Int32(FuzzBoard.input.utf8Start[FuzzBoard.received])
            },
            uartAny: { Int32(FuzzBoard.input.utf8CodeUnitCount - FuzzBoard.received) },
            adcCount: { 2 },
            adcRead: { channel in channel == 0 ? 40_000 : -1 },  // channel 1 never converts
            module: BoardModule(name: "fz", count: 2) { index in
                index == 0
                    ? BoardNative("add", arguments: 0...4) { a in
                        var sum: Int32 = 0
                        for i in 0..<a.count { sum = sum &+ a[i] }
                        return .int(sum)
                    }
                    : BoardNative("fail", arguments: 1...1) { a in a[0] > 0 ? .failed("asked to") : .bool(a[0] == 0) }
            })
    }
}
