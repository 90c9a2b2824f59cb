// SPDX-License-Identifier: LGPL-2.1-only
//
// `p14p-dist run --board B app.py [args]`: compile the program, put it
// into the board's firmware (built once and cached), run it under the
// board's emulator with its output on this process's stdout and stderr.

import Foundation
import P14PFirmware
import PyMiteCompiler
import PyMiteVM

public enum EmbeddedRun {
    public enum Outcome: Equatable {
        case exited(Int32)
        case timedOut(seconds: Double)
    }

    /// The most a run sends to the board's console (`input`).
    public static let maxInput = 1 << 20

    /// Runs `program` (a .py or .pmi) on `boardName`; argv is [program name] + `arguments`.
    /// `input`, a file, goes to the board's serial console once the program has printed its first output.
    public static func run(board boardName: String, program: String, arguments: [String], timeout: Double,
                           input: String? = nil, repositoryRoot root: String, log: @escaping (String) -> Void) throws -> Outcome {
        let book = try RecipeBook.load(root: root + "/recipes", displayBase: root)
        guard let recipe = book.board(boardName) else {
            throw BoardBuildError(board: boardName, message: "no recipe recipes/boards/\(boardName).toml (see `p14p-dist boards`)")
        }
        guard recipe.builder == "embedded" else {
            throw BoardBuildError(board: boardName, message: "runs natively, not under an emulator: use `p14p run`")
        }
        let resolved = try ResolvedBoard(recipe, repositoryRoot: root)
        guard let emulator = resolved.emulator else {
            throw BoardBuildError(board: boardName, message: "the recipe names no emulator ([emulator] kind = \"qemu\")")
        }
        if let why = emulator.unavailableReason { throw BoardBuildError(board: boardName, message: why) }
        var consoleInput: [UInt8]? = nil
        if let input {
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: input),
                  attributes[.type] as? FileAttributeType == .typeRegular, let data = FileManager.default.contents(atPath: input) else {
                throw BoardBuildError(board: boardName, message: "cannot read --input \(input) (a regular file)")
            }
            guard data.count <= maxInput else {
                throw BoardBuildError(board: boardName, message: "--input \(input) is \(data.count) bytes; the console takes at most \(maxInput)")
            }
            consoleInput = Array(data)
        }
        let image: [UInt8]
        if program.hasSuffix(".pmi") {
            guard let data = FileManager.default.contents(atPath: program) else {
                throw BoardBuildError(board: boardName, message: "cannot read \(program)")
            }
            image = Array(data)
        } else {
            image = ImageFormat.encode(try Compiler.compileProgram(mainPath: program))
        }
        do {
            let firmware = try FirmwareBuilder(board: resolved.firmware, repositoryRoot: root, log: log).prepare()
            let argv = [URL(fileURLWithPath: program).lastPathComponent] + arguments
            let result = try FirmwareRun.run(firmware, image: image, argv: argv, emulator: emulator, timeout: timeout, stream: true,
                                             input: consoleInput)
            if result.timedOut { return .timedOut(seconds: timeout) }
            return .exited(result.status ?? 1)
        } catch let error as FirmwareError {
            throw BoardBuildError(board: boardName, message: error.description)
        }
    }
}
