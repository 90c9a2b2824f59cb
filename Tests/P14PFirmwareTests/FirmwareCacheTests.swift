// SPDX-License-Identifier: LGPL-2.1-only
//
// Pruning the firmware cache, on a temporary folder of fake entries whose
// last use is set through their modification times.

import XCTest
@testable import P14PFirmware

final class FirmwareCacheTests: XCTestCase {
    var root = ""
    let minute: TimeInterval = 60
    let hour: TimeInterval = 3600

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "p14p-cache-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// A fake entry last used `ago` seconds back (stamp and folder); a firmware's
    /// stamp records `board` (by default the name without its last "-" part, as the builder names them) and `vm`.
    @discardableResult
    func entry(_ name: String, usedAgo ago: TimeInterval, vm: String? = nil, board: String? = nil, stamp: Bool = true,
               bytes: Int = 1000) throws -> String {
        let path = root + "/" + name
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Data(repeating: 7, count: bytes).write(to: URL(fileURLWithPath: path + "/firmware.elf"))
        let time = Date().addingTimeInterval(-ago)
        if stamp {
            let isVM = name.hasPrefix("vm-")
            let boardName = board ?? String(name[..<(name.lastIndex(of: "-") ?? name.endIndex)])
            let text = isVM ? "" : "board=\(boardName)\n" + (vm.map { "vm=\($0)\n" } ?? "")
            try text.write(toFile: path + "/" + FirmwareCache.stampName, atomically: false, encoding: .utf8)
            try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: path + "/" + FirmwareCache.stampName)
        }
        try FileManager.default.setAttributes([.modificationDate: time], ofItemAtPath: path)
        return path
    }

    func names() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
    }

    func testClassifiesEntryNames() {
        XCTAssertEqual(FirmwareCache.classify("vm-1960efbb5e32d7fc"), .vm)
        XCTAssertEqual(FirmwareCache.classify("mps2-an385-2116f6a6b4429936"), .firmware)
        XCTAssertEqual(FirmwareCache.classify("stm32-abc.tmp-123-456"), .temporary)
        XCTAssertEqual(FirmwareCache.classify(".trash-1-2-vm-abc"), .trash)
        XCTAssertNil(FirmwareCache.classify("notes.txt"))
        XCTAssertNil(FirmwareCache.classify("stm32-NOTHEX"))
    }

    func testKeepsTheTwoMostRecentFirmwaresPerBoardAndTheirVMs() throws {
        try entry("vm-a1", usedAgo: 5 * hour)
        try entry("vm-a2", usedAgo: 3 * hour)
        try entry("vm-a3", usedAgo: 2 * hour)
        try entry("vm-b1", usedAgo: 1 * hour)
        try entry("vm-b2", usedAgo: 1 * hour + minute)
        try entry("stm32-1", usedAgo: 5 * hour, vm: "vm-a1")
        try entry("stm32-2", usedAgo: 3 * hour, vm: "vm-a2")
        try entry("stm32-3", usedAgo: 2 * hour, vm: "vm-a3")
        try entry("mps2-an385-1", usedAgo: 4 * hour, vm: "vm-a2")
        try entry("mps2-an385-2", usedAgo: 30 * minute, vm: "vm-a3")

        let removal = FirmwareCache(directory: root).prune()
        // stm32-1 is its board's third; vm-a1 was only stm32-1's; vm-b1 and vm-b2 are the two newest vms.
        XCTAssertEqual(removal.removed.sorted(), ["stm32-1", "vm-a1"])
        XCTAssertEqual(removal.bytes, 1000 + 21 + 1000, "two fake ELFs and stm32-1's stamp, \"board=stm32\\nvm=vm-a1\\n\"")
        XCTAssertEqual(names(), ["mps2-an385-1", "mps2-an385-2", "stm32-2", "stm32-3", "vm-a2", "vm-a3", "vm-b1", "vm-b2"])
        XCTAssertEqual(removal.kept, 8)
    }

    func testBoardsAreTheStampsNotTheFolderNames() throws {
        // Folder names that a parser would split wrongly ("mps2-an385" has a dash) or not at all.
        try entry("a-1", usedAgo: 5 * hour, board: "mps2-an385")
        try entry("a-2", usedAgo: 4 * hour, board: "mps2-an385")
        try entry("a-3", usedAgo: 3 * hour, board: "mps2-an385")
        try entry("b-1", usedAgo: 6 * hour, board: "mps2")
        XCTAssertEqual(FirmwareCache(directory: root).prune().removed, ["a-1"], "mps2-an385 keeps its two newest; mps2 its only one")
    }

    func testAnEntryUsedInTheLastMinutesIsNeverRemoved() throws {
        // Another process built and is running these four stm32 firmwares right now.
        for i in 1...4 { try entry("stm32-\(i)", usedAgo: Double(i) * minute) }
        try entry("stm32-5", usedAgo: 2 * hour)
        try entry("vm-c", usedAgo: 20 * hour)
        try entry("vm-d", usedAgo: 21 * hour)
        try entry("vm-e", usedAgo: 22 * hour)
        let removal = FirmwareCache(directory: root).prune(inUse: ["vm-e"])
        XCTAssertEqual(removal.removed.sorted(), ["stm32-5"], "vm-e is this build's; vm-c and vm-d the two newest")
        XCTAssertEqual(names(), ["stm32-1", "stm32-2", "stm32-3", "stm32-4", "vm-c", "vm-d", "vm-e"])
    }

    func testTheEntryInUseStaysWhateverItsAge() throws {
        try entry("stm32-ae1", usedAgo: 1 * hour)
        try entry("stm32-ae2", usedAgo: 2 * hour)
        try entry("stm32-0", usedAgo: 90 * 24 * hour)
        try entry("vm-0", usedAgo: 90 * 24 * hour)
        let removal = FirmwareCache(directory: root).prune(inUse: ["stm32-0", "vm-0"])
        XCTAssertEqual(removal.removed, [])
        XCTAssertEqual(names().count, 4)
    }

    func testNothingSurvivesAMonthUnused() throws {
        try entry("gone-board-1", usedAgo: 31 * 24 * hour)
        try entry("vm-f0", usedAgo: 31 * 24 * hour)
        try entry("vm-f1", usedAgo: 29 * 24 * hour)
        XCTAssertEqual(FirmwareCache(directory: root).prune().removed.sorted(), ["gone-board-1", "vm-f0"])
    }

    func testEntriesWithoutAStampCountFromTheirFolderTime() throws {
        try entry("stm32-1", usedAgo: 3 * hour, stamp: false)
        try entry("stm32-2", usedAgo: 2 * hour, stamp: false)
        try entry("stm32-3", usedAgo: 5 * minute, stamp: false)
        XCTAssertEqual(FirmwareCache(directory: root).prune().removed, ["stm32-1"])
    }

    func testLeftoverTemporaryAndTrashFoldersGo() throws {
        try entry("vm-h.tmp-100-1", usedAgo: 2 * hour, stamp: false)
        try entry("vm-h.tmp-101-2", usedAgo: 10 * minute, stamp: false)  // a build under way
        try entry(".trash-99999999-3-vm-i", usedAgo: 1 * minute, stamp: false)  // its process has ended
        try entry(".trash-\(getpid())-4-vm-i", usedAgo: 1 * minute, stamp: false)  // still being deleted
        try "keep me".write(toFile: root + "/README", atomically: true, encoding: .utf8)
        let removal = FirmwareCache(directory: root).prune()
        XCTAssertEqual(removal.removed.sorted(), [".trash-99999999-3-vm-i", "vm-h.tmp-100-1"])
        XCTAssertEqual(names(), [".trash-\(getpid())-4-vm-i", "README", "vm-h.tmp-101-2"])
    }

    func testMarkingUseRecordsTheVMAndRefreshesTheStamp() throws {
        let vm = try entry("vm-e1", usedAgo: 5 * hour)
        let firmware = try entry("stm32-e2", usedAgo: 5 * hour, stamp: false)
        FirmwareCache.markUsed(firmware, origin: .init(board: "netduinoplus2", vm: vm))
        FirmwareCache.markUsed(vm)
        FirmwareCache.markUsed(root + "/vm-missing")  // not built yet: nothing happens
        let cache = FirmwareCache(directory: root)
        let entries = cache.entries()
        XCTAssertEqual(entries.map(\.name), ["stm32-e2", "vm-e1"])
        XCTAssertEqual(entries.first?.builtFrom, "vm-e1")
        XCTAssertEqual(entries.first?.board, "netduinoplus2", "the board comes from the stamp, not the folder's name")
        for e in entries { XCTAssertLessThan(Date().timeIntervalSince(e.lastUsed), 60, e.name) }

        // A run of the prepared firmware (PreparedFirmware.elf) touches the stamp of the entry holding it.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-hour)],
                                              ofItemAtPath: firmware + "/" + FirmwareCache.stampName)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-hour)], ofItemAtPath: firmware)
        FirmwareCache.touch(entryOf: firmware + "/firmware.elf")
        XCTAssertLessThan(Date().timeIntervalSince(try XCTUnwrap(cache.entry(named: "stm32-e2")).lastUsed), 60)
        // A file outside the cache (no stamp beside it) gets none.
        FirmwareCache.touch(entryOf: root + "/README")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root + "/" + FirmwareCache.stampName))
    }

    func testKeepStampsPrunesAndSaysWhatWentWithoutTouchingTheEntriesInUse() throws {
        let vm = try entry("vm-d1", usedAgo: 40 * 24 * hour)
        let firmware = try entry("stm32-d2", usedAgo: 40 * 24 * hour)
        try entry("stm32-d3", usedAgo: 40 * 24 * hour)
        var lines: [String] = []
        let removal = FirmwareCache(directory: root, log: { lines.append($0) }).keep(firmware, board: "stm32", builtFrom: vm)
        XCTAssertEqual(removal.removed, ["stm32-d3"])
        XCTAssertEqual(lines.count, 1)
        XCTAssertTrue(lines[0].hasPrefix("removed 1 stale firmware cache entry (0.0 MB)"), lines[0])
        XCTAssertEqual(names(), ["stm32-d2", "vm-d1"])
        // Nothing to remove: nothing said.
        lines = []
        FirmwareCache(directory: root, log: { lines.append($0) }).keep(firmware, board: "stm32", builtFrom: vm)
        XCTAssertEqual(lines, [])
    }

    func testEntriesThatVanishMeanwhileAreSkipped() throws {
        try entry("stm32-1", usedAgo: 40 * 24 * hour)
        let cache = FirmwareCache(directory: root)
        let doomed = cache.stale(cache.entries())
        XCTAssertEqual(doomed.map(\.name), ["stm32-1"])
        try FileManager.default.removeItem(atPath: root + "/stm32-1")  // another process pruned it first
        XCTAssertEqual(cache.prune().removed, [])
        XCTAssertEqual(FirmwareCache(directory: root + "/absent").prune().removed, [])
    }

    func testManyProcessesPruningAtOnceRemoveEachEntryOnce() throws {
        for i in 0..<30 { try entry("board\(i % 3)-\(String(i, radix: 16))", usedAgo: Double(i + 1) * hour) }
        let lock = NSLock()
        var removed: [String] = []
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let r = FirmwareCache(directory: root).prune()
            lock.lock()
            removed += r.removed
            lock.unlock()
        }
        XCTAssertEqual(removed.count, 24, "3 boards keep 2 each")
        XCTAssertEqual(Set(removed).count, 24)
        XCTAssertEqual(names().count, 6)
    }

    func testClearRemovesEverythingAndTheFolder() throws {
        try entry("vm-c1", usedAgo: 0, bytes: 5000)
        try entry("stm32-c2", usedAgo: 0, bytes: 3000)
        try entry("stm32-c2.tmp-1-2", usedAgo: 0, stamp: false)
        let cache = FirmwareCache(directory: root)
        XCTAssertGreaterThanOrEqual(cache.size(), 9000)
        let removal = cache.clear()
        XCTAssertEqual(removal.removed.count, 3)
        XCTAssertGreaterThanOrEqual(removal.bytes, 9000)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root))
    }
}
