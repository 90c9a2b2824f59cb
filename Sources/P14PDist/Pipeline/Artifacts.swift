// SPDX-License-Identifier: LGPL-2.1-only
//
// What a release build has made so far, as goreleaser's pipes share
// ctx.Artifacts: each stage adds what it makes, and a later stage asks for
// a kind by name. Asking for something no earlier stage made is an error
// that names both (a stage list in the wrong order fails loudly), never an
// empty value that yields an empty manifest or a package without its image.

public enum Artifact: Sendable {
    /// The application image, one for the whole release (CompileImageStage).
    case image(bytes: [UInt8], sha256: String)
    /// A board's built files, waiting to be packed (BuildBoardsStage).
    case boardBuild(board: BoardRecipe, result: BoardBuildResult)
    /// A package in the release folder: a board's, or the sources (board nil) (BundleStage, SourceArchiveStage).
    case package(name: String, board: String?, license: String)
    /// MD5SUMS or SHA256SUMS in the release folder (ChecksumStage).
    case checksums(ChecksumManifest)
    /// SHA256SUMS.sig (SignStage).
    case signature(name: String)
    /// A release-notes page (NotesStage).
    case notes(name: String)
    /// A statement about the release, signed with it (ProvenanceStage).
    case statement(name: String)
}

public struct ArtifactList: Sendable {
    public private(set) var all: [Artifact] = []

    public init() {}

    public mutating func add(_ artifact: Artifact) { all.append(artifact) }

    /// The application image; `stage` is who asks, for the error.
    public func image(for stage: String) throws -> (bytes: [UInt8], sha256: String) {
        for case let .image(bytes, sha256) in all { return (bytes, sha256) }
        throw missing("the application image", stage: stage, madeBy: "compile application image")
    }

    /// The boards built, in the order they were built.
    public var boardBuilds: [(board: BoardRecipe, result: BoardBuildResult)] {
        all.compactMap { if case let .boardBuild(board, result) = $0 { return (board, result) } else { return nil } }
    }

    /// Every package written so far, in the order written.
    public var packages: [(name: String, board: String?, license: String)] {
        all.compactMap { if case let .package(name, board, license) = $0 { return (name, board, license) } else { return nil } }
    }

    public var packageNames: [String] { packages.map(\.name) }

    /// The license expression of the source package.
    public func sourceLicense(for stage: String) throws -> String {
        guard let source = packages.first(where: { $0.board == nil }) else {
            throw missing("the source package", stage: stage, madeBy: "source package")
        }
        return source.license
    }

    public func checksums(_ algorithm: DigestAlgorithm, for stage: String) throws -> ChecksumManifest {
        if let manifest = checksumsIfMade(algorithm) { return manifest }
        throw missing("the \(algorithm == .md5 ? "MD5SUMS" : "SHA256SUMS") manifest", stage: stage, madeBy: "checksums")
    }

    public func checksumsIfMade(_ algorithm: DigestAlgorithm) -> ChecksumManifest? {
        for case let .checksums(manifest) in all where manifest.algorithm == algorithm { return manifest }
        return nil
    }

    public var isSigned: Bool { all.contains { if case .signature = $0 { return true } else { return false } } }

    public var notes: [String] { all.compactMap { if case let .notes(name) = $0 { return name } else { return nil } } }

    public var statements: [String] { all.compactMap { if case let .statement(name) = $0 { return name } else { return nil } } }

    func missing(_ what: String, stage: String, madeBy maker: String) -> ReleaseError {
        ReleaseError("stage \"\(stage)\" needs \(what), which no earlier stage made (the \"\(maker)\" stage makes it)")
    }
}
