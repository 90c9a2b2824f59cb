// SPDX-License-Identifier: LGPL-2.1-only
//
// The size check's RAM estimate (`SizeReport.check`: the loaded code
// counted from the image, the runtime reserve) against the micro:bit
// itself under QEMU, its 16 KiB the tightest of the boards: what the check
// lets on runs there without the firmware runtime running out of memory,
// and what it refuses is refused naming RAM and the loaded code; natives
// calling Python nest as deep as its C stack allows. Three QEMU runs;
// skipped without qemu-system-arm. Builds the micro:bit alone (not every
// board, as BoardRunTests does).

import Foundation
import P14PFirmware
import PyMiteCompiler
import PyMiteVM
import XCTest

final class RAMCheckTests: XCTestCase {
    private static var prepared: (firmware: PreparedFirmware, board: FirmwareBoard, emulator: P14PFirmware.Emulator)?

    private func microbit() throws -> (firmware: PreparedFirmware, board: FirmwareBoard, emulator: P14PFirmware.Emulator) {
        if let p = Self.prepared { return p }
        let (board, emulator) = try BoardFixtures.spec("microbit")
        if let why = emulator.unavailableReason { throw XCTSkip(why) }
        let firmware = try FirmwareBuilder(board: board, repositoryRoot: BoardFixtures.root, log: { print($0) }).prepare()
        Self.prepared = (firmware, board, emulator)
        return (firmware, board, emulator)
    }

    private func run(_ image: [UInt8], _ fixture: (firmware: PreparedFirmware, board: FirmwareBoard, emulator: P14PFirmware.Emulator))
        throws -> (status: Int32?, output: String) {
        let r = try FirmwareRun.run(fixture.firmware, image: image, argv: ["main.py"], emulator: fixture.emulator, timeout: 60)
        return (r.status, String(decoding: r.stdout, as: UTF8.self))
    }

    /// The program that stopped the micro:bit and HiFive1 while it loaded
    /// (`p14p: out of memory in the firmware runtime`) although the check
    /// had let it on: its tuple constants of 21, 7 and 9 strings were
    /// copied into Swift arrays on the way to the heap (1.8 KB the check did
    /// not count). It runs to its end, as the host runs it with the
    /// board's switches.
    func testTheProgramThatRanTheBoardOutOfRAMRuns() throws {
        let fixture = try microbit()
        let path = BoardFixtures.root + "/Tests/board_programs/constant_tuples_and_classes.py"
        let image = try BoardFixtures.image(path)
        XCTAssertNoThrow(try fixture.firmware.sizes.check(image: image), "the check refuses it")
        let board = try run(image, fixture)
        XCTAssertFalse(board.output.contains("out of memory"), board.output)
        let host = try HostRun.run(program: path, args: [], board: fixture.board, roomy: true)
        XCTAssertEqual(host.status, 0, host.output)
        XCTAssertEqual(board.status, host.status, board.output)
        // The board was given the program by its full path; the host by its name.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path + "/"
        XCTAssertEqual(board.output.replacingOccurrences(of: folder, with: ""), host.output)
    }

    /// Natives that run Python code (list(), sum(), sorted() with a key,
    /// print() of an object with __str__), nested two deep, run within the
    /// micro:bit's 4.25 KiB C stack (2 KiB of it kept below the check), and
    /// deeper nesting ends in a RecursionError the program catches, as on the
    /// host with the board's recursion limit: the check stops it, not a fault.
    func testNativesCallingPythonNestWithinTheCStack() throws {
        let fixture = try microbit()
        let path = BoardFixtures.root + "/Tests/board_programs/nested_native_calls.py"
        let board = try run(try BoardFixtures.image(path), fixture)
        let host = try HostRun.run(program: path, args: [], board: fixture.board)
        XCTAssertEqual(host.status, 0, host.output)
        XCTAssertEqual(board.status, host.status, board.output)
        XCTAssertEqual(board.output, host.output)
        XCTAssertTrue(board.output.hasSuffix("RecursionError\nend\n"), board.output)
    }

    /// Code objects by the dozen (functions defined in a function never
    /// called: 20 bytes each in the Swift runtime, next to nothing in the
    /// heap): the most the check lets on runs on the board, and one more is
    /// refused with the RAM it needs, what takes it and how to make room.
    func testTheMostCodeTheCheckLetsOnRuns() throws {
        let fixture = try microbit()
        func image(_ functions: Int) throws -> [UInt8] {
            let source = "def unused():\n    pass\n" + (0..<functions).map { "    def f\($0)(a):\n        return a + \($0)\n" }.joined()
                + "print('ran', \(functions))\n"
            return ImageFormat.encode(try Compiler.compile(source: source, filename: "main.py", moduleName: "__main__"))
        }
        func fits(_ functions: Int) throws -> Bool {
            do {
                try fixture.firmware.sizes.check(image: try image(functions))
                return true
            } catch FirmwareError.doesNotFit {
                return false
            }
        }
        XCTAssertTrue(try fits(0), "an empty program does not fit the micro:bit")
        var most = 0
        while most < 1000, try fits(most + 1) { most += 1 }
        XCTAssertLessThan(most, 1000, "the check lets any number of code objects on")
        print("microbit: the check lets on \(most) functions (\(try SizeReport.loadedCodeBytes(image: try image(most))) bytes of loaded code)")
        let board = try run(try image(most), fixture)
        XCTAssertEqual(board.status, 0, board.output)
        XCTAssertEqual(board.output, "ran \(most)\n")

        XCTAssertThrowsError(try fixture.firmware.sizes.check(image: try image(most + 1))) { error in
            let text = "\(error)"
            guard case FirmwareError.doesNotFit(_, let memory, let needed, let available, _) = error else {
                return XCTFail("not a doesNotFit: \(text)")
            }
            XCTAssertEqual(memory, "RAM")
            XCTAssertEqual(available, 16 * 1024)
            XCTAssertTrue(text.contains("over by \(needed - available) bytes"), text)
            XCTAssertTrue(text.contains("loaded code"), text)
            XCTAssertTrue(text.contains("a smaller program, or a board with more RAM, fits"), text)
        }
    }
}
