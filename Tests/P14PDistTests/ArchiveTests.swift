// SPDX-License-Identifier: LGPL-2.1-only
//
// Reproducible tarballs through libarchive, read back by GNU tar; hostile
// or broken archives are refused with a message.

import XCTest
@testable import P14PDist

final class ArchiveTests: XCTestCase {
    func entries(reversed: Bool = false) -> [ArchiveEntry] {
        let list = [
            ArchiveEntry(path: "bin/tool", bytes: Array("#!/bin/sh\necho hi\n".utf8), executable: true),
            ArchiveEntry(path: "README", bytes: Array("read me\n".utf8)),
            ArchiveEntry(path: "docs/deep/notes.txt", bytes: Array(repeating: 0x41, count: 10_000)),
        ]
        return reversed ? list.reversed() : list
    }

    func testSameInputsGiveTheSameBytes() throws {
        let dir = try temporaryFolder("archive")
        try TarWriter.write(entries(), root: "pkg", to: dir + "/a.tar.gz", mtime: 1_285_027_200)
        sleep(1)  // a different wall clock must not matter
        try TarWriter.write(entries(reversed: true), root: "pkg", to: dir + "/b.tar.gz", mtime: 1_285_027_200)
        XCTAssertEqual(try readFileBytes(dir + "/a.tar.gz"), try readFileBytes(dir + "/b.tar.gz"))
        try TarWriter.write(entries(), root: "pkg", to: dir + "/c.tar.gz", mtime: 1_285_027_201)
        XCTAssertNotEqual(try readFileBytes(dir + "/a.tar.gz"), try readFileBytes(dir + "/c.tar.gz"))
    }

    func testGzipHeaderHasNoNameOrTimestamp() throws {
        let dir = try temporaryFolder("archive")
        try TarWriter.write(entries(), root: "pkg", to: dir + "/a.tar.gz", mtime: 1_285_027_200)
        let bytes = try readFileBytes(dir + "/a.tar.gz")
        XCTAssertEqual(Array(bytes[0..<3]), [0x1F, 0x8B, 0x08])
        XCTAssertEqual(bytes[3] & 0x08, 0, "FNAME flag set")
        XCTAssertEqual(Array(bytes[4..<8]), [0, 0, 0, 0], "gzip mtime set")
    }

    func testGNUTarExtractsWithFixedOwnersModesAndTimes() throws {
        let dir = try temporaryFolder("archive")
        try TarWriter.write(entries(), root: "pkg", to: dir + "/a.tar.gz", mtime: 1_285_027_200)
        let listing = try sh("tar --numeric-owner -tzvf a.tar.gz", in: dir)
        XCTAssertTrue(listing.succeeded, listing.stderr)
        let lines = listing.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.map { $0.split(separator: " ").last.map(String.init) ?? "" },
                       ["pkg/", "pkg/README", "pkg/bin/", "pkg/bin/tool", "pkg/docs/", "pkg/docs/deep/", "pkg/docs/deep/notes.txt"])
        for line in lines {
            XCTAssertTrue(line.contains(" 0/0 "), line)
            XCTAssertTrue(line.contains("2010-09-21 00:00"), line)
        }
        XCTAssertTrue(lines[3].hasPrefix("-rwxr-xr-x"), lines[3])
        XCTAssertTrue(lines[1].hasPrefix("-rw-r--r--"), lines[1])
        XCTAssertTrue(lines[0].hasPrefix("drwxr-xr-x"), lines[0])
        let extract = try sh("mkdir x && tar -xzf a.tar.gz -C x && cat x/pkg/README && x/pkg/bin/tool", in: dir)
        XCTAssertTrue(extract.succeeded, extract.stderr)
        XCTAssertEqual(extract.stdout, "read me\nhi\n")
        XCTAssertEqual(try readFileBytes(dir + "/x/pkg/docs/deep/notes.txt").count, 10_000)
    }

    func testReadBackWithContents() throws {
        let dir = try temporaryFolder("archive")
        try TarWriter.write(entries(), root: "pkg", to: dir + "/a.tar.gz", mtime: 0)
        let members = try TarReader.read(dir + "/a.tar.gz", wantContents: { $0 == "pkg/README" })
        XCTAssertEqual(members.first { $0.path == "pkg/README" }?.bytes, Array("read me\n".utf8))
        XCTAssertEqual(members.first { $0.path == "pkg/bin/tool" }?.mode, 0o755)
    }

    func testWriterRefusesPathsThatEscape() throws {
        let dir = try temporaryFolder("archive")
        for bad in ["../evil", "/etc/passwd", "a/../../b", "a//b", "./a"] {
            XCTAssertThrowsError(try TarWriter.write([ArchiveEntry(path: bad, bytes: [1])], root: "pkg", to: dir + "/x.tar.gz", mtime: 0),
                                 bad)
        }
        XCTAssertFalse(fileExists(dir + "/x.tar.gz"))
    }

    func testReaderRefusesHostileAndBrokenArchives() throws {
        let dir = try temporaryFolder("archive")
        // Made with Python's tarfile, which writes whatever it is told.
        let make = try sh("""
        python3 -c "
        import tarfile, io
        def mk(name, member, link=None):
            with tarfile.open(name, 'w:gz') as t:
                info = tarfile.TarInfo(member)
                if link:
                    info.type = tarfile.SYMTYPE; info.linkname = link
                    t.addfile(info)
                else:
                    info.size = 2; t.addfile(info, io.BytesIO(b'hi'))
        mk('dotdot.tar.gz', '../evil')
        mk('absolute.tar.gz', '/tmp/evil')
        mk('link.tar.gz', 'pkg/link', link='/etc/passwd')
        "
        """, in: dir)
        XCTAssertTrue(make.succeeded, make.stderr)
        XCTAssertThrowsError(try TarReader.read(dir + "/dotdot.tar.gz"), containing: "`..`")
        XCTAssertThrowsError(try TarReader.read(dir + "/absolute.tar.gz"), containing: "absolute path")
        XCTAssertThrowsError(try TarReader.read(dir + "/link.tar.gz"), containing: "only files and folders")

        try TarWriter.write(entries(), root: "pkg", to: dir + "/good.tar.gz", mtime: 0)
        let good = try readFileBytes(dir + "/good.tar.gz")
        try writeFileAtomically(dir + "/truncated.tar.gz", Array(good.prefix(good.count / 2)))
        XCTAssertThrowsError(try TarReader.read(dir + "/truncated.tar.gz", wantContents: { _ in true }))
        try writeFileAtomically(dir + "/garbage.tar.gz", Array("this is not an archive at all".utf8) + Array(repeating: 7, count: 600))
        XCTAssertThrowsError(try TarReader.read(dir + "/garbage.tar.gz"))
        XCTAssertThrowsError(try Inspector.inspect(dir + "/garbage.tar.gz"))
    }
}
