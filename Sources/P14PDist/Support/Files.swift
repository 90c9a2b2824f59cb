// SPDX-License-Identifier: LGPL-2.1-only
//
// File helpers with the guarantees a release needs: writes land whole or not
// at all, with the permissions asked for.

import Foundation

public struct FileError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}

/// Writes `bytes` to a temporary file beside `path` with `mode`, then renames it into place.
public func writeFileAtomically(_ path: String, _ bytes: [UInt8], mode: mode_t = 0o644) throws {
    let temp = path + ".tmp-\(getpid())"
    let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
    guard fd >= 0 else { throw FileError("cannot write \(path): \(String(cString: strerror(errno)))") }
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
        if n <= 0 {
            close(fd)
            unlink(temp)
            throw FileError("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        offset += n
    }
    fchmod(fd, mode)  // the umask may have narrowed `open`'s mode
    _ = fsync(fd)
    guard close(fd) == 0, rename(temp, path) == 0 else {
        unlink(temp)
        throw FileError("cannot write \(path): \(String(cString: strerror(errno)))")
    }
}

public func writeTextAtomically(_ path: String, _ text: String, mode: mode_t = 0o644) throws {
    try writeFileAtomically(path, Array(text.utf8), mode: mode)
}

public func readFileBytes(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { throw FileError("cannot read \(path)") }
    return [UInt8](data)
}

public func readText(_ path: String) throws -> String {
    String(decoding: try readFileBytes(path), as: UTF8.self)
}

public func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

public func isDirectory(_ path: String) -> Bool {
    var dir: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
}

public func fileSize(_ path: String) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
}

public func isExecutableFile(_ path: String) -> Bool { access(path, X_OK) == 0 && !isDirectory(path) }

/// A fresh directory `<parent>/<prefix>XXXXXX`.
public func makeTemporaryDirectory(in parent: String, prefix: String) throws -> String {
    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    var template = Array((parent + "/" + prefix + "XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw FileError("cannot make a temporary folder in \(parent)") }
    return String(cString: made)
}

/// Regular files under `root`, as sorted relative paths, skipping the names in `excluding` at any depth.
public func listFiles(under root: String, excluding: (String) -> Bool = { _ in false }) -> [String] {
    var out: [String] = []
    func walk(_ relative: String) {
        let full = relative.isEmpty ? root : root + "/" + relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: full) else { return }
        for name in names {
            let rel = relative.isEmpty ? name : relative + "/" + name
            if excluding(rel) { continue }
            var st = stat()
            guard lstat(root + "/" + rel, &st) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR { walk(rel) } else if (st.st_mode & S_IFMT) == S_IFREG { out.append(rel) }
        }
    }
    walk("")
    return out.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
}

public func absolutePath(_ path: String) -> String {
    if path.hasPrefix("/") { return (path as NSString).standardizingPath }
    return ((FileManager.default.currentDirectoryPath + "/" + path) as NSString).standardizingPath
}
