// SPDX-License-Identifier: LGPL-2.1-only
//
// Reading a whole file with POSIX calls. `p14p run` reads its program
// through here rather than FileManager: FoundationEssentials' file code
// spans many pages of the static binary, and an empty program's resident
// memory is mostly the binary's pages it touches (docs/performance.md).

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum FileBytes {
    public enum Kind { case missing, file, directory }

    /// What is at `path` (following links); anything but a folder counts as a file.
    public static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    /// The file's bytes, or the system's reason it cannot be read
    /// ("No such file or directory", "Is a directory", ...).
    public static func contents(_ path: String) -> Result<[UInt8], FileReadError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return .failure(FileReadError(errno: errno)) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { return .failure(FileReadError(errno: EISDIR)) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(max(0, Int(info.st_size)) + 1)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(FileReadError(errno: errno))
            }
            if n == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }
}

/// A failed read, worded as the C library words its errno.
public struct FileReadError: Error, Equatable {
    public var errno: Int32
    public var reason: String { String(cString: strerror(errno)) }
}
