// SPDX-License-Identifier: LGPL-2.1-only
//
// Stage 7: RELEASE-NOTES.md and RELEASE-NOTES.html for this release,
// written before the checksums so that SHA256SUMS lists them and the
// signature covers what the notes say.

public struct NotesStage: ReleaseStage {
    public let name = "release notes"
    public init() {}

    public static let markdownName = "RELEASE-NOTES.md"
    public static let htmlName = "RELEASE-NOTES.html"

    public func run(_ context: ReleaseContext) throws -> String? {
        guard context.artifacts.packages.contains(where: { $0.board != nil }) else {
            throw context.artifacts.missing("board packages", stage: name, madeBy: "bundle board packages")
        }
        let input = NotesInput(
            release: context.release, book: context.book, outcomes: context.outcomes,
            packages: try packageFiles(context),
            earlierBuilt: ReleaseHistory.builtReleases(in: context.options.outputDirectory, book: context.book,
                                                       excluding: context.release.number),
            sourceLicense: try context.artifacts.sourceLicense(for: name), signed: context.options.signingKey != nil,
            key: try context.signingKey.map { try $0.fingerprint() })
        let doc = ReleaseNotes.document(input)
        try writeTextAtomically(context.staging + "/" + NotesStage.markdownName, MarkdownRenderer.render(doc))
        try writeTextAtomically(context.staging + "/" + NotesStage.htmlName, HTMLRenderer.render(doc))
        context.artifacts.add(.notes(name: NotesStage.markdownName))
        context.artifacts.add(.notes(name: NotesStage.htmlName))
        return "\(NotesStage.markdownName), \(NotesStage.htmlName)"
    }

    func packageFiles(_ context: ReleaseContext) throws -> [PackageFile] {
        let names = context.artifacts.packageNames
        let sha = try context.manifest(.sha256, files: names)
        let md5 = try context.manifest(.md5, files: names)
        // Board packages in release order, then the sources.
        let order = context.release.boards.map { context.release.packageName(board: $0) } + [context.release.sourcePackageName]
        return sha.entries.sorted { (order.firstIndex(of: $0.name) ?? 999) < (order.firstIndex(of: $1.name) ?? 999) }.map {
            PackageFile(name: $0.name, size: fileSize(context.staging + "/" + $0.name), md5: md5.digest(of: $0.name) ?? "",
                        sha256: $0.digest)
        }
    }
}
