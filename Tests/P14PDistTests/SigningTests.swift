// SPDX-License-Identifier: LGPL-2.1-only
//
// Ed25519 keys and detached signatures, checked by the openssl command.

import XCTest
@testable import P14PDist

final class SigningTests: XCTestCase {
    func testKeygenWritesAPrivateKeyOnlyTheOwnerCanRead() throws {
        let dir = try temporaryFolder("keys")
        let paths = try KeyFiles.generate(privatePath: dir + "/release.key", force: false)
        XCTAssertEqual(paths.publicPath, dir + "/release.pub")
        let mode = (try FileManager.default.attributesOfItem(atPath: paths.privatePath)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(mode, 0o600)
        XCTAssertTrue(try readText(paths.privatePath).hasPrefix("-----BEGIN PRIVATE KEY-----"))
        XCTAssertTrue(try readText(paths.publicPath).hasPrefix("-----BEGIN PUBLIC KEY-----"))
        let check = try sh("openssl pkey -in release.key -noout -text | head -1", in: dir)
        XCTAssertTrue(check.stdout.contains("ED25519"), check.stdout + check.stderr)
    }

    func testKeygenNeverOverwritesWithoutForce() throws {
        let dir = try temporaryFolder("keys")
        try KeyFiles.generate(privatePath: dir + "/release.key", force: false)
        let before = try readFileBytes(dir + "/release.key")
        XCTAssertThrowsError(try KeyFiles.generate(privatePath: dir + "/release.key", force: false), containing: "--force")
        XCTAssertEqual(try readFileBytes(dir + "/release.key"), before)
        try KeyFiles.generate(privatePath: dir + "/release.key", force: true)
        XCTAssertNotEqual(try readFileBytes(dir + "/release.key"), before)
    }

    /// The fingerprint is the SHA-256 of the 32 raw bytes of the public key:
    /// the last 32 bytes of its DER form, as `openssl` and `sha256sum` give it.
    func testTheFingerprintIsTheSHA256OfTheRawPublicKey() throws {
        let dir = try temporaryFolder("fingerprint")
        let paths = try KeyFiles.generate(privatePath: dir + "/release.key", force: false)
        let fingerprint = try Ed25519Key.load(path: paths.publicPath, isPublic: true).fingerprint()
        XCTAssertEqual(try KeyFiles.loadSigningKey(path: paths.privatePath).fingerprint(), fingerprint)
        let r = try sh("openssl pkey -pubin -in '\(paths.publicPath)' -outform DER | tail -c 32 | sha256sum")
        XCTAssertEqual(String(r.stdout.prefix(64)), fingerprint.long)
        XCTAssertEqual(fingerprint.short, String(fingerprint.long.prefix(16)))
    }

    /// A release's SHA256SUMS.minisig is checked by minisign itself, with the
    /// kept key or release.minisign.pub; a changed SHA256SUMS fails it.
    func testTheMinisignSignatureIsCheckedByMinisign() throws {
        guard (try? sh("command -v minisign"))?.succeeded == true else { throw XCTSkip("minisign is not installed (make setup installs it)") }
        let repo = try makeFixtureRepository()
        let keys = try temporaryFolder("keys")
        try KeyFiles.generate(privatePath: keys + "/release.key", force: false)
        let fingerprint = try Ed25519Key.load(path: keys + "/release.pub", isPublic: true).fingerprint()
        let out = try temporaryFolder("out")
        try buildRelease(repo: repo, out: out, key: keys + "/release.key")
        let dir = out + "/pymite-09"
        for key in ["../keys/" + KeysFolder.minisignFileName(fingerprint), "../release.minisign.pub"] {
            let r = try sh("minisign -Vm SHA256SUMS -p '\(key)'", in: dir)
            XCTAssertTrue(r.succeeded, r.stdout + r.stderr)
            XCTAssertTrue(r.stdout.contains("p14p release 09 SHA256SUMS, key \(fingerprint.short)"), r.stdout)
        }
        try writeTextAtomically(dir + "/SHA256SUMS", try readText(dir + "/SHA256SUMS") + "\n")
        XCTAssertFalse(try sh("minisign -Vm SHA256SUMS -p ../release.minisign.pub", in: dir).succeeded)
    }

    func testSignatureIsVerifiedByTheOpenSSLCommand() throws {
        let dir = try temporaryFolder("keys")
        try KeyFiles.generate(privatePath: dir + "/release.key", force: false)
        let key = try Ed25519Key.load(path: dir + "/release.key", isPublic: false)
        let message = Array("0123  pymite-09-desktop.tar.gz\n".utf8)
        let signature = try key.sign(message)
        XCTAssertEqual(signature.count, 64)
        try writeFileAtomically(dir + "/SHA256SUMS", message)
        try writeFileAtomically(dir + "/SHA256SUMS.sig", signature)
        let verify = "openssl pkeyutl -verify -pubin -inkey release.pub -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig"
        let good = try sh(verify, in: dir)
        XCTAssertTrue(good.succeeded, good.stdout + good.stderr)
        XCTAssertTrue(good.stdout.contains("Signature Verified Successfully"))

        let pub = try Ed25519Key.load(path: dir + "/release.pub", isPublic: true)
        XCTAssertTrue(pub.verify(signature, of: message))
        var altered = signature
        altered[10] ^= 1
        XCTAssertFalse(pub.verify(altered, of: message))
        try writeFileAtomically(dir + "/SHA256SUMS.sig", altered)
        XCTAssertFalse(try sh(verify, in: dir).succeeded)
        XCTAssertThrowsError(try pub.sign(message))
    }

    func testNonKeysAreRefused() throws {
        XCTAssertThrowsError(try Ed25519Key.load(pem: Array("not a key".utf8), isPublic: true, name: "x.pub"), containing: "x.pub")
        let dir = try temporaryFolder("keys")
        _ = try sh("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec.key", in: dir)
        XCTAssertThrowsError(try Ed25519Key.load(path: dir + "/ec.key", isPublic: false), containing: "not an Ed25519 key")
    }
}
