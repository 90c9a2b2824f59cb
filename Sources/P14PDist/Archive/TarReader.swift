// SPDX-License-Identifier: LGPL-2.1-only
//
// Reads tarballs someone may have tampered with, one member at a time:
// every entry's path is checked, links and devices are refused, a name may
// appear only once, and a broken archive is an error. Contents are read in
// bounded chunks, so a header declaring gigabytes costs no memory; the
// archive's total size and entry count are capped (ArchiveLimits).

import CArchive
import Foundation

public struct ArchiveMember: Sendable {
    public var path: String
    public var isDirectory: Bool
    public var mode: Int
    public var size: Int
    /// Filled by `TarReader.read` for the files whose contents were asked for.
    public var bytes: [UInt8]?
}

/// The contents of the member being visited: valid only during the visit, read at most once.
public struct MemberContents {
    fileprivate let stream: ArchiveStream

    /// Hands the contents to `body` in chunks of at most 64 KiB.
    public func chunks(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try stream.readMember(body)
    }

    /// The whole contents, for a member that must be small (metadata, checksums).
    public func bytes(limit: Int = ArchiveLimits.smallMemberBytes) throws -> [UInt8] {
        guard stream.member.size <= limit else {
            throw ArchiveError("\(stream.path): entry \"\(stream.member.path.terminalSafe)\" is \(stream.member.size) bytes; at most \(limit) are read whole")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(stream.member.size)
        try stream.readMember { bytes.append(contentsOf: $0) }
        return bytes
    }
}

public enum TarReader {
    /// Visits each member of a tarball (any compression libarchive knows) in
    /// archive order; `visit` may read the member's contents.
    public static func forEachMember(_ path: String, limits: ArchiveLimits = .standard,
                                     _ visit: (ArchiveMember, MemberContents) throws -> Void) throws {
        let stream = try ArchiveStream(path: path, limits: limits)
        while let member = try stream.nextMember() {
            try visit(member, MemberContents(stream: stream))
        }
    }

    /// The members of a tarball; `wantContents` decides per file whether to
    /// keep its bytes (each at most `keepLimit`).
    public static func read(_ path: String, wantContents: (String) -> Bool = { _ in false },
                            limits: ArchiveLimits = .standard,
                            keepLimit: Int = ArchiveLimits.smallMemberBytes) throws -> [ArchiveMember] {
        var members: [ArchiveMember] = []
        try forEachMember(path, limits: limits) { member, contents in
            var member = member
            if !member.isDirectory && wantContents(member.path) { member.bytes = try contents.bytes(limit: keepLimit) }
            members.append(member)
        }
        return members
    }
}

/// One open archive and the member being read; enforces the limits.
private final class ArchiveStream {
    let path: String
    let limits: ArchiveLimits
    let archive: OpaquePointer
    private(set) var member = ArchiveMember(path: "", isDirectory: false, mode: 0, size: 0)
    private var memberRead = false
    private var seen: Set<String> = []
    private var declaredBytes = 0
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)

    init(path: String, limits: ArchiveLimits) throws {
        guard let archive = archive_read_new() else { throw ArchiveError("libarchive: out of memory") }
        self.path = path
        self.limits = limits
        self.archive = archive
        archive_read_support_filter_all(archive)
        archive_read_support_format_tar(archive)
        archive_read_support_format_gnutar(archive)
        guard archive_read_open_filename(archive, path, 1 << 16) == ARCHIVE_OK else {
            throw ArchiveError("\(path): not a readable tar archive (\(message()))")
        }
    }

    deinit {
        archive_read_free(archive)
        buffer.deallocate()
    }

    func message() -> String { archive_error_string(archive).map { String(cString: $0) } ?? "unreadable archive" }

    /// The next member's header, checked; nil at the end. Unread contents are skipped.
    func nextMember() throws -> ArchiveMember? {
        var entry: OpaquePointer?
        let status = archive_read_next_header(archive, &entry)
        if status == ARCHIVE_EOF { return nil }
        guard status == ARCHIVE_OK || status == ARCHIVE_WARN, let entry else {
            throw ArchiveError("\(path): broken archive (\(message()))")
        }
        guard seen.count < limits.members else {
            throw ArchiveError("\(path): more than \(limits.members) entries; refusing to read further")
        }
        guard let namePointer = archive_entry_pathname(entry) else { throw ArchiveError("\(path): an entry has no name") }
        let name = String(cString: namePointer)
        if let problem = ArchivePath.problem(name) {
            throw ArchiveError("\(path): refusing entry \"\(name.terminalSafe)\": \(problem)")
        }
        let type = archive_entry_filetype(entry)
        let isDir = type == archiveDirectoryType
        guard isDir || type == archiveFileType else {
            throw ArchiveError("\(path): refusing entry \"\(name.terminalSafe)\": only files and folders are allowed")
        }
        let stripped = name.hasSuffix("/") ? String(name.dropLast()) : name
        guard seen.insert(stripped).inserted else {
            throw ArchiveError("\(path): refusing entry \"\(name.terminalSafe)\": the archive already has an entry of that name")
        }
        let size = Int(archive_entry_size(entry))
        guard size >= 0 else { throw ArchiveError("\(path): entry \"\(name.terminalSafe)\" has a negative size") }
        // Checked on the declared sizes before anything is read; readMember checks what arrives.
        declaredBytes += size
        guard declaredBytes <= limits.totalBytes else {
            throw ArchiveError("\(path): entry \"\(name.terminalSafe)\" (\(size) bytes) takes the archive past \(limits.totalBytes) bytes unpacked; refusing to read further")
        }
        member = ArchiveMember(path: stripped, isDirectory: isDir, mode: Int(archive_entry_perm(entry)), size: size)
        memberRead = false
        return member
    }

    /// Reads the current member's contents in chunks; they must be exactly its declared size.
    func readMember(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        guard !memberRead else { throw ArchiveError("\(path): entry \"\(member.path.terminalSafe)\" was already read") }
        memberRead = true
        var got = 0
        while true {
            let n = archive_read_data(archive, buffer.baseAddress, buffer.count)
            if n < 0 { throw ArchiveError("\(path): entry \"\(member.path.terminalSafe)\": broken archive (\(message()))") }
            if n == 0 { break }
            got += n
            guard got <= member.size else {
                throw ArchiveError("\(path): entry \"\(member.path.terminalSafe)\" holds more than its declared \(member.size) bytes")
            }
            try body(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        }
        guard got == member.size else {
            throw ArchiveError("\(path): entry \"\(member.path.terminalSafe)\" is truncated (\(got) of \(member.size) bytes)")
        }
    }
}
