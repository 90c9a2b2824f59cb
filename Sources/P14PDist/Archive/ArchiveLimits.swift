// SPDX-License-Identifier: LGPL-2.1-only
//
// What reading one archive may cost. A few kilobytes of gzip can declare or
// unpack to gigabytes, so `verify` and `inspect` stream members and stop an
// archive at these limits instead of trusting its headers. A p14p package
// is a few MiB of a handful of files; the limits leave ample room.

public struct ArchiveLimits: Sendable, Equatable {
    /// Total bytes of all files in one archive, as declared and as read: 512 MiB.
    public static let defaultTotalBytes = 512 << 20
    /// Entries (files and folders) in one archive.
    public static let defaultMembers = 10_000
    /// The largest member ever held whole in memory (metadata.json, SHA256SUMS and its signature, MD5SUMS): 1 MiB.
    public static let smallMemberBytes = 1 << 20

    public var totalBytes: Int
    public var members: Int

    public init(totalBytes: Int = ArchiveLimits.defaultTotalBytes, members: Int = ArchiveLimits.defaultMembers) {
        self.totalBytes = totalBytes
        self.members = members
    }

    public static let standard = ArchiveLimits()
}
