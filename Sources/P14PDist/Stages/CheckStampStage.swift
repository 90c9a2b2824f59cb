// SPDX-License-Identifier: LGPL-2.1-only
//
// Stage 1: the tree's release stamp (Sources/p14p/Release.swift) must name
// the release being built, before anything is compiled.

public struct CheckStampStage: ReleaseStage {
    public let name = "check release stamp"
    public init() {}

    public func run(_ context: ReleaseContext) throws -> String? {
        let expected = context.stamp
        guard let found = ReleaseSourceFile.read(root: context.options.repositoryRoot) else {
            throw ReleaseError("\(ReleaseSourceFile.path) has no release metadata block; run `p14p-dist stamp --release \(expected.release)`")
        }
        guard found == expected else {
            throw ReleaseError("\(ReleaseSourceFile.path) says release \(found.release) (\(found.date), \(found.license)) but recipes/releases/\(expected.release).toml is release \(expected.release) (\(expected.date), \(expected.license)); run `p14p-dist stamp --release \(expected.release)` and commit it")
        }
        return "release \(found.release), \(found.date)"
    }
}
