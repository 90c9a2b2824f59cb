// SPDX-License-Identifier: LGPL-2.1-only
//
// Reads tarballs someone may have tampered with: every entry's path is
// checked, links and devices are refused, and a broken archive is an error.

import CArchive
import Foundation

public struct ArchiveMember: Sendable {
    public var path: String
    public var isDirectory: Bool
    public var mode: Int
    public var size: Int
    /// Filled for files when contents were asked for.
    public var bytes: [UInt8]?
}

public enum TarReader {
    /// The members of a tarball (any compression libarchive knows).
    /// `wantContents` decides per path whether to keep its bytes.
    public static func read(_ path: String, wantContents: (String) -> Bool = { _ in false },
                            maxMemberSize: Int = 512 << 20) throws -> [ArchiveMember] {
        guard let archive = archive_read_new() else { throw ArchiveError("libarchive: out of memory") }
        defer { archive_read_free(archive) }
        archive_read_support_filter_all(archive)
        archive_read_support_format_tar(archive)
        archive_read_support_format_gnutar(archive)
        func message() -> String { archive_error_string(archive).map { String(cString: $0) } ?? "unreadable archive" }
        guard archive_read_open_filename(archive, path, 1 << 16) == ARCHIVE_OK else {
            throw ArchiveError("\(path): not a readable tar archive (\(message()))")
        }
        var members: [ArchiveMember] = []
        var entry: OpaquePointer?
        while true {
            let status = archive_read_next_header(archive, &entry)
            if status == ARCHIVE_EOF { break }
            guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else {
                throw ArchiveError("\(path): broken archive (\(message()))")
            }
            guard let namePointer = archive_entry_pathname(entry) else { throw ArchiveError("\(path): an entry has no name") }
            let name = String(cString: namePointer)
            if let problem = ArchivePath.problem(name) {
                throw ArchiveError("\(path): refusing entry \"\(name)\": \(problem)")
            }
            let type = archive_entry_filetype(entry)
            let isDir = type == archiveDirectoryType
            guard isDir || type == archiveFileType else {
                throw ArchiveError("\(path): refusing entry \"\(name)\": only files and folders are allowed")
            }
            let size = Int(archive_entry_size(entry))
            guard size >= 0, size <= maxMemberSize else { throw ArchiveError("\(path): entry \"\(name)\" is too large") }
            var member = ArchiveMember(path: name.hasSuffix("/") ? String(name.dropLast()) : name, isDirectory: isDir,
                                       mode: Int(archive_entry_perm(entry)), size: size, bytes: nil)
            if !isDir && wantContents(member.path) {
                var bytes = [UInt8](repeating: 0, count: size)
                var got = 0
                while got < size {
                    let n = bytes.withUnsafeMutableBytes { archive_read_data(archive, $0.baseAddress! + got, size - got) }
                    if n < 0 { throw ArchiveError("\(path): broken archive (\(message()))") }
                    if n == 0 { break }
                    got += n
                }
                guard got == size else { throw ArchiveError("\(path): entry \"\(name)\" is truncated") }
                member.bytes = bytes
            } else if archive_read_data_skip(archive) != ARCHIVE_OK {
                throw ArchiveError("\(path): broken archive (\(message()))")
            }
            members.append(member)
        }
        return members
    }

    /// Extracts into `destination` (which must exist), writing only checked paths.
    public static func extract(_ path: String, into destination: String) throws -> [String] {
        let members = try read(path, wantContents: { _ in true })
        var written: [String] = []
        for member in members {
            let target = destination + "/" + member.path
            if member.isDirectory {
                try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            } else {
                try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try writeFileAtomically(target, member.bytes ?? [], mode: member.mode & 0o111 != 0 ? 0o755 : 0o644)
                written.append(member.path)
            }
        }
        return written
    }
}
