// SPDX-License-Identifier: LGPL-2.1-only
//
// `verify` and `inspect` on archives made to hurt: headers declaring more
// than the file holds, more bytes or entries than the limits, duplicate
// names, names that are terminal escape codes. Each is refused quickly with
// a message, streamed without holding members, and printed escaped.

import PyMiteHost
import XCTest
@testable import P14PDist

final class HostileArchiveTests: XCTestCase {
    var dir = ""

    override func setUpWithError() throws {
        dir = try temporaryFolder("hostile")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Runs a Python script in `dir` (tarfile writes whatever it is told).
    func python(_ script: String) throws {
        try writeTextAtomically(dir + "/make.py", "import tarfile, io, gzip\n" + script)
        let r = try sh("python3 make.py", in: dir)
        XCTAssertTrue(r.succeeded, r.stderr)
    }

    /// Peak resident memory of this process so far, in bytes.
    func peakMemory() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    func testTheLimitsAreTheDocumentedOnes() throws {
        XCTAssertEqual(ArchiveLimits.standard.totalBytes, 512 << 20)
        XCTAssertEqual(ArchiveLimits.standard.members, 10_000)
        let readme = try readText(repositoryRoot + "/README.md")
        XCTAssertTrue(readme.contains("512 MiB") && readme.contains("10,000 entries"), "README does not state the limits")
    }

    func testAHeaderDeclaringMoreThanTheFileHoldsIsRefusedWithoutAllocating() throws {
        // A 512-byte header saying 500 MB, and nothing after it: about 90 bytes gzipped.
        try python("""
        info = tarfile.TarInfo('pkg/huge.bin'); info.size = 500_000_000
        with gzip.open('declared.tar.gz', 'wb') as f: f.write(info.tobuf(format=tarfile.GNU_FORMAT))
        """)
        XCTAssertLessThan(fileSize(dir + "/declared.tar.gz"), 200)
        let before = peakMemory()
        XCTAssertThrowsError(try Inspector.inspect(dir + "/declared.tar.gz"), containing: "pkg/huge.bin")
        XCTAssertThrowsError(try ArchivedRelease.read(dir + "/declared.tar.gz", limits: .standard), containing: "pkg/huge.bin")
        XCTAssertThrowsError(try TarReader.read(dir + "/declared.tar.gz", wantContents: { _ in true }),
                             containing: "is 500000000 bytes; at most 1048576 are read whole")
        XCTAssertLessThan(peakMemory() - before, 100 << 20, "memory was allocated for the declared size")
    }

    func testTheTotalSizeCapStopsAnArchive() throws {
        // Five 64 KiB files against a 200 KiB cap: the fourth is refused by its header, before it is read.
        try python("""
        with tarfile.open('zeros.tar.gz', 'w:gz') as t:
            for i in range(5):
                info = tarfile.TarInfo('pkg/zero%d' % i); info.size = 65536
                t.addfile(info, io.BytesIO(bytes(65536)))
        """)
        let small = ArchiveLimits(totalBytes: 200 << 10)
        let message = "takes the archive past 204800 bytes unpacked"
        XCTAssertThrowsError(try TarReader.forEachMember(dir + "/zeros.tar.gz", limits: small) { _, _ in }, containing: message)
        XCTAssertThrowsError(try Inspector.inspect(dir + "/zeros.tar.gz", limits: small), containing: "pkg/zero3")
        let key = try temporaryFolder("keys")
        try KeyFiles.generate(privatePath: key + "/k.key", force: false)
        XCTAssertThrowsError(try Verifier.verify(path: dir + "/zeros.tar.gz", publicKey: key + "/k.pub", limits: small), containing: message)
        // Under the standard limits it is read (and has nothing to verify against).
        XCTAssertNoThrow(try TarReader.forEachMember(dir + "/zeros.tar.gz") { _, contents in try contents.chunks { _ in } })
    }

    func testTheMemberCountCapStopsAnArchive() throws {
        try python("""
        with tarfile.open('many.tar.gz', 'w:gz') as t:
            for i in range(6):
                info = tarfile.TarInfo('pkg/f%d' % i); info.size = 1
                t.addfile(info, io.BytesIO(b'x'))
        """)
        XCTAssertThrowsError(try TarReader.read(dir + "/many.tar.gz", limits: ArchiveLimits(members: 5)), containing: "more than 5 entries")
        XCTAssertEqual(try TarReader.read(dir + "/many.tar.gz", limits: ArchiveLimits(members: 6)).count, 6)
    }

    func testDuplicateEntriesAreRefused() throws {
        try python("""
        with tarfile.open('twice.tar.gz', 'w:gz') as t:
            for data in (b'good', b'evil'):
                info = tarfile.TarInfo('pkg/SHA256SUMS'); info.size = 4
                t.addfile(info, io.BytesIO(data))
        with tarfile.open('dirfile.tar.gz', 'w:gz') as t:
            info = tarfile.TarInfo('pkg/a'); info.type = tarfile.DIRTYPE; t.addfile(info)
            info = tarfile.TarInfo('pkg/a'); info.size = 1; t.addfile(info, io.BytesIO(b'x'))
        """)
        for name in ["twice", "dirfile"] {
            XCTAssertThrowsError(try TarReader.read(dir + "/\(name).tar.gz"), containing: "already has an entry of that name")
            XCTAssertThrowsError(try Inspector.inspect(dir + "/\(name).tar.gz"), containing: "already has an entry of that name")
        }
    }

    func testStampsAreFoundAcrossChunks() throws {
        let stamp = FirmwareStamp(release: "09", date: "2010-09-21", license: "LGPL-2.1-only")
        let bytes = Array(repeating: UInt8(7), count: 100_000) + Array(stamp.block.utf8) + Array("<<P14P-METADATA junk".utf8)
            + Array(repeating: 0, count: 5000) + Array(stamp.block.utf8)
        for chunk in [1, 7, 100, 65536, bytes.count] {
            var scanner = StampScanner()
            var i = 0
            while i < bytes.count {
                bytes[i..<min(i + chunk, bytes.count)].withUnsafeBytes { scanner.feed($0) }
                i += chunk
            }
            XCTAssertEqual(scanner.stamps, [stamp, stamp], "chunks of \(chunk)")
        }
        XCTAssertEqual(FirmwareStamp.find(in: bytes), [stamp, stamp])
    }

    func testNamesArePrintedEscaped() throws {
        XCTAssertEqual("a\u{1b}[31mred\nline\t\\x\u{7f}\u{9b}\u{202e}é".terminalSafe, "a\\x1b[31mred\\nline\\t\\\\x\\x7f\\u{9b}\\u{202e}é")

        // A signed release, tarred with an extra file whose name is an escape code and a forged line.
        let repo = try makeFixtureRepository()
        let keys = try temporaryFolder("keys")
        try KeyFiles.generate(privatePath: keys + "/release.key", force: false)
        let out = try temporaryFolder("out")
        try buildRelease(repo: repo, out: out, key: keys + "/release.key")
        try python("""
        import os
        with tarfile.open('release.tar.gz', 'w:gz') as t:
            t.add('\(out)/pymite-09', arcname='pymite-09')
            evil = 'pymite-09/\\x1b[2J\\x1b]0;owned\\x07x\\npymite-09-src.tar.gz: OK'
            info = tarfile.TarInfo(evil); info.size = 1
            t.addfile(info, io.BytesIO(b'x'))
        with tarfile.open('link.tar.gz', 'w:gz') as t:
            info = tarfile.TarInfo('pkg/\\x1b[31mlink'); info.type = tarfile.SYMTYPE; info.linkname = '/etc/passwd'
            t.addfile(info)
        """)
        let tool = try XCTUnwrap(productExecutable("p14p-dist"))
        let verify = try runProcess(tool, ["verify", dir + "/release.tar.gz", "--key", keys + "/release.pub"])
        XCTAssertEqual(verify.status, 1)
        XCTAssertTrue(verify.stdout.contains("\\x1b[2J\\x1b]0;owned\\x07x\\npymite-09-src.tar.gz: OK: UNLISTED"), verify.stdout)
        XCTAssertFalse((verify.stdout + verify.stderr).contains("\u{1b}"), "a raw escape code was printed")
        XCTAssertEqual(verify.stdout.split(separator: "\n").filter { $0 == "pymite-09-src.tar.gz: OK" }.count, 1, verify.stdout)

        let inspect = try runProcess(tool, ["inspect", dir + "/link.tar.gz"])
        XCTAssertEqual(inspect.status, 1)
        XCTAssertTrue(inspect.stderr.contains("pkg/\\x1b[31mlink"), inspect.stderr)
        XCTAssertFalse(inspect.stderr.contains("\u{1b}"), inspect.stderr)
    }

    func testATarballIsVerifiedByStreamingWithNothingUnpacked() throws {
        let repo = try makeFixtureRepository()
        let keys = try temporaryFolder("keys")
        try KeyFiles.generate(privatePath: keys + "/release.key", force: false)
        let out = try temporaryFolder("out")
        try buildRelease(repo: repo, out: out, key: keys + "/release.key")
        let pack = try sh("tar -czf \(dir)/good.tar.gz pymite-09 && echo tampered >> pymite-09/pymite-09-src.tar.gz && tar -czf \(dir)/bad.tar.gz pymite-09", in: out)
        XCTAssertTrue(pack.succeeded, pack.stderr)
        // TMPDIR of its own: verify must leave nothing there (it used to unpack into a temporary folder).
        let tmp = try temporaryFolder("tmpdir")
        let tool = try XCTUnwrap(productExecutable("p14p-dist"))
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = tmp
        let good = try runProcess(tool, ["verify", dir + "/good.tar.gz", "--key", keys + "/release.pub"], environment: environment)
        XCTAssertEqual(good.status, 0, good.stdout + good.stderr)
        XCTAssertTrue(good.stdout.contains("pymite-09-src.tar.gz: OK"), good.stdout)
        let bad = try runProcess(tool, ["verify", dir + "/bad.tar.gz", "--key", keys + "/release.pub"], environment: environment)
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stdout.contains("pymite-09-src.tar.gz: ALTERED"), bad.stdout)
        XCTAssertTrue(bad.stdout.contains("MD5SUMS: pymite-09-src.tar.gz does not match"), bad.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: tmp), [])
    }
}
