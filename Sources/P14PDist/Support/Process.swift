// SPDX-License-Identifier: LGPL-2.1-only
//
// Running tools (swift, git, the built p14p) and capturing their output.

import Foundation

public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    public var succeeded: Bool { status == 0 }
}

/// Runs `executable` (a path, or a name looked up on PATH) and waits.
@discardableResult
public func runProcess(_ executable: String, _ arguments: [String], in directory: String? = nil,
                       environment: [String: String]? = nil) throws -> ProcessResult {
    let process = Process()
    if executable.contains("/") {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
    } else {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
    }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if let environment { process.environment = environment }
    // Files, not pipes: a chatty build cannot fill a pipe and stall.
    let outPath = NSTemporaryDirectory() + "p14p-dist-out-\(UUID().uuidString)"
    let errPath = NSTemporaryDirectory() + "p14p-dist-err-\(UUID().uuidString)"
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    defer {
        unlink(outPath)
        unlink(errPath)
    }
    process.standardOutput = FileHandle(forWritingAtPath: outPath)
    process.standardError = FileHandle(forWritingAtPath: errPath)
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { throw FileError("cannot run \(executable): \(error.localizedDescription)") }
    process.waitUntilExit()
    let out = (try? readText(outPath)) ?? ""
    let err = (try? readText(errPath)) ?? ""
    return ProcessResult(status: process.terminationStatus, stdout: out, stderr: err)
}

/// Seconds since `start`, for progress lines.
public func elapsed(since start: Date) -> Double { Date().timeIntervalSince(start) }

public func formatSeconds(_ s: Double) -> String {
    s < 10 ? String(format: "%.2fs", s) : String(format: "%.1fs", s)
}
