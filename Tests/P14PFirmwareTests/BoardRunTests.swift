// SPDX-License-Identifier: LGPL-2.1-only
//
// Firmware for the emulated boards, run under QEMU through the path
// `p14p-dist run` takes (recipe -> FirmwareBoard -> prepared firmware ->
// application section -> QEMU), compared with the host VM as `p14p run`
// runs it: every corpus program that fits the board (the host VM gives the
// same result with the board's heap and value stack) must print the same
// stdout and exit with the same status on the board. Plus: garbage is
// collected in a small heap, exhausting the heap is a MemoryError (not a
// fault), and a runaway program is stopped by the timeout.
//
// The VM object is compiled once per CPU and cached in
// .build-p14p-firmware/ (the first run takes a few minutes).

import Foundation
import XCTest
import P14PDist
import P14PFirmware
import PyMiteCompiler
import PyMiteHost
import PyMiteVM

final class BoardRunTests: XCTestCase {
    func testMPS2AN385() throws { try runBoard("mps2-an385") }
    func testLM3S6965EVB() throws { try runBoard("lm3s6965evb") }
    func testSTM32() throws { try runBoard("stm32") }
    func testNetduinoPlus2() throws { try runBoard("netduinoplus2") }

    /// The micro:bit's 16 KiB cannot hold the VM: the build says so, naming RAM and the overflow.
    func testMicrobitDoesNotFitAndSaysWhy() throws {
        let recipe = try BoardFixtures.recipe("microbit")
        let board = try EmbeddedBoardBuilder.firmwareBoard(for: recipe, repositoryRoot: BoardFixtures.root)
        let builder = try FirmwareBuilder(board: board, repositoryRoot: BoardFixtures.root)
        XCTAssertThrowsError(try builder.prepare()) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("does not fit in RAM"), text)
            XCTAssertTrue(text.contains("over by"), text)
        }
    }

    // MARK: One board

    func runBoard(_ name: String) throws {
        let fixture = try BoardFixtures.prepared(name)
        var failures: [String] = []
        var ran = 0
        for program in BoardFixtures.corpusPrograms() {
            let image: [UInt8]
            do { image = try BoardFixtures.image(program.path) } catch { continue }
            let host = HostRun.run(image: image, argv: program.argv, config: nil)
            let fits = HostRun.run(image: image, argv: program.argv, config: fixture.board)
            guard fits == host else { continue }  // needs more heap or stack than the board has
            let board = try FirmwareRun.run(fixture.firmware, image: image, argv: program.argv,
                                            emulator: fixture.emulator, timeout: 60)
            ran += 1
            let out = String(decoding: board.stdout, as: UTF8.self)
            if board.status != host.status || out != host.stdout {
                failures.append("\(program.name): board status \(board.status.map(String.init) ?? "timeout"), host \(host.status)"
                    + firstDifference(out, host.stdout) + "\n  board stderr: "
                    + String(decoding: board.stderr, as: UTF8.self).suffix(300))
            }
        }
        print("\(name): \(ran) corpus programs ran on the board")
        XCTAssertGreaterThan(ran, 5, "too few corpus programs fit \(name)")
        XCTAssertTrue(failures.isEmpty, "\(name):\n" + failures.joined(separator: "\n"))

        try checkGarbageIsCollected(fixture)
        try checkHeapExhaustionIsMemoryError(fixture)
        try checkRunawayProgramIsStopped(fixture)
    }

    func checkGarbageIsCollected(_ f: BoardFixtures.Fixture) throws {
        // Allocates about 40 times the heap over the run, keeping little alive.
        let heap = f.board.heapSize
        let source = """
            import sys
            total = 0
            for i in range(\(max(40, heap / 256))):
                chunk = [j for j in range(40)]
                text = str(i) * 10
                total = total + len(chunk) + len(text)
            print("done", total > 0)
            sys.exit(3)
            """
        let r = try run(source, on: f, timeout: 120)
        XCTAssertEqual(r.status, 3, "\(f.board.name): " + String(decoding: r.stderr, as: UTF8.self))
        XCTAssertEqual(String(decoding: r.stdout, as: UTF8.self), "done True\n")
    }

    func checkHeapExhaustionIsMemoryError(_ f: BoardFixtures.Fixture) throws {
        let source = """
            keep = []
            while True:
                keep.append([0, 1, 2, 3, 4, 5, 6, 7])
            """
        let r = try run(source, on: f, timeout: 120)
        let err = String(decoding: r.stderr, as: UTF8.self)
        XCTAssertEqual(r.status, 1, "\(f.board.name): \(err)")
        XCTAssertTrue(err.contains("Traceback (most recent call last):"), err)
        XCTAssertTrue(err.hasSuffix("MemoryError\n") || err.contains("\nMemoryError"), err)
    }

    func checkRunawayProgramIsStopped(_ f: BoardFixtures.Fixture) throws {
        let started = Date()
        let r = try run("while True:\n    pass\n", on: f, timeout: 3)
        XCTAssertTrue(r.timedOut, "\(f.board.name): a runaway loop must be stopped by the timeout")
        XCTAssertNil(r.status)
        XCTAssertLessThan(Date().timeIntervalSince(started), 15)
    }

    func run(_ source: String, on f: BoardFixtures.Fixture, timeout: Double) throws -> EmulatorResult {
        let dir = NSTemporaryDirectory() + "p14p-fw-test-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/main.py"
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        let image = try BoardFixtures.image(path)
        return try FirmwareRun.run(f.firmware, image: image, argv: ["main.py"], emulator: f.emulator, timeout: timeout)
    }

    func firstDifference(_ a: String, _ b: String) -> String {
        let la = a.split(separator: "\n", omittingEmptySubsequences: false)
        let lb = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(la.count, lb.count) {
            let x = i < la.count ? String(la[i]) : "<none>", y = i < lb.count ? String(lb[i]) : "<none>"
            if x != y { return "\n  line \(i + 1): board \(x.debugDescription)\n           host  \(y.debugDescription)" }
        }
        return ""
    }
}

/// The host VM as `p14p run` runs it (or with a board's heap and stack), output captured.
struct HostRun: Equatable {
    var status: Int32
    var stdout: String
    var stderr: String

    static func run(image bytes: [UInt8], argv: [String], config board: FirmwareBoard?) -> HostRun {
        final class Output { var out: [UInt8] = []; var err: [UInt8] = [] }
        let output = Output()
        var hooks = HostPlatform.hooks
        hooks.write = { fd, bytes in
            if fd == 2 { output.err += bytes } else { output.out += bytes }
        }
        let args = argv.map { Array($0.utf8) }
        let config = board.map {
            VMConfig(heapSize: $0.heapSize, stackSlots: $0.stackSlots, recursionLimit: $0.recursionLimit, argv: args)
        } ?? VMConfig(heapSize: 1 << 20, recursionLimit: 1000, argv: args)
        let status: Int32
        do {
            let vm = try VM(config: config, hooks: hooks)
            try vm.load(try ImageFormat.decode(bytes))
            switch vm.runMain() {
            case .finished: status = 0
            case .exited(let s): status = s
            }
            vm.flushOutput()
        } catch {
            return HostRun(status: -1, stdout: "", stderr: "cannot start")
        }
        return HostRun(status: status, stdout: String(decoding: output.out, as: UTF8.self),
                       stderr: String(decoding: output.err, as: UTF8.self))
    }
}

/// Recipes, prepared firmwares (once per board per test run) and corpus programs.
enum BoardFixtures {
    struct Fixture {
        var board: FirmwareBoard
        var firmware: PreparedFirmware
        var emulator: P14PFirmware.Emulator
    }

    static let root: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func recipe(_ name: String) throws -> BoardRecipe {
        let book = try RecipeBook.load(root: root + "/recipes")
        return try XCTUnwrap(book.board(name), "no recipe recipes/boards/\(name).toml")
    }

    private static var cache: [String: Fixture] = [:]

    static func prepared(_ name: String) throws -> Fixture {
        if let f = cache[name] { return f }
        let recipe = try recipe(name)
        let board = try EmbeddedBoardBuilder.firmwareBoard(for: recipe, repositoryRoot: root)
        let emulator = try XCTUnwrap(try EmbeddedBoardBuilder.emulator(for: recipe), "\(name) has no emulator")
        if let why = emulator.unavailableReason { throw XCTSkip(why) }
        let builder = try FirmwareBuilder(board: board, repositoryRoot: root, log: { print("[\(name)] \($0)") })
        let fixture = Fixture(board: board, firmware: try builder.prepare(), emulator: emulator)
        print(fixture.firmware.sizes.summary)
        cache[name] = fixture
        return fixture
    }

    struct Program {
        var name: String
        var path: String
        var argv: [String]
    }

    /// The differential corpus: Tests/corpus/*.py and */main.py, with their `# args:` headers.
    static func corpusPrograms() -> [Program] {
        let corpus = root + "/Tests/corpus"
        let fm = FileManager.default
        var out: [Program] = []
        for name in ((try? fm.contentsOfDirectory(atPath: corpus)) ?? []).sorted() {
            var path = corpus + "/" + name
            var isDir: ObjCBool = false
            _ = fm.fileExists(atPath: path, isDirectory: &isDir)
            if isDir.boolValue {
                guard name != "errors", name != "p14p_only", fm.fileExists(atPath: path + "/main.py") else { continue }
                path += "/main.py"
            } else if !name.hasSuffix(".py") {
                continue
            }
            out.append(Program(name: name, path: path, argv: [URL(fileURLWithPath: path).lastPathComponent] + args(of: path)))
        }
        return out
    }

    static func args(of path: String) -> [String] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        for line in text.split(separator: "\n") {
            guard line.hasPrefix("#") else { break }
            let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
            if body.hasPrefix("args:") { return shellWords(String(body.dropFirst(5))) }
        }
        return []
    }

    /// Words split on spaces, with "..." and '...' grouping.
    static func shellWords(_ s: String) -> [String] {
        var words: [String] = [], cur = "", inWord = false
        var quote: Character? = nil
        for ch in s {
            if let q = quote {
                if ch == q { quote = nil } else { cur.append(ch) }
            } else if ch == "\"" || ch == "'" {
                quote = ch
                inWord = true
            } else if ch == " " || ch == "\t" {
                if inWord { words.append(cur); cur = ""; inWord = false }
            } else {
                cur.append(ch)
                inWord = true
            }
        }
        if inWord { words.append(cur) }
        return words
    }

    static func image(_ path: String) throws -> [UInt8] {
        ImageFormat.encode(try Compiler.compileProgram(mainPath: path))
    }
}
