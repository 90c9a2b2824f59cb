// SPDX-License-Identifier: LGPL-2.1-only
//
// `p14p-dist inspect FILE`: what a package or a bare firmware says it is:
// metadata.json from a tarball, the release stamp from any binary.

import Foundation
import PyMiteHost

public struct Inspection: Codable, Sendable {
    public var file: String
    public var kind: String
    public var metadata: BundleMetadata?
    /// Stamps found in the firmware (inside the tarball, or the file itself).
    public var stamps: [FirmwareStamp]
    public var members: [String]?
    /// A package's members that disagree with its metadata.json (names escaped).
    public var problems: [String] = []
}

public enum Inspector {
    public static func inspect(_ path: String, limits: ArchiveLimits = .standard) throws -> Inspection {
        let head = try readFileHead(path, count: 512)
        let isGzip = head.count > 2 && head[0] == 0x1F && head[1] == 0x8B
        let isTar = head.count > 262 && Array(head[257..<262]) == Array("ustar".utf8)
        if isGzip || isTar { return try inspectPackage(path, limits: limits) }
        let bytes = try readFileBytes(path)
        let stamps = FirmwareStamp.find(in: bytes)
        guard !stamps.isEmpty else { throw FileError("\(path): no p14p release metadata found (not a p14p package or firmware)") }
        let kind = ELFSizes(bytes) != nil ? "ELF firmware or executable" : "firmware image"
        return Inspection(file: path, kind: kind, metadata: nil, stamps: stamps, members: nil)
    }

    /// A package, read once: metadata.json whole (it is small), every other
    /// file streamed through the stamp scanner.
    static func inspectPackage(_ path: String, limits: ArchiveLimits) throws -> Inspection {
        var files: [String] = []
        var metadataBytes: [UInt8]?
        var stamps: [FirmwareStamp] = []
        /// Size and SHA-256 of each member, by its name inside the package folder.
        var digests: [String: (size: Int, sha256: String)] = [:]
        try TarReader.forEachMember(path, limits: limits) { member, contents in
            guard !member.isDirectory else { return }
            files.append(member.path)
            let inner = member.path.split(separator: "/", maxSplits: 1).dropFirst().first.map(String.init) ?? member.path
            if member.path == "metadata.json" || member.path.hasSuffix("/metadata.json") {
                if metadataBytes == nil { metadataBytes = try contents.bytes() }
            } else {
                var scanner = StampScanner()
                let digest = IncrementalDigest(.sha256)
                var size = 0
                try contents.chunks {
                    scanner.feed($0)
                    digest.update($0)
                    size += $0.count
                }
                if !member.path.hasSuffix(".json") { stamps += scanner.stamps }
                digests[inner] = (size, digest.finish())
            }
        }
        let metadata: BundleMetadata?
        if let metadataBytes {
            do { metadata = try BundleMetadata.parse(metadataBytes) } catch {
                throw FileError("\(path): metadata.json is not valid: \("\(error)".terminalSafe)")
            }
        } else {
            metadata = nil
        }
        var problems: [String] = []
        for listed in metadata?.files ?? [] {
            guard let actual = digests[listed.name] else {
                problems.append("\(listed.name.terminalSafe): listed in metadata.json, missing from the package")
                continue
            }
            if actual.size != listed.size || actual.sha256 != listed.sha256 {
                problems.append("\(listed.name.terminalSafe): \(actual.size) bytes, sha256 \(actual.sha256); metadata.json says "
                    + "\(listed.size) bytes, sha256 \(listed.sha256.terminalSafe)")
            }
        }
        if let image = metadata?.image, let actual = digests[image.name], actual.sha256 != image.sha256 {
            problems.append("\(image.name.terminalSafe): sha256 \(actual.sha256); metadata.json's image says \(image.sha256.terminalSafe)")
        }
        return Inspection(file: path, kind: "package", metadata: metadata, stamps: stamps, members: files, problems: problems)
    }

    /// Up to `count` bytes from the start of a file (enough to tell its kind).
    static func readFileHead(_ path: String, count: Int) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw FileError("cannot read \(path)") }
        defer { try? handle.close() }
        do { return [UInt8]((try handle.read(upToCount: count)) ?? Data()) } catch { throw FileError("cannot read \(path)") }
    }
}
