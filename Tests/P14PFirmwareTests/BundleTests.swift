// SPDX-License-Identifier: LGPL-2.1-only
//
// `p14p-dist bundle` round trips: a release of a small application for
// every emulated board, then a new program (with a module it imports and
// arguments) put into each downloaded package and run under QEMU with the
// package's own firmware; the application section alone (--image-only) is
// the same bytes at the same address; tampered packages and programs too
// large are refused.

import Foundation
import XCTest
@testable import P14PDist
import P14PFirmware
import PyMiteVM

final class BundleTests: XCTestCase {
    static let emulatedBoards = ["mps2-an385", "lm3s6965evb", "stm32", "netduinoplus2", "microbit", "hifive1"]

    /// `verify --rebuild`: a firmware package rebuilt from the release's own source package,
    /// unpacked elsewhere (its own firmware cache, the VM compiled again), is the same bytes.
    func testARebuildFromTheSourcePackageGivesTheSameFirmware() throws {
        let work = NSTemporaryDirectory() + "p14p-rebuild-test-\(getpid())"
        try? FileManager.default.removeItem(atPath: work)
        defer { try? FileManager.default.removeItem(atPath: work) }
        var options = ReleaseOptions(repositoryRoot: BoardFixtures.root, release: ReleaseNumber("09")!, outputDirectory: work + "/dist")
        options.allowDirty = true  // this test builds the working tree, committed or not
        options.boards = ["lm3s6965evb"]
        var registry = BuilderRegistry()
        registry.register(EmbeddedBoardBuilder())
        let summary = try ReleasePipeline().run(options, registry: registry, reporter: CollectingReporter())
        XCTAssertEqual(summary.boards.map(\.result), ["built"])
        let report = try Rebuilder.rebuild(release: work + "/dist/pymite-09", registry: registry)
        XCTAssertEqual(report.same, ["pymite-09-lm3s6965evb.tar.gz"], report.differences.joined(separator: "\n"))
        XCTAssertEqual(report.differences, [])
    }

    func testBundleRoundTripsIntoEveryEmulatedPackage() throws {
        let work = NSTemporaryDirectory() + "p14p-bundle-\(getpid())"
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: work + "/app", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: work) }
        // An application every board can carry, the 16 KiB ones too.
        try "print('released')\n".write(toFile: work + "/app/main.py", atomically: true, encoding: .utf8)
        try KeyFiles.generate(privatePath: work + "/release.key", force: false)

        var options = ReleaseOptions(repositoryRoot: BoardFixtures.root, release: ReleaseNumber("09")!, outputDirectory: work + "/dist")
        options.allowDirty = true  // this test builds the working tree, committed or not
        options.boards = BundleTests.emulatedBoards
        options.appDirectory = work + "/app"
        options.signingKey = work + "/release.key"
        var registry = BuilderRegistry()
        registry.register(EmbeddedBoardBuilder())
        let summary = try ReleasePipeline().run(options, registry: registry, reporter: CollectingReporter())
        XCTAssertEqual(summary.boards.map(\.result), BundleTests.emulatedBoards.map { _ in "built" },
                       "\(summary.boards.map { "\($0.board): \($0.result) \($0.reason ?? "")" })")
        // Each board's flash by part adds up to its firmware's text, and the notes show the table.
        for outcome in summary.boards {
            let sizes = try XCTUnwrap(outcome.sizes)
            let parts = try XCTUnwrap(sizes.flashByPart, outcome.board)
            XCTAssertEqual(parts.reduce(0) { $0 + $1.bytes }, sizes.text, outcome.board)
            XCTAssertTrue(parts.contains { $0.part == "interpreter loop" && $0.bytes > 1000 }, outcome.board)
        }
        let notes = try String(contentsOfFile: work + "/dist/pymite-09/RELEASE-NOTES.md", encoding: .utf8)
        XCTAssertTrue(notes.contains("### Where the flash goes"))
        let header = notes.split(separator: "\n").first { $0.hasPrefix("| Part |") } ?? ""
        for board in BundleTests.emulatedBoards { XCTAssertTrue(header.contains(" \(board) |"), "\(board) not in \(header)") }

        // Each package's bill of materials is valid CycloneDX 1.5 and names what the linker map shows was linked.
        for board in BundleTests.emulatedBoards {
            let members = try TarReader.read(work + "/dist/pymite-09/pymite-09-\(board).tar.gz", wantContents: { $0.hasSuffix("/sbom.cdx.json") })
            let bytes = try XCTUnwrap(members.first { $0.path.hasSuffix("/sbom.cdx.json") }?.bytes, board)
            XCTAssertNil(try PackageSBOM.schemaProblems(bytes), board)
            let sbom = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
            let names = (sbom["components"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            XCTAssertTrue(names.contains("libgcc"), "\(board): \(names)")
            XCTAssertTrue(names.contains(board == "hifive1" ? "picolibc libc.a" : "newlib libc.a"), "\(board): \(names)")
            XCTAssertTrue(names.contains("p14p board support for \(board)") && names.contains("app.pmi"), "\(board): \(names)")
            // metadata.json names the same libraries with their versions.
            let meta = try XCTUnwrap(try Inspector.inspect(work + "/dist/pymite-09/pymite-09-\(board).tar.gz").metadata, board)
            XCTAssertTrue(meta.libraries?.contains { $0.hasPrefix("libgcc ") && !$0.hasSuffix("(version unknown)") } ?? false,
                          "\(board): \(meta.libraries ?? [])")
        }

        // A module imported beside the main one, and argv, on every board, the 16 KiB ones too.
        try "import helper\nprint('bundled', helper.twice(21))\nraise SystemExit(3)\n"
            .write(toFile: work + "/prog.py", atomically: true, encoding: .utf8)
        try "import sys\nprint(sys.argv)\n".write(toFile: work + "/argv.py", atomically: true, encoding: .utf8)
        try "def twice(x):\n    return 2 * x\n".write(toFile: work + "/helper.py", atomically: true, encoding: .utf8)
        let release = work + "/dist/pymite-09"
        for board in BundleTests.emulatedBoards {
            let package = release + "/pymite-09-\(board).tar.gz"
            let out = work + "/out-" + board
            let result = try Bundler.bundle(BundleRequest(package: package, program: work + "/prog.py", arguments: ["x y"],
                                                          outputDirectory: out, publicKey: work + "/release.pub"))
            XCTAssertEqual(result.board, board)
            let emulator = try XCTUnwrap(ResolvedBoard(try BoardFixtures.recipe(board), repositoryRoot: BoardFixtures.root).emulator)
            let run = try EmulatorRun.run(elf: out + "/firmware.elf", emulator: emulator, timeout: 60)
            XCTAssertEqual(String(decoding: run.stdout, as: UTF8.self), "bundled 42\n", board)
            XCTAssertEqual(run.status, 3, board)
            _ = try Bundler.bundle(BundleRequest(package: package, program: work + "/argv.py", arguments: ["x y", "z"],
                                                 outputDirectory: out + "-argv"))
            let argv = try EmulatorRun.run(elf: out + "-argv/firmware.elf", emulator: emulator, timeout: 60)
            XCTAssertEqual(String(decoding: argv.stdout, as: UTF8.self), "['argv.py', 'x y', 'z']\n", board)
            XCTAssertEqual(argv.status, 0, board)
            // The release stamp stays with the firmware.
            XCTAssertEqual(try Inspector.inspect(out + "/firmware.elf").stamps.first?.release, "09", board)

            // --image-only: the same section bytes, at an erase-sector boundary of their own.
            let only = try Bundler.bundle(BundleRequest(package: package, program: work + "/prog.py", arguments: ["x y"],
                                                        outputDirectory: out + "-app", imageOnly: true))
            let metadata = try layout(of: package)
            let bin = try readFileBytes(out + "/firmware.bin")
            let app = try readFileBytes(out + "-app/app.bin")
            let offset = only.appAddress - metadata.flashOrigin
            XCTAssertEqual(app.count, metadata.sizes.appSection)
            XCTAssertEqual(Array(bin[offset..<(offset + app.count)]), app, board)
            XCTAssertEqual(only.appAddress % metadata.appAlignment, 0, board)
            XCTAssertNotEqual(metadata.console.driver, "semihosting", board)
        }

        // Refusals: a program past the application section, and a package that does not verify.
        let big = "x = '" + String(repeating: "a", count: 40_000) + "'\n"
        try big.write(toFile: work + "/big.py", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Bundler.bundle(BundleRequest(package: release + "/pymite-09-microbit.tar.gz",
                                                              program: work + "/big.py", outputDirectory: work + "/big"))) {
            XCTAssertTrue("\($0)".contains("the application section holds 16384 bytes but this code image and argv need"), "\($0)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: work + "/big/firmware.elf"))
        // 80 functions fit the micro:bit's application section (an 11 KB image), but their code
        // records (16 bytes each; 20 before session 29), constants and names not its RAM (40 do
        // since session 27, and about 60 since its C stack gave 1.25 KiB to the heap and the loaded code).
        try (0..<80).map { "def f\($0)():\n    return \($0)\n" }.joined().write(toFile: work + "/many.py", atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Bundler.bundle(BundleRequest(package: release + "/pymite-09-microbit.tar.gz",
                                                              program: work + "/many.py", outputDirectory: work + "/many"))) {
            XCTAssertTrue("\($0)".contains("does not fit in RAM") && "\($0)".contains("loaded code"), "\($0)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: work + "/many/firmware.elf"))
        // A package whose firmware reads another image format (an older release's) is refused by name.
        var older = try Bundler.readPackage(release + "/pymite-09-microbit.tar.gz").0
        XCTAssertNoThrow(try Bundler.checkImageFormat(older, package: "pkg"))
        older.image.format = Int(ImageFormat.version) - 1
        XCTAssertThrowsError(try Bundler.checkImageFormat(older, package: "pkg")) {
            XCTAssertTrue("\($0)".contains("reads code images of format \(ImageFormat.version - 1), and this p14p-dist writes format "
                                           + "\(ImageFormat.version)"), "\($0)")
        }
        var bytes = try readFileBytes(release + "/pymite-09-stm32.tar.gz")
        bytes[bytes.count / 2] ^= 0xff
        try writeFileAtomically(release + "/pymite-09-stm32.tar.gz", bytes)
        XCTAssertThrowsError(try Bundler.bundle(BundleRequest(package: release + "/pymite-09-stm32.tar.gz", program: work + "/prog.py",
                                                              outputDirectory: work + "/bad", publicKey: work + "/release.pub"))) {
            XCTAssertTrue("\($0)".contains("does not verify"), "\($0)")
        }
    }

    func layout(of package: String) throws -> FirmwareLayout {
        try XCTUnwrap(try Bundler.readPackage(package).0.firmware)
    }
}
