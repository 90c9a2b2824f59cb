// SPDX-License-Identifier: LGPL-2.1-only
//
// The VM's platform hooks on a POSIX host: stdout/stderr through write(2),
// a monotonic clock, the C library's pow, and a
// simulated board for the time and machine modules (SimulatedBoard).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PyMiteVM

public enum HostPlatform {
    public static var hooks: PlatformHooks {
        var hooks = PlatformHooks(
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
            pow: { Glibc.pow($0, $1) },
            board: SimulatedBoard.hooks
        )
        hooks.sourceLine = sourceLine
        hooks.zeroedMemory = (allocate: { calloc(1, $0) }, free: { free($0) })
        return hooks
    }

    /// Line `line` (from 1) of the file `filename` names, for a traceback; nil when it cannot
    /// be read (code compiled from a string is `<string>`). Only a traceback asks, so each
    /// ask reads the file again, as far as that line.
    public static func sourceLine(_ filename: [UInt8], _ line: Int) -> [UInt8]? {
        guard line > 0, let first = filename.first, first != UInt8(ascii: "<") else { return nil }
        guard let file = fopen(String(decoding: filename, as: UTF8.self), "rb") else { return nil }
        defer { fclose(file) }
        var current = 1
        var text: [UInt8] = []
        while true {
            let c = getc(file)
            if c == EOF { return current == line && !text.isEmpty ? text : nil }
            if c == 10 {
                if current == line { return text }
                current += 1
            } else if current == line {
                text.append(UInt8(truncatingIfNeeded: c))
                if text.count >= 4096 { return text }  // a line this long is shown cut
            }
        }
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
/// "BUTTON" as pin 1, time from the host's monotonic clock, sleeping
/// for real, UART 0 on stdin and stdout, and four analog channels at fixed
/// levels. Programs written for a board run here unchanged.
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
            },
            uartBaud: { 115_200 },
            uartRead: { waitUs in SimulatedBoard.readConsoleByte(waitUs: waitUs) },
            uartAny: {
                var waiting: Int32 = 0
                return ioctl(0, UInt(FIONREAD), &waiting) == 0 ? waiting : 0
            },
            adcCount: { SimulatedBoard.adcChannels },
            adcRead: { channel in SimulatedBoard.adcLevel(channel) },
            module: SimulatedBoard.module)
    }

    /// The desktop's own module, as a port's natives.swift gives one (docs/porting.md):
    /// `desktop.pins_high()` counts the pins that are high; `desktop.set_pins(level,
    /// first=0, count=32)` sets a run of them.
    static let module = BoardModule(name: "desktop", count: 2) { index in
        if index == 0 {
            return BoardNative("pins_high", arguments: 0...0) { _ in .int(Int32(SimulatedBoard.levels.filter { $0 }.count)) }
        }
        return BoardNative("set_pins", arguments: 1...3) { a in
            let first = a.count > 1 ? Int(a[1]) : 0, count = a.count > 2 ? Int(a[2]) : Int(SimulatedBoard.pinCount) - first
            guard first >= 0, count >= 0, first + count <= Int(SimulatedBoard.pinCount) else { return .failed("pins are 0 to 31") }
            for pin in first..<first + count { SimulatedBoard.levels[pin] = a[0] != 0 }
            return .none
        }
    }

    /// Analog channels: channel c reads c * 21845 (0, 1/3, 2/3 and full scale), so programs see fixed, known levels.
    public static let adcChannels: Int32 = 4
    static func adcLevel(_ channel: Int32) -> Int32 { channel * 21_845 }

    /// UART 0 is the process's stdin and stdout: a byte from stdin, waiting at most `waitUs`.
    /// At the end of stdin no byte ever comes, so the wait is spent as on a silent port.
    static func readConsoleByte(waitUs: UInt32) -> Int32 {
        var ready = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        guard poll(&ready, 1, Int32((waitUs + 999) / 1000)) > 0 else { return -1 }
        var byte: UInt8 = 0
        let n = read(0, &byte, 1)
        if n == 1 { return Int32(byte) }
        if waitUs > 0 { usleep(waitUs) }
        return -1
    }
}
