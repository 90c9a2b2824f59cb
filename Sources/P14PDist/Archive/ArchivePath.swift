// SPDX-License-Identifier: LGPL-2.1-only
//
// The one rule for paths inside archives: relative, no `..`, no empty or `.`
// parts, so nothing written or read can land outside its root.

public enum ArchivePath {
    /// Nil when the path is safe; otherwise why not.
    public static func problem(_ path: String) -> String? {
        if path.isEmpty { return "empty path" }
        if path.hasPrefix("/") { return "absolute path" }
        if path.utf8.contains(0) || path.contains("\\") { return "path with a NUL or a backslash" }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        for (i, part) in parts.enumerated() {
            if part == ".." { return "path with `..`" }
            // A trailing slash (directory entry) is the only empty part allowed.
            if part.isEmpty && i != parts.count - 1 { return "path with an empty part" }
            if part == "." { return "path with `.`" }
        }
        return nil
    }
}

// libarchive's AE_IFDIR and AE_IFREG are casts in C macros, which Swift does not import.
let archiveDirectoryType: UInt32 = 0o040000
let archiveFileType: UInt32 = 0o100000
