// SPDX-License-Identifier: LGPL-2.1-only
//
// The one way p14p-dist runs a tool (swift, swiftc, clang, ld.lld, QEMU, the
// built p14p). Each child gets a process group of its own, so stopping it
// stops everything it started; default signal dispositions and an empty
// signal mask, whatever p14p-dist ignores or blocks; stdin from /dev/null;
// output to files (a chatty tool cannot fill a pipe and stall) or to the
// terminal. While it runs its group is known to Interrupts, so SIGINT or
// SIGTERM to p14p-dist stops it too.

import Foundation

public enum ChildProcess {
    public enum Output: Sendable, Equatable {
        /// This process's own stdout or stderr.
        case inherit
        /// A file, created or truncated.
        case file(String)
        /// stderr only: wherever stdout goes, interleaved.
        case sameAsStdout
    }

    public struct Termination: Sendable, Equatable {
        /// The exit status; nil when a signal ended it or the timeout stopped it.
        public var status: Int32?
        /// The signal that ended it, if one did (not counting the timeout's).
        public var signal: Int32?
        public var timedOut: Bool
    }

    /// glibc (2.29+) declares posix_spawn_file_actions_addchdir_np only under
    /// _GNU_SOURCE, which Swift's Glibc module does not set: found by name.
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let addChdir: AddChdir? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    /// Runs `executable` (a path, or a name looked up on PATH) and waits, at
    /// most `timeout` seconds if given (then SIGTERM to its group, SIGKILL 2 s later).
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           directory: String? = nil, stdout: Output, stderr: Output,
                           timeout: Double? = nil) throws -> Termination {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for (fd, output) in [(Int32(1), stdout), (Int32(2), stderr)] {
            switch output {
            case .inherit: break
            case .file(let path): posix_spawn_file_actions_addopen(&actions, fd, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            case .sameAsStdout: posix_spawn_file_actions_adddup2(&actions, 1, fd)
            }
        }
        if let directory {
            guard let addChdir = ChildProcess.addChdir else {
                throw FirmwareError.cannotRun(tool: executable, reason: "this C library cannot start a process in another folder (\(directory))")
            }
            _ = addChdir(&actions, directory)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var all = sigset_t(), none = sigset_t()
        sigfillset(&all)
        sigdelset(&all, SIGKILL)  // cannot be changed, so not asked
        sigdelset(&all, SIGSTOP)
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer {
            for p in argv { free(p) }
            for p in envp ?? [] { free(p) }
        }
        var pid = pid_t()
        let spawned: Int32 = envp.withOptionalPointer { env in
            executable.contains("/") ? posix_spawn(&pid, executable, &actions, &attributes, argv, env ?? UnsafePointer(environ))
                : posix_spawnp(&pid, executable, &actions, &attributes, argv, env ?? UnsafePointer(environ))
        }
        guard spawned == 0 else {
            throw FirmwareError.cannotRun(tool: executable, reason: String(cString: strerror(spawned)))
        }
        Interrupts.track(processGroup: pid)
        let result = wait(for: pid, timeout: timeout)
        Interrupts.untrack(processGroup: pid)
        // Killed by our own interrupt handler: let it finish and exit rather than carry on.
        Interrupts.parkIfStopping()
        return result
    }

    private static func wait(for pid: pid_t, timeout: Double?) -> Termination {
        var status: Int32 = 0
        guard let timeout else {
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return termination(status)
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { return termination(status) }
            if r < 0 && errno != EINTR { return Termination(status: nil, signal: nil, timedOut: false) }
            if Date() >= deadline { break }
            usleep(10_000)
        }
        kill(-pid, SIGTERM)
        let grace = Date().addingTimeInterval(2)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() >= grace {
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                break
            }
            usleep(10_000)
        }
        kill(-pid, SIGKILL)  // anything the tool started and left behind
        return Termination(status: nil, signal: nil, timedOut: true)
    }

    /// The wait status, decoded as <sys/wait.h>'s WIFEXITED/WEXITSTATUS/WTERMSIG do.
    private static func termination(_ status: Int32) -> Termination {
        let signal = status & 0x7f
        if signal == 0 { return Termination(status: (status >> 8) & 0xff, signal: nil, timedOut: false) }
        return Termination(status: nil, signal: signal, timedOut: false)
    }
}

extension Optional where Wrapped == [UnsafeMutablePointer<CChar>?] {
    /// The array's storage as a C pointer, or nil.
    fileprivate func withOptionalPointer<T>(_ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>?) -> T) -> T {
        guard let array = self else { return body(nil) }
        return array.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
