// SPDX-License-Identifier: LGPL-2.1-only
//
// MD5SUMS and SHA256SUMS as the coreutils checkers read them.

import XCTest
@testable import P14PDist

final class ChecksumTests: XCTestCase {
    func testDigestsMatchKnownValues() {
        XCTAssertEqual(Digest.hex(.md5, of: Array("abc".utf8)), "900150983cd24fb0d6963f7d28e17f72")
        XCTAssertEqual(Digest.hex(.sha256, of: Array("abc".utf8)),
                       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testManifestsAreAcceptedByCoreutils() throws {
        let dir = try temporaryFolder("sums")
        try writeTextAtomically(dir + "/pymite-09-desktop.tar.gz", "one")
        try writeTextAtomically(dir + "/pymite-09-src.tar.gz", "two")
        let files = ["pymite-09-src.tar.gz", "pymite-09-desktop.tar.gz"]
        let md5 = try ChecksumManifest.make(.md5, directory: dir, files: files)
        let sha = try ChecksumManifest.make(.sha256, directory: dir, files: files)
        XCTAssertEqual(md5.entries.map(\.name), ["pymite-09-desktop.tar.gz", "pymite-09-src.tar.gz"])
        try writeTextAtomically(dir + "/MD5SUMS", md5.text)
        try writeTextAtomically(dir + "/SHA256SUMS", sha.text)
        let check = try sh("md5sum -c --strict MD5SUMS && sha256sum -c --strict SHA256SUMS", in: dir)
        XCTAssertTrue(check.succeeded, check.stdout + check.stderr)
        XCTAssertEqual(try ChecksumManifest.parse(sha.text, algorithm: .sha256, fileName: "SHA256SUMS"), sha)
        let coreutils = try sh("sha256sum pymite-09-desktop.tar.gz pymite-09-src.tar.gz", in: dir)
        XCTAssertEqual(coreutils.stdout, sha.text)
    }

    func testMalformedManifestLinesAreNamed() {
        let good = String(repeating: "a", count: 64)
        XCTAssertThrowsError(try ChecksumManifest.parse("\(good)  ok\nnonsense\n", algorithm: .sha256, fileName: "SHA256SUMS"),
                             containing: "SHA256SUMS:2:")
        XCTAssertThrowsError(try ChecksumManifest.parse("\(good)  ../up\n", algorithm: .sha256, fileName: "SHA256SUMS"),
                             containing: "`..`")
        XCTAssertThrowsError(try ChecksumManifest.parse("\(good)  a\n\(good)  a\n", algorithm: .sha256, fileName: "SHA256SUMS"),
                             containing: "listed twice")
    }
}
