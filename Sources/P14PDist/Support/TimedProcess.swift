// SPDX-License-Identifier: LGPL-2.1-only
//
// Running a tool that may hang or crash (a compiler on an experimental
// target, an emulator's `-M help`): stdout and stderr together, a timeout
// that stops the tool and everything it started (its own process group),
// and whether it died of a signal.

import Foundation
import P14PFirmware

public struct TimedResult: Sendable, Equatable {
    /// The exit status, nil when a signal ended it or the timeout stopped it.
    public var status: Int32?
    /// The signal that ended it, if one did (not counting the timeout's).
    public var signal: Int32?
    public var timedOut: Bool
    /// stdout and stderr, interleaved.
    public var output: String

    public var succeeded: Bool { status == 0 }
}

/// Runs `executable` (a path) with `arguments` and `environment`, at most `timeout` seconds.
public func runTimed(_ executable: String, _ arguments: [String], environment: [String: String],
                     timeout: Double) throws -> TimedResult {
    let outPath = NSTemporaryDirectory() + "p14p-timed-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    return try Interrupts.withTemporary([outPath]) {
        let end = try ChildProcess.run(executable, arguments, environment: environment,
                                       stdout: .file(outPath), stderr: .sameAsStdout, timeout: timeout)
        let output = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        return TimedResult(status: end.status, signal: end.signal, timedOut: end.timedOut, output: output)
    }
}
