// SPDX-License-Identifier: LGPL-2.1-only
//
// The one way p14p-dist runs a tool (swift, swiftc, clang, ld.lld, QEMU, the
// built p14p). Each child gets a process group of its own, so stopping it
// stops everything it started; default signal dispositions and an empty
// signal mask, whatever p14p-dist ignores or blocks; stdin from /dev/null;
// output to files (a chatty tool cannot fill a pipe and stall) or to the
// terminal. While it runs its group is known to Interrupts, so SIGINT or
// SIGTERM to p14p-dist stops it too; under p14p-dist a guardian between
// the two (`guardian`) stops it even when p14p-dist is killed outright.

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

    /// Reads a child's stdout as it comes (EmulatorRun's serial console):
    /// given each chunk, says whether the child may go on. `.stop` ends it
    /// (its whole group) at once; its status is then not waited for.
    public enum Verdict: Sendable { case goOn, stop }
    public typealias Watcher = ([UInt8]) -> Verdict

    public struct Termination: Sendable, Equatable {
        /// The exit status; nil when a signal ended it or the timeout stopped it.
        public var status: Int32?
        /// The signal that ended it, if one did (not counting the timeout's).
        public var signal: Int32?
        public var timedOut: Bool
        /// The stdout watcher said `.stop`, and the child was ended.
        public var stoppedByWatcher = false
    }

    /// What a finished child printed, and how it ended.
    public struct Captured: Sendable, Equatable {
        /// The exit status; nil when a signal ended it or the timeout stopped it.
        public var status: Int32?
        /// The signal that ended it, if one did (not counting the timeout's).
        public var signal: Int32?
        public var timedOut: Bool
        /// stdout, or stdout and stderr interleaved when captured together.
        public var stdout: String
        /// Empty when captured together with stdout.
        public var stderr: String

        public init(status: Int32?, signal: Int32? = nil, timedOut: Bool = false, stdout: String, stderr: String = "") {
            self.status = status
            self.signal = signal
            self.timedOut = timedOut
            self.stdout = stdout
            self.stderr = stderr
        }

        public var succeeded: Bool { status == 0 }
        /// All it printed.
        public var output: String { stdout + stderr }
        /// The status as a shell reports it: 128 + n for signal n, so a signal is never success.
        public var shellStatus: Int32 { status ?? 128 + (signal ?? 0) }
    }

    /// Runs a tool and captures its output, through files (a chatty tool
    /// cannot fill a pipe and stall), removed afterwards and on interrupt.
    /// `together`: stderr into stdout, interleaved as written.
    public static func capture(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                               directory: String? = nil, timeout: Double? = nil, together: Bool = false) throws -> Captured {
        let base = NSTemporaryDirectory() + "p14p-capture-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return try Interrupts.withTemporary([base + ".out", base + ".err"]) {
            let end = try run(executable, arguments, environment: environment, directory: directory,
                              stdout: .file(base + ".out"), stderr: together ? .sameAsStdout : .file(base + ".err"),
                              timeout: timeout)
            func text(_ path: String) -> String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }
            return Captured(status: end.status, signal: end.signal, timedOut: end.timedOut,
                            stdout: text(base + ".out"), stderr: together ? "" : text(base + ".err"))
        }
    }

    /// An executable that guards each child (p14p-dist sets its own path;
    /// see CChildGuard): run as `guardian guardianCommand our-pid tool-path args...`,
    /// it runs the tool as its own child and passes its status on, and when
    /// p14p-dist dies without cleaning up (SIGKILL) it stops the tool's whole
    /// group. Unset (the tests' own processes), tools run directly.
    nonisolated(unsafe) public static var guardian: String?
    public static let guardianCommand = "__guard-child"

    /// `name` as posix_spawnp would find it: itself when it has a slash, else the first executable on PATH.
    static func resolve(_ name: String, environment: [String: String]?) throws -> String {
        if name.contains("/") { return name }
        let path = (environment ?? ProcessInfo.processInfo.environment)["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (folder.isEmpty ? "." : String(folder)) + "/" + name
            var info = stat()
            if stat(candidate, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(candidate, X_OK) == 0 { return candidate }
        }
        throw FirmwareError.cannotRun(tool: name, reason: String(cString: strerror(ENOENT)))
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
    /// With `watch`, stdout goes to a pipe read by `watch` instead, and
    /// `input` (if any) is the child's stdin, sent once the child has written
    /// its first output (an emulated UART then has its receiver on: the STM32
    /// USART model drops what comes before), then closed. Otherwise stdin is /dev/null.
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           directory: String? = nil, input: [UInt8]? = nil, stdout: Output, stderr: Output,
                           timeout: Double? = nil, watch: Watcher? = nil) throws -> Termination {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // A socket rather than a pipe: a send to a child that has ended fails with EPIPE instead of raising SIGPIPE here.
        var inputEnds: [Int32] = [-1, -1]
        if input != nil && watch != nil {
            guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &inputEnds) == 0 else {
                throw FirmwareError.cannotRun(tool: executable, reason: "no socket for its input: " + String(cString: strerror(errno)))
            }
            for end in inputEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            posix_spawn_file_actions_adddup2(&actions, inputEnds[1], 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        defer { for fd in inputEnds where fd >= 0 { close(fd) } }
        var pipeEnds: [Int32] = [-1, -1]
        if watch != nil {
            guard pipe(&pipeEnds) == 0 else {
                throw FirmwareError.cannotRun(tool: executable, reason: "no pipe: " + String(cString: strerror(errno)))
            }
            // Both ends close on exec: dup2 gives the child a plain fd 1, and no other child inherits the pipe.
            for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
            posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        }
        defer { for fd in pipeEnds where fd >= 0 { close(fd) } }
        for (fd, output) in [(Int32(1), stdout), (Int32(2), stderr)] where !(fd == 1 && watch != nil) {
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

        var command = [executable] + arguments
        if let guardian { command = [guardian, guardianCommand, String(getpid()), try resolve(executable, environment: environment)] + arguments }
        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer {
            for p in argv { free(p) }
            for p in envp ?? [] { free(p) }
        }
        var pid = pid_t()
        let spawned: Int32 = envp.withOptionalPointer { env in
            command[0].contains("/") ? posix_spawn(&pid, command[0], &actions, &attributes, argv, env ?? UnsafePointer(environ))
                : posix_spawnp(&pid, command[0], &actions, &attributes, argv, env ?? UnsafePointer(environ))
        }
        guard spawned == 0 else {
            throw FirmwareError.cannotRun(tool: executable, reason: String(cString: strerror(spawned)))
        }
        Interrupts.track(processGroup: pid)
        var result: Termination
        if let watch {
            close(pipeEnds[1])
            pipeEnds[1] = -1
            if inputEnds[1] >= 0 {
                close(inputEnds[1])
                inputEnds[1] = -1
            }
            let feed = inputEnds[0] >= 0 ? (fd: inputEnds[0], bytes: input ?? []) : nil
            result = watched(pid, output: pipeEnds[0], input: feed, timeout: timeout, watch: watch)
        } else {
            result = wait(for: pid, timeout: timeout)
        }
        Interrupts.untrack(processGroup: pid)
        // Killed by our own interrupt handler: let it finish and exit rather than carry on.
        Interrupts.parkIfStopping()
        return result
    }

    /// Feeds the child's stdout to `watch` until it closes, then waits for the
    /// child; the deadline and a `.stop` end the group early. `input` goes to
    /// the child's stdin socket after its first output, as fast as it takes it.
    private static func watched(_ pid: pid_t, output fd: Int32, input: (fd: Int32, bytes: [UInt8])?,
                                timeout: Double?, watch: Watcher) -> Termination {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var pending = input?.bytes[...] ?? []
        var spoke = false, inputOpen = input != nil
        while true {
            let left = deadline.map { $0.timeIntervalSinceNow } ?? 1
            if left <= 0 { return stop(pid, timedOut: true) }
            if let input, inputOpen, spoke && pending.isEmpty {
                shutdown(input.fd, Int32(SHUT_WR))  // the child reads the end of its input
                inputOpen = false
            }
            let feeding = inputOpen && spoke
            var pollers = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: input?.fd ?? -1, events: Int16(POLLOUT), revents: 0)]
            let ready = poll(&pollers, feeding ? 2 : 1, Int32(min(left, 1) * 1000) + 1)
            if ready < 0 && errno != EINTR { break }
            guard ready > 0 else { continue }
            if feeding, let input, pollers[1].revents != 0 {
                let sent = pending.withUnsafeBytes { send(input.fd, $0.baseAddress, min($0.count, 4096), Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
                if sent > 0 {
                    pending = pending.dropFirst(sent)
                } else if sent < 0 && errno != EAGAIN && errno != EINTR {
                    pending = []  // the child closed its stdin: the rest has nowhere to go
                }
            }
            guard pollers[0].revents != 0 else { continue }
            spoke = true
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }  // closed: the child is ending
            if watch(Array(buffer[0..<n])) == .stop {
                // Done, not stuck: SIGKILL at once (a SIGTERM makes QEMU say it was terminated).
                kill(-pid, SIGKILL)
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                return Termination(status: nil, signal: nil, timedOut: false, stoppedByWatcher: true)
            }
        }
        return wait(for: pid, timeout: deadline.map { max(0, $0.timeIntervalSinceNow) })
    }

    /// Ends the child's group (SIGTERM, SIGKILL after 2 s) and reaps it.
    private static func stop(_ pid: pid_t, timedOut: Bool) -> Termination {
        // (A child whose output never closes ends here only at the deadline.)
        var status: Int32 = 0
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
        return Termination(status: nil, signal: nil, timedOut: timedOut)
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
        return stop(pid, timedOut: true)
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
