// SPDX-License-Identifier: LGPL-2.1-only
//
// Stage 3: each board of the release through its registered builder; a
// board that cannot be built here is reported as skipped with the reason.

import Foundation
import PyMiteHost

public struct BuildBoardsStage: ReleaseStage {
    public let name = "build boards"
    public init() {}

    public func run(_ context: ReleaseContext) throws -> String? {
        let reporter = context.reporter
        let image = try context.artifacts.image(for: name).bytes
        for board in context.selectedBoards {
            switch context.registry.plan(for: board) {
            case .skip(let reason):
                reporter.report(.boardSkipped(board: board.name, reason: reason))
                context.outcomes.append(BoardOutcome(board: board.name, result: "skipped", reason: reason))
            case .build(let builder):
                reporter.report(.boardStarted(board: board.name))
                let start = Date()
                let work = context.work + "/" + board.name
                try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
                let name = board.name
                let request = BoardBuildRequest(
                    board: board, release: context.release, image: image, workDirectory: work,
                    repositoryRoot: context.options.repositoryRoot, stamp: context.stamp,
                    log: { reporter.report(.boardLog(board: name, line: $0)) })
                let result: BoardBuildResult
                do {
                    result = try builder.build(request)
                } catch let skip as BoardCannotCarryApplication {
                    reporter.report(.boardSkipped(board: board.name, reason: skip.reason))
                    context.outcomes.append(BoardOutcome(board: board.name, result: "skipped", reason: skip.reason))
                    continue
                }
                try check(result, board: board, work: work, stamp: context.stamp)
                let seconds = elapsed(since: start)
                reporter.report(.boardFinished(board: board.name, seconds: seconds, sizes: result.sizes))
                context.artifacts.add(.boardBuild(board: board, result: result))
                context.outcomes.append(BoardOutcome(
                    board: board.name, result: "built", seconds: seconds,
                    package: context.release.packageName(board: board.name), sizes: result.sizes, toolchain: result.toolchain))
            }
        }
        let built = context.outcomes.filter { $0.result == "built" }.count
        guard built > 0 else {
            throw ReleaseError("no board of release \(context.release.number) could be built here: " +
                context.outcomes.map { "\($0.board) (\($0.reason ?? ""))" }.joined(separator: "; "))
        }
        return "\(built) built, \(context.outcomes.count - built) skipped"
    }

    /// A builder's output must stay in its folder, exist, and carry this release's stamp.
    func check(_ result: BoardBuildResult, board: BoardRecipe, work: String, stamp: FirmwareStamp) throws {
        guard !result.artifacts.isEmpty else { throw BoardBuildError(board: board.name, message: "the builder produced no files") }
        for artifact in result.artifacts {
            guard absolutePath(artifact.path).hasPrefix(absolutePath(work) + "/") else {
                throw BoardBuildError(board: board.name, message: "\(artifact.path) is outside the board's work folder")
            }
            guard fileExists(artifact.path) else { throw BoardBuildError(board: board.name, message: "\(artifact.path) was not written") }
            if let problem = ArchivePath.problem(artifact.bundleName) {
                throw BoardBuildError(board: board.name, message: "bundle name \(artifact.bundleName): \(problem)")
            }
        }
        let stamped = result.artifacts.filter(\.carriesStamp)
        guard !stamped.isEmpty else {
            throw BoardBuildError(board: board.name, message: "no artifact carries the release stamp (mark the firmware with carriesStamp)")
        }
        for artifact in stamped {
            let found = FirmwareStamp.find(in: try readFileBytes(artifact.path))
            guard !found.isEmpty else {
                throw BoardBuildError(board: board.name, message: "\(artifact.bundleName) has no release metadata block")
            }
            for s in found where s != stamp {
                throw BoardBuildError(board: board.name, message: "\(artifact.bundleName) says release \(s.release) (\(s.license)), not \(stamp.release) (\(stamp.license))")
            }
        }
    }
}
