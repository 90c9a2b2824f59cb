// SPDX-License-Identifier: LGPL-2.1-only
//
// The VM's platform hooks on a POSIX host: stdout/stderr through write(2),
// a monotonic clock, the C library's float formatting and parsing, and a
// simulated board for the time and machine modules (SimulatedBoard).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PyMiteVM

public enum HostPlatform {
    public static var hooks: PlatformHooks {
        PlatformHooks(
            write: { fd, bytes in
                var offset = 0
                while offset < bytes.count {
                    let n = Glibc.write(Int32(fd), bytes.baseAddress! + offset, bytes.count - offset)
                    if n <= 0 { break }
                    offset += n
                }
            },
            clock: {
                var ts = timespec()
                clock_gettime(CLOCK_MONOTONIC, &ts)
                return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
            },
            formatDouble: { format, value in
                // The VM has checked that the text fits its heap; a longer
                // text than the first buffer gets a buffer of its own size.
                let spec = String(decoding: format, as: UTF8.self)
                var buffer = [CChar](repeating: 0, count: 512)
                var n = Int(withVaList([value]) { vsnprintf(&buffer, buffer.count, spec, $0) })
                if n >= buffer.count {
                    buffer = [CChar](repeating: 0, count: n + 1)
                    n = Int(withVaList([value]) { vsnprintf(&buffer, buffer.count, spec, $0) })
                }
                return buffer[0..<max(0, min(n, buffer.count - 1))].map { UInt8(bitPattern: $0) }
            },
            parseDouble: { text in
                if text.isEmpty { return nil }
                var chars = text.map { CChar(bitPattern: $0) }
                chars.append(0)
                return chars.withUnsafeBufferPointer { p -> Double? in
                    var end: UnsafeMutablePointer<CChar>? = nil
                    let d = strtod(p.baseAddress!, &end)
                    guard let e = end, e == UnsafeMutablePointer(mutating: p.baseAddress! + text.count) else { return nil }
                    return d
                }
            },
            pow: { Glibc.pow($0, $1) },
            board: SimulatedBoard.hooks
        )
    }

    /// Nanoseconds of CLOCK_MONOTONIC.
    static func monotonicNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
    }
}

/// The desktop's board: 32 pins kept in memory (each reads back what was
/// last written to it, low at first), "LED" as pin 0 and
/// "BUTTON" as pin 1, time from the host's monotonic clock, and sleeping
/// for real. Programs written for a board run here unchanged.
public enum SimulatedBoard {
    public static let pinCount: Int32 = 32
    nonisolated(unsafe) static var levels = [Bool](repeating: false, count: Int(pinCount))
    static let name: StaticString = "desktop"
    static let uniqueID: StaticString = "p14p-desktop"

    public static var hooks: BoardHooks {
        BoardHooks(
            name: { SimulatedBoard.name.utf8Start },
            ticksUs: { HostPlatform.monotonicNanoseconds() / 1000 },
            sleepUs: { us in
                var want = timespec(tv_sec: Int(us / 1_000_000), tv_nsec: Int(us % 1_000_000) * 1000)
                var left = timespec()
                while nanosleep(&want, &left) != 0 && errno == EINTR { want = left }
            },
            pinCount: { SimulatedBoard.pinCount },
            pinNamed: { name, length in
                switch String(decoding: UnsafeBufferPointer(start: name, count: length), as: UTF8.self) {
                case "LED": return 0
                case "BUTTON": return 1
                default: return -1
                }
            },
            pinMode: { _, _ in 1 },
            pinWrite: { pin, high in SimulatedBoard.levels[Int(pin)] = high != 0 },
            pinRead: { pin in SimulatedBoard.levels[Int(pin)] ? 1 : 0 },
            frequency: { 1_000_000_000 },
            reset: {},
            uniqueID: { out, capacity in
                let n = min(capacity, SimulatedBoard.uniqueID.utf8CodeUnitCount)
                out?.update(from: SimulatedBoard.uniqueID.utf8Start, count: n)
                return n
            })
    }
}
