// SPDX-License-Identifier: LGPL-2.1-only
//
// The files `verify` checks, wherever they are: a release folder on disk,
// or a tarball of one read in a single streaming pass (digests computed as
// each member goes by, only the manifests kept whole).

import Foundation

/// What verifying needs from a release, wherever its files are.
protocol ReleaseFiles {
    /// Every regular file, as a path relative to the release folder.
    var names: [String] { get }
    func contains(_ name: String) -> Bool
    /// A manifest or the signature, whole; nil when absent; an error when too large to be one.
    func manifest(_ name: String) throws -> [UInt8]?
    func digest(_ algorithm: DigestAlgorithm, of name: String) -> String?
    /// Entries that are neither regular files nor folders (symbolic links, devices): never trusted.
    var irregular: [String] { get }
}

extension ReleaseFiles {
    var irregular: [String] { [] }
}

/// A release folder on disk.
struct ReleaseFolder: ReleaseFiles {
    let directory: String
    init(_ directory: String) { self.directory = directory }

    var names: [String] { listFiles(under: directory) }
    /// A regular file only: a symbolic link would let the folder vouch for a file elsewhere.
    func contains(_ name: String) -> Bool {
        var st = stat()
        return lstat(directory + "/" + name, &st) == 0 && st.st_mode & S_IFMT == S_IFREG
    }
    var irregular: [String] {
        var out: [String] = []
        func walk(_ relative: String) {
            let full = relative.isEmpty ? directory : directory + "/" + relative
            for name in (try? FileManager.default.contentsOfDirectory(atPath: full)) ?? [] {
                let rel = relative.isEmpty ? name : relative + "/" + name
                var st = stat()
                guard lstat(directory + "/" + rel, &st) == 0 else { continue }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: walk(rel)
                case S_IFREG: break
                default: out.append(rel)
                }
            }
        }
        walk("")
        return out.sorted()
    }

    func manifest(_ name: String) throws -> [UInt8]? {
        let path = directory + "/" + name
        guard fileExists(path) else { return nil }
        guard fileSize(path) <= ArchiveLimits.smallMemberBytes else { throw Verifier.tooLarge(name) }
        return try? readFileBytes(path)
    }

    func digest(_ algorithm: DigestAlgorithm, of name: String) -> String? {
        try? Digest.hex(algorithm, ofFile: directory + "/" + name)
    }
}

/// A tarball of a release folder, read in one pass: the digests of every
/// file and the manifests whole. The release folder is the one holding the
/// first SHA256SUMS in the archive.
struct ArchivedRelease: ReleaseFiles {
    var root = ""
    private var digests: [String: (sha256: String, md5: String)] = [:]
    private var manifests: [String: [UInt8]] = [:]
    /// Members named like a manifest but too large to be one (kept as names only).
    private var tooLarge: Set<String> = []

    static func read(_ path: String, limits: ArchiveLimits) throws -> ArchivedRelease {
        var release = ArchivedRelease()
        var sumsPath: String?
        try TarReader.forEachMember(path, limits: limits) { member, contents in
            guard !member.isDirectory else { return }
            let name = member.path.split(separator: "/").last.map(String.init) ?? member.path
            if Verifier.manifestNames.contains(name) {
                if name == "SHA256SUMS" && sumsPath == nil { sumsPath = member.path }
                if member.size <= ArchiveLimits.smallMemberBytes {
                    release.manifests[member.path] = try contents.bytes()
                } else {
                    release.tooLarge.insert(member.path)
                }
                return
            }
            let sha256 = IncrementalDigest(.sha256), md5 = IncrementalDigest(.md5)
            try contents.chunks {
                sha256.update($0)
                md5.update($0)
            }
            release.digests[member.path] = (sha256.finish(), md5.finish())
        }
        guard let sumsPath else {
            throw FileError("\(path): no SHA256SUMS beside it or inside it; nothing to verify against")
        }
        release.root = sumsPath.split(separator: "/").dropLast().joined(separator: "/")
        return release
    }

    private func full(_ name: String) -> String { root.isEmpty ? name : root + "/" + name }

    var names: [String] {
        let prefix = root.isEmpty ? "" : root + "/"
        let all = (Array(digests.keys) + Array(manifests.keys) + Array(tooLarge)).filter { $0.hasPrefix(prefix) }
        return all.map { String($0.dropFirst(prefix.count)) }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    func contains(_ name: String) -> Bool {
        digests[full(name)] != nil || manifests[full(name)] != nil || tooLarge.contains(full(name))
    }

    func manifest(_ name: String) throws -> [UInt8]? {
        if tooLarge.contains(full(name)) { throw Verifier.tooLarge(name) }
        return manifests[full(name)]
    }

    func digest(_ algorithm: DigestAlgorithm, of name: String) -> String? {
        if let known = digests[full(name)] { return algorithm == .sha256 ? known.sha256 : known.md5 }
        // A manifest listed in SHA256SUMS (not how p14p-dist writes them): hash the bytes kept.
        return manifests[full(name)].map { Digest.hex(algorithm, of: $0) }
    }
}
