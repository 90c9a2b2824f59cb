// SPDX-License-Identifier: LGPL-2.1-only
//
// Writing `compile -o`'s image. The bytes go to a temporary file beside the
// target, which is then renamed over it: a failure leaves no half-written
// image. A rename replaces whatever has the name, so the target is checked
// first: only a new name or a regular file (possibly behind a symbolic link)
// is replaced; a device, folder, FIFO or socket is refused and left as it is.

// FoundationEssentials, not all of Foundation: the desktop p14p links the
// Swift libraries statically, and Foundation's ICU data would add 30 MB.
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation  // brings Darwin with it
#endif

enum OutputFile {
    /// Writes `bytes` to `path` whole or not at all.
    static func write(_ bytes: [UInt8], to path: String) throws {
        let target = try replaceablePath(path)
        let temp = target + ".tmp-\(getpid())"
        // O_EXCL: never write through something already at the temporary name.
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))") }
        var offset = 0
        var failure: Int32 = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { posixWrite(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { failure = n < 0 ? errno : ENOSPC; break }
            offset += n
        }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure == 0 && rename(temp, target) != 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw CLIError("cannot write \(path): \(String(cString: strerror(failure)))")
        }
    }

    /// The path to rename onto: `path` itself, or the regular file its
    /// symbolic link names (so the link survives and its file is replaced).
    static func replaceablePath(_ path: String) throws -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return path }
            throw CLIError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        if info.st_mode & S_IFMT == S_IFLNK {
            guard stat(path, &info) == 0, let resolved = realpath(path, nil) else {
                throw CLIError("\(path) is a symbolic link to nothing; refusing to replace it")
            }
            defer { free(resolved) }
            guard info.st_mode & S_IFMT == S_IFREG else {
                throw CLIError("\(path) is a symbolic link to \(kind(info.st_mode)), not a regular file; refusing to replace it")
            }
            return String(cString: resolved)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw CLIError("\(path) is \(kind(info.st_mode)), not a regular file; refusing to replace it")
        }
        return path
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }
}

/// write(2), named apart from the methods called `write`.
private func posixWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }
