// SPDX-License-Identifier: LGPL-2.1-only
//
// `p14p-dist size` (`make size`): each embedded board's firmware measured
// by part (SizeBreakdown), with data, bss, the recipe's heap and the heap a
// program finds already in use when it starts (asked of the board itself
// under its emulator, through sys.heap()). A board whose firmware does not
// fit its memory is linked again with room to spare, so that it is
// measured all the same and the table says by how much it is over.

import Foundation
import P14PFirmware
import PyMiteCompiler
import PyMiteVM

public struct BoardSizes: Sendable {
    public var board: String
    public var status: String
    public var breakdown: SizeBreakdown
    public var sizes: SizeReport
    /// Bytes of the VM heap in use when a program starts; nil without an emulator.
    public var heapInUseAtStart: Int?
    /// Why the board cannot ship this firmware ("flash +1,234": over by that much), if so.
    public var overBy: String?
}

public enum SizeTable {
    /// Measures `names` (every embedded board of the recipes when empty).
    public static func measure(boards names: [String], repositoryRoot root: String,
                               log: @escaping (String) -> Void) throws -> [BoardSizes] {
        let book = try RecipeBook.load(root: root + "/recipes", displayBase: root)
        let recipes = names.isEmpty ? book.boards.filter { $0.builder == "embedded" } : try names.map { name in
            guard let r = book.board(name), r.builder == "embedded" else {
                throw BoardBuildError(board: name, message: "no embedded board recipe recipes/boards/\(name).toml")
            }
            return r
        }
        let index = VMSourceIndex(repositoryRoot: root)
        let probe = ImageFormat.encode(try Compiler.compile(source: "import sys\nfree, size = sys.heap()\nprint(size - free)\n",
                                                            filename: "heap.py", moduleName: "__main__"))
        return try recipes.map { recipe in
            let resolved = try ResolvedBoard(recipe, repositoryRoot: root)
            var board = resolved.firmware
            var overBy: String?
            let firmware: PreparedFirmware
            do {
                firmware = try FirmwareBuilder(board: board, repositoryRoot: root, log: log).prepare()
            } catch let FirmwareError.doesNotFit(_, memory, needed, available, _) {
                overBy = "\(memory) +\(group(needed - available))"
                board.flashSize = max(board.flashSize, 0x100_0000)
                board.ramSize = max(board.ramSize, 0x100_0000)
                firmware = try FirmwareBuilder(board: board, repositoryRoot: root, log: log).prepare()
            }
            let map = try String(contentsOfFile: firmware.linkerMap, encoding: .utf8)
            var inUse: Int?
            if overBy == nil, let emulator = resolved.emulator, emulator.unavailableReason == nil {
                let run = try FirmwareRun.run(firmware, image: probe, argv: ["heap.py"], emulator: emulator, timeout: 60)
                inUse = Int(String(decoding: run.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            }
            var sizes = firmware.sizes
            (sizes.flashSize, sizes.ramSize) = (resolved.firmware.flashSize, resolved.firmware.ramSize)  // the board's, not the roomy link's
            return BoardSizes(board: recipe.name, status: recipe.status.rawValue,
                              breakdown: SizeBreakdown(linkerMap: map, vm: index), sizes: sizes,
                              heapInUseAtStart: inUse, overBy: overBy)
        }
    }

    /// Parts as rows, boards as columns: plain text, or a Markdown table.
    public static func render(_ rows: [BoardSizes], markdown: Bool) -> String {
        var table: [[String]] = [["flash by part (bytes)"] + rows.map(\.board)]
        for part in SizeBreakdown.Part.allCases {
            table.append([part.rawValue] + rows.map { group($0.breakdown.bytes[part] ?? 0) })
        }
        table.append(["alignment padding"] + rows.map { group($0.breakdown.padding) })
        table.append(["text (flash, without the application section)"] + rows.map { group($0.breakdown.total) })
        table.append(["data (RAM, initial values in flash)"] + rows.map { group($0.sizes.data) })
        table.append(["bss"] + rows.map { group($0.sizes.bss) })
        table.append(["flash of the board"] + rows.map { group($0.sizes.flashSize) })
        table.append(["RAM of the board"] + rows.map { group($0.sizes.ramSize) })
        table.append(["VM heap (recipe)"] + rows.map { group($0.sizes.heap) })
        table.append(["heap in use when a program starts"] + rows.map { $0.heapInUseAtStart.map(group) ?? "-" })
        table.append(["recipe status (or what does not fit, by how much)"] + rows.map { $0.overBy.map { "over: " + $0 } ?? $0.status })
        if markdown {
            let header = "| " + table[0].joined(separator: " | ") + " |"
            let rule = "|---|" + String(repeating: "---:|", count: rows.count)
            return ([header, rule] + table.dropFirst().map { "| " + $0.joined(separator: " | ") + " |" }).joined(separator: "\n") + "\n"
        }
        let widths = (0..<table[0].count).map { c in table.map { $0[c].count }.max() ?? 0 }
        return table.map { row in
            row.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    /// 241144 -> "241,144".
    static func group(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
