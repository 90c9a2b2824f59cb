// SPDX-License-Identifier: LGPL-2.1-only
//
// Stage 6: MD5SUMS (the digest PyMite published) and SHA256SUMS (the one
// that is signed) over every package of the release.

public struct ChecksumStage: ReleaseStage {
    public let name = "checksums"
    public init() {}

    public func run(_ context: ReleaseContext) throws -> String? {
        let files = context.packages.sorted()
        let md5 = try ChecksumManifest.make(.md5, directory: context.staging, files: files)
        let sha = try ChecksumManifest.make(.sha256, directory: context.staging, files: files)
        try writeTextAtomically(context.staging + "/" + md5.fileName, md5.text)
        try writeTextAtomically(context.staging + "/" + sha.fileName, sha.text)
        context.md5 = md5
        context.sha256 = sha
        return "\(files.count) files in MD5SUMS and SHA256SUMS"
    }
}
