// SPDX-License-Identifier: LGPL-2.1-only
//
// `p14p-dist inspect FILE`: what a package or a bare firmware says it is:
// metadata.json from a tarball, the release stamp from any binary.

import Foundation

public struct Inspection: Codable, Sendable {
    public var file: String
    public var kind: String
    public var metadata: BundleMetadata?
    /// Stamps found in the firmware (inside the tarball, or the file itself).
    public var stamps: [FirmwareStamp]
    public var members: [String]?
}

public enum Inspector {
    public static func inspect(_ path: String) throws -> Inspection {
        let bytes = try readFileBytes(path)
        let isGzip = bytes.count > 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
        let isTar = bytes.count > 262 && Array(bytes[257..<262]) == Array("ustar".utf8)
        if isGzip || isTar {
            let members = try TarReader.read(path, wantContents: { _ in true })
            let meta = members.first { $0.path.hasSuffix("/metadata.json") || $0.path == "metadata.json" }
            var stamps: [FirmwareStamp] = []
            for member in members where !member.isDirectory && !member.path.hasSuffix(".json") {
                stamps += FirmwareStamp.find(in: member.bytes ?? [])
            }
            let metadata: BundleMetadata?
            if let data = meta?.bytes {
                do { metadata = try BundleMetadata.parse(data) } catch { throw FileError("\(path): metadata.json is not valid: \(error)") }
            } else {
                metadata = nil
            }
            return Inspection(file: path, kind: "package", metadata: metadata, stamps: stamps,
                              members: members.filter { !$0.isDirectory }.map(\.path))
        }
        let stamps = FirmwareStamp.find(in: bytes)
        guard !stamps.isEmpty else { throw FileError("\(path): no p14p release metadata found (not a p14p package or firmware)") }
        let kind = ELFSizes(bytes) != nil ? "ELF firmware or executable" : "firmware image"
        return Inspection(file: path, kind: kind, metadata: nil, stamps: stamps, members: nil)
    }
}
