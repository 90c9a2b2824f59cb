// SPDX-License-Identifier: LGPL-2.1-only
//
// Why a firmware could not be built or run, in words a user can act on.

import Foundation

public enum FirmwareError: Error, CustomStringConvertible, Equatable {
    /// A tool is not installed; `hint` says how to get it.
    case toolMissing(tool: String, hint: String)
    /// A tool is there but could not be started (not executable, no such folder to run it in).
    case cannotRun(tool: String, reason: String)
    /// A compiler or linker step failed; `output` is what it printed.
    case toolFailed(step: String, command: String, output: String)
    /// The firmware is larger than the board: which memory, by how much, and the breakdown.
    case doesNotFit(board: String, memory: String, needed: Int, available: Int, breakdown: String)
    case imageTooLarge(board: String, needed: Int, capacity: Int)
    case badFirmware(String)
    case missingSupport(String)

    public var description: String {
        switch self {
        case let .toolMissing(tool, hint):
            return "\(tool) not found: \(hint)"
        case let .cannotRun(tool, reason):
            return "cannot run \(tool): \(reason)"
        case let .toolFailed(step, command, output):
            return "\(step) failed:\n  \(command)\n\(output)"
        case let .doesNotFit(board, memory, needed, available, breakdown):
            return "board \(board) does not fit in \(memory): needs \(needed) bytes (\(kib(needed))), "
                + "has \(available) (\(kib(available))), over by \(needed - available) bytes; \(breakdown)"
        case let .imageTooLarge(board, needed, capacity):
            return "board \(board): the application section holds \(capacity) bytes but this code image "
                + "and argv need \(needed); raise app_size in the recipe"
        case let .badFirmware(why):
            return "bad firmware: \(why)"
        case let .missingSupport(why):
            return why
        }
    }
}

func kib(_ n: Int) -> String {
    n % 1024 == 0 ? "\(n / 1024) KiB" : String(format: "%.1f KiB", Double(n) / 1024)
}
