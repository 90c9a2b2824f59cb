// SPDX-License-Identifier: LGPL-2.1-only
//
// Test helpers: a throwaway copy of the repository's recipes, licenses and
// example app, a stub board builder, and shell commands.

import Foundation
import PyMiteHost
import XCTest
@testable import P14PDist

/// The real repository (for its recipes, licenses and example app).
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

func temporaryFolder(_ name: String = "test") throws -> String {
    try makeTemporaryDirectory(in: NSTemporaryDirectory(), prefix: "p14p-dist-\(name)-")
}

func copyTree(_ from: String, _ to: String) throws {
    try FileManager.default.createDirectory(atPath: (to as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: from, toPath: to)
}

/// A minimal p14p tree: recipes, licenses, the example app, the release stamp.
func makeFixtureRepository(release: String = "09") throws -> String {
    let root = try temporaryFolder("repo")
    for part in ["recipes", "licenses", "examples/hello"] {
        try copyTree(repositoryRoot + "/" + part, root + "/" + part)
    }
    try FileManager.default.createDirectory(atPath: root + "/Sources/p14p", withIntermediateDirectories: true)
    let book = try RecipeBook.load(root: root + "/recipes")
    let recipe = book.release(ReleaseNumber(release)!)!
    try writeTextAtomically(root + "/" + ReleaseSourceFile.path, ReleaseSourceFile.render(FirmwareStamp(release: recipe)))
    try writeTextAtomically(root + "/Package.swift", "// swift-tools-version:6.0\n// SPDX-License-Identifier: LGPL-2.1-only\n")
    return root
}

/// Stands in for a real board build: a "firmware" file carrying the stamp.
struct StubBuilder: BoardBuilder {
    var name = "desktop"
    /// Stamp to embed instead of the request's (to play PyMite 09's PM_RELEASE 8).
    var stampOverride: FirmwareStamp?
    var failWith: String?
    /// Flash by part, as an embedded board's build measures it from its linker map.
    var flashByPart: [PartSize]?

    func build(_ request: BoardBuildRequest) throws -> BoardBuildResult {
        if let failWith { throw BoardBuildError(board: request.board.name, message: failWith) }
        let stamp = stampOverride ?? request.stamp
        let firmware = Array("FIRMWARE for \(request.board.name)\0".utf8) + Array(stamp.block.utf8) + [0, 1, 2, 3]
        let path = request.workDirectory + "/firmware.bin"
        try writeFileAtomically(path, firmware)
        var sizes = FirmwareSizes(file: firmware.count, sections: ELFSizes(text: firmware.count, data: 0, bss: 0),
                                  heap: request.board.memory.heap ?? 0, image: request.image.count)
        sizes.flashByPart = flashByPart
        return BoardBuildResult(
            artifacts: [BuiltArtifact(path: path, bundleName: "firmware.bin", carriesStamp: true)],
            sizes: sizes, toolchain: "stub toolchain 1.0", instructions: "Flash firmware.bin.")
    }
}

func stubRegistry(_ builder: StubBuilder = StubBuilder()) -> BuilderRegistry {
    var registry = BuilderRegistry()
    registry.register(builder)
    return registry
}

/// Builds release `release` of `repo` into `out` with the stub builder.
@discardableResult
func buildRelease(repo: String, out: String, release: String = "09", key: String? = nil, force: Bool = false,
                  builder: StubBuilder = StubBuilder(), epoch: Int? = nil) throws -> ReleaseSummary {
    var options = ReleaseOptions(repositoryRoot: repo, release: ReleaseNumber(release)!, outputDirectory: out)
    options.signingKey = key
    options.force = force
    options.sourceDateEpoch = epoch
    return try ReleasePipeline().run(options, registry: stubRegistry(builder), reporter: CollectingReporter())
}

func sh(_ command: String, in dir: String? = nil) throws -> ProcessResult {
    try runProcess("/bin/sh", ["-c", command], in: dir)
}

/// Every file under `root` with its bytes, for before/after comparisons.
func snapshot(_ root: String) -> [String: [UInt8]] {
    var out: [String: [UInt8]] = [:]
    for path in listFiles(under: root) { out[path] = (try? readFileBytes(root + "/" + path)) ?? [] }
    return out
}

func XCTAssertThrowsError<T>(_ expression: @autoclosure () throws -> T, containing text: String,
                             file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try expression(), file: file, line: line) { error in
        XCTAssertTrue("\(error)".contains(text), "error \"\(error)\" does not contain \"\(text)\"", file: file, line: line)
    }
}

/// Running, and not a zombie waiting to be reaped.
func isAlive(_ pid: pid_t) -> Bool {
    guard let stat = try? readText("/proc/\(pid)/stat"), let close = stat.lastIndex(of: ")") else { return false }
    return !stat[close...].hasPrefix(") Z")
}

/// Waits a generous while for `pid` to end (a bound, not a timing assertion); says whether it did.
func ends(_ pid: pid_t) -> Bool {
    let stopped = Date()
    while isAlive(pid) && Date().timeIntervalSince(stopped) < 30 { usleep(20_000) }
    return !isAlive(pid)
}
