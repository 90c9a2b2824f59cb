// SPDX-License-Identifier: LGPL-2.1-only
//
// One size parser for `p14p run --heap` and the recipes: the same figure
// written in any unit gets the same answer, and a size the VM heap cannot
// hold, garbage and overflow are refused with the reason.

import PyMiteHost
import XCTest
@testable import P14PDist

final class ByteSizeTests: XCTestCase {
    func testUnitsAgree() throws {
        for text in ["1073741824", "1048576K", "1048576KiB", "1024M", "1024mb", "1G", "1g", "1GiB", "1GB", " 1G ", "0x40000000"] {
            XCTAssertEqual(try ByteSize.parse(text), 1 << 30, text)
        }
        XCTAssertEqual(try ByteSize.parse("64K"), 65536)
        XCTAssertEqual(try ByteSize.parse("0x2000"), 0x2000)
        XCTAssertEqual(try ByteSize.parseHeap("1G"), 1 << 30)
        XCTAssertEqual(try ByteSize.parseHeap("\(ByteSize.vmHeapMaximum)"), ByteSize.vmHeapMaximum)
    }

    func testTheVMHeapLimitIsStated() {
        for text in ["4194304K", "2G", "4G", "2147483584"] {
            XCTAssertThrowsError(try ByteSize.parseHeap(text), text) { error in
                XCTAssertTrue("\(error)".contains("more than the maximum of \(ByteSize.vmHeapMaximum) bytes"), "\(error)")
            }
        }
        XCTAssertThrowsError(try ByteSize.parseHeap("1000")) { XCTAssertTrue("\($0)".contains("minimum of 1024 bytes"), "\($0)") }
    }

    func testGarbageAndOverflowAreRefused() {
        for text in ["", "lots", "K", "1.5M", "-1", "1T", "12 K", "0x", "0xG", "1e6", "１２"] {
            XCTAssertEqual(try? ByteSize.parse(text), nil, text)
            XCTAssertThrowsError(try ByteSize.parse(text)) { XCTAssertTrue("\($0)".contains("is not a size"), "\(text): \($0)") }
        }
        for text in ["99999999999999999999", "9223372036854775807K", "0xFFFFFFFFFFFFFFFFF", "9000000000G"] {
            XCTAssertThrowsError(try ByteSize.parse(text)) { XCTAssertTrue("\($0)".contains("more than the maximum"), "\(text): \($0)") }
        }
        XCTAssertThrowsError(try ByteSize.parse("0")) { XCTAssertTrue("\($0)".contains("less than the minimum"), "\($0)") }
    }

    /// p14p run's default heap is one constant, in bytes and as its --heap text,
    /// and the desktop recipe (PyMite's heap figure for the host) says the same.
    func testTheDefaultHeapIsOneFigure() throws {
        XCTAssertEqual(try ByteSize.parseHeap(ByteSize.vmHeapDefaultText), ByteSize.vmHeapDefault)
        let desktop = try RecipeBook.load(root: repositoryRoot + "/recipes").board("desktop")
        XCTAssertEqual(desktop?.memory.heap, ByteSize.vmHeapDefault)
    }

    func testRecipesReadSizesWithTheSameParser() throws {
        let text = try readText(repositoryRoot + "/recipes/boards/desktop.toml")
        XCTAssertTrue(text.contains("heap = \"4M\""), "the desktop recipe changed; update this test")
        func board(heap: String) throws -> BoardRecipe {
            let changed = text.replacingOccurrences(of: "heap = \"4M\"", with: "heap = \"\(heap)\"")
            return try BoardRecipe(document: RecipeDocument(file: "recipes/boards/desktop.toml", text: changed), expectedName: "desktop")
        }
        XCTAssertEqual(try board(heap: "8k").memory.heap, 0x2000)
        XCTAssertThrowsError(try board(heap: "8Q"), containing: "\"8Q\" is not a size")
    }

    func testTheCommandLineRefusesWhatTheHeapCannotHold() throws {
        let p14p = try XCTUnwrap(productExecutable("p14p"))
        let dir = try temporaryFolder("heap")
        try writeTextAtomically(dir + "/app.py", "print('ran')\n")
        for (heap, message) in [("4194304K", "maximum of \(ByteSize.vmHeapMaximum) bytes"), ("3G", "maximum of"),
                                ("lots", "is not a size"), ("99999999999999999999G", "maximum of"), ("512", "minimum of 1024")] {
            let r = try runProcess(p14p, ["run", "--heap", heap, "app.py"], in: dir)
            XCTAssertNotEqual(r.status, 0, heap)
            XCTAssertTrue(r.stderr.contains("--heap") && r.stderr.contains(message), "\(heap): \(r.stderr)")
            XCTAssertEqual(r.stdout, "", heap)
        }
        let ok = try runProcess(p14p, ["run", "--heap", "0x100000", "app.py"], in: dir)
        XCTAssertEqual(ok.stdout, "ran\n", ok.stderr)
    }
}
