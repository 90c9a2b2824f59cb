// SPDX-License-Identifier: LGPL-2.1-only
//
// Runs a firmware under QEMU as a board runs it: the console is the
// machine's serial port, read as it comes (ConsoleDecoder), and the end
// line's status is the program's; the emulator is stopped there, since a
// halted board never exits. A firmware built with the debug console
// (semihosting) prints through the emulator's stdout and stderr and exits
// it instead. A timeout stops a runaway program either way.

import Foundation

public struct Emulator: Sendable, Equatable {
    /// "qemu-system-arm", "qemu-system-riscv32".
    public var binary: String
    public var machine: String
    public var cpu: String?
    /// Extra options, e.g. ["-m", "128K"].
    public var options: [String]
    /// Which of the machine's serial ports is the firmware's console (from
    /// 0); nil for a firmware with the semihosting debug console.
    public var serialPort: Int?

    public init(binary: String, machine: String, cpu: String? = nil, options: [String] = [], serialPort: Int? = 0) {
        self.binary = binary
        self.machine = machine
        self.cpu = cpu
        self.options = options
        self.serialPort = serialPort
    }

    public func arguments(elf: String) -> [String] {
        let console: [String]
        if let serialPort {
            console = Array(repeating: ["-serial", "null"], count: serialPort).flatMap { $0 } + ["-serial", "stdio"]
        } else {
            console = ["-serial", "none", "-semihosting-config", "enable=on,target=native"]
        }
        return ["-M", machine] + (cpu.map { ["-cpu", $0] } ?? []) + options
            + ["-nographic", "-monitor", "none"] + console + ["-kernel", elf]
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
    /// Captured output (empty when streamed). With a serial console,
    /// `stdout` holds the program's stdout and stderr as the port carried
    /// them, and `stderr` the emulator's own messages.
    public var stdout: Data
    public var stderr: Data
    /// The program's stderr is in `stdout` (one serial console).
    public var merged: Bool

    /// Where to look for the program's error messages: its stderr, or the
    /// whole console when the two streams share it.
    public var programErrors: Data { merged ? stdout : stderr }
}

public enum EmulatorRun {
    /// Runs `elf` under `emulator`. With `stream`, output goes straight to
    /// this process's stdout and stderr; otherwise it is captured. `input`
    /// arrives on the serial console (machine.UART reads it) once the
    /// program has written its first output there.
    public static func run(elf: String, emulator: Emulator, timeout: Double, stream: Bool = false,
                           input: [UInt8]? = nil) throws -> EmulatorResult {
        guard let path = Toolchain.which(emulator.binary) else {
            throw FirmwareError.toolMissing(tool: emulator.binary, hint: "run `make setup` (qemu-system-arm, qemu-system-misc)")
        }
        // Machines with sound (versatilepb) would otherwise look for a host audio card and say so on stderr.
        var environment = ProcessInfo.processInfo.environment
        environment["QEMU_AUDIO_DRV"] = "none"
        let capture = NSTemporaryDirectory() + "p14p-qemu-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return try Interrupts.withTemporary([capture + ".out", capture + ".err"]) {
            func captured(_ suffix: String) -> Data { stream ? Data() : FileManager.default.contents(atPath: capture + suffix) ?? Data() }
            guard emulator.serialPort != nil else {
                let end = try ChildProcess.run(path, emulator.arguments(elf: elf), environment: environment,
                                               stdout: stream ? .inherit : .file(capture + ".out"),
                                               stderr: stream ? .inherit : .file(capture + ".err"), timeout: timeout)
                // Killed by a signal: reported as a shell would (128 + n).
                let status = end.timedOut ? nil : end.status ?? 128 + (end.signal ?? 0)
                return EmulatorResult(status: status, timedOut: end.timedOut, stdout: captured(".out"),
                                      stderr: captured(".err"), merged: false)
            }
            var decoder = ConsoleDecoder()
            var console = Data()
            func deliver(_ bytes: [UInt8]) {
                guard !bytes.isEmpty else { return }
                if stream {
                    bytes.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, Foundation.stdout) }
                    fflush(Foundation.stdout)
                } else {
                    console.append(contentsOf: bytes)
                }
            }
            // The emulator's own messages are kept apart, and shown when streaming only if the run went wrong.
            let end = try ChildProcess.run(path, emulator.arguments(elf: elf), environment: environment,
                                           input: input, stdout: .inherit, stderr: .file(capture + ".err"),
                                           timeout: timeout, watch: { chunk in
                deliver(decoder.feed(chunk))
                return decoder.status == nil ? .goOn : .stop
            })
            deliver(decoder.finish())
            let emulatorErrors = FileManager.default.contents(atPath: capture + ".err") ?? Data()
            if stream && decoder.status == nil {
                FileHandle.standardError.write(emulatorErrors)
            }
            let status: Int32?
            if let ended = decoder.status {
                status = ended
            } else if end.timedOut {
                status = nil
            } else {
                // The emulator ended without the end line (it crashed or was killed).
                status = end.status.map { $0 == 0 ? 1 : $0 } ?? 128 + (end.signal ?? 0)
            }
            return EmulatorResult(status: status, timedOut: decoder.status == nil && end.timedOut, stdout: console,
                                  stderr: stream ? Data() : emulatorErrors, merged: true)
        }
    }
}
