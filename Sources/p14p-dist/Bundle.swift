// SPDX-License-Identifier: LGPL-2.1-only
//
// p14p-dist bundle: a program into a downloaded board package's firmware.

import ArgumentParser
import Foundation
import P14PDist

struct BundleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle",
        abstract: "Put a program into a board package's firmware: `p14p-dist bundle --package pymite-09-stm32.tar.gz app.py`.",
        discussion: """
            Compiles the program (.py, with the modules it imports beside it) or takes a compiled image (.pmi), \
            checks that it fits the board's application section and RAM, and writes firmware.elf, firmware.bin \
            and firmware.hex with the program in place (with --image-only: app.bin and app.hex, the application \
            section alone at its flash address, to update the program without touching the VM). \
            Needs only the package: no Swift toolchain, no rebuild.
            """)

    @Option(name: .long, help: "The board package (pymite-<release>-<board>.tar.gz).")
    var package: String

    @Option(name: .long, help: "Where to write the files (default: firmware-<board>).")
    var out: String?

    @Flag(name: .long, help: "Write only the application section (app.bin, app.hex).")
    var imageOnly = false

    @Option(name: .long, help: "Verify the package first against the SHA256SUMS and SHA256SUMS.sig beside it, with this public key.")
    var key: String?

    @Argument(help: "The program (.py or .pmi).")
    var program: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments the program gets (sys.argv[1:]).")
    var arguments: [String] = []

    func run() throws {
        let board = URL(fileURLWithPath: package).lastPathComponent
            .replacingOccurrences(of: ".tar.gz", with: "").split(separator: "-").dropFirst(2).joined(separator: "-")
        let request = BundleRequest(package: package, program: program, arguments: arguments,
                                    outputDirectory: absolutePath(out ?? "firmware-" + (board.isEmpty ? "board" : board)),
                                    imageOnly: imageOnly, publicKey: key)
        let result: BundleResult
        do { result = try Bundler.bundle(request) } catch { throw Failure(describe(error)) }
        for note in result.notes { print(note) }
        for file in result.files { print("wrote \(file)") }
        let at = "0x" + String(result.appAddress, radix: 16)
        print(imageOnly ? "flash app.bin at \(at) (or app.hex): it replaces the program only"
                        : "flash firmware.bin (or firmware.hex / firmware.elf) as the package README says; the program is at \(at)")
    }
}
