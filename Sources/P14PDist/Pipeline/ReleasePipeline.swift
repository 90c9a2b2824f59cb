// SPDX-License-Identifier: LGPL-2.1-only
//
// A release is a list of stages run in order: stamp check, compile image,
// build boards, bundle, sources, provenance, notes, checksums (of the
// packages, the provenance and the notes), sign, agreement check,
// publish. Everything is assembled in a staging folder beside the output
// and moved into place only by the last stage, so a failure leaves the
// output folder as it was.

import Foundation
import P14PFirmware

public protocol ReleaseStage: Sendable {
    var name: String { get }
    /// Nil to run; otherwise why this stage does nothing this time (shown to the user).
    func skipReason(_ context: ReleaseContext) -> String?
    /// Does the work; returns a short result for the progress line.
    func run(_ context: ReleaseContext) throws -> String?
}

extension ReleaseStage {
    public func skipReason(_ context: ReleaseContext) -> String? { nil }
}

public struct ReleaseError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}

public struct ReleasePipeline: Sendable {
    public var stages: [any ReleaseStage]

    public init(stages: [any ReleaseStage] = ReleasePipeline.standardStages) { self.stages = stages }

    public static let standardStages: [any ReleaseStage] = [
        CheckStampStage(), CompileImageStage(), BuildBoardsStage(), BundleStage(), SourceArchiveStage(),
        ProvenanceStage(), NotesStage(), ChecksumStage(), SignStage(), AgreementStage(), PublishStage(),
    ]

    public func run(_ options: ReleaseOptions, registry: BuilderRegistry, reporter: any ReleaseReporter) throws -> ReleaseSummary {
        let started = Date()
        let book = try RecipeBook.load(root: options.recipesDirectory, displayBase: options.repositoryRoot)
        guard let release = book.release(options.release) else {
            let known = book.releases.filter { !$0.isHistory }.map(\.number.description).joined(separator: ", ")
            throw ReleaseError("no recipe for release \(options.release) (recipes/releases/\(options.release).toml); releases to build: \(known)")
        }
        if release.isHistory {
            throw ReleaseError("release \(release.number) was published by PyMite (\(release.published!.package)); it is history, not something to build")
        }
        for board in options.boards where !release.boards.contains(board) {
            throw ReleaseError("board \"\(board)\" is not in release \(release.number) (its boards: \(release.boards.joined(separator: ", ")))")
        }
        try PublishStage.checkCanPublish(options: options, release: release)
        // A release names the commit it was built from: changes not committed would go in unnamed.
        if let checkout = SourceTree.commit(root: options.repositoryRoot), checkout.dirty, !options.allowDirty {
            throw ReleaseError("\(options.repositoryRoot) has changes to tracked files that are not committed (git status); "
                + "commit them, or build with --allow-dirty, which each package's metadata.json then records")
        }
        // The key is checked now, not at the signing stage after every board is built.
        let signingKey = try options.signingKey.map { try KeyFiles.loadSigningKey(path: $0) }

        // Staging beside the output folder: same file system, so publishing is a rename.
        let output = absolutePath(options.outputDirectory)
        let staged = StagingFolder(output: output)
        for stale in staged.removeStale() {
            reporter.report(.note("removed the staging folder \(stale) left by an interrupted build"))
        }
        let stagingRoot = try staged.make()
        // Removed however the build ends: normally, by an error, or by SIGINT/SIGTERM.
        Interrupts.removeOnInterrupt(stagingRoot)
        defer {
            try? FileManager.default.removeItem(atPath: stagingRoot)
            Interrupts.forget(stagingRoot)
        }
        let staging = stagingRoot + "/" + release.directoryName
        let work = stagingRoot + "/work"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)

        var adjusted = options
        adjusted.outputDirectory = output
        let context = ReleaseContext(options: adjusted, book: book, release: release, registry: registry,
                                     reporter: reporter, staging: staging, work: work, signingKey: signingKey)
        var timings: [StageTiming] = []
        for (i, stage) in stages.enumerated() {
            reporter.report(.stageStarted(index: i + 1, count: stages.count, name: stage.name))
            if let reason = stage.skipReason(context) {
                reporter.report(.stageSkipped(name: stage.name, reason: reason))
                timings.append(StageTiming(stage: stage.name, seconds: 0, skipped: reason))
                continue
            }
            let stageStart = Date()
            let detail = try stage.run(context)
            let seconds = elapsed(since: stageStart)
            reporter.report(.stageFinished(name: stage.name, seconds: seconds, detail: detail))
            timings.append(StageTiming(stage: stage.name, seconds: seconds, skipped: nil))
        }

        let directory = context.published ?? staging
        var files: [PackageFile] = []
        if let sha = context.artifacts.checksumsIfMade(.sha256), let md5 = context.artifacts.checksumsIfMade(.md5) {
            for entry in sha.entries {
                files.append(PackageFile(name: entry.name, size: fileSize(directory + "/" + entry.name),
                                         md5: md5.digest(of: entry.name) ?? "", sha256: entry.digest))
            }
        }
        return ReleaseSummary(release: release.number.description, date: release.date.description, directory: directory,
                              boards: context.outcomes, files: files, signed: context.artifacts.isSigned, stages: timings,
                              seconds: elapsed(since: started))
    }
}
