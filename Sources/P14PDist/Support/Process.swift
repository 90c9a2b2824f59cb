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
    // Files, not pipes: a chatty build cannot fill a pipe and stall.
    let outPath = NSTemporaryDirectory() + "p14p-dist-out-\(UUID().uuidString)"
    let errPath = NSTemporaryDirectory() + "p14p-dist-err-\(UUID().uuidString)"
    return try Interrupts.withTemporary([outPath, errPath]) {
        let end = try ChildProcess.run(executable, arguments, environment: environment, directory: directory,
                                       stdout: .file(outPath), stderr: .file(errPath))
        let out = (try? readText(outPath)) ?? ""
        let err = (try? readText(errPath)) ?? ""
        // A signal's status as a shell reports it (128 + n), so it is never success.
        return ProcessResult(status: end.status ?? 128 + (end.signal ?? 0), stdout: out, stderr: err)
    }
}

/// Seconds since `start`, for progress lines.
public func elapsed(since start: Date) -> Double { Date().timeIntervalSince(start) }

public func formatSeconds(_ s: Double) -> String {
    s < 10 ? String(format: "%.2fs", s) : String(format: "%.1fs", s)
}
