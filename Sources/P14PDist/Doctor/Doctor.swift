// SPDX-License-Identifier: LGPL-2.1-only
//
// `p14p-dist doctor`: what building and running each board needs on this
// machine, checked one tool at a time, each with "ok" or what is missing
// and how to get it, then one line per board (buildable, runnable under
// its emulator, or the first thing missing).
//
// The checks look only at the PATH and P14P_SWIFT_BIN of `environment`,
// so a test can point them at a folder of fake tools. Each tool runs with
// a timeout; nothing here needs QEMU or a cross compiler to be installed.

import Foundation
import P14PFirmware

public struct DoctorCheck: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable {
        /// Present and working.
        case ok
        /// Absent or not working; `fix` says how to get it.
        case missing
        /// For information (the AVR compiler probe, the cache size); never a problem.
        case note
    }

    /// The groups of the table, in its order.
    public enum Area: String, Codable, Sendable, CaseIterable {
        case swift, release, stdlib = "embedded-stdlib", cLibrary = "c-library", emulator, probe, cache
    }

    public var area: Area
    /// What is checked: "swiftc", "Embedded Swift stdlib for armv7em-none-none-eabi", ...
    public var name: String
    public var state: State
    /// The version or path found, or what is wrong.
    public var detail: String
    /// How to get it ("run `make setup` (apt: qemu-system-arm)").
    public var fix: String?
    /// The boards that need it, in recipe order.
    public var boards: [String] = []
}

public struct DoctorBoard: Codable, Sendable, Equatable {
    public enum Verdict: String, Codable, Sendable {
        /// Builds here and runs under its emulator (or natively).
        case runnable
        /// Builds here; its emulator is missing or it has none.
        case buildable
        /// Something it needs to build is missing (or it does not fit).
        case notBuildable = "not-buildable"
        /// Unsupported by its recipe, or not for this machine.
        case skipped
    }

    public var board: String
    public var status: String
    public var verdict: Verdict
    /// One line: "runs under qemu-system-arm -M mps2-an385", or the first thing missing.
    public var summary: String
    /// True for supported and emulated boards: what they miss fails the doctor.
    public var required: Bool
    /// Names of the failed checks it needs.
    public var missing: [String]
}

public struct DoctorReport: Codable, Sendable, Equatable {
    public var checks: [DoctorCheck]
    public var boards: [DoctorBoard]
    /// "mps2-an385: qemu-system-arm", one per required board and missing check.
    public var problems: [String]
    /// No problems: the exit status is 0.
    public var ok: Bool

    public func check(_ name: String) -> DoctorCheck? { checks.first { $0.name == name } }
    public func board(_ name: String) -> DoctorBoard? { boards.first { $0.board == name } }

    /// What the supported and emulated boards lack, a line each: every
    /// missing check with the boards that need it ("missing: qemu-system-arm
    /// (for mps2-an385, stm32)"), then each such board's size or recipe problem.
    public var missingSummary: [String] {
        let required = Set(boards.filter(\.required).map(\.board))
        var lines: [String] = []
        for c in checks where c.state == .missing {
            let needing = c.boards.filter(required.contains)
            if !needing.isEmpty { lines.append("missing: \(c.name) (for \(needing.joined(separator: ", ")))") }
        }
        for b in boards where b.required {
            for m in b.missing where m.hasPrefix("does not fit") || m.hasPrefix("recipe:") { lines.append("\(b.board): \(m)") }
        }
        return lines
    }
}

public struct Doctor {
    public var repositoryRoot: String
    /// PATH and P14P_SWIFT_BIN come from here (default: this process's environment).
    public var environment: [String: String]
    /// Re-check whether Swift still crashes on the unsupported Embedded targets (AVR): a compile of a tiny file.
    public var probeUnsupportedTargets = true
    public var compileTimeout: Double = 60
    public var toolTimeout: Double = 15
    /// The firmware cache to report on (default: the repository's .build-p14p-firmware).
    public var cacheDirectory: String?

    public init(repositoryRoot: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.repositoryRoot = repositoryRoot
        self.environment = environment
    }

    public func run() throws -> DoctorReport {
        let book = try RecipeBook.load(root: repositoryRoot + "/recipes", displayBase: repositoryRoot)
        var run = DoctorRun(doctor: self)
        return run.examine(book.boards)
    }

    /// `name` on the doctor's PATH.
    func which(_ name: String) -> String? { Toolchain.which(name, searchPath: environment["PATH"] ?? "") }

    func runTool(_ path: String, _ arguments: [String], timeout: Double? = nil) -> ChildProcess.Captured {
        do {
            return try ChildProcess.capture(path, arguments, environment: environment, timeout: timeout ?? toolTimeout, together: true)
        } catch {
            return ChildProcess.Captured(status: 127, stdout: "\(error)")
        }
    }
}

/// One doctor run: the checks made so far (each made once, however many boards need it).
struct DoctorRun {
    let doctor: Doctor
    var checks: [DoctorCheck] = []
    var qemuMachines: [String: Set<String>?] = [:]
    var toolchain: Toolchain?

    init(doctor: Doctor) { self.doctor = doctor }

    mutating func examine(_ boards: [BoardRecipe]) -> DoctorReport {
        // The host tools first, so the table reads from the compiler down.
        let swiftc = checkSwiftc()
        let release = checkReleaseLibraries()
        var summaries: [DoctorBoard] = []
        for recipe in boards {
            summaries.append(examine(recipe, swiftc: swiftc, release: release))
        }
        checks.append(cacheNote())
        let order = DoctorCheck.Area.allCases
        checks = checks.enumerated().sorted {
            (order.firstIndex(of: $0.element.area)!, $0.offset) < (order.firstIndex(of: $1.element.area)!, $1.offset)
        }.map(\.element)
        var problems: [String] = []
        for b in summaries where b.required {
            for m in b.missing { problems.append("\(b.board): \(m)") }
        }
        return DoctorReport(checks: checks, boards: summaries, problems: problems, ok: problems.isEmpty)
    }

    // MARK: Boards

    mutating func examine(_ recipe: BoardRecipe, swiftc: String, release: [String]) -> DoctorBoard {
        let required = recipe.status == .supported || recipe.status == .emulated
        func board(_ verdict: DoctorBoard.Verdict, _ summary: String, missing: [String] = []) -> DoctorBoard {
            DoctorBoard(board: recipe.name, status: recipe.status.rawValue, verdict: verdict, summary: summary,
                        required: required, missing: missing)
        }
        if recipe.status == .unsupported {
            var summary = "unsupported: " + DoctorRun.shorten(recipe.reason ?? "no reason given", 110)
            if let target = recipe.target, DoctorRun.isEmbedded(target), doctor.probeUnsupportedTargets {
                let probe = probeCompile(target, for: recipe.name)
                summary = "unsupported; Embedded Swift for \(target) \(probe.detail)"
            }
            return board(.skipped, summary)
        }
        switch recipe.builder {
        case "desktop":
            if let why = DesktopBuilder().unavailableReason(for: recipe) { return board(.skipped, why) }
            let missing = failed([swiftc] + release, for: recipe.name)
            if let first = missing.first { return board(.notBuildable, "not buildable: " + first, missing: missing) }
            return board(.runnable, "runnable: builds with `swift build` and runs natively")
        case "embedded":
            break
        default:
            return board(.skipped, "no builder \(recipe.builder ?? "-") in this p14p-dist")
        }

        // An embedded board: compiler, Embedded stdlib, clang and ld.lld, the C library, then the emulator.
        guard let target = recipe.target else { return board(.notBuildable, "the recipe names no Swift target") }
        var needs = [swiftc, checkEmbeddedStdlib(target, for: recipe.name)] + checkLinkTools(for: recipe.name)
        var doesNotFit: String?
        do {
            let firmware = try ResolvedBoard(recipe, repositoryRoot: doctor.repositoryRoot).firmware
            needs += checkCLibrary(firmware) + release
            do {
                try firmware.checkRAM()
            } catch let FirmwareError.doesNotFit(_, memory, needed, available, _) {
                doesNotFit = "does not fit in \(memory): needs \(needed) bytes, has \(available)"
            } catch {
                doesNotFit = "\(error)"
            }
        } catch {
            needs += release
            return board(.notBuildable, "not buildable: \(error)", missing: failed(needs, for: recipe.name) + ["recipe: \(error)"])
        }
        let buildMissing = failed(needs, for: recipe.name)
        var runMissing: [String] = []
        var emulatorText: String?
        if case let .qemu(binary, machine, _) = recipe.emulator {
            emulatorText = "\(binary) -M \(machine)"
            runMissing = failed(checkEmulator(binary: binary, machine: machine, for: recipe.name), for: recipe.name)
        }
        let verdict: DoctorBoard.Verdict = !buildMissing.isEmpty || doesNotFit != nil ? .notBuildable
            : (runMissing.isEmpty && emulatorText != nil ? .runnable : .buildable)

        if recipe.status == .planned {
            // Not counted: say what the tools allow, then why the recipe is only planned.
            let tools = buildMissing.first.map { "missing " + $0 }
                ?? runMissing.first.map { "tools ok to build; cannot run: " + $0 }
                ?? "tools ok" + (emulatorText.map { ", runs under " + $0 } ?? "")
            let why = doesNotFit ?? recipe.reason ?? "not built yet"
            return board(verdict, "planned: " + tools + "; " + DoctorRun.shorten(why, 90), missing: buildMissing + runMissing)
        }
        // A supported board runs on its hardware: only an emulated one needs the emulator.
        let missing = buildMissing + (recipe.status == .emulated ? runMissing : []) + (doesNotFit.map { [$0] } ?? [])
        if let first = buildMissing.first { return board(verdict, "not buildable: " + first, missing: missing) }
        if let doesNotFit { return board(verdict, "not buildable: " + doesNotFit, missing: missing) }
        if let first = runMissing.first { return board(verdict, "buildable; not runnable: " + first, missing: missing) }
        if let emulatorText { return board(verdict, "runnable: builds here and runs under " + emulatorText) }
        return board(verdict, "buildable (no emulator)")
    }

    /// The named checks that failed, as "name: detail" lines, and the board recorded as needing each.
    mutating func failed(_ names: [String], for board: String) -> [String] {
        var out: [String] = []
        for name in names {
            guard let i = checks.firstIndex(where: { $0.name == name }) else { continue }
            if !checks[i].boards.contains(board) { checks[i].boards.append(board) }
            if checks[i].state == .missing { out.append("\(name): \(checks[i].detail)") }
        }
        return out
    }

    /// Records a check once; later boards only add their names.
    @discardableResult
    mutating func record(_ area: DoctorCheck.Area, _ name: String, _ make: () -> (DoctorCheck.State, String, String?)) -> String {
        if checks.contains(where: { $0.name == name }) { return name }
        let (state, detail, fix) = make()
        checks.append(DoctorCheck(area: area, name: name, state: state, detail: detail, fix: fix))
        return name
    }

    static func isEmbedded(_ triple: String) -> Bool { triple.contains("-none-") || triple.hasSuffix("-none") }

    // MARK: The Swift toolchain

    mutating func checkSwiftc() -> String {
        let doctor = self.doctor
        var found: Toolchain?
        let name = record(.swift, "swiftc") {
            guard let toolchain = try? Toolchain.find(environment: doctor.environment) else {
                return (.missing, "not found on PATH",
                        "install Swift 6.3 or later from swift.org and put its usr/bin on PATH (or set P14P_SWIFT_BIN)")
            }
            guard FileManager.default.isExecutableFile(atPath: toolchain.swiftc) else {
                return (.missing, "no swiftc in \(toolchain.binDirectory) (P14P_SWIFT_BIN)", "point P14P_SWIFT_BIN at a toolchain's usr/bin")
            }
            let r = doctor.runTool(toolchain.swiftc, ["-version"])
            let first = DoctorRun.firstLine(r.output)
            guard r.succeeded, first.contains("Swift version") else {
                return (.missing, "\(toolchain.swiftc) -version fails: \(DoctorRun.describe(r))", "reinstall the Swift toolchain")
            }
            found = toolchain
            return (.ok, "\(first) at \(toolchain.swiftc)", nil)
        }
        toolchain = found
        return name
    }

    /// The Embedded Swift standard library for `triple`, as the toolchain ships it.
    mutating func checkEmbeddedStdlib(_ triple: String, for board: String) -> String {
        let toolchain = self.toolchain
        return record(.stdlib, "Embedded stdlib \(triple)") {
            guard let toolchain else { return (.missing, "needs swiftc", "install swiftc first") }
            let lib = URL(fileURLWithPath: toolchain.binDirectory).deletingLastPathComponent().path + "/lib/swift/embedded"
            for candidate in ["\(lib)/Swift.swiftmodule/\(triple).swiftmodule", "\(lib)/Swift.swiftmodule/\(triple).swiftinterface",
                              "\(lib)/\(triple)/Swift.swiftmodule"] where FileManager.default.fileExists(atPath: candidate) {
                return (.ok, candidate, nil)
            }
            return (.missing, "not in \(lib)/Swift.swiftmodule",
                    "use a swift.org toolchain (6.3 or later) whose usr/lib/swift/embedded has \(triple)")
        }
    }

    mutating func checkLinkTools(for board: String) -> [String] {
        let toolchain = self.toolchain, doctor = self.doctor
        return [("clang", toolchain?.clang), ("ld.lld", toolchain?.lld)].map { tool, path in
            record(.swift, tool) {
                guard let path else { return (.missing, "needs swiftc", "install swiftc first") }
                guard FileManager.default.isExecutableFile(atPath: path) else {
                    return (.missing, "not beside swiftc (\(path))",
                            "use the full swift.org toolchain: it ships clang and ld.lld in the same usr/bin as swiftc")
                }
                let r = doctor.runTool(path, ["--version"])
                return r.succeeded ? (.ok, "\(DoctorRun.versionLine(r.output)) at \(path)", nil)
                    : (.missing, "\(path) --version fails: \(DoctorRun.describe(r))", "reinstall the Swift toolchain")
            }
        }
    }

    // MARK: The cross C library

    mutating func checkCLibrary(_ firmware: FirmwareBoard) -> [String] {
        let doctor = self.doctor
        let packages = DoctorRun.packages(forDriver: firmware.libcDriver)
        var driverPath: String?
        let driver = record(.cLibrary, firmware.libcDriver) {
            guard let path = doctor.which(firmware.libcDriver) else {
                return (.missing, "not found on PATH", "run `make setup` (apt: \(packages.driver))")
            }
            driverPath = path
            let r = doctor.runTool(path, ["--version"])
            return (.ok, "\(DoctorRun.firstLine(r.output)) at \(path)", nil)
        }
        let path = driverPath ?? doctor.which(firmware.libcDriver)
        let archives = (firmware.libcArchives + ["libgcc.a"]).joined(separator: " ")
        let multilib = record(.cLibrary, "\(firmware.libcDriver) \(firmware.libcFlags.joined(separator: " "))") {
            guard let path else { return (.missing, "needs \(firmware.libcDriver)", "run `make setup` (apt: \(packages.driver))") }
            do {
                let found = try Toolchain.cLibraries(for: firmware, driver: path)
                let dirs = Set(found.archives.map { URL(fileURLWithPath: $0).standardized.deletingLastPathComponent().path })
                return (.ok, archives + " in " + dirs.sorted().joined(separator: " and "), nil)
            } catch {
                return (.missing, "\(error)", "run `make setup` (apt: \(packages.library))")
            }
        }
        return [driver, multilib]
    }

    /// The Debian packages of a cross driver and of its C library (what `make setup` installs).
    static func packages(forDriver driver: String) -> (driver: String, library: String) {
        switch driver {
        case "arm-none-eabi-gcc": return ("gcc-arm-none-eabi", "libnewlib-arm-none-eabi")
        case "riscv64-unknown-elf-gcc": return ("gcc-riscv64-unknown-elf", "picolibc-riscv64-unknown-elf")
        default: return (driver, "the C library for \(driver)")
        }
    }

    // MARK: Emulators

    mutating func checkEmulator(binary: String, machine: String, for board: String) -> [String] {
        let doctor = self.doctor
        let package = binary == "qemu-system-arm" || binary == "qemu-system-aarch64" ? binary : "qemu-system-misc"
        var path: String?
        let tool = record(.emulator, binary) {
            guard let found = doctor.which(binary) else { return (.missing, "not found on PATH", "run `make setup` (apt: \(package))") }
            path = found
            let r = doctor.runTool(found, ["--version"])
            return r.succeeded ? (.ok, "\(DoctorRun.firstLine(r.output)) at \(found)", nil)
                : (.missing, "\(found) --version fails: \(DoctorRun.describe(r))", "reinstall \(package)")
        }
        if qemuMachines[binary] == nil {
            let found = path ?? doctor.which(binary)
            qemuMachines[binary] = found.flatMap { p -> Set<String>? in
                let r = doctor.runTool(p, ["-M", "help"])
                guard r.succeeded else { return nil }
                return Set(r.output.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) })
            }
        }
        let machines = qemuMachines[binary] ?? nil
        let machineCheck = record(.emulator, "\(binary) -M \(machine)") {
            guard doctor.which(binary) != nil else { return (.missing, "needs \(binary)", "run `make setup` (apt: \(package))") }
            guard let machines else { return (.missing, "`\(binary) -M help` fails", "reinstall \(package)") }
            return machines.contains(machine) ? (.ok, "`\(binary) -M help` lists \(machine)", nil)
                : (.missing, "this \(binary) has no machine \(machine)", "install a newer QEMU (apt: \(package)) that models \(machine)")
        }
        return [tool, machineCheck]
    }

    // MARK: Release libraries

    mutating func checkReleaseLibraries() -> [String] {
        let doctor = self.doctor
        let pkgConfig = doctor.which("pkg-config")
        var names = [record(.release, "pkg-config") {
            guard let pkgConfig else { return (.missing, "not found on PATH", "run `make setup` (apt: pkg-config)") }
            return (.ok, "\(DoctorRun.firstLine(doctor.runTool(pkgConfig, ["--version"]).output)) at \(pkgConfig)", nil)
        }]
        for (module, package) in [("libarchive", "libarchive-dev"), ("openssl", "libssl-dev")] {
            names.append(record(.release, "\(module) (pkg-config)") {
                guard let pkgConfig else { return (.missing, "needs pkg-config", "run `make setup` (apt: pkg-config \(package))") }
                let r = doctor.runTool(pkgConfig, ["--modversion", module])
                return r.succeeded ? (.ok, "version \(DoctorRun.firstLine(r.output))", nil)
                    : (.missing, "pkg-config does not know \(module)", "run `make setup` (apt: \(package))")
            })
        }
        names.append(record(.release, "openssl") {
            guard let path = doctor.which("openssl") else { return (.missing, "not found on PATH", "run `make setup` (apt: openssl)") }
            let r = doctor.runTool(path, ["version"])
            return r.succeeded ? (.ok, "\(DoctorRun.firstLine(r.output)) at \(path)", nil)
                : (.missing, "\(path) version fails: \(DoctorRun.describe(r))", "run `make setup` (apt: openssl)")
        })
        return names
    }

    // MARK: Unsupported targets, probed

    /// Compiles a tiny file for `triple` with Embedded Swift: does the compiler still crash there?
    mutating func probeCompile(_ triple: String, for board: String) -> DoctorCheck {
        let name = "Swift compiles for \(triple)"
        let toolchain = self.toolchain, doctor = self.doctor
        record(.probe, name) {
            guard let toolchain else { return (.note, "not checked: needs swiftc", nil) }
            let dir = NSTemporaryDirectory() + "p14p-doctor-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            Interrupts.removeOnInterrupt(dir)
            defer {
                try? FileManager.default.removeItem(atPath: dir)
                Interrupts.forget(dir)
            }
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
                try "public func add(_ a: Int, _ b: Int) -> Int { a &+ b }\n"
                    .write(toFile: dir + "/tiny.swift", atomically: true, encoding: .utf8)
            } catch { return (.note, "not checked: \(error)", nil) }
            let r = doctor.runTool(toolchain.swiftc, [
                "-target", triple, "-enable-experimental-feature", "Embedded", "-wmo", "-parse-as-library",
                "-c", dir + "/tiny.swift", "-o", dir + "/tiny.o",
            ], timeout: doctor.compileTimeout)
            if r.succeeded { return (.note, "compiles now: the recipe's status can be revisited", nil) }
            if r.timedOut { return (.note, "still fails (no result after \(Int(doctor.compileTimeout)) s)", nil) }
            let crashed = r.signal != nil || r.output.contains("Stack dump") || r.output.contains("please submit a bug report")
                || r.output.contains("Please submit a bug report")
            let why = r.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .first { !$0.isEmpty && !$0.contains("warning:") } ?? ""
            return (.note, (crashed ? "still fails (compiler crash" : "still fails (") + (why.isEmpty ? "" : ": \(why.prefix(100))") + ")", nil)
        }
        _ = failed([name], for: board)
        return checks.first { $0.name == name }!
    }

    // MARK: The firmware cache

    func cacheNote() -> DoctorCheck {
        let directory = doctor.cacheDirectory ?? doctor.repositoryRoot + "/.build-p14p-firmware"
        let cache = FirmwareCache(directory: directory)
        let entries = cache.entries().filter { $0.kind == .vm || $0.kind == .firmware }
        return DoctorCheck(area: .cache, name: "firmware cache", state: .note,
                           detail: "\(entries.count) entries, \(FirmwareCache.megabytes(cache.size())) in \(directory)",
                           fix: entries.isEmpty ? nil : "`p14p-dist clean-cache` empties it; builds prune it on their own")
    }

    // MARK: Text

    static func shorten(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 3)) + "..."
    }

    /// A tool's first line without the source URL and commit clang and lld add.
    static func versionLine(_ text: String) -> String {
        var line = firstLine(text)
        if let open = line.range(of: " (https://"), let close = line[open.upperBound...].firstIndex(of: ")") {
            line.removeSubrange(open.lowerBound...close)
        }
        return line
    }

    static func firstLine(_ text: String) -> String {
        text.split(separator: "\n").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    static func describe(_ r: ChildProcess.Captured) -> String {
        if r.timedOut { return "no answer in time" }
        if let s = r.signal { return "killed by signal \(s)" }
        return "status \(r.status ?? -1)" + (firstLine(r.output).isEmpty ? "" : ": \(firstLine(r.output))")
    }
}
