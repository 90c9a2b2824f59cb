// SPDX-License-Identifier: LGPL-2.1-only
//
// Stage 8: MD5SUMS (the digest PyMite published) and SHA256SUMS (the one
// that is signed) over every package of the release, its provenance and its notes.

public struct ChecksumStage: ReleaseStage {
    public let name = "checksums"
    public init() {}

    public func run(_ context: ReleaseContext) throws -> String? {
        guard !context.artifacts.packageNames.isEmpty else { throw context.artifacts.missing("packages", stage: name, madeBy: "bundle board packages") }
        let files = (context.artifacts.packageNames + context.artifacts.statements + context.artifacts.notes).sorted()
        let md5 = try context.manifest(.md5, files: files)
        let sha = try context.manifest(.sha256, files: files)
        try writeTextAtomically(context.staging + "/" + md5.fileName, md5.text)
        try writeTextAtomically(context.staging + "/" + sha.fileName, sha.text)
        context.artifacts.add(.checksums(md5))
        context.artifacts.add(.checksums(sha))
        return "\(files.count) files in MD5SUMS and SHA256SUMS"
    }
}
