// SPDX-License-Identifier: LGPL-2.1-only
//
// Whole releases with a stub board builder: what lands in the output
// folder, reproducibility, one number everywhere, and failure safety.

import P14PFirmware
import PyMiteHost
import XCTest
@testable import P14PDist

final class PipelineTests: XCTestCase {
    func testAReleaseHasEveryPieceAndReportsSkippedBoards() throws {
        let repo = try makeFixtureRepository()
        // The Swift packages pinned: the one p14p links goes into the desktop package's bill, the other not.
        try writeTextAtomically(repo + "/Package.resolved", """
            {"pins": [{"identity": "swift-argument-parser", "kind": "remoteSourceControl",
                       "location": "https://github.com/apple/swift-argument-parser", "state": {"revision": "c0ffee", "version": "1.8.2"}},
                      {"identity": "tomlkit", "kind": "remoteSourceControl", "location": "https://github.com/LebJe/TOMLKit",
                       "state": {"revision": "beef", "version": "0.6.0"}}], "version": 3}
            """)
        let keys = try temporaryFolder("keys")
        try KeyFiles.generate(privatePath: keys + "/release.key", force: false)
        let out = try temporaryFolder("out") + "/dist"
        let summary = try buildRelease(repo: repo, out: out, key: keys + "/release.key")
        let dir = out + "/pymite-09"
        XCTAssertEqual(summary.directory, absolutePath(dir))
        XCTAssertEqual(Set(listFiles(under: dir)), [
            "MD5SUMS", "SHA256SUMS", "SHA256SUMS.sig", "SHA256SUMS.minisig", "RELEASE-NOTES.md", "RELEASE-NOTES.html",
            "provenance.intoto.json",
            "pymite-09-desktop.tar.gz", "pymite-09-src.tar.gz",
        ])
        XCTAssertTrue(fileExists(out + "/index.html"))
        XCTAssertTrue(fileExists(out + "/release.pub"))
        XCTAssertTrue(summary.signed)
        XCTAssertEqual(summary.boards.filter { $0.result == "built" }.map(\.board), ["desktop"])
        let pic = try XCTUnwrap(summary.boards.first { $0.board == "pic24" })
        XCTAssertEqual(pic.result, "skipped")
        XCTAssertTrue(pic.reason?.contains("no LLVM backend") ?? false)
        let stm = try XCTUnwrap(summary.boards.first { $0.board == "stm32" })
        XCTAssertTrue(stm.reason?.contains("no \"embedded\" board builder") ?? false)
        let recipe = try RecipeBook.load(root: repo + "/recipes").release(ReleaseNumber("09")!)!
        XCTAssertEqual(summary.boards.map(\.board), recipe.boards, "every board is reported, built or skipped")
        XCTAssertEqual(summary.stages.map(\.stage).count, 11)
        // No staging folder is left beside the output.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent)
        XCTAssertEqual(siblings, ["dist"])

        let check = try sh("sha256sum -c SHA256SUMS && md5sum -c MD5SUMS && openssl pkeyutl -verify -pubin -inkey ../release.pub -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig", in: dir)
        XCTAssertTrue(check.succeeded, check.stdout + check.stderr)

        // The provenance: an in-toto statement with a SLSA v1 predicate, its
        // subjects the packages with the digests SHA256SUMS signs.
        let sums = try ChecksumManifest.parse(try readText(dir + "/SHA256SUMS"), algorithm: .sha256, fileName: "SHA256SUMS")
        XCTAssertNotNil(sums.digest(of: ProvenanceStage.fileName), "SHA256SUMS lists the provenance")
        let statement = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/" + ProvenanceStage.fileName))) as? [String: Any])
        XCTAssertEqual(statement["_type"] as? String, "https://in-toto.io/Statement/v1")
        XCTAssertEqual(statement["predicateType"] as? String, "https://slsa.dev/provenance/v1")
        let subjects = try XCTUnwrap(statement["subject"] as? [[String: Any]])
        XCTAssertEqual(subjects.map { $0["name"] as? String }, ["pymite-09-desktop.tar.gz", "pymite-09-src.tar.gz"])
        for subject in subjects {
            let name = try XCTUnwrap(subject["name"] as? String)
            XCTAssertEqual((subject["digest"] as? [String: String])?["sha256"], sums.digest(of: name))
        }
        let predicate = try XCTUnwrap(statement["predicate"] as? [String: Any])
        let definition = try XCTUnwrap(predicate["buildDefinition"] as? [String: Any])
        XCTAssertEqual((definition["externalParameters"] as? [String: Any])?["boards"] as? [String], ["desktop"])
        let inputs = try XCTUnwrap(definition["resolvedDependencies"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        XCTAssertEqual(inputs, ["recipes/releases/09.toml", "recipes/boards/desktop.toml", "app.pmi"])

        // The board package: layout, metadata, licenses.
        let members = try TarReader.read(dir + "/pymite-09-desktop.tar.gz", wantContents: { _ in true })
        XCTAssertEqual(members.filter { !$0.isDirectory }.map(\.path), [
            "pymite-09-desktop/LICENSES/GPL-2.0-only.txt", "pymite-09-desktop/LICENSES/LGPL-2.1-only.txt",
            "pymite-09-desktop/LICENSES/LicenseRef-PyMite-Commercial.txt", "pymite-09-desktop/README",
            "pymite-09-desktop/app.pmi", "pymite-09-desktop/firmware.bin", "pymite-09-desktop/metadata.json",
            "pymite-09-desktop/sbom.cdx.json",
        ])
        let meta = try BundleMetadata.parse(try XCTUnwrap(members.first { $0.path.hasSuffix("metadata.json") }?.bytes))
        XCTAssertEqual(meta.board, "desktop")
        XCTAssertEqual(meta.release, "09")
        XCTAssertEqual(meta.mcu, "POSIX host")
        XCTAssertEqual(meta.license, "(GPL-2.0-only OR LicenseRef-PyMite-Commercial) AND LGPL-2.1-only")
        XCTAssertEqual(meta.toolchain, "stub toolchain 1.0")
        XCTAssertEqual(meta.buildDate, "2010-09-21T00:00:00Z")
        let image = try XCTUnwrap(members.first { $0.path.hasSuffix("app.pmi") }?.bytes)
        XCTAssertEqual(meta.image.sha256, Digest.hex(.sha256, of: image))
        XCTAssertEqual(Array(image.prefix(4)), Array("P14P".utf8))
        // The bill of materials: valid CycloneDX 1.5, naming the package, the VM and the image by its hash.
        let sbomBytes = try XCTUnwrap(members.first { $0.path.hasSuffix("sbom.cdx.json") }?.bytes)
        XCTAssertNil(try PackageSBOM.schemaProblems(sbomBytes))
        let sbom = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sbomBytes)) as? [String: Any])
        let top = try XCTUnwrap((sbom["metadata"] as? [String: Any])?["component"] as? [String: Any])
        XCTAssertEqual(top["name"] as? String, "pymite-09-desktop")
        XCTAssertEqual(top["version"] as? String, "09")
        let parts = try XCTUnwrap(sbom["components"] as? [[String: Any]])
        let app = try XCTUnwrap(parts.first { $0["name"] as? String == "app.pmi" })
        XCTAssertEqual((app["hashes"] as? [[String: String]])?.first?["content"], meta.image.sha256)
        XCTAssertTrue(parts.contains { ($0["licenses"] as? [[String: String]])?.first?["expression"] == "GPL-2.0-only OR LicenseRef-PyMite-Commercial" })
        XCTAssertTrue(parts.contains { $0["name"] as? String == "swift-argument-parser" && $0["version"] as? String == "1.8.2" }, "\(parts)")
        XCTAssertFalse(parts.contains { $0["name"] as? String == "tomlkit" }, "p14p does not link TOMLKit")
        XCTAssertNotNil(try PackageSBOM.schemaProblems(Array(#"{"bomFormat": "CycloneDX", "specVersion": "1.5", "components": 3}"#.utf8)),
                        "the validator refuses what breaks the schema")
        let readme = String(decoding: try XCTUnwrap(members.first { $0.path.hasSuffix("README") }?.bytes), as: UTF8.self)
        XCTAssertTrue(readme.contains("Flash firmware.bin."))
        let desktop = try XCTUnwrap(try RecipeBook.load(root: repo + "/recipes").board("desktop"))
        XCTAssertTrue(readme.contains("Python features (the recipe's switches): " + desktop.features.enabled.joined(separator: ", ")), readme)

        let inspection = try Inspector.inspect(dir + "/pymite-09-desktop.tar.gz")
        XCTAssertEqual(inspection.metadata, meta)
        XCTAssertEqual(inspection.stamps.map(\.release), ["09"])

        // The source package holds the tree (no .git here, so a walk).
        let source = try TarReader.read(dir + "/pymite-09-src.tar.gz").map(\.path)
        XCTAssertTrue(source.contains("pymite-09/recipes/boards/desktop.toml"))
        XCTAssertTrue(source.contains("pymite-09/examples/hello/main.py"))
        XCTAssertFalse(source.contains { $0.contains("dist/") })
    }

    func testARegisteredBuilderBuildsItsBoards() throws {
        // What the firmware builder does: register under the recipes' `builder` name.
        let repo = try makeFixtureRepository()
        let out = try temporaryFolder("out")
        var registry = stubRegistry()
        registry.register(StubBuilder(name: "embedded"))
        var options = ReleaseOptions(repositoryRoot: repo, release: ReleaseNumber("09")!, outputDirectory: out)
        options.boards = ["stm32", "microbit", "pic24"]
        let summary = try ReleasePipeline().run(options, registry: registry, reporter: CollectingReporter())
        XCTAssertEqual(summary.boards.map(\.board), ["pic24", "stm32", "microbit"])
        XCTAssertEqual(summary.boards.map(\.result), ["skipped", "built", "built"])
        let meta = try Inspector.inspect(out + "/pymite-09/pymite-09-stm32.tar.gz").metadata
        let stm32 = try XCTUnwrap(try RecipeBook.load(root: repo + "/recipes").board("stm32"))
        XCTAssertEqual(meta?.mcu, stm32.mcu)
        XCTAssertEqual(meta?.memory.flash, stm32.memory.flash)
        XCTAssertEqual(meta?.target, stm32.target)
        XCTAssertFalse(fileExists(out + "/pymite-09/pymite-09-desktop.tar.gz"))

        // `inspect` checks the members against metadata.json: a changed app.pmi is named.
        let package = out + "/pymite-09/pymite-09-stm32.tar.gz"
        XCTAssertEqual(try Inspector.inspect(package).problems, [])
        let members = try TarReader.read(package, wantContents: { _ in true })
        let entries = members.filter { !$0.isDirectory }.map { member -> ArchiveEntry in
            let inner = String(member.path.split(separator: "/", maxSplits: 1)[1])
            var bytes = member.bytes ?? []
            if inner == "app.pmi" { bytes[bytes.count - 1] ^= 1 }
            return ArchiveEntry(path: inner, bytes: bytes)
        }
        let tampered = out + "/tampered.tar.gz"
        try TarWriter.write(entries, root: "pymite-09-stm32", to: tampered, mtime: 1_285_027_200)
        let problems = try Inspector.inspect(tampered).problems
        XCTAssertEqual(problems.count, 2, "\(problems)")  // the files list and the image entry
        XCTAssertTrue(problems.allSatisfy { $0.hasPrefix("app.pmi: ") }, "\(problems)")
    }

    func testTwoBuildsAreByteIdentical() throws {
        let repo = try makeFixtureRepository()
        let a = try temporaryFolder("a"), b = try temporaryFolder("b")
        try buildRelease(repo: repo, out: a)
        sleep(1)
        try buildRelease(repo: repo, out: b)
        XCTAssertEqual(snapshot(a + "/pymite-09"), snapshot(b + "/pymite-09"))
        try buildRelease(repo: repo, out: a, epoch: 1_300_000_000)
        XCTAssertNotEqual(snapshot(a + "/pymite-09")["pymite-09-desktop.tar.gz"], snapshot(b + "/pymite-09")["pymite-09-desktop.tar.gz"])
    }

    func testAFailedBuildLeavesTheOutputAsItWas() throws {
        let repo = try makeFixtureRepository()
        let out = try temporaryFolder("out")
        try buildRelease(repo: repo, out: out)
        try writeTextAtomically(out + "/keep.txt", "mine")
        let before = snapshot(out)
        XCTAssertThrowsError(try buildRelease(repo: repo, out: out, builder: StubBuilder(failWith: "linker exploded")),
                             containing: "linker exploded")
        XCTAssertEqual(snapshot(out), before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: (out as NSString).deletingLastPathComponent)
        XCTAssertFalse(siblings.contains { $0.contains("staging") }, "\(siblings)")

        // A broken recipe is refused the same way, naming the file.
        try writeTextAtomically(repo + "/recipes/boards/stm32.toml", "name = \"stm32\"\nstatus = [")
        XCTAssertThrowsError(try buildRelease(repo: repo, out: out), containing: "recipes/boards/stm32.toml:2")
        XCTAssertEqual(snapshot(out), before)
    }

    func testAStageThatNeedsWhatNoEarlierStageMadeFailsNamingBoth() throws {
        let repo = try makeFixtureRepository()
        let out = try temporaryFolder("out")
        let options = ReleaseOptions(repositoryRoot: repo, release: ReleaseNumber("09")!, outputDirectory: out)
        // Bundling before the image is compiled; checksums before any package; notes before any board package.
        let orders: [([any ReleaseStage], String)] = [
            ([CheckStampStage(), BundleStage()], "stage \"bundle board packages\" needs the application image"),
            ([CheckStampStage(), ChecksumStage()], "stage \"checksums\" needs packages"),
            ([CheckStampStage(), SourceArchiveStage(), NotesStage()], "stage \"release notes\" needs board packages"),
        ]
        for (stages, message) in orders {
            XCTAssertThrowsError(try ReleasePipeline(stages: stages).run(options, registry: stubRegistry(), reporter: CollectingReporter()),
                                 containing: message)
        }
        XCTAssertEqual(snapshot(out), [:], "nothing published")
    }

    /// A signing key others may read, or one that does not parse, is
    /// refused before any board is built (the stub fails any build it is
    /// asked for, so a late check would report that instead).
    func testTheSigningKeyIsCheckedBeforeAnyBoardIsBuilt() throws {
        let repo = try makeFixtureRepository()
        let keys = try temporaryFolder("keys")
        let key = keys + "/release.key"
        try KeyFiles.generate(privatePath: key, force: false)
        let out = try temporaryFolder("out") + "/dist"
        let builds = StubBuilder(failWith: "a board was built")
        XCTAssertThrowsError(try buildRelease(repo: repo, out: out, key: key, builder: builds), containing: "a board was built")
        for mode: mode_t in [0o640, 0o604, 0o620] {
            chmod(key, mode)
            XCTAssertThrowsError(try buildRelease(repo: repo, out: out, key: key, builder: builds),
                                 containing: "(mode \(String(mode, radix: 8))); a private key must be yours alone: chmod 600 \(key)")
        }
        chmod(key, 0o600)
        try writeFileAtomically(key, Array("-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n".utf8), mode: 0o600)
        XCTAssertThrowsError(try buildRelease(repo: repo, out: out, key: key, builder: builds), containing: key)
        XCTAssertThrowsError(try buildRelease(repo: repo, out: out, key: keys + "/missing.key", builder: builds),
                             containing: "cannot read the signing key \(keys)/missing.key")
        XCTAssertFalse(fileExists(out), "nothing published")
    }

    /// A release from a checkout with uncommitted changes to tracked files
    /// is refused before anything is built, unless --allow-dirty, which the
    /// packages' metadata then records with the commit.
    func testAnUncommittedTreeIsRefusedUnlessAllowedAndThenRecorded() throws {
        let repo = try makeFixtureRepository()
        let git = try sh("git init -q . && git -c user.email=t@e -c user.name=t add -A && git -c user.email=t@e -c user.name=t commit -qm fixture && git rev-parse HEAD",
                         in: repo)
        XCTAssertTrue(git.succeeded, git.stderr)
        let head = git.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let out = try temporaryFolder("out") + "/dist"
        try buildRelease(repo: repo, out: out)
        func metadata() throws -> BundleMetadata {
            let member = try XCTUnwrap(try TarReader.read(out + "/pymite-09/pymite-09-desktop.tar.gz", wantContents: { $0.hasSuffix("/metadata.json") })
                .first { $0.path.hasSuffix("/metadata.json") }?.bytes)
            return try BundleMetadata.parse(member)
        }
        XCTAssertEqual(try metadata().commit, head)
        XCTAssertEqual(try metadata().dirty, false)
        XCTAssertEqual(try metadata().recipeSHA256, try Digest.hex(.sha256, ofFile: repo + "/recipes/boards/desktop.toml"), "the recipe's digest")
        XCTAssertTrue(try readText(out + "/pymite-09/" + ProvenanceStage.fileName).contains("\"gitCommit\" : \"\(head)\""),
                      "the provenance names the commit")
        try writeTextAtomically(repo + "/recipes/README.md", try readText(repo + "/recipes/README.md") + "\nan edit\n")
        XCTAssertThrowsError(try buildRelease(repo: repo, out: out, force: true, builder: StubBuilder(failWith: "a board was built")),
                             containing: "not committed")
        var options = ReleaseOptions(repositoryRoot: repo, release: ReleaseNumber("09")!, outputDirectory: out)
        options.allowDirty = true
        options.force = true
        _ = try ReleasePipeline().run(options, registry: stubRegistry(StubBuilder()), reporter: CollectingReporter())
        XCTAssertEqual(try metadata().commit, head)
        XCTAssertEqual(try metadata().dirty, true, "the metadata says the tree had changes")
    }

    /// The source package carries Package.resolved (which git ignores), so
    /// it builds with the dependency versions the release was built with.
    func testTheSourcePackageCarriesPackageResolved() throws {
        let repo = try makeFixtureRepository()
        let pins = "{\n  \"pins\" : [ ],\n  \"version\" : 3\n}\n"
        try writeTextAtomically(repo + "/Package.resolved", pins)
        let out = try temporaryFolder("out") + "/dist"
        try buildRelease(repo: repo, out: out)
        let members = try TarReader.read(out + "/pymite-09/pymite-09-src.tar.gz", wantContents: { $0.hasSuffix("/Package.resolved") })
        let resolved = try XCTUnwrap(members.first { $0.path == "pymite-09/Package.resolved" }, "\(members.map(\.path))")
        XCTAssertEqual(resolved.bytes.map { String(decoding: $0, as: UTF8.self) }, pins)
    }

    func testASignedReleaseIsNotOverwrittenWithoutForce() throws {
        let repo = try makeFixtureRepository()
        let keys = try temporaryFolder("keys")
        try KeyFiles.generate(privatePath: keys + "/release.key", force: false)
        let out = try temporaryFolder("out")
        try buildRelease(repo: repo, out: out, key: keys + "/release.key")
        let before = snapshot(out)
        XCTAssertThrowsError(try buildRelease(repo: repo, out: out, key: keys + "/release.key"), containing: "--force")
        XCTAssertEqual(snapshot(out), before)
        try buildRelease(repo: repo, out: out, key: keys + "/release.key", force: true)
        XCTAssertEqual(snapshot(out), before, "same inputs, same release")
    }

    func testTheReleaseNumberMustAgreeEverywhere() throws {
        let repo = try makeFixtureRepository()
        let out = try temporaryFolder("out")
        // The tree says 09, the build asks for 0A: refused before anything is built.
        XCTAssertThrowsError(try buildRelease(repo: repo, out: out, release: "0A"), containing: "p14p-dist stamp --release 0A")
        // PyMite 09's mistake: a firmware that says another release.
        let wrong = StubBuilder(stampOverride: FirmwareStamp(release: "08", date: "2010-09-21", license: LicensePolicy.firmware))
        XCTAssertThrowsError(try buildRelease(repo: repo, out: out, builder: wrong), containing: "says release 08")
        XCTAssertEqual(listFiles(under: out), [])
        // Stamping the tree for 0A makes 0A buildable, with the new boards skipped or built.
        let book = try RecipeBook.load(root: repo + "/recipes")
        try writeTextAtomically(repo + "/" + ReleaseSourceFile.path,
                                ReleaseSourceFile.render(FirmwareStamp(release: book.release(ReleaseNumber("0A")!)!)))
        let summary = try buildRelease(repo: repo, out: out, release: "0A")
        XCTAssertTrue(fileExists(out + "/pymite-0A/pymite-0A-desktop.tar.gz"))
        XCTAssertEqual(summary.boards.first { $0.board == "darwin" }?.result, "skipped")
    }

    /// Key rotation: release 09 signed with one key, 0A with a new one, in
    /// the same folder. Both keys are kept by fingerprint (the first is not
    /// replaced), each release's notes name its key, and `verify` without
    /// --key finds and names the key of each; a key that signed neither is refused.
    func testARotatedKeyLeavesEveryReleaseVerifiable() throws {
        let repo = try makeFixtureRepository()
        let keys = try temporaryFolder("keys")
        try KeyFiles.generate(privatePath: keys + "/one.key", force: false)
        try KeyFiles.generate(privatePath: keys + "/two.key", force: false)
        let one = try Ed25519Key.load(path: keys + "/one.pub", isPublic: true).fingerprint()
        let two = try Ed25519Key.load(path: keys + "/two.pub", isPublic: true).fingerprint()
        let out = try temporaryFolder("out") + "/dist"
        try buildRelease(repo: repo, out: out, key: keys + "/one.key")
        let firstKept = try readFileBytes(out + "/keys/" + one.fileName)
        let book = try RecipeBook.load(root: repo + "/recipes")
        try writeTextAtomically(repo + "/" + ReleaseSourceFile.path,
                                ReleaseSourceFile.render(FirmwareStamp(release: book.release(ReleaseNumber("0A")!)!)))
        try buildRelease(repo: repo, out: out, release: "0A", key: keys + "/two.key")
        XCTAssertEqual(Set(listFiles(under: out + "/keys")),
                       [one.fileName, two.fileName, KeysFolder.minisignFileName(one), KeysFolder.minisignFileName(two)])
        XCTAssertEqual(try readFileBytes(out + "/keys/" + one.fileName), firstKept, "a kept key is never replaced")
        XCTAssertEqual(try readFileBytes(out + "/release.pub"), try readFileBytes(keys + "/two.pub"), "release.pub: the last release's key")
        let index = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        XCTAssertTrue(index.contains("href=\"keys/\(one.fileName)\"") && index.contains("href=\"keys/\(two.fileName)\""), "the index links every kept key")
        for name in ["SHA256SUMS", "MD5SUMS", "SHA256SUMS.sig", "SHA256SUMS.minisig"] {
            XCTAssertTrue(index.contains("href=\"pymite-0A/\(name)\"") && index.contains("href=\"pymite-09/\(name)\""), "the index links \(name)")
        }
        for (release, key) in [("09", one), ("0A", two)] {
            let notes = try String(contentsOfFile: out + "/pymite-\(release)/RELEASE-NOTES.md", encoding: .utf8)
            XCTAssertTrue(notes.contains(key.long) && notes.contains("keys/" + key.fileName), "the \(release) notes name its key")
            let report = try Verifier.verify(path: out + "/pymite-\(release)", publicKey: nil)
            XCTAssertTrue(report.ok, report.problems.joined(separator: "\n"))
            XCTAssertTrue(report.notes.contains { $0.contains("keys/" + key.fileName) && $0.contains(key.long) }, "\(report.notes)")
            let package = try Verifier.verify(path: out + "/pymite-\(release)/pymite-\(release)-desktop.tar.gz", publicKey: nil)
            XCTAssertTrue(package.ok && package.notes.contains { $0.contains(key.long) }, "\(package.problems) \(package.notes)")
        }
        try FileManager.default.removeItem(atPath: out + "/keys/" + one.fileName)
        XCTAssertThrowsError(try Verifier.verify(path: out + "/pymite-09", publicKey: nil), containing: "signed this release's SHA256SUMS")
        try FileManager.default.removeItem(atPath: out + "/keys")
        XCTAssertThrowsError(try Verifier.verify(path: out + "/pymite-0A", publicKey: nil), containing: "no --key given")
    }

    /// The notes come from the recipes, whatever the output folder holds and
    /// whichever boards were asked for: 0A built alone into a fresh folder
    /// still lists 09 in the packages history, marks itself partial when
    /// only some boards were built, lists its bug fixes, and has no "And:"
    /// without the list it continues.
    func testNotesComeFromTheRecipesAlone() throws {
        let repo = try makeFixtureRepository(release: "0A")
        let out = try temporaryFolder("out") + "/dist"
        var options = ReleaseOptions(repositoryRoot: repo, release: ReleaseNumber("0A")!, outputDirectory: out)
        options.boards = ["desktop"]
        _ = try ReleasePipeline().run(options, registry: stubRegistry(StubBuilder()), reporter: CollectingReporter())
        let md = try readText(out + "/pymite-0A/RELEASE-NOTES.md")
        let recipe = try XCTUnwrap(try RecipeBook.load(root: repo + "/recipes").release(ReleaseNumber("0A")!))
        XCTAssertFalse(recipe.fixes.isEmpty)
        for needle in ["| 09 | 2010/09/21 | (its packages are not in this folder) | — | — |", "| 08 |",
                       "Bugs fixed:", "- " + recipe.fixes[0], "Changes:",
                       "**A partial release.** This build was asked for 1 of the release's \(recipe.boards.count) boards: desktop.",
                       "| emulated; not in this build (not asked for) |"] {
            XCTAssertTrue(md.contains(needle), "RELEASE-NOTES.md lacks: \(needle)")
        }
        XCTAssertFalse(md.contains("And:"), "\"And:\" without the highlights it would follow")
    }

    func testNotesAndIndex() throws {
        let repo = try makeFixtureRepository()
        let out = try temporaryFolder("out")
        var builder = StubBuilder()
        builder.flashByPart = [PartSize(part: "interpreter loop", bytes: 9_962), PartSize(part: "long ints", bytes: 1_234_567)]
        try buildRelease(repo: repo, out: out, builder: builder)
        let dir = out + "/pymite-09"
        let md = try readText(dir + "/RELEASE-NOTES.md")
        let sums = try ChecksumManifest.parse(try readText(dir + "/SHA256SUMS"), algorithm: .sha256, fileName: "SHA256SUMS")
        let md5 = try ChecksumManifest.parse(try readText(dir + "/MD5SUMS"), algorithm: .md5, fileName: "MD5SUMS")
        for needle in [
            "<!-- SPDX-License-Identifier: GFDL-1.2-only -->", "# p14p (Python-on-a-Chip) release 09", "**Release**: 09, 2010/09/21",
            "## Purpose", "## License", "## Build", "## Discussion", "## Thanks", "## Target Platforms", "## Release Notes",
            "This is release 09", "Added support for the following major new features:", "And:",
            "**Release 08** (2009/04/20)", "**Release 03** (2006/09/17)",
            "| Release | Release Date | Package | MD5 | SHA-256 |",
            "| 08 | 2009/04/20 | pymite-08.tar.gz | `13f07f28ef02b76b55face3be907e249` | — |",
            "| 03 | 2006/09/17 | pymite-03.tar.gz | `145456f828172ac73dcb833f613abad9` | — |",
            "| teensy | AT90USB646 (AVR) | 64 KiB | 4 KiB | 0xD00 |",
            "pic24: unsupported: PIC24 has no LLVM backend",
            "openssl pkeyutl -verify -pubin -inkey release.pub -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig",
            "sha256sum -c SHA256SUMS", "(GPL-2.0-only OR LicenseRef-PyMite-Commercial) AND LGPL-2.1-only",
            "This build is not signed.",
            "### Where the flash goes", "| Part | desktop |", "| interpreter loop | 9,962 |", "| long ints | 1,234,567 |",
            "| **total** | **1,244,529** |",
        ] {
            XCTAssertTrue(md.contains(needle), "RELEASE-NOTES.md lacks: \(needle)")
        }
        let release = try XCTUnwrap(try RecipeBook.load(root: repo + "/recipes").release(ReleaseNumber("09")!))
        for board in release.newBoards { XCTAssertTrue(md.contains("| **\(board)** |"), "\(board) is not in bold") }
        // Every package has its row (SHA256SUMS also lists the notes and the provenance).
        for entry in sums.entries where entry.name.hasSuffix(".tar.gz") {
            XCTAssertTrue(md.contains("| 09 | 2010/09/21 | [\(entry.name)](\(entry.name)) | `\(md5.digest(of: entry.name)!)` | `\(entry.digest)` |"),
                          "no row for \(entry.name)")
        }
        let html = try readText(dir + "/RELEASE-NOTES.html")
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<!-- SPDX-License-Identifier: GFDL-1.2-only -->"))
        XCTAssertTrue(html.contains("<h1>p14p (Python-on-a-Chip) release 09</h1>"))
        XCTAssertTrue(html.contains("<strong>microbit</strong>"))
        XCTAssertTrue(html.contains("<code>13f07f28ef02b76b55face3be907e249</code>"))
        let index = try readText(out + "/index.html")
        XCTAssertTrue(index.contains("<a href=\"pymite-09/pymite-09-desktop.tar.gz\">pymite-09-desktop.tar.gz</a>"))
        XCTAssertTrue(index.contains("<a href=\"pymite-09/RELEASE-NOTES.html\">Release notes</a>"))
        XCTAssertTrue(index.contains("Release 0A (2010/12/17)"))
        XCTAssertTrue(index.contains("<code>pymite-05.tar.gz</code>"))
        // For a vendor on a phone: the viewport, each download's SHA-256, and no command a maintainer types.
        XCTAssertTrue(index.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        for entry in sums.entries where entry.name.hasSuffix(".tar.gz") {
            XCTAssertTrue(index.contains("<code>\(entry.digest)</code>"), "the index lacks the SHA-256 of \(entry.name)")
        }
        XCTAssertFalse(index.contains("p14p-dist build"), "a maintainer's command on the vendors' page")
        XCTAssertTrue(index.contains("Not published here yet."))
    }
}

final class PackageSBOMTests: XCTestCase {
    /// The archives a firmware took members from come from its linker map, each once, in order.
    func testLinkedArchivesComeFromTheLinkerMap() {
        let map = """
                     VMA      LMA     Size Align Out     In      Symbol
                 0        0     1000     4 .text
                 0        0       20     4         /tmp/c/PyMiteVM.o:(.text.run)
                20       20       10     2         /usr/lib/gcc/arm-none-eabi/12.2.1/thumb/v7-m/nofp/libgcc.a(_udivsi3.o):(.text)
                30       30       10     2         /usr/lib/arm-none-eabi/lib/thumb/v7-m/nofp/libc.a(lib_a-memcpy.o):(.text.memcpy)
                40       40       10     2         /usr/lib/gcc/arm-none-eabi/12.2.1/thumb/v7-m/nofp/libgcc.a(_divsi3.o):(.text)
            """
        XCTAssertEqual(PackageSBOM.linkedArchives(map: map), [
            "/usr/lib/gcc/arm-none-eabi/12.2.1/thumb/v7-m/nofp/libgcc.a", "/usr/lib/arm-none-eabi/lib/thumb/v7-m/nofp/libc.a",
        ])
        let libgcc = PackageSBOM.archivePart("/usr/lib/gcc/arm-none-eabi/12.2.1/thumb/v7-m/nofp/libgcc.a")
        XCTAssertEqual(libgcc.name, "libgcc")
        XCTAssertEqual(libgcc.license, .expression("GPL-3.0-or-later WITH GCC-exception-3.1"))
        XCTAssertNotNil(libgcc.version)
    }

    /// The same package makes the same bill, serial number included.
    func testTheBillIsReproducible() {
        let part = PackageSBOM.Part(ref: "app.pmi", type: "file", name: "app.pmi", version: nil, license: nil,
                                    sha256: String(repeating: "ab", count: 32), description: nil)
        let a = PackageSBOM(packageName: "pymite-0A-x", packageType: "firmware", release: "0A", license: "MIT", timestamp: "2010-09-21T00:00:00Z",
                            commit: "c0ffee", board: "x", parts: [part])
        XCTAssertEqual(a.json(), a.json())
        let text = String(decoding: a.json(), as: UTF8.self)
        XCTAssertTrue(text.contains("\"timestamp\" : \"2010-09-21T00:00:00Z\""), text)
        var b = a
        b.commit = "other"
        XCTAssertNotEqual(a.serialNumber, b.serialNumber)
        XCTAssertNil(try PackageSBOM.schemaProblems(a.json()))
    }
}

/// The release's two pages opened in a real browser (headless Chromium, which
/// `make setup` installs): no console error, and every link the browser's DOM
/// holds resolves to a file of the release.
final class ReleasePagesInABrowserTests: XCTestCase {
    func testThePagesLoadCleanAndEveryLinkResolves() throws {
        let repo = try makeFixtureRepository()
        let keys = try temporaryFolder("keys")
        try KeyFiles.generate(privatePath: keys + "/release.key", force: false)
        let out = try temporaryFolder("out")
        try buildRelease(repo: repo, out: out, key: keys + "/release.key")
        var checked = 0
        for page in [out + "/index.html", out + "/pymite-09/RELEASE-NOTES.html"] {
            let (dom, console) = try ReleasePagesInABrowserTests.load(page)
            XCTAssertTrue(dom.contains("<meta name=\"viewport\""), "\(page): no viewport for phones")
            XCTAssertEqual(console, [], "\(page): the browser's console")
            let folder = (page as NSString).deletingLastPathComponent
            for link in ReleasePagesInABrowserTests.links(in: dom) {
                if link.hasPrefix("#") || link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") { continue }
                let target = (folder as NSString).appendingPathComponent(link.split(separator: "#").first.map(String.init) ?? link)
                XCTAssertTrue(FileManager.default.fileExists(atPath: target), "\(page) links to \(link), which is not there")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 8, "the pages link the packages, manifests, signatures and keys")
    }

    /// The DOM after the page ran, and what it wrote to the console.
    static func load(_ page: String) throws -> (dom: String, console: [String]) {
        guard let browser = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap({ Toolchain.which($0) }).first else {
            throw FileError("no headless Chromium (chromium) on PATH: run `make setup`, which installs it")
        }
        let profile = try temporaryFolder("chromium")
        let r = try runProcess(browser, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile,
                                         "--enable-logging=stderr", "--v=0", "--dump-dom", URL(fileURLWithPath: page).absoluteString])
        XCTAssertEqual(r.status, 0, r.stderr)
        let console = r.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        return (r.stdout, console)
    }

    /// href and src values in a DOM dump, entities decoded.
    static func links(in dom: String) -> [String] {
        var out: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = dom[...]
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                out.append(String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&"))
                rest = rest[end...]
            }
        }
        return out
    }
}

final class RebuildTests: XCTestCase {
    /// The release rebuilt from its own source package gives the same bytes; a build that
    /// comes out otherwise is named down to the package's members.
    func testARebuildFromTheSourcePackageComparesBytes() throws {
        let repo = try makeFixtureRepository()
        let out = try temporaryFolder("out") + "/dist"
        try buildRelease(repo: repo, out: out, epoch: 1_300_000_000)
        let dir = out + "/pymite-09"
        let same = try Rebuilder.rebuild(release: dir, registry: stubRegistry(StubBuilder()))
        XCTAssertEqual(same.same, ["pymite-09-desktop.tar.gz"])
        XCTAssertEqual(same.differences, [])
        XCTAssertTrue(same.ok)

        var other = StubBuilder()
        other.flashByPart = [PartSize(part: "interpreter loop", bytes: 1)]
        let differs = try Rebuilder.rebuild(release: dir, registry: stubRegistry(other))
        XCTAssertEqual(differs.same, [])
        XCTAssertEqual(differs.differences, ["pymite-09-desktop.tar.gz: rebuilt to other bytes; members that differ: metadata.json"])
        XCTAssertFalse(differs.ok)

        // A folder without its source package cannot be rebuilt, and says so.
        try FileManager.default.removeItem(atPath: dir + "/pymite-09-src.tar.gz")
        XCTAssertThrowsError(try Rebuilder.rebuild(release: dir, registry: stubRegistry(StubBuilder())), containing: "no single source package")
    }
}
