// SPDX-License-Identifier: LGPL-2.1-only
//
// p14p-dist size: the flash of each embedded board's firmware by part,
// data, bss and the heap in use at start (`make size`; docs/firmware.md).

import ArgumentParser
import Foundation
import P14PDist

struct Size: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure each board's firmware: flash by part of the VM, data, bss, heap in use at start.")
    @OptionGroup var root: RootOption
    @Option(name: .long, help: "Measure only this board (repeatable; default every embedded board).") var board: [String] = []
    @Flag(name: .long, help: "Print a Markdown table (for docs/firmware.md).") var markdown = false
    @Flag(name: .long, help: "Also list the VM's flash per source file, largest first.") var files = false

    func run() throws {
        let rows: [BoardSizes]
        do {
            rows = try SizeTable.measure(boards: board, repositoryRoot: try root.resolve(),
                                         log: { FileHandle.standardError.write(Data(("p14p-dist: " + $0 + "\n").utf8)) })
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(describe(error))
        }
        print(SizeTable.render(rows, markdown: markdown), terminator: "")
        guard files else { return }
        for row in rows {
            print("\n\(row.board): the VM's flash by source file")
            for (file, bytes) in row.breakdown.vmFiles.sorted(by: { $0.value > $1.value }) {
                print(String(repeating: " ", count: max(0, 9 - String(bytes).count)) + "\(bytes)  \(file)")
            }
        }
    }
}
