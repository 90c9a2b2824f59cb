// SPDX-License-Identifier: LGPL-2.1-only
//
// p14p-dist run: one program on one emulated board, like `p14p run` on the host.

import ArgumentParser
import Foundation
import P14PDist

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a program on a board under its emulator: `p14p-dist run --board mps2-an385 app.py [args]`.",
        discussion: "Exits with the program's status; 124 when --timeout stops it.")

    @OptionGroup var root: RootOption

    @Option(name: .long, help: "The board (recipes/boards/<board>.toml).")
    var board: String

    @Option(name: .long, help: "Stop the program after this many seconds.")
    var timeout: Double = 60

    @Option(name: .long, help: "A file sent to the board's serial console (machine.UART(0)) once the program prints its first output.")
    var input: String?

    @Argument(help: "The program (.py or .pmi).")
    var program: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the program (sys.argv[1:]).")
    var arguments: [String] = []

    func run() throws {
        let outcome: EmbeddedRun.Outcome
        do {
            outcome = try EmbeddedRun.run(board: board, program: program, arguments: arguments, timeout: timeout,
                                          input: input, repositoryRoot: try root.resolve(),
                                          log: { FileHandle.standardError.write(Data(("p14p-dist: " + $0 + "\n").utf8)) })
        } catch {
            throw Failure(describe(error))
        }
        switch outcome {
        case .exited(let status):
            throw ExitCode(status)
        case .timedOut(let seconds):
            FileHandle.standardError.write(Data("p14p-dist: \(program) stopped after \(seconds) seconds (--timeout)\n".utf8))
            throw ExitCode(124)
        }
    }
}
