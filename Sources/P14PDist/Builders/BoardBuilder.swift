// SPDX-License-Identifier: LGPL-2.1-only
//
// The board build step: the one place of a release that differs per board.
//
// How to add a builder (as `EmbeddedBoardBuilder` and `DesktopBuilder` do):
//   1. Conform a type to `BoardBuilder`, with `name` equal to the `builder`
//      field of the board recipes it builds ("embedded").
//   2. In `build(_:)`, read the recipe (`request.board`, and any builder-
//      specific fields from its `[build]` table through
//      `request.board.document`), link or pack `request.image` (the app's
//      code image bytes) with the VM, write every output file inside
//      `request.workDirectory` and return them as `BuiltArtifact`s with the
//      measured sizes. Embed `request.stamp.block` (see FirmwareStamp) in the
//      firmware so `p14p-dist inspect` and the release checks can read it.
//      Throw `BoardBuildError` with a message a user can act on (e.g. "needs
//      71 KiB of flash, the board has 64 KiB").
//   3. Register it where p14p-dist makes its registry
//      (Sources/p14p-dist/Builders.swift): `registry.register(EmbeddedBoardBuilder())`.
// Boards whose builder is not registered are reported as skipped with that
// reason, never left out silently.

import Foundation
import PyMiteHost
import P14PFirmware

/// What a builder gets: one board, the app image, a scratch folder of its own.
public struct BoardBuildRequest: Sendable {
    public var board: BoardRecipe
    public var release: ReleaseRecipe
    /// The compiled application (a p14p code image, format in docs/image-format.md).
    public var image: [UInt8]
    /// An empty folder for this board only; put every output file here.
    public var workDirectory: String
    /// The repository (sources, recipes, board support folders).
    public var repositoryRoot: String
    /// The release metadata the firmware must carry.
    public var stamp: FirmwareStamp
    /// Progress lines for the user (a long build should say what it does).
    public var log: @Sendable (String) -> Void
}

/// One output file of a board build.
public struct BuiltArtifact: Sendable, Equatable {
    /// Where the builder wrote it (inside the work directory).
    public var path: String
    /// Its name inside the board's tarball (e.g. "p14p", "firmware.elf"; BundleStage adds app.pmi).
    public var bundleName: String
    public var executable: Bool
    /// True for the file that carries the firmware stamp (inspected after the build).
    public var carriesStamp: Bool

    public init(path: String, bundleName: String, executable: Bool = false, carriesStamp: Bool = false) {
        self.path = path
        self.bundleName = bundleName
        self.executable = executable
        self.carriesStamp = carriesStamp
    }
}

/// Measured sizes of the firmware, in bytes; nil where they do not apply.
public struct FirmwareSizes: Sendable, Equatable, Codable {
    public var file: Int
    public var text: Int?
    public var data: Int?
    public var bss: Int?
    /// The Python heap (the recipe's, or the host default).
    public var heap: Int
    public var image: Int
    /// A board's flash by part of the firmware (SizeBreakdown, from its
    /// linker map), in the parts' order; nil for a desktop binary.
    public var flashByPart: [PartSize]? = nil

    /// Flash a firmware needs: code and constants plus initialised data.
    public var flash: Int? { text.map { $0 + (data ?? 0) } }
    /// RAM it needs before the stack: data, bss (the heap arena lives in bss on boards).
    public var ram: Int? { bss.map { $0 + (data ?? 0) } }

    /// `sections` nil: a file that is not an ELF (text, data and bss do not apply).
    public init(file: Int, sections: ELFSizes?, heap: Int, image: Int) {
        (self.file, self.heap, self.image) = (file, heap, image)
        (text, data, bss) = (sections?.text, sections?.data, sections?.bss)
    }
}

/// One row of `FirmwareSizes.flashByPart`.
public struct PartSize: Sendable, Equatable, Codable {
    public var part: String
    public var bytes: Int
    public init(part: String, bytes: Int) { (self.part, self.bytes) = (part, bytes) }
}

public struct BoardBuildResult: Sendable {
    public var artifacts: [BuiltArtifact]
    public var sizes: FirmwareSizes
    /// The compiler and linker that built it ("Swift version 6.3.1 ...").
    public var toolchain: String
    /// How a vendor runs or flashes it, for the bundle's README.
    public var instructions: String
    /// A firmware's memory map and settings, for metadata.json and `bundle`.
    public var layout: FirmwareLayout?

    public init(artifacts: [BuiltArtifact], sizes: FirmwareSizes, toolchain: String, instructions: String,
                layout: FirmwareLayout? = nil) {
        self.artifacts = artifacts
        self.sizes = sizes
        self.toolchain = toolchain
        self.instructions = instructions
        self.layout = layout
    }
}

/// Thrown by a builder when the board works but cannot carry this release's
/// application (e.g. its image needs more RAM than a 16 KiB board has): the
/// board is skipped with the reason, and the other boards are released.
public struct BoardCannotCarryApplication: Error, CustomStringConvertible {
    public var reason: String
    public init(reason: String) { self.reason = reason }
    public var description: String { reason }
}

public struct BoardBuildError: Error, CustomStringConvertible {
    public var board: String
    public var message: String
    public init(board: String, message: String) {
        self.board = board
        self.message = message
    }
    /// "board B: message", once even when the message already starts with the board.
    public var description: String {
        message.hasPrefix("board \(board) ") ? message : "board \(board): \(message)"
    }
}

/// Builds the VM for the boards whose recipe names it (`builder = "<name>"`).
///
/// Input: a recipe, the app image bytes and a work folder (`BoardBuildRequest`).
/// Output: the artifact files written in that folder and their sizes
/// (`BoardBuildResult`). A builder must not touch anything outside the work
/// folder except its own caches (e.g. a `--scratch-path`).
public protocol BoardBuilder: Sendable {
    var name: String { get }
    /// Nil when the builder can run here; otherwise why not (a missing tool, ...).
    func unavailableReason(for board: BoardRecipe) -> String?
    func build(_ request: BoardBuildRequest) throws -> BoardBuildResult
}

extension BoardBuilder {
    public func unavailableReason(for board: BoardRecipe) -> String? { nil }
}

/// The builders this p14p-dist knows, by name.
public struct BuilderRegistry: Sendable {
    private var builders: [String: any BoardBuilder] = [:]

    public init() {}

    public mutating func register(_ builder: any BoardBuilder) { builders[builder.name] = builder }
    public func builder(named name: String) -> (any BoardBuilder)? { builders[name] }
    public var names: [String] { builders.keys.sorted() }

    /// What happens to a board in a release: built by a builder, or skipped and why.
    public func plan(for board: BoardRecipe) -> BoardPlan {
        if board.status == .unsupported {
            return .skip(reason: "unsupported: \(board.reason ?? "no reason given")")
        }
        guard let name = board.builder else { return .skip(reason: "no builder named in the recipe") }
        guard let builder = builders[name] else {
            let why = board.reason.map { " (\($0))" } ?? ""
            return .skip(reason: "no \"\(name)\" board builder is registered in this p14p-dist\(why)")
        }
        if let why = builder.unavailableReason(for: board) { return .skip(reason: why) }
        return .build(builder)
    }
}

public enum BoardPlan {
    case build(any BoardBuilder)
    case skip(reason: String)

    public var skipReason: String? {
        if case .skip(let reason) = self { return reason }
        return nil
    }
}
