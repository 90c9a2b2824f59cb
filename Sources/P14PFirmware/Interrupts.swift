// SPDX-License-Identifier: LGPL-2.1-only
//
// What SIGINT and SIGTERM do to p14p-dist: stop every child it is running
// (each runs in a process group of its own, so the whole group: swift
// build's compilers, QEMU), remove the temporary folders it registered, and
// exit 130 or 143. Without this, a killed build left its staging folder
// and its `swift build` running. (A SIGKILL cannot be caught: the next
// build removes the stale staging folder instead.)
//
// The handler runs on a dispatch queue, not in signal context, so it may
// take locks and remove files.

import Dispatch
import Foundation

public enum Interrupts {
    private static let state = State()

    /// Installs the handlers (once; later calls do nothing). The CLI calls it at start.
    public static func install() {
        state.installOnce {
            [SIGINT, SIGTERM].map { number in
                signal(number, SIG_IGN)  // delivered to the dispatch source instead
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { stopEverything(signal: number) }
                source.resume()
                return source
            }
        }
    }

    /// `path` (a folder or a file) is removed if p14p-dist is interrupted before `forget(path)`.
    public static func removeOnInterrupt(_ path: String) { state.update { $0.folders.insert(path) } }
    public static func forget(_ path: String) { state.update { $0.folders.remove(path) } }

    /// Runs `body`, then removes `paths` (temporary files it uses), which are
    /// also removed if p14p-dist is interrupted meanwhile.
    public static func withTemporary<T>(_ paths: [String], _ body: () throws -> T) rethrows -> T {
        for path in paths { removeOnInterrupt(path) }
        defer {
            for path in paths {
                try? FileManager.default.removeItem(atPath: path)
                forget(path)
            }
        }
        return try body()
    }

    /// A child's process group, stopped on interrupt until `untrack`. A group
    /// started while stopping is killed at once, so none outlives the exit.
    static func track(processGroup group: pid_t) {
        let stopping = state.update { s -> Bool in
            s.groups.insert(group)
            return s.stopping
        }
        if stopping { kill(-group, SIGKILL) }
    }

    static func untrack(processGroup group: pid_t) { state.update { $0.groups.remove(group) } }

    /// Waits forever once an interrupt is being handled: the handler exits
    /// the process, and work carried on meanwhile would race its cleanup.
    public static func parkIfStopping() {
        guard state.update({ $0.stopping }) else { return }
        while true { sleep(1000) }
    }

    private static func stopEverything(signal number: Int32) -> Never {
        let (groups, folders) = state.update { s -> (Set<pid_t>, Set<String>) in
            s.stopping = true
            return (s.groups, s.folders)
        }
        for group in groups { kill(-group, SIGTERM) }
        // A moment to exit cleanly (swift build stops its own jobs on SIGTERM), then no choice.
        let deadline = Date().addingTimeInterval(2)
        while groups.contains(where: { kill(-$0, 0) == 0 }) && Date() < deadline { usleep(20_000) }
        for group in groups { kill(-group, SIGKILL) }
        for folder in folders {
            // The main thread may still be writing into it as its child dies: try a few times.
            for _ in 0..<5 where FileManager.default.fileExists(atPath: folder) {
                try? FileManager.default.removeItem(atPath: folder)
                if FileManager.default.fileExists(atPath: folder) { usleep(50_000) }
            }
        }
        let name = number == SIGINT ? "SIGINT" : "SIGTERM"
        var message = "p14p-dist: interrupted (\(name))"
        if !groups.isEmpty { message += "; stopped \(groups.count) child process group(s)" }
        let removed = folders.filter { !$0.hasPrefix(NSTemporaryDirectory()) }  // not every capture file by name
        if !removed.isEmpty { message += "; removed " + removed.sorted().joined(separator: ", ") }
        fflush(stdout)
        let line = Array((message + "\n").utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
        _exit(128 + number)
    }

    private final class State: @unchecked Sendable {
        struct Contents {
            var groups: Set<pid_t> = []
            var folders: Set<String> = []
            var stopping = false
            var sources: [DispatchSourceSignal] = []
        }

        private let lock = NSLock()
        private var contents = Contents()

        @discardableResult
        func update<T>(_ body: (inout Contents) -> T) -> T {
            lock.lock()
            defer { lock.unlock() }
            return body(&contents)
        }

        func installOnce(_ make: () -> [DispatchSourceSignal]) {
            update { s in
                if s.sources.isEmpty { s.sources = make() }
            }
        }
    }
}
