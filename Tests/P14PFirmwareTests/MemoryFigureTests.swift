// SPDX-License-Identifier: LGPL-2.1-only
//
// The measurement behind docs/firmware.md's RAM figures, run by hand:
//   P14P_MEASURE=microbit@mps2-an385 swift test --filter MemoryFigureTests
// It builds the board with the allocator's peak, the C stack's depth and the
// depth of the deepest nested-run check passed reported at exit (the stack
// below that check is what runtime.c's P14P_STACK_MARGIN must cover) and
// prints them, with the image size, for every corpus program.
// P14P_MEASURE_HEAP, P14P_MEASURE_STACK_SLOTS and P14P_MEASURE_C_STACK override the recipe's;
// P14P_MEASURE_PROGRAMS (comma-separated .py paths) replaces the corpus; P14P_MEASURE_UNCHECKED=1
// runs the programs the size check refuses.

import Foundation
import P14PFirmware
import XCTest

final class MemoryFigureTests: XCTestCase {
    func testMeasure() throws {
        let env = ProcessInfo.processInfo.environment
        guard let name = env["P14P_MEASURE"] else { throw XCTSkip("set P14P_MEASURE=<board> to measure") }
        var (board, emulator) = try BoardFixtures.spec(name)
        board.reportMemory = true
        board.name += "-measure"
        if let heap = env["P14P_MEASURE_HEAP"].flatMap(Int.init) { board.heapSize = heap }
        if let slots = env["P14P_MEASURE_STACK_SLOTS"].flatMap(Int.init) { board.stackSlots = slots }
        if let cStack = env["P14P_MEASURE_C_STACK"].flatMap(Int.init) { board.cStackSize = cStack }
        var firmware = try FirmwareBuilder(board: board, repositoryRoot: BoardFixtures.root, log: { print($0) }).prepare()
        print(firmware.sizes.summary)
        // P14P_MEASURE_UNCHECKED=1 runs the programs the RAM check refuses too, to see what they take.
        if env["P14P_MEASURE_UNCHECKED"] == "1" { firmware.sizes.ramSize = 1 << 30 }
        var programs = BoardFixtures.corpusPrograms()
        if let only = env["P14P_MEASURE_PROGRAMS"] {  // comma-separated .py paths instead of the corpus
            programs = only.split(separator: ",").map { BoardFixtures.Program(name: String($0), path: String($0), argv: ["main.py"]) }
        }
        for program in programs {
            guard let image = try? BoardFixtures.image(program.path) else { continue }
            let r: EmulatorResult
            do {
                r = try FirmwareRun.run(firmware, image: image, argv: program.argv, emulator: emulator, timeout: 60)
            } catch {
                print("MEASURE \(program.name) image \(image.count): \(error)")
                continue
            }
            let err = String(decoding: r.programErrors, as: UTF8.self)
            let figures = err.split(separator: "\n").filter { $0.hasPrefix("p14p: allocator peak") || $0.hasPrefix("p14p: started") }
                .map { $0.dropFirst(6) }.joined(separator: "; ")
            let failure = r.status == 0 ? "" : " | " + (err.split(separator: "\n").dropLast(2).last.map(String.init) ?? "")
            if ProcessInfo.processInfo.environment["P14P_MEASURE_VERBOSE"] != nil { print(err); print(String(decoding: r.stdout, as: UTF8.self)) }
            // What the size check expects of the arena (RAM less the C stack, data and bss), beside the peak.
            let estimate = (try? firmware.sizes.ramNeeded(image: image)).map {
                String($0 - firmware.sizes.cStack - firmware.sizes.data - firmware.sizes.bss)
            } ?? "?"
            print("MEASURE \(program.name) image \(image.count) status \(r.status.map(String.init) ?? "timeout"): \(figures); "
                + "check's arena estimate \(estimate)\(failure)")
        }
    }
}
