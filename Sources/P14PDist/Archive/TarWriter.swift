// SPDX-License-Identifier: LGPL-2.1-only
//
// Reproducible .tar.gz through libarchive: the same entries give the same
// bytes. Entries are sorted by path, owner and group are 0 (root), modes are
// 0644/0755, every mtime is the release's, and gzip stores no name or time.

import CArchive
import Foundation

public struct ArchiveError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}

/// One file to put in an archive.
public struct ArchiveEntry: Sendable {
    public enum Content: Sendable {
        case bytes([UInt8])
        case file(String)
    }

    public var path: String
    public var content: Content
    public var executable: Bool

    public init(path: String, bytes: [UInt8], executable: Bool = false) {
        self.path = path
        content = .bytes(bytes)
        self.executable = executable
    }

    public init(path: String, file: String, executable: Bool? = nil) {
        self.path = path
        content = .file(file)
        self.executable = executable ?? isExecutableFile(file)
    }
}

public enum TarWriter {
    /// Writes `entries` under the top folder `root` (e.g. "pymite-09-desktop") to `output`.
    /// Parent folders get their own entries, so every extractor sees the same tree.
    public static func write(_ entries: [ArchiveEntry], root: String, to output: String, mtime: Int) throws {
        if let problem = ArchivePath.problem(root) { throw ArchiveError("archive root \(root): \(problem)") }
        var seen = Set<String>()
        var folders = Set<String>([root])
        for entry in entries {
            if let problem = ArchivePath.problem(entry.path) {
                throw ArchiveError("\(entry.path): \(problem)")
            }
            guard seen.insert(entry.path).inserted else { throw ArchiveError("\(entry.path): listed twice") }
            var parts = entry.path.split(separator: "/").dropLast()
            while !parts.isEmpty {
                folders.insert(root + "/" + parts.joined(separator: "/"))
                parts = parts.dropLast()
            }
        }
        enum Item { case folder(String), file(ArchiveEntry) }
        var items: [(String, Item)] = folders.map { ($0, .folder($0)) }
        items += entries.map { (root + "/" + $0.path, .file($0)) }
        items.sort { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }

        guard let archive = archive_write_new() else { throw ArchiveError("libarchive: out of memory") }
        defer { archive_write_free(archive) }
        func check(_ status: Int32, _ what: String) throws {
            if status != ARCHIVE_OK {
                let detail = archive_error_string(archive).map { String(cString: $0) } ?? "libarchive error"
                throw ArchiveError("\(what): \(detail)")
            }
        }
        try check(archive_write_set_format_pax_restricted(archive), "tar format")
        try check(archive_write_add_filter_gzip(archive), "gzip filter")
        // "!timestamp": no mtime in the gzip header; libarchive stores no file name unless asked.
        try check(archive_write_set_filter_option(archive, "gzip", "timestamp", nil), "gzip option")
        try check(archive_write_set_bytes_in_last_block(archive, 1), "block padding")
        let temp = output + ".tmp-\(getpid())"
        try check(archive_write_open_filename(archive, temp), "cannot create \(output)")
        var ok = false
        defer { if !ok { unlink(temp) } }

        guard let entry = archive_entry_new() else { throw ArchiveError("libarchive: out of memory") }
        defer { archive_entry_free(entry) }
        for (path, item) in items {
            archive_entry_clear(entry)
            archive_entry_set_uid(entry, 0)
            archive_entry_set_gid(entry, 0)
            archive_entry_set_uname(entry, "root")
            archive_entry_set_gname(entry, "root")
            archive_entry_set_mtime(entry, mtime, 0)
            switch item {
            case .folder:
                archive_entry_set_pathname(entry, path + "/")
                archive_entry_set_filetype(entry, archiveDirectoryType)
                archive_entry_set_perm(entry, 0o755)
                archive_entry_set_size(entry, 0)
                try check(archive_write_header(archive, entry), "\(path)")
            case .file(let file):
                let bytes: [UInt8]
                switch file.content {
                case .bytes(let b): bytes = b
                case .file(let source): bytes = try readFileBytes(source)
                }
                archive_entry_set_pathname(entry, path)
                archive_entry_set_filetype(entry, archiveFileType)
                archive_entry_set_perm(entry, file.executable ? 0o755 : 0o644)
                archive_entry_set_size(entry, Int64(bytes.count))
                try check(archive_write_header(archive, entry), "\(path)")
                if !bytes.isEmpty {
                    let written = bytes.withUnsafeBytes { archive_write_data(archive, $0.baseAddress, $0.count) }
                    guard written == bytes.count else { throw ArchiveError("\(path): short write") }
                }
            }
        }
        try check(archive_write_close(archive), "closing \(output)")
        guard rename(temp, output) == 0 else { throw ArchiveError("cannot move \(output) into place") }
        ok = true
    }
}
