// SPDX-License-Identifier: LGPL-2.1-only
//
// `verify` names every missing, altered or unlisted file and every bad
// signature; each test tampers with a fresh signed release.

import XCTest
@testable import P14PDist

final class VerifyTests: XCTestCase {
    var dir = "", publicKey = ""

    override func setUpWithError() throws {
        let repo = try makeFixtureRepository()
        let keys = try temporaryFolder("keys")
        try KeyFiles.generate(privatePath: keys + "/release.key", force: false)
        publicKey = keys + "/release.pub"
        let out = try temporaryFolder("out")
        try buildRelease(repo: repo, out: out, key: keys + "/release.key")
        dir = out + "/pymite-09"
    }

    func verify(_ path: String? = nil) throws -> VerifyReport { try Verifier.verify(path: path ?? dir, publicKey: publicKey) }

    func testAnUntouchedReleaseVerifies() throws {
        let report = try verify()
        XCTAssertTrue(report.ok, "\(report.problems)")
        XCTAssertEqual(report.checked, ["RELEASE-NOTES.html", "RELEASE-NOTES.md", "provenance.intoto.json", "pymite-09-desktop.tar.gz",
                                        "pymite-09-src.tar.gz"], "the notes and the provenance are listed in SHA256SUMS, so signed")
        XCTAssertTrue(try verify(dir + "/pymite-09-desktop.tar.gz").ok)
    }

    func testATamperedByteIsCaught() throws {
        var bytes = try readFileBytes(dir + "/pymite-09-desktop.tar.gz")
        bytes[bytes.count / 2] ^= 0x01
        try writeFileAtomically(dir + "/pymite-09-desktop.tar.gz", bytes)
        let report = try verify()
        XCTAssertEqual(report.problems.filter { $0.hasPrefix("pymite-09-desktop.tar.gz: ALTERED") }.count, 1, "\(report.problems)")
        XCTAssertTrue(report.problems.contains("MD5SUMS: pymite-09-desktop.tar.gz does not match"))
        XCTAssertFalse(try verify(dir + "/pymite-09-desktop.tar.gz").ok)
        XCTAssertTrue(try verify(dir + "/pymite-09-src.tar.gz").ok)
    }

    func testATamperedManifestLineBreaksTheSignature() throws {
        // Point SHA256SUMS at a replaced package: the digest matches the new file, the signature does not.
        try writeTextAtomically(dir + "/pymite-09-desktop.tar.gz", "evil")
        let evil = Digest.hex(.sha256, of: Array("evil".utf8))
        let text = try readText(dir + "/SHA256SUMS").split(separator: "\n").map {
            $0.hasSuffix("pymite-09-desktop.tar.gz") ? "\(evil)  pymite-09-desktop.tar.gz" : String($0)
        }.joined(separator: "\n") + "\n"
        try writeTextAtomically(dir + "/SHA256SUMS", text)
        let report = try verify()
        XCTAssertTrue(report.problems.contains { $0.hasPrefix("SHA256SUMS.sig: BAD signature") }, "\(report.problems)")
        XCTAssertFalse(report.problems.contains { $0.contains("ALTERED") })
        XCTAssertTrue(report.problems.contains("MD5SUMS: pymite-09-desktop.tar.gz does not match"))
    }

    func testATamperedSignatureIsCaught() throws {
        var signature = try readFileBytes(dir + "/SHA256SUMS.sig")
        signature[0] ^= 0x80
        try writeFileAtomically(dir + "/SHA256SUMS.sig", signature)
        XCTAssertTrue(try verify().problems.contains { $0.hasPrefix("SHA256SUMS.sig: BAD signature") })
        try FileManager.default.removeItem(atPath: dir + "/SHA256SUMS.sig")
        XCTAssertTrue(try verify().problems.contains { $0.hasPrefix("SHA256SUMS.sig: missing") })
    }

    func testAnotherKeyIsRefused() throws {
        let other = try temporaryFolder("other")
        try KeyFiles.generate(privatePath: other + "/other.key", force: false)
        let report = try Verifier.verify(path: dir, publicKey: other + "/other.pub")
        XCTAssertTrue(report.problems.contains { $0.hasPrefix("SHA256SUMS.sig: BAD signature") })
    }

    func testMissingAndUnlistedFilesAreNamed() throws {
        try FileManager.default.removeItem(atPath: dir + "/pymite-09-src.tar.gz")
        try writeTextAtomically(dir + "/pymite-09-extra.tar.gz", "sneaked in")
        let report = try verify()
        XCTAssertTrue(report.problems.contains("pymite-09-src.tar.gz: MISSING"), "\(report.problems)")
        XCTAssertTrue(report.problems.contains("pymite-09-extra.tar.gz: UNLISTED (not in SHA256SUMS)"), "\(report.problems)")
        XCTAssertTrue(try verify(dir + "/pymite-09-extra.tar.gz").problems.contains("pymite-09-extra.tar.gz: UNLISTED (not in SHA256SUMS)"))
    }

    /// The notes are signed like the packages: an edited page is caught.
    func testEditedNotesAreCaught() throws {
        try writeTextAtomically(dir + "/RELEASE-NOTES.md", try readText(dir + "/RELEASE-NOTES.md") + "\nDownload the fixed firmware from evil.example.\n")
        let report = try verify()
        XCTAssertTrue(report.problems.contains { $0.hasPrefix("RELEASE-NOTES.md: ALTERED") }, "\(report.problems)")
        XCTAssertTrue(report.problems.contains("MD5SUMS: RELEASE-NOTES.md does not match"), "\(report.problems)")
    }

    /// MD5SUMS is checked both ways: a line for a file SHA256SUMS does not list is named.
    func testAnExtraMD5SUMSLineIsNamed() throws {
        try writeTextAtomically(dir + "/MD5SUMS", try readText(dir + "/MD5SUMS") + "0123456789abcdef0123456789abcdef  pymite-09-ghost.tar.gz\n")
        let report = try verify()
        XCTAssertTrue(report.problems.contains("MD5SUMS: lists pymite-09-ghost.tar.gz, which SHA256SUMS does not (and no such file is here)"),
                      "\(report.problems)")
        XCTAssertFalse(try verify(dir + "/pymite-09-src.tar.gz").ok, "one package's check reads the same MD5SUMS")
    }

    /// A symbolic link in the release folder is never trusted, even one
    /// pointing at a file with the listed digest.
    func testASymbolicLinkIsNotAFile() throws {
        let elsewhere = try temporaryFolder("elsewhere") + "/src.tar.gz"
        try FileManager.default.moveItem(atPath: dir + "/pymite-09-src.tar.gz", toPath: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: dir + "/pymite-09-src.tar.gz", withDestinationPath: elsewhere)
        let report = try verify()
        XCTAssertTrue(report.problems.contains("pymite-09-src.tar.gz: NOT A FILE (a symbolic link or device; a release holds only files)"),
                      "\(report.problems)")
        XCTAssertTrue(report.problems.contains("pymite-09-src.tar.gz: MISSING"), "\(report.problems)")
        // Named alone, the link is followed to where it points, which has no SHA256SUMS: refused too.
        XCTAssertFalse((try? verify(dir + "/pymite-09-src.tar.gz"))?.ok ?? false)
    }

    func testATarballOfTheWholeReleaseVerifies() throws {
        let parent = (dir as NSString).deletingLastPathComponent
        let tarball = try temporaryFolder("whole") + "/release.tar.gz"
        let pack = try sh("tar -czf \(tarball) pymite-09", in: parent)
        XCTAssertTrue(pack.succeeded, pack.stderr)
        XCTAssertTrue(try verify(tarball).ok)
    }

    func testTheCommandLineExitsNonZeroOnTampering() throws {
        let tool = try XCTUnwrap(productExecutable("p14p-dist"))
        XCTAssertTrue(try runProcess(tool, ["verify", dir, "--key", publicKey]).succeeded)
        try writeTextAtomically(dir + "/pymite-09-extra.tar.gz", "sneaked in")
        let result = try runProcess(tool, ["verify", dir, "--key", publicKey])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("pymite-09-extra.tar.gz: UNLISTED"), result.stdout)
    }
}

/// An executable built beside the test bundle (same scratch path and configuration).
func productExecutable(_ name: String) -> String? {
    var dirs: [String] = []
    for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
        dirs.append(bundle.bundleURL.deletingLastPathComponent().path)
    }
    if let exe = Bundle.main.executableURL { dirs.append(exe.deletingLastPathComponent().path) }
    return dirs.map { $0 + "/" + name }.first { isExecutableFile($0) }
}
