// SPDX-License-Identifier: LGPL-2.1-only
//
// Progress of a release build, as events; the CLI prints them as text (or
// not at all with --json, where the summary says it all).

import Foundation

public enum ReleaseEvent: Sendable {
    case stageStarted(index: Int, count: Int, name: String)
    case stageFinished(name: String, seconds: Double, detail: String?)
    case stageSkipped(name: String, reason: String)
    case boardStarted(board: String)
    case boardLog(board: String, line: String)
    case boardFinished(board: String, seconds: Double, sizes: FirmwareSizes)
    case boardSkipped(board: String, reason: String)
    case note(String)
}

public protocol ReleaseReporter: AnyObject, Sendable {
    func report(_ event: ReleaseEvent)
}

/// Human progress lines: one per stage and per board, with elapsed time.
public final class TextReporter: ReleaseReporter, @unchecked Sendable {
    let handle: FileHandle
    let lock = NSLock()
    public init(handle: FileHandle = .standardOutput) { self.handle = handle }

    func line(_ text: String) {
        lock.lock()
        handle.write(Data((text + "\n").utf8))
        lock.unlock()
    }

    public func report(_ event: ReleaseEvent) {
        switch event {
        case let .stageStarted(index, count, name): line("[\(index)/\(count)] \(name)")
        case let .stageFinished(_, seconds, detail): line("      done in \(formatSeconds(seconds))" + (detail.map { ": \($0)" } ?? ""))
        case let .stageSkipped(_, reason): line("      skipped: \(reason)")
        case let .boardStarted(board): line("      \(board): building...")
        case let .boardLog(board, text): line("      \(board):   \(text)")
        case let .boardFinished(board, seconds, sizes):
            line("      \(board): built in \(formatSeconds(seconds)) (\(sizes.file) bytes, image \(sizes.image) bytes)")
        case let .boardSkipped(board, reason): line("      \(board): skipped: \(reason)")
        case let .note(text): line("      \(text)")
        }
    }
}

/// Keeps events (tests, and --json which prints only the summary).
public final class CollectingReporter: ReleaseReporter, @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [ReleaseEvent] = []
    public init() {}
    public func report(_ event: ReleaseEvent) {
        lock.lock()
        stored.append(event)
        lock.unlock()
    }
    public var events: [ReleaseEvent] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
