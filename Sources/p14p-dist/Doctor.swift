// SPDX-License-Identifier: LGPL-2.1-only
//
// p14p-dist doctor: what this machine has and lacks to build and run each
// board; p14p-dist clean-cache: empty (or prune) the firmware cache.

import ArgumentParser
import Foundation
import P14PDist
import P14PFirmware

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the tools each board needs here (compiler, Embedded stdlib, C library, emulator) and say how to get what is missing.",
        discussion: "Exits 0 when the supported and emulated boards have everything they need, 1 otherwise (naming what is missing).")

    @OptionGroup var root: RootOption
    @Flag(name: .long, help: "Machine-readable output.") var json = false
    @Flag(name: .long, help: "Skip the test compile for unsupported Embedded targets (AVR).") var quick = false

    func run() throws {
        var doctor = Doctor(repositoryRoot: try root.resolve())
        doctor.probeUnsupportedTargets = !quick
        let report: DoctorReport
        do { report = try doctor.run() } catch { throw Failure(describe(error)) }
        if json {
            printJSON(report)
            if !report.ok { throw ExitCode(1) }
            return
        }
        // STATE, then the check and what was found; a long check name puts its detail on the next line.
        let width = min(42, (report.checks.map(\.name.count).max() ?? 20) + 2)
        print(pad("STATE", 9) + pad("CHECK", width) + "DETAIL")
        var area: DoctorCheck.Area?
        for c in report.checks {
            if area != nil && c.area != area { print("") }
            area = c.area
            let state = c.state == .missing ? "MISSING" : c.state.rawValue
            if c.name.count < width {
                print(pad(state, 9) + pad(c.name, width) + c.detail)
            } else {
                print(pad(state, 9) + c.name)
                print(pad("", 9 + width) + c.detail)
            }
            if c.state != .ok, let fix = c.fix { print(pad("", 9 + width) + "fix: " + fix) }
        }
        print("")
        print(pad("BOARD", 15) + pad("STATUS", 13) + "HERE")
        for b in report.boards { print(pad(b.board, 15) + pad(b.status, 13) + b.summary) }
        print("")
        if !report.ok {
            let lines = report.missingSummary
            for line in lines { print(line) }
            fflush(stdout)
            throw Failure("\(lines.count) thing(s) missing for the supported and emulated boards; see the fixes above")
        }
        let ready = report.boards.filter { $0.required }.map(\.board)
        print("ok: everything the supported and emulated boards need is here (\(ready.joined(separator: ", ")))")
    }
}

struct CleanCache: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean-cache",
        abstract: "Empty the firmware cache (.build-p14p-firmware): compiled VMs and linked firmwares.",
        discussion: """
            Firmware builds prune the cache on their own (docs/firmware.md); this removes every entry, \
            so the next build compiles the VM again. With --stale, only what the pruning policy removes.
            """)

    @OptionGroup var root: RootOption
    @Flag(name: .long, help: "Remove only stale entries (the pruning policy), not everything.") var stale = false

    func run() throws {
        let directory = try root.resolve() + "/.build-p14p-firmware"
        let cache = FirmwareCache(directory: directory)
        let removal = stale ? cache.prune() : cache.clear()
        let what = removal.removed.count == 1 ? "entry" : "entries"
        print("removed \(removal.removed.count) \(what) (\(FirmwareCache.megabytes(removal.bytes))) from \(directory)"
              + (stale ? "; \(removal.kept) kept" : ""))
    }
}
