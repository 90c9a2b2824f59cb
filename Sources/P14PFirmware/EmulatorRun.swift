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
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = emulator.arguments(elf: elf)
        p.standardInput = FileHandle.nullDevice
        // Machines with sound (versatilepb) would otherwise look for a host audio card and say so on stderr.
        var environment = ProcessInfo.processInfo.environment
        environment["QEMU_AUDIO_DRV"] = "none"
        p.environment = environment
        let outPipe = Pipe(), errPipe = Pipe()
        let outData = Captured(), errData = Captured()
        let group = DispatchGroup()
        if stream {
            p.standardOutput = FileHandle.standardOutput
            p.standardError = FileHandle.standardError
        } else {
            p.standardOutput = outPipe
            p.standardError = errPipe
        }
        try p.run()
        if !stream {
            // Drain both pipes while QEMU runs, so a chatty program cannot block on a full pipe.
            for (pipe, into) in [(outPipe, outData), (errPipe, errData)] {
                group.enter()
                DispatchQueue.global().async {
                    into.data = pipe.fileHandleForReading.readDataToEndOfFile()
                    group.leave()
                }
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while p.isRunning {
            if Date() >= deadline {
                timedOut = true
                p.terminate()
                let grace = Date().addingTimeInterval(2)
                while p.isRunning && Date() < grace { usleep(20_000) }
                if p.isRunning { kill(p.processIdentifier, SIGKILL) }
                break
            }
            usleep(10_000)
        }
        p.waitUntilExit()
        group.wait()
        return EmulatorResult(status: timedOut ? nil : p.terminationStatus, timedOut: timedOut, stdout: outData.data, stderr: errData.data)
    }
}

/// One pipe's output, written by its reader thread before the group is left.
private final class Captured: @unchecked Sendable {
    var data = Data()
}
