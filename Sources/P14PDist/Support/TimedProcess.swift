// SPDX-License-Identifier: LGPL-2.1-only
//
// Running a tool that may hang or crash (a compiler on an experimental
// target, an emulator's `-M help`): stdout and stderr together, a timeout
// that stops the tool and everything it started (its own process group),
// and whether it died of a signal.

import Foundation

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
    defer { unlink(outPath) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // A process group of its own, so the timeout stops the tool's children too (swiftc's frontend).
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
    posix_spawnattr_setpgroup(&attributes, 0)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        for p in argv { free(p) }
        for p in envp { free(p) }
    }
    var pid = pid_t()
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    guard spawned == 0 else {
        throw FileError("cannot run \(executable): \(String(cString: strerror(spawned)))")
    }

    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    var timedOut = false
    while true {
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid { break }
        if r < 0 && errno != EINTR { break }
        if Date() >= deadline {
            timedOut = true
            kill(-pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            break
        }
        usleep(10_000)
    }
    let output = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
    // The wait status, decoded as <sys/wait.h>'s WIFEXITED/WEXITSTATUS/WTERMSIG do.
    let termination = status & 0x7f
    if timedOut { return TimedResult(status: nil, signal: nil, timedOut: true, output: output) }
    if termination == 0 { return TimedResult(status: (status >> 8) & 0xff, signal: nil, timedOut: false, output: output) }
    return TimedResult(status: nil, signal: termination, timedOut: false, output: output)
}
