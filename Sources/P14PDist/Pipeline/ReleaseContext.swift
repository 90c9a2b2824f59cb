// SPDX-License-Identifier: LGPL-2.1-only
//
// What one release build knows and produces, passed from stage to stage.

import Foundation
import PyMiteHost

public struct ReleaseOptions: Sendable {
    public var repositoryRoot: String
    public var release: ReleaseNumber
    /// Boards to build; empty means every board of the release.
    public var boards: [String] = []
    /// The folder with the application's main.py (default examples/hello).
    public var appDirectory: String?
    public var outputDirectory: String
    /// Ed25519 private key (PEM); nil skips signing, and says so.
    public var signingKey: String?
    /// Replace an existing signed release.
    public var force = false
    /// Build from a checkout whose tracked files differ from its commit
    /// (refused otherwise); each package's metadata says so (`dirty`).
    public var allowDirty = false
    /// SOURCE_DATE_EPOCH: the mtime and build date; default the release date.
    public var sourceDateEpoch: Int?

    public init(repositoryRoot: String, release: ReleaseNumber, outputDirectory: String? = nil) {
        self.repositoryRoot = repositoryRoot
        self.release = release
        self.outputDirectory = outputDirectory ?? repositoryRoot + "/dist"
    }

    public var recipesDirectory: String { repositoryRoot + "/recipes" }
    public var licensesDirectory: String { repositoryRoot + "/licenses" }
    public var app: String { appDirectory ?? repositoryRoot + "/examples/hello" }
}

/// What happened to one board.
public struct BoardOutcome: Codable, Sendable {
    public var board: String
    /// "built" or "skipped".
    public var result: String
    public var reason: String?
    public var seconds: Double?
    public var package: String?
    public var sizes: FirmwareSizes?
    public var toolchain: String?
}

public struct StageTiming: Codable, Sendable {
    public var stage: String
    public var seconds: Double
    public var skipped: String?
}

public struct PackageFile: Codable, Sendable {
    public var name: String
    public var size: Int
    public var md5: String
    public var sha256: String
}

/// The machine-readable account of a release build (`--json`).
public struct ReleaseSummary: Codable, Sendable {
    public var release: String
    public var date: String
    public var directory: String
    public var boards: [BoardOutcome]
    public var files: [PackageFile]
    public var signed: Bool
    public var stages: [StageTiming]
    public var seconds: Double
}

public final class ReleaseContext: @unchecked Sendable {
    public let options: ReleaseOptions
    public let book: RecipeBook
    public let release: ReleaseRecipe
    public let registry: BuilderRegistry
    public let reporter: any ReleaseReporter
    /// The release folder being assembled (moved to the output at the end).
    public let staging: String
    /// Scratch space for board builds, removed at the end.
    public let work: String

    /// What the stages have made so far (Artifacts.swift).
    public var artifacts = ArtifactList()
    /// What happened to each board, built or skipped, for the summary and the notes.
    public var outcomes: [BoardOutcome] = []
    /// Where the release folder ended up (PublishStage).
    public var published: String?
    /// The key of `options.signingKey`, read and checked once before any board is built.
    public let signingKey: Ed25519Key?

    init(options: ReleaseOptions, book: RecipeBook, release: ReleaseRecipe, registry: BuilderRegistry,
         reporter: any ReleaseReporter, staging: String, work: String, signingKey: Ed25519Key?) {
        self.signingKey = signingKey
        self.options = options
        self.book = book
        self.release = release
        self.registry = registry
        self.reporter = reporter
        self.staging = staging
        self.work = work
    }

    public var stamp: FirmwareStamp { FirmwareStamp(release: release) }

    /// Digests of files in the staging folder, each computed once: a file
    /// there is written once, and the provenance, the notes and the
    /// manifests all need the packages' digests.
    private var digests: [String: String] = [:]

    public func digest(_ algorithm: DigestAlgorithm, of name: String) throws -> String {
        let key = algorithm.rawValue + " " + name
        if let known = digests[key] { return known }
        let value = try Digest.hex(algorithm, ofFile: staging + "/" + name)
        digests[key] = value
        return value
    }

    /// A manifest of staged files, from `digest`.
    public func manifest(_ algorithm: DigestAlgorithm, files: [String]) throws -> ChecksumManifest {
        ChecksumManifest(algorithm: algorithm, entries: try files.map { ($0, try digest(algorithm, of: $0)) })
    }

    /// Archive mtime and build date: SOURCE_DATE_EPOCH, else the release date at 00:00 UTC.
    public var timestamp: Int { options.sourceDateEpoch ?? release.date.unixTime }

    public var buildDate: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(timestamp)))
    }

    /// The timestamp a `buildDate` was made from (a rebuild takes it from metadata.json).
    public static func timestamp(ofBuildDate date: String) -> Int? {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.date(from: date).map { Int($0.timeIntervalSince1970) }
    }

    /// The boards asked for, in the release's order.
    public var selectedBoards: [BoardRecipe] {
        let names = options.boards.isEmpty ? release.boards : release.boards.filter { options.boards.contains($0) }
        return names.compactMap { book.board($0) }
    }
}
