// SPDX-License-Identifier: LGPL-2.1-only
//
// Stage 5: pymite-<release>-src.tar.gz, the sources the binaries were built
// from (what git tracks), after checking every one carries its license.

public struct SourceArchiveStage: ReleaseStage {
    public let name = "source package"
    public init() {}

    public func run(_ context: ReleaseContext) throws -> String? {
        let root = context.options.repositoryRoot
        let files = SourceTree.files(root: root)
        guard !files.isEmpty else { throw ReleaseError("no source files found in \(root)") }
        let report = LicenseCheck.run(root: root, files: files)
        guard report.ok else {
            throw ReleaseError("license headers are missing or wrong (see `p14p-dist license-check`):\n" +
                report.findings.map { "  \($0.path): \($0.problem)" }.joined(separator: "\n"))
        }
        let license = LicensePolicy.combine(Array(report.expressions.values))
        var entries = files.map { ArchiveEntry(path: $0, file: root + "/" + $0) }
        // The versions the dependencies resolved to (git ignores the file): the
        // source package then builds with the same ones (`swift build` reads it).
        if !files.contains("Package.resolved"), fileExists(root + "/Package.resolved") {
            entries.append(ArchiveEntry(path: "Package.resolved", file: root + "/Package.resolved"))
            entries.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        }
        // The commit, so that a build from the unpacked package records the same (`verify --rebuild`).
        if let commit = SourceTree.commit(root: root) {
            entries.append(ArchiveEntry(path: SourceTree.commitFile, bytes: Array((commit.hash + (commit.dirty ? " dirty" : "") + "\n").utf8)))
            entries.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        }
        let package = context.release.sourcePackageName
        try TarWriter.write(entries, root: context.release.directoryName, to: context.staging + "/" + package,
                            mtime: context.timestamp)
        context.artifacts.add(.package(name: package, board: nil, license: license))
        return "\(files.count) files, \(license)"
    }
}
