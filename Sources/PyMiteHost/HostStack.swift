// SPDX-License-Identifier: LGPL-2.1-only
//
// The C stack on a host. Python code that recurses through natives
// (__repr__ calling repr, nested containers, generators delegating to
// generators) recurses in C too; the VM raises RecursionError when the
// stack reaches a limit address (VMConfig.cStackLimit), so the host must
// know where its stack ends, whatever `ulimit -s` says.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum HostStack {
    /// The C stack the VM's own thread gets by default. Only the pages a
    /// program touches are ever backed by memory.
    public static let defaultThreadStackBytes = 256 << 20
    /// The smallest stack `run` accepts.
    public static let minimumThreadStackBytes = 1 << 20

    /// Room kept below the limit for the deepest work the VM does between
    /// two checks (a debug build's interpreter frame is large): a quarter
    /// of the stack, at most 1 MiB.
    static func margin(for size: Int) -> Int { min(1 << 20, size / 4) }

    /// The lowest address the VM may reach on the calling thread's stack,
    /// taken from `ulimit -s` below the caller's frame (8 MiB when it is
    /// unlimited): right for a process's main thread, which is where the
    /// tests run programs; the CLI runs the VM on a thread of its own.
    public static func limitForCurrentThread() -> UInt {
        var current = rlimit()
        var size = 8 << 20
        #if os(Linux)
        let resource = __rlimit_resource_t(RLIMIT_STACK.rawValue)
        #else
        let resource = RLIMIT_STACK
        #endif
        if getrlimit(resource, &current) == 0, current.rlim_cur != rlim_t.max {
            size = Int(clamping: current.rlim_cur)
        }
        return limit(below: currentStackAddress(), size: size)
    }

    static func limit(below top: UInt, size: Int) -> UInt {
        guard size >= minimumThreadStackBytes / 2, top > UInt(size) else { return 0 }
        return top - UInt(size) + UInt(margin(for: size))
    }

    @inline(never) static func currentStackAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Runs `body` on a new thread with a C stack of `stackBytes` (at least
    /// `minimumThreadStackBytes`) and waits for it, passing the stack limit
    /// for VMConfig.cStackLimit. If no such thread can be made, `body` runs
    /// here with this thread's limit.
    public static func run<T>(stackBytes: Int = defaultThreadStackBytes, _ body: @escaping (UInt) -> T) -> T {
        let stackBytes = max(stackBytes, minimumThreadStackBytes)
        let result = ResultBox<T>()
        let job = StackJob(stackBytes: stackBytes) { limit in result.value = body(limit) }
        var attr = pthread_attr_t()
        pthread_attr_init(&attr)
        defer { pthread_attr_destroy(&attr) }
        pthread_attr_setstacksize(&attr, stackBytes)
        let context = Unmanaged.passRetained(job).toOpaque()
        #if os(Linux)
        var thread = pthread_t()
        #else
        var thread: pthread_t? = nil
        #endif
        let started = pthread_create(&thread, &attr, { raw in
            let job = Unmanaged<StackJob>.fromOpaque(raw!).takeRetainedValue()
            // A little below this frame is as near the top of the new stack as matters.
            job.body(HostStack.limit(below: HostStack.currentStackAddress(), size: job.stackBytes - 64 * 1024))
            return nil
        }, context)
        guard started == 0 else {
            Unmanaged<StackJob>.fromOpaque(context).release()
            return body(limitForCurrentThread())
        }
        #if os(Linux)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif
        return result.value!
    }
}

private final class StackJob {
    let stackBytes: Int
    let body: (UInt) -> Void
    init(stackBytes: Int, _ body: @escaping (UInt) -> Void) {
        self.stackBytes = stackBytes
        self.body = body
    }
}

private final class ResultBox<T> {
    var value: T?
}
