// SPDX-License-Identifier: LGPL-2.1-only
//
// Stage 8: RELEASE-NOTES.md and RELEASE-NOTES.html for this release.

public struct NotesStage: ReleaseStage {
    public let name = "release notes"
    public init() {}

    public static let markdownName = "RELEASE-NOTES.md"
    public static let htmlName = "RELEASE-NOTES.html"

    public func run(_ context: ReleaseContext) throws -> String? {
        let input = NotesInput(
            release: context.release, book: context.book, outcomes: context.outcomes,
            packages: try packageFiles(context),
            earlierBuilt: ReleaseHistory.builtReleases(in: context.options.outputDirectory, book: context.book,
                                                       excluding: context.release.number),
            sourceLicense: try context.artifacts.sourceLicense(for: name), signed: context.artifacts.isSigned,
            key: try context.options.signingKey.map { try KeyFiles.loadSigningKey(path: $0).fingerprint() })
        let doc = ReleaseNotes.document(input)
        try writeTextAtomically(context.staging + "/" + NotesStage.markdownName, MarkdownRenderer.render(doc))
        try writeTextAtomically(context.staging + "/" + NotesStage.htmlName, HTMLRenderer.render(doc))
        context.artifacts.add(.notes(name: NotesStage.markdownName))
        context.artifacts.add(.notes(name: NotesStage.htmlName))
        return "\(NotesStage.markdownName), \(NotesStage.htmlName)"
    }

    func packageFiles(_ context: ReleaseContext) throws -> [PackageFile] {
        let sha = try context.artifacts.checksums(.sha256, for: name), md5 = try context.artifacts.checksums(.md5, for: name)
        // Board packages in release order, then the sources.
        let order = context.release.boards.map { context.release.packageName(board: $0) } + [context.release.sourcePackageName]
        return sha.entries.sorted { (order.firstIndex(of: $0.name) ?? 999) < (order.firstIndex(of: $1.name) ?? 999) }.map {
            PackageFile(name: $0.name, size: fileSize(context.staging + "/" + $0.name), md5: md5.digest(of: $0.name) ?? "",
                        sha256: $0.digest)
        }
    }
}
