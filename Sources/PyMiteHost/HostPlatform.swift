// SPDX-License-Identifier: LGPL-2.1-only
//
// The VM's platform hooks on a POSIX host: stdout/stderr through write(2),
// a monotonic clock, and the C library's float formatting and parsing.

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
            pow: { Glibc.pow($0, $1) }
        )
    }
}
