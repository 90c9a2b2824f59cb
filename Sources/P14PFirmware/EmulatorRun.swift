// SPDX-License-Identifier: LGPL-2.1-only
//
// Runs a firmware under QEMU with semihosting: the program's stdout and
// stderr are the emulator's, its exit status is the firmware's
// (SYS_EXIT_EXTENDED), and a timeout stops a runaway program.

import Foundation

public struct Emulator: Sendable, Equatable {
    /// "qemu-system-arm", "qemu-system-riscv32".
    public var binary: String
    public var machine: String
    public var cpu: String?
    /// Extra options, e.g. ["-m", "128K"].
    public var options: [String]

    public init(binary: String, machine: String, cpu: String? = nil, options: [String] = []) {
        self.binary = binary
        self.machine = machine
        self.cpu = cpu
        self.options = options
    }

    public func arguments(elf: String) -> [String] {
        ["-M", machine] + (cpu.map { ["-cpu", $0] } ?? []) + options + [
            "-nographic", "-monitor", "none", "-serial", "none",
            "-semihosting-config", "enable=on,target=native", "-kernel", elf,
        ]
    }

    /// Nil when the emulator is installed; otherwise what to do.
    public var unavailableReason: String? {
        Toolchain.which(binary) == nil ? "\(binary) not found: run `make setup` (qemu-system-arm, qemu-system-misc)" : nil
    }
}

public struct EmulatorResult: Sendable {
    /// The program's exit status; nil when the timeout stopped it.
    public var status: Int32?
    public var timedOut: Bool
    /// Captured output (empty when streamed).
    public var stdout: Data
    public var stderr: Data
}

public enum EmulatorRun {
    /// Runs `elf` under `emulator`. With `stream`, output goes straight to
    /// this process's stdout and stderr; otherwise it is captured.
    public static func run(elf: String, emulator: Emulator, timeout: Double, stream: Bool = false) throws -> EmulatorResult {
        guard let path = Toolchain.which(emulator.binary) else {
            throw FirmwareError.toolMissing(tool: emulator.binary, hint: "run `make setup` (qemu-system-arm, qemu-system-misc)")
        }
        // Machines with sound (versatilepb) would otherwise look for a host audio card and say so on stderr.
        var environment = ProcessInfo.processInfo.environment
        environment["QEMU_AUDIO_DRV"] = "none"
        let capture = NSTemporaryDirectory() + "p14p-qemu-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return try Interrupts.withTemporary([capture + ".out", capture + ".err"]) {
            let end = try ChildProcess.run(path, emulator.arguments(elf: elf), environment: environment,
                                           stdout: stream ? .inherit : .file(capture + ".out"),
                                           stderr: stream ? .inherit : .file(capture + ".err"), timeout: timeout)
            func captured(_ suffix: String) -> Data { stream ? Data() : FileManager.default.contents(atPath: capture + suffix) ?? Data() }
            // Killed by a signal: reported as a shell would (128 + n).
            let status = end.timedOut ? nil : end.status ?? 128 + (end.signal ?? 0)
            return EmulatorResult(status: status, timedOut: end.timedOut, stdout: captured(".out"), stderr: captured(".err"))
        }
    }
}
