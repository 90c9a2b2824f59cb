// SPDX-License-Identifier: LGPL-2.1-only
//
// Running tools (swift, git, the built p14p) and capturing their output.

import Foundation
import P14PFirmware

public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var succeeded: Bool { status == 0 }
}

/// Runs `executable` (a path, or a name looked up on PATH) and waits. The
/// child runs in its own process group and is stopped if p14p-dist is interrupted.
@discardableResult
public func runProcess(_ executable: String, _ arguments: [String], in directory: String? = nil,
                       environment: [String: String]? = nil) throws -> ProcessResult {
    let r = try ChildProcess.capture(executable, arguments, environment: environment, directory: directory)
    return ProcessResult(status: r.shellStatus, stdout: r.stdout, stderr: r.stderr)
}

/// Seconds since `start`, for progress lines.
public func elapsed(since start: Date) -> Double { Date().timeIntervalSince(start) }

public func formatSeconds(_ s: Double) -> String {
    s < 10 ? String(format: "%.2fs", s) : String(format: "%.1fs", s)
}
