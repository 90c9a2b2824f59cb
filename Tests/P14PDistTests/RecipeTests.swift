// SPDX-License-Identifier: LGPL-2.1-only
//
// Recipes: the repository's own load; each kind of mistake is reported with
// the file, the line and the field.

import XCTest
@testable import P14PDist

final class RecipeTests: XCTestCase {
    func testRepositoryRecipesLoad() throws {
        let book = try RecipeBook.load(root: repositoryRoot + "/recipes", displayBase: repositoryRoot)
        let expected = ["arduino_mega", "at91sam7s-ek", "avr", "darwin", "desktop", "desktop64", "econotag", "hifive1",
                        "lm3s6965evb", "mbed", "microbit", "mmb103", "mosync", "mps2-an385", "netduinoplus2", "pic24",
                        "posix64", "stm32", "teensy", "windows"]
        // New ports may add recipes; these must stay.
        XCTAssertTrue(Set(expected).isSubset(of: Set(book.boards.map(\.name))))
        XCTAssertEqual(Array(book.releases.map(\.number.description).prefix(8)), ["03", "04", "05", "06", "07", "08", "09", "0A"])
        XCTAssertEqual(book.release(ReleaseNumber("08")!)?.published?.md5, "13f07f28ef02b76b55face3be907e249")
        XCTAssertEqual(book.release(ReleaseNumber("03")!)?.date.pymiteStyle, "2006/09/17")

        // PyMite 09's figures for boards no port here will resize.
        let mega = try XCTUnwrap(book.board("arduino_mega"))
        XCTAssertEqual(mega.mcu, "ATmega1280")
        XCTAssertEqual(mega.memory.flash, 128 * 1024)
        XCTAssertEqual(mega.memory.ram, 8 * 1024)
        XCTAssertEqual(mega.memory.heap, 0x1D00)
        XCTAssertEqual(book.board("pic24")?.memory.heap, 6980)
        XCTAssertEqual(book.board("pic24")?.status, .unsupported)
        XCTAssertTrue(book.board("pic24")?.reason?.contains("LLVM") ?? false)
        XCTAssertTrue(book.board("avr")?.reason?.contains("AVR") ?? false)
        XCTAssertEqual(book.board("desktop")?.memory.heap, 4 << 20)  // p14p run's default heap
        XCTAssertEqual(book.board("stm32")?.emulator, .qemu(binary: "qemu-system-arm", machine: "netduino2", cpu: nil))
        XCTAssertEqual(book.board("hifive1")?.target, "riscv32-none-none-eabi")
        let desktop = try XCTUnwrap(book.board("desktop")).features
        XCTAssertEqual(desktop.enabled, ["float", "classes", "assert", "generators", "closures", "bytearray", "debug_info", "default_args", "long_int", "set", "format", "more_str_methods", "memoryview", "error_messages", "class_hooks", "special_methods"])
        for board in book.boards { XCTAssertTrue(board.features.brokenRules.isEmpty, board.name) }
    }

    func testEveryBoardIsBuiltOrSkippedWithAReason() throws {
        let book = try RecipeBook.load(root: repositoryRoot + "/recipes")
        var registry = BuilderRegistry()
        registry.register(DesktopBuilder())
        for board in book.boards {
            switch registry.plan(for: board) {
            case .build: XCTAssertEqual(board.builder, "desktop", board.name)
            case .skip(let reason): XCTAssertFalse(reason.isEmpty, board.name)
            }
        }
        XCTAssertNotNil(registry.plan(for: book.board("stm32")!).skipReason?.contains("embedded"))
    }

    func boardText(_ extra: String = "", features: String = "classes = true", top: String = "") -> String {
        """
        # SPDX-License-Identifier: LGPL-2.1-only
        name = "b"
        mcu = "M"
        status = "emulated"
        builder = "embedded"
        \(top)
        [memory]
        flash = "64K"
        ram = "16K"
        heap = 0x1000
        \(extra)
        [features]
        \(features)
        """
    }

    func board(_ text: String) throws -> BoardRecipe {
        try BoardRecipe(document: RecipeDocument(file: "recipes/boards/b.toml", text: text), expectedName: "b")
    }

    func assertRecipeError(_ text: String, line: Int?, field: String, message: String,
                           file: StaticString = #filePath, testLine: UInt = #line) {
        do {
            _ = try board(text)
            XCTFail("no error", file: file, line: testLine)
        } catch let error as RecipeError {
            XCTAssertEqual(error.file, "recipes/boards/b.toml", file: file, line: testLine)
            XCTAssertEqual(error.line, line, "\(error)", file: file, line: testLine)
            XCTAssertEqual(error.field, field, "\(error)", file: file, line: testLine)
            XCTAssertTrue(error.message.contains(message), "\(error)", file: file, line: testLine)
            XCTAssertTrue(error.description.hasPrefix("recipes/boards/b.toml:"), error.description, file: file, line: testLine)
        } catch {
            XCTFail("unexpected \(error)", file: file, line: testLine)
        }
    }

    func testGoodBoard() throws {
        let b = try board(boardText())
        XCTAssertEqual(b.memory.heap, 0x1000)
        XCTAssertEqual(b.memory.flash, 65536)
        XCTAssertTrue(b.features.classes)
        XCTAssertEqual(b.emulator, .none(reason: nil))
    }

    func testFeatureRulesAreEnforcedWithTheLine() {
        for feature in ["assert", "generators", "bytearray"] {
            assertRecipeError(boardText(features: "classes = false\n\(feature) = true"), line: 14,
                              field: "features.\(feature)", message: "\(feature) needs classes")
        }
        assertRecipeError(boardText(features: "default_args = false\nclosures = true"), line: 14,
                          field: "features.closures", message: "closures needs default_args")
        XCTAssertNoThrow(try board(boardText(features: "classes = true\nassert = true\ngenerators = true\nbytearray = true")))
    }

    func testSyntaxErrorHasTheLine() {
        assertRecipeError(boardText("oops = = 3"), line: 11, field: "", message: "TOML syntax")
    }

    func testUnknownAndMistypedFields() {
        assertRecipeError(boardText("hepa = 3"), line: 11, field: "memory.hepa", message: "unknown field")
        assertRecipeError(boardText(top: "colour = \"red\""), line: 6, field: "colour", message: "unknown field")
        assertRecipeError(boardText(features: "classes = 1"), line: 13, field: "features.classes", message: "true or false")
        assertRecipeError(boardText(top: "reason = 12"), line: 6, field: "reason", message: "must be a string")
    }

    func testMissingFieldPointsAtItsTable() {
        let text = boardText().replacingOccurrences(of: "heap = 0x1000", with: "")
        assertRecipeError(text, line: 7, field: "memory.heap", message: "missing")
        assertRecipeError(boardText().replacingOccurrences(of: "mcu = \"M\"", with: ""), line: nil, field: "mcu", message: "missing")
    }

    func testStatusRules() {
        let unsupported = boardText().replacingOccurrences(of: "status = \"emulated\"", with: "status = \"unsupported\"")
        assertRecipeError(unsupported, line: nil, field: "reason", message: "must say why")
        assertRecipeError(boardText().replacingOccurrences(of: "emulated", with: "maybe"), line: 4, field: "status",
                          message: "not one of")
        assertRecipeError(boardText().replacingOccurrences(of: "heap = 0x1000", with: "heap = \"32K\""), line: 10,
                          field: "memory.heap", message: "does not fit")
        assertRecipeError(boardText().replacingOccurrences(of: "name = \"b\"", with: "name = \"c\""), line: 2, field: "name",
                          message: "must agree")
    }

    func testReleaseNumbersAreTwoHexDigits() {
        XCTAssertEqual(ReleaseNumber("09")?.next?.description, "0A")
        XCTAssertEqual(ReleaseNumber("0A")?.next?.description, "0B")
        XCTAssertEqual(ReleaseNumber("0F")?.next?.description, "10")
        XCTAssertLessThan(ReleaseNumber("09")!, ReleaseNumber("0A")!)
        XCTAssertLessThan(ReleaseNumber("0A")!, ReleaseNumber("10")!)
        XCTAssertNil(ReleaseNumber("0G"))
        XCTAssertNil(ReleaseNumber("9"))
        XCTAssertNil(ReleaseNumber("009"))
    }

    func releaseError(_ number: String, file: String, date: String = "2010-09-21") -> RecipeError? {
        let text = "# SPDX-License-Identifier: LGPL-2.1-only\nnumber = \"\(number)\"\ndate = \(date)\nboards = [\"desktop\"]\n"
        do {
            _ = try ReleaseRecipe(document: RecipeDocument(file: "recipes/releases/\(file).toml", text: text), expectedNumber: file)
            return nil
        } catch { return error }
    }

    func testReleaseRecipeErrors() {
        XCTAssertNil(releaseError("0A", file: "0A"))
        XCTAssertEqual(releaseError("0G", file: "0G")?.field, "number")
        XCTAssertEqual(releaseError("0G", file: "0G")?.line, 2)
        XCTAssertTrue(releaseError("0a", file: "0a")?.message.contains("upper case") ?? false)
        XCTAssertTrue(releaseError("0A", file: "0B")?.message.contains("must agree") ?? false)
        XCTAssertEqual(releaseError("0A", file: "0A", date: "\"someday\"")?.field, "date")
        XCTAssertEqual(releaseError("0A", file: "0A", date: "\"someday\"")?.line, 3)
    }

    func testReleasesMustIncreaseWithTheirDates() throws {
        let repo = try makeFixtureRepository()
        let path = repo + "/recipes/releases/0A.toml"
        try writeTextAtomically(path, try readText(path).replacingOccurrences(of: "date = 2010-12-17", with: "date = 2010-01-01"))
        XCTAssertThrowsError(try RecipeBook.load(root: repo + "/recipes", displayBase: repo)) { error in
            let e = error as? RecipeError
            XCTAssertEqual(e?.file, "recipes/releases/0A.toml")
            XCTAssertEqual(e?.field, "date")
            XCTAssertEqual(e?.line, 7)
            XCTAssertTrue(e?.message.contains("not after release 09") ?? false, "\(error)")
        }
    }

    func testAReleaseNamingAnUnknownBoardIsRefused() throws {
        let repo = try makeFixtureRepository()
        let path = repo + "/recipes/releases/09.toml"
        try writeTextAtomically(path, try readText(path).replacingOccurrences(of: "\"stm32\",", with: "\"stm33\","))
        XCTAssertThrowsError(try RecipeBook.load(root: repo + "/recipes", displayBase: repo), containing: "recipes/releases/09.toml:8: boards: no recipe for board \"stm33\"")
    }

    /// toml++ inside TOMLKit aborts on a table header whose key starts with a
    /// character no key can start with, and on a `}` in an array (found by
    /// fuzz-recipe): refused first.
    func testATableHeaderWithoutAKeyIsASyntaxError() throws {
        for text in ["[#]", "a = 1\n[ .a]", "[[ =]]", "x = 2\n\n[\u{e9}]", "\u{FEFF}[.N", "\u{3000}[\u{A0}#"] {
            XCTAssertThrowsError(try RecipeDocument(file: "b.toml", text: text)) {
                XCTAssertTrue("\($0)".contains("a table header must start with a key"), "\($0)")
            }
        }
        XCTAssertThrowsError(try RecipeDocument(file: "b.toml", text: "a = 1\n\n[ #]")) { XCTAssertEqual(($0 as? RecipeError)?.line, 3) }
        for text in ["x = [}]", "x = [1,\n}]", "x = {a=[[}]]}"] {
            XCTAssertThrowsError(try RecipeDocument(file: "b.toml", text: text)) {
                XCTAssertTrue("\($0)".contains("'}' inside an array"), "\($0)")
            }
        }
        for text in ["date = 2006-12-14 2\n", "d = [2006-12-14 2]\n", "d = 2006-12-14 2#"] {
            XCTAssertThrowsError(try RecipeDocument(file: "b.toml", text: text)) {
                XCTAssertTrue("\($0)".contains("a date followed by a lone digit"), "\($0)")
            }
        }
        for text in ["date = 2009-04-20tifier\n", "d = 2009-04-20T x\n", "d = [2009-04-20T]", "d = 2009-04-20t:"] {
            XCTAssertThrowsError(try RecipeDocument(file: "b.toml", text: text)) {
                XCTAssertTrue("\($0)".contains("a date-time is written"), "\($0)")
            }
        }
        XCTAssertNoThrow(try RecipeDocument(file: "d.toml", text: "d = 2006-12-14 07:32:00\ne = 2006-12-14\nf = 2009-04-20T07:32:00Z\n"))
        // Brackets inside values, strings and comments are not headers.
        let fine = "a = [\n  [1],\n  [\"#}\"], {x = [1]},\n]\nb = \"\"\"\n[#\n\"\"\"\n# [#\nc = '[#'\n[t]\n[[u]]\n[ \"q\" ]\n"
        let doc = try RecipeDocument(file: "fine.toml", text: fine)
        XCTAssertTrue(doc.has("t"))
        XCTAssertTrue(doc.has("c"))
    }
}
