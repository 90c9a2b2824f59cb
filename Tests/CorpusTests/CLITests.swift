// SPDX-License-Identifier: LGPL-2.1-only
//
// The p14p command itself: compile to an image and run it, refuse broken
// images and bad options with a message (never a crash), version and help.
import Foundation
import XCTest

final class CLITests: XCTestCase {
    var work: URL!

    override func setUpWithError() throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("p14p-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try """
            import helper
            import sys
            print("args", sys.argv[1:], helper.double(21))
            """.write(to: work.appendingPathComponent("app.py"), atomically: true, encoding: .utf8)
        try "def double(x):\n    return 2 * x\n".write(to: work.appendingPathComponent("helper.py"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: work)
    }

    func p14p(_ args: [String]) throws -> RunResult {
        let exe = try Executables.p14p.get()
        let r = Runner.run(exe, args, cwd: work, timeout: 60)
        XCTAssertNil(r.signal, "p14p crashed: \(r.stderr)")
        return r
    }

    /// machine.UART(0) on the desktop is stdin and stdout, as on a board it is the console port.
    func testTheDesktopUARTReadsStandardInput() throws {
        try """
            from machine import UART
            u = UART(0, timeout=200)
            print("waiting", u.any())
            print(u.readline(), u.read(3), u.read(), u.read())
            u.write(b"sent\\n")
            """.write(to: work.appendingPathComponent("echo.py"), atomically: true, encoding: .utf8)
        try "first line\nabcdefg".write(to: work.appendingPathComponent("input.txt"), atomically: true, encoding: .utf8)
        let r = Runner.run(try Executables.p14p.get(), ["run", "echo.py"], cwd: work, timeout: 60,
                           stdin: work.appendingPathComponent("input.txt"))
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "waiting 18\nb'first line\\n' b'abc' b'defg' None\nsent\n")
    }

    /// A function whose constants take 20 KB of the image before its slot names (a bitmap
    /// as a bytes literal) loads and runs; with the board's value word (make value32) its
    /// 16-byte code record reaches its slot names all the same.
    func testAFunctionWithALargeConstantRuns() throws {
        let literal = String(repeating: "ab", count: 10_000)
        try "def f(a):\n    x = b\"\(literal)\"\n    return len(x) + a\nprint(f(1))\nf()\n"
            .write(to: work.appendingPathComponent("big.py"), atomically: true, encoding: .utf8)
        let r = try p14p(["run", "big.py"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stdout, "20001\n")
        XCTAssertTrue(r.stderr.hasSuffix("TypeError: f() missing 1 required positional argument: 'a'\n"), r.stderr)
    }

    func testCompileThenRunTheImage() throws {
        let compiled = try p14p(["compile", "app.py", "-o", "app.pmi"])
        XCTAssertEqual(compiled.status, 0, compiled.stderr)
        // The image carries the imported module: it runs without the sources.
        try FileManager.default.removeItem(at: work.appendingPathComponent("helper.py"))
        let run = try p14p(["run", "app.pmi", "x", "--flag"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "args ['x', '--flag'] 42\n")
        let listing = try p14p(["disasm", "app.pmi"])
        XCTAssertTrue(listing.stdout.contains("IMPORT_NAME"), listing.stdout)
    }

    func testBrokenImagesAreRefusedWithAMessage() throws {
        XCTAssertEqual(try p14p(["compile", "app.py", "-o", "app.pmi"]).status, 0)
        let good = try Data(contentsOf: work.appendingPathComponent("app.pmi"))
        let cases: [(String, Data, String)] = [
            ("truncated.pmi", good.prefix(good.count / 2), "truncated code image"),
            ("corrupt.pmi", { var d = good; d[d.count / 2] ^= 0xFF; return d }(), "checksum mismatch"),
            ("header.pmi", good.prefix(6), "truncated code image"),
            // An image from an older p14p (format 5: each str where it was used, no pool yet).
            ("old.pmi", { var d = good; d[4] = 5; d[5] = 0; return d }(),
             "unsupported image format version 5 (this VM reads version 6; compile the program again)"),
        ]
        for (name, data, message) in cases {
            try data.write(to: work.appendingPathComponent(name))
            let r = try p14p(["run", name])
            XCTAssertEqual(r.status, 1, name)
            XCTAssertTrue(r.stderr.contains(message), "\(name): \(r.stderr)")
        }
    }

    func testBadInputsGetClearErrors() throws {
        let missing = try p14p(["run", "nope.py"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("can't open file 'nope.py'"), missing.stderr)
        // 1K, the least --heap takes: less than the VM's own start and this
        // program's 300-item tuple take (a 32-bit board, whose names and strs
        // stay in the image, starts a small program in 1K and runs out later).
        try ("t = (" + (0..<300).map(String.init).joined(separator: ", ") + ")\nprint(len(t))\n")
            .write(to: work.appendingPathComponent("big_tuple.py"), atomically: true, encoding: .utf8)
        let tinyHeap = try p14p(["run", "--heap", "1K", "big_tuple.py"])
        XCTAssertEqual(tinyHeap.status, 1)
        XCTAssertTrue(tinyHeap.stderr.contains("too small"), tinyHeap.stderr)
        let badHeap = try p14p(["run", "--heap", "lots", "app.py"])
        XCTAssertNotEqual(badHeap.status, 0)
        XCTAssertTrue(badHeap.stderr.contains("--heap"), badHeap.stderr)
    }

    func testOneCharacterPathsRunOrFailCleanly() throws {
        // Foundation's deletingLastPathComponent trapped (SIGILL) on "a" and "a/".
        for name in ["a", "a/", "b.py"] {
            let r = try p14p(["run", name])
            XCTAssertEqual(r.status, 1, name)
            XCTAssertTrue(r.stderr.contains("can't open file '\(name)'") && r.stderr.contains("No such file"), "\(name): \(r.stderr)")
        }
        try "import helper\nprint(helper.double(4))\n".write(to: work.appendingPathComponent("a"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: work.appendingPathComponent("a"), to: work.appendingPathComponent("b.py"))
        for name in ["a", "b.py"] {
            let r = try p14p(["run", name])
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
            XCTAssertEqual(r.stdout, "8\n", name)
        }
        XCTAssertEqual(try p14p(["compile", "a"]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("a.pmi").path))
        XCTAssertEqual(try p14p(["run", "a.pmi"]).stdout, "8\n")
    }

    func testATracebackShowsEachFramesSourceLine() throws {
        // As CPython: the line's text without its indentation (what trails it stays) under
        // each `File` line; none for code compiled from a string, whose file is `<string>`.
        try "def f(x):\n    return 1 / x\n\ndef g():\n\t  return f(0)   \r\n\nexec('g()')\n"
            .write(to: work.appendingPathComponent("tb.py"), atomically: true, encoding: .utf8)
        let r = try p14p(["run", "tb.py"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr, [
            "Traceback (most recent call last):",
            "  File \"tb.py\", line 7, in <module>",
            "    exec('g()')",
            "  File \"<string>\", line 1, in <module>",
            "  File \"tb.py\", line 5, in g",
            "    return f(0)   ",
            "  File \"tb.py\", line 2, in f",
            "    return 1 / x",
            "ZeroDivisionError: division by zero",
            "",
        ].joined(separator: "\n"))
        // Run as a firmware (--no-compiler, as the boards' host runs are): no source lines, as on a board.
        try "def f(x):\n    return 1 / x\n\nf(0)\n".write(to: work.appendingPathComponent("tb2.py"), atomically: true, encoding: .utf8)
        let board = try p14p(["run", "--no-compiler", "tb2.py"])
        XCTAssertEqual(board.stderr, [
            "Traceback (most recent call last):",
            "  File \"tb2.py\", line 4, in <module>",
            "  File \"tb2.py\", line 2, in f",
            "ZeroDivisionError: division by zero",
            "",
        ].joined(separator: "\n"))
    }

    /// Runs p14p through sh with `limits` (ulimit options) applied first.
    func p14pLimited(_ limits: String, _ args: [String]) throws -> RunResult {
        let exe = try Executables.p14p.get()
        let command = "ulimit \(limits) && exec \"$0\" \"$@\""
        let r = Runner.run("/bin/sh", ["-c", command, exe] + args, cwd: work, timeout: 120)
        XCTAssertNil(r.signal, "p14p crashed: \(r.stderr)")
        return r
    }

    func testRecursionThroughNativesEndsInRecursionErrorWhateverTheStackLimit() throws {
        // The VM runs on a thread of its own whose stack it knows: a tiny
        // `ulimit -s` for the process, or a huge recursion limit, cannot
        // make it overrun the C stack.
        try """
            class A:
                def __repr__(self): return repr(self)
            try:
                repr(A())
            except RecursionError as e:
                print("RecursionError")
            def g(n):
                yield from g(n + 1)
            next(g(0))
            """.write(to: work.appendingPathComponent("deep.py"), atomically: true, encoding: .utf8)
        for (limits, args) in [("-s 1024", [String]()), ("-s 8192", ["--recursion-limit", "100000000"]),
                               ("-s 1024", ["--recursion-limit", "100000000", "--c-stack", "2M"])] {
            let r = try p14pLimited(limits, ["run"] + args + ["deep.py"])
            XCTAssertEqual(r.status, 1, "\(limits) \(args): \(r.stderr)")
            XCTAssertEqual(r.stdout, "RecursionError\n", "\(limits) \(args)")
            XCTAssertTrue(r.stderr.contains("RecursionError: maximum recursion depth exceeded"), r.stderr)
        }
        let bad = try p14p(["run", "--c-stack", "10", "deep.py"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--c-stack"), bad.stderr)
    }

    func testHostMemoryStaysNearTheHeap() throws {
        // Widths, precisions, repeat counts and text far past the heap are
        // refused before the host allocates: under a 400 MB address-space
        // limit (the heap is 4 MiB) the program runs to its end.
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("corpus/p14p_only")
        let program = corpus.appendingPathComponent("host_memory_bounds.py")
        // Under AddressSanitizer (make asan) the shadow memory alone needs
        // terabytes of address space: there the program runs unlimited.
        let underASan = ProcessInfo.processInfo.environment["ASAN_OPTIONS"] != nil
        let r = try p14pLimited(underASan ? "-v unlimited" : "-v 400000", ["run", program.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, try String(contentsOf: corpus.appendingPathComponent("host_memory_bounds.expected"), encoding: .utf8))
    }

    func testCompileReplacesOnlyRegularFiles() throws {
        let fm = FileManager.default
        func path(_ name: String) -> String { work.appendingPathComponent(name).path }
        func type(_ name: String) -> FileAttributeType? {
            (try? fm.attributesOfItem(atPath: path(name)))?[.type] as? FileAttributeType
        }
        XCTAssertEqual(mkfifo(path("fifo"), 0o644), 0)
        try fm.createDirectory(atPath: path("folder"), withIntermediateDirectories: false)
        try fm.createSymbolicLink(atPath: path("to-fifo"), withDestinationPath: "fifo")
        try fm.createSymbolicLink(atPath: path("to-nothing"), withDestinationPath: "missing")
        var refused = ["fifo": FileAttributeType.typeUnknown, "folder": .typeDirectory,
                       "to-fifo": .typeSymbolicLink, "to-nothing": .typeSymbolicLink]
        // As root a rename would replace a device node, so make one here (a copy of /dev/null's numbers).
        if getuid() == 0 && mknod(path("device"), S_IFCHR | 0o666, (1 << 8) | 3) == 0 {
            refused["device"] = .typeCharacterSpecial
        }
        refused["fifo"] = type("fifo")
        for (name, kind) in refused {
            let r = try p14p(["compile", "app.py", "-o", name])
            XCTAssertEqual(r.status, 1, name)
            XCTAssertTrue(r.stderr.contains("not a regular file") || r.stderr.contains("to nothing"), "\(name): \(r.stderr)")
            XCTAssertEqual(type(name), kind, "\(name) was replaced")
        }
        XCTAssertFalse(try fm.contentsOfDirectory(atPath: work.path).contains { $0.contains(".tmp-") })

        // A new file, a regular file, and a regular file behind a link are written.
        try "old".write(toFile: path("old.pmi"), atomically: true, encoding: .utf8)
        try fm.createSymbolicLink(atPath: path("link.pmi"), withDestinationPath: "old.pmi")
        for name in ["new.pmi", "old.pmi", "link.pmi"] {
            let r = try p14p(["compile", "app.py", "-o", name])
            XCTAssertEqual(r.status, 0, "\(name): \(r.stderr)")
            XCTAssertEqual(try p14p(["run", name]).stdout, "args [] 42\n", name)
        }
        XCTAssertEqual(type("link.pmi"), .typeSymbolicLink)
        XCTAssertEqual(type("old.pmi"), .typeRegular)
    }

    /// `p14p run PROGRAM ARGS` without options is read without ArgumentParser
    /// (RunRequest); with options it is ArgumentParser's. Both give the
    /// program every argument after it verbatim, the same defaults and the
    /// same exit status.
    func testRunWithAndWithoutOptionsAgree() throws {
        try """
            import sys
            print(sys.argv[1:], sys.heap()[1])
            raise SystemExit(int(sys.argv[1]))
            """.write(to: work.appendingPathComponent("status.py"), atomically: true, encoding: .utf8)
        let plain = try p14p(["run", "status.py", "3", "--heap", "64K", "-x", "--", "y"])
        XCTAssertEqual(plain.status, 3, plain.stderr)
        XCTAssertEqual(plain.stdout, "['3', '--heap', '64K', '-x', '--', 'y'] 4194304\n", "the default heap; options after the program are the program's")
        let optioned = try p14p(["run", "--heap", "64K", "status.py", "4", "--no-float"])
        XCTAssertEqual(optioned.status, 4, optioned.stderr)
        XCTAssertEqual(optioned.stdout, "['4', '--no-float'] 65536\n")
        let defaults = try p14p(["run", "--recursion-limit", "1000", "--c-stack", "256M", "status.py", "0"])
        XCTAssertEqual(defaults.status, 0, defaults.stderr)
        XCTAssertEqual(defaults.stdout, "['0'] 4194304\n", "the plain path's defaults are the options' defaults")
        let uncaught = try p14p(["run", "status.py"])
        XCTAssertEqual(uncaught.status, 1)
        XCTAssertTrue(uncaught.stderr.hasSuffix("IndexError: list index out of range\n"), uncaught.stderr)
        let missing = try p14p(["run", "no-such-file.py"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no-such-file.py"), missing.stderr)
    }

    /// The heap's pages are touched only when used: a program on a 1 GiB
    /// heap that allocates little stays far below 1 GiB of resident memory
    /// (the whole heap was cleared up front before).
    func testAnUnusedHeapCostsNoResidentMemory() throws {
        let timeTool = "/usr/bin/time"
        guard FileManager.default.isExecutableFile(atPath: timeTool) else { throw XCTSkip("no \(timeTool)") }
        let exe = try Executables.p14p.get()
        let rssFile = work.appendingPathComponent("rss").path
        let r = Runner.run(timeTool, ["-f", "%M", "-o", rssFile, exe, "run", "--heap", "1G", "app.py"], cwd: work, timeout: 60)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, "args [] 42\n")
        let kilobytes = try String(contentsOfFile: rssFile, encoding: .utf8).split(separator: "\n").last.flatMap { Int($0) }
        XCTAssertLessThan(try XCTUnwrap(kilobytes), 128 * 1024, "peak RSS in KB with a 1 GiB heap")
    }

    func testVersionAndHelp() throws {
        let version = try p14p(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.stdout.hasPrefix("p14p "), version.stdout)
        let help = try p14p(["--help"])
        XCTAssertEqual(help.status, 0)
        for command in ["run", "compile", "disasm", "version"] {
            XCTAssertTrue(help.stdout.contains(command), "help lacks \(command)")
        }
    }
}
