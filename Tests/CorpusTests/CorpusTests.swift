// SPDX-License-Identifier: LGPL-2.1-only
//
// Differential test runner for the corpus in Tests/corpus/.
//
// For every program it runs CPython (`python3 prog.py args`) and p14p
// (`p14p run [p14p-args] prog.py args`) with the program's folder as the
// working directory and compares what they do:
//
//   Tests/corpus/NAME.py           exit status and stdout must be identical.
//   Tests/corpus/DIR/main.py       (e.g. modules/) the same; the other files
//                                  in DIR are modules it imports.
//   Tests/corpus/errors/NAME.py    programs that fail. Exit status and stdout
//                                  must be identical, and also the exception
//                                  line (last line of stderr) and the
//                                  sequence of `  File "...", line N, in NAME`
//                                  lines (file compared by basename). When
//                                  CPython reports a SyntaxError (or
//                                  IndentationError/TabError), p14p must exit
//                                  with status 1 and its stderr must name the
//                                  file and the same line number and contain
//                                  `SyntaxError` (or IndentationError/TabError).
//   Tests/corpus/p14p_only/NAME.py run by p14p only; stdout must equal
//                                  NAME.expected and the exit status must
//                                  equal NAME.status (default 0).
//
// Headers, in the comment lines at the top of a program:
//   # args: a b "c d"        argv arguments for both interpreters
//   # p14p-args: --heap 65536 options for p14p only (between `run` and the path)
//   # p14p-also: --no-long-ints (differential programs) run p14p a second
//                             time with these options too: the result must
//                             still be CPython's (a board's feature switches)
//   # p14p-column: 5          (syntax errors) p14p's stderr must say `column 5`
//   # p14p-word: 64           the p14p-only expected output (or the p14p-also
//                             run's) holds for this value word only: small
//                             ints of 63 bits (64) or 31 bits (32, a board's)
//
// Environment variables:
//   P14P_BIN=/path/to/exe     use this executable instead of the built `p14p`
//                             (it is called as `EXE run [p14p-args] prog.py
//                             args`). Handy to test the runner itself with a
//                             wrapper script around python3 that drops `run`
//                             and `--heap N`.
//   P14P_CORPUS=a,b           run only programs whose id (e.g. `strings`,
//                             `errors/key_error`, `p14p_only/sys_heap`)
//                             contains one of the comma-separated strings.
//   P14P_PYTHON=/path/python3 the reference interpreter (default: python3 on PATH).
//   P14P_TIMEOUT=seconds      per-process timeout (default 60).
//   P14P_VALUE_BITS=32        the p14p under test uses the 32-bit value word
//                             (built with -D P14P_VALUE32; default 64)
//
// One XCTest method per corpus area; `testOtherPrograms` picks up programs
// added later that no method names. Within a method, programs run two at a
// time; every failure is collected (with the first differing line) and the
// method fails once listing all of them. Each program logs PASS/FAIL/SKIP.

import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Corpus model

enum ProgramKind {
    case differential   // compare with CPython: status + stdout
    case error          // errors/: also exception line and traceback frames
    case p14pOnly       // p14p_only/: compare with NAME.expected / NAME.status
}

struct CorpusProgram {
    var id: String        // e.g. "strings", "modules", "errors/key_error"
    var path: URL         // the .py file to run
    var kind: ProgramKind
    var args: [String] = []
    var p14pArgs: [String] = []
    /// Options of a second p14p run that must give CPython's result as well.
    var p14pAlso: [String]? = nil
    var column: Int? = nil
    /// `# p14p-word:` the value word its p14p-only results assume.
    var word: Int? = nil

    /// Whether its word-specific results hold for the p14p under test.
    var wordMatches: Bool { word == nil || word == Corpus.valueBits }
}

struct RunResult {
    var status: Int32 = -1
    var stdout = ""
    var stderr = ""
    var timedOut = false
    var signal: Int32? = nil     // set when the process died of a signal (status = 128 + signal)
    var launchError: String? = nil

    var summary: String {
        if let e = launchError { return "could not launch: \(e)" }
        if timedOut { return "timed out (killed)" }
        if let sig = signal { return "killed by signal \(sig) (status \(status))" }
        return "exit status \(status)"
    }
}

enum Corpus {
    /// The value word of the p14p under test: $P14P_VALUE_BITS, else 64.
    static let valueBits = Int(ProcessInfo.processInfo.environment["P14P_VALUE_BITS"] ?? "") ?? 64
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // CorpusTests/
        .deletingLastPathComponent()   // Tests/
        .appendingPathComponent("corpus", isDirectory: true)

    static let timeout: Double = {
        if let s = ProcessInfo.processInfo.environment["P14P_TIMEOUT"], let t = Double(s), t > 0 { return t }
        return 60
    }()

    /// Every program in the corpus, sorted by id.
    static let programs: [CorpusProgram] = discover()

    static func discover() -> [CorpusProgram] {
        let fm = FileManager.default
        var out: [CorpusProgram] = []
        func pyFiles(_ dir: URL) -> [String] {
            let names = (try? fm.contentsOfDirectory(atPath: dir.path)) ?? []
            return names.filter { $0.hasSuffix(".py") }.sorted()
        }
        for name in pyFiles(root) {
            out.append(CorpusProgram(id: String(name.dropLast(3)), path: root.appendingPathComponent(name), kind: .differential))
        }
        let dirs = ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        for d in dirs {
            var isDir: ObjCBool = false
            let url = root.appendingPathComponent(d, isDirectory: true)
            guard fm.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue, !d.hasPrefix("."), !d.hasPrefix("__") else { continue }
            switch d {
            case "errors":
                for name in pyFiles(url) {
                    out.append(CorpusProgram(id: "errors/" + name.dropLast(3), path: url.appendingPathComponent(name), kind: .error))
                }
            case "p14p_only":
                for name in pyFiles(url) {
                    out.append(CorpusProgram(id: "p14p_only/" + name.dropLast(3), path: url.appendingPathComponent(name), kind: .p14pOnly))
                }
            default:
                let main = url.appendingPathComponent("main.py")
                if fm.fileExists(atPath: main.path) {
                    out.append(CorpusProgram(id: d, path: main, kind: .differential))
                }
            }
        }
        return out.map(readHeaders).sorted { $0.id < $1.id }
    }

    /// Reads `# args:`, `# p14p-args:` and `# p14p-column:` from the leading comment block.
    static func readHeaders(_ p: CorpusProgram) -> CorpusProgram {
        var p = p
        guard let text = try? String(contentsOf: p.path, encoding: .utf8) else { return p }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard line.hasPrefix("#") else { break }
            let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
            if let v = value(of: "args:", in: body) { p.args = shellSplit(v) }
            else if let v = value(of: "p14p-args:", in: body) { p.p14pArgs = shellSplit(v) }
            else if let v = value(of: "p14p-also:", in: body) { p.p14pAlso = shellSplit(v) }
            else if let v = value(of: "p14p-column:", in: body) { p.column = Int(v.trimmingCharacters(in: .whitespaces)) }
            else if let v = value(of: "p14p-word:", in: body) { p.word = Int(v.trimmingCharacters(in: .whitespaces)) }
        }
        return p
    }

    private static func value(of key: String, in body: String) -> String? {
        body.hasPrefix(key) ? String(body.dropFirst(key.count)) : nil
    }

    /// Splits on whitespace; '...' and "..." group words, backslash escapes one character.
    static func shellSplit(_ s: String) -> [String] {
        var words: [String] = []
        var cur = ""
        var inWord = false
        var quote: Character? = nil
        var escape = false
        for ch in s {
            if escape { cur.append(ch); escape = false; inWord = true; continue }
            if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escape = true } else { cur.append(ch) }
                continue
            }
            switch ch {
            case "\\": escape = true; inWord = true
            case "\"", "'": quote = ch; inWord = true
            case " ", "\t":
                if inWord { words.append(cur); cur = ""; inWord = false }
            default: cur.append(ch); inWord = true
            }
        }
        if inWord { words.append(cur) }
        return words
    }
}

// MARK: - Executables

enum Executables {
    /// The p14p executable: $P14P_BIN, else `p14p` in the products directory
    /// that holds this test bundle. Returns an error message when missing.
    static let p14p: Result<String, CorpusError> = locateP14P()

    static let python: Result<String, CorpusError> = {
        let env = ProcessInfo.processInfo.environment
        if let p = env["P14P_PYTHON"], !p.isEmpty { return .success(p) }
        for dir in (env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") {
            let cand = String(dir) + "/python3"
            if FileManager.default.isExecutableFile(atPath: cand) { return .success(cand) }
        }
        return .failure(CorpusError("python3 not found on PATH (set P14P_PYTHON)"))
    }()

    private static func locateP14P() -> Result<String, CorpusError> {
        let fm = FileManager.default
        if let p = ProcessInfo.processInfo.environment["P14P_BIN"], !p.isEmpty {
            return fm.isExecutableFile(atPath: p) ? .success(p)
                : .failure(CorpusError("P14P_BIN=\(p) is not an executable file"))
        }
        // Candidate products directories: where the test bundle / test binary lives.
        var dirs: [URL] = []
        func addDir(containing url: URL) {
            var u = url.standardizedFileURL
            // Walk up out of a macOS bundle (…/X.xctest/Contents/MacOS/X) to the products dir.
            while u.path != "/" {
                if u.pathExtension == "xctest" { dirs.append(u.deletingLastPathComponent()); return }
                u = u.deletingLastPathComponent()
            }
            dirs.append(url.standardizedFileURL.deletingLastPathComponent())
        }
        for b in Bundle.allBundles where b.bundleURL.pathExtension == "xctest" { addDir(containing: b.bundleURL) }
        if let exe = Bundle.main.executableURL { addDir(containing: exe) }
        addDir(containing: URL(fileURLWithPath: CommandLine.arguments[0]))
        if let self_ = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            addDir(containing: URL(fileURLWithPath: self_))
        }
        var seen = Set<String>()
        for d in dirs where seen.insert(d.path).inserted {
            let cand = d.appendingPathComponent("p14p").path
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: cand, isDirectory: &isDir), !isDir.boolValue, fm.isExecutableFile(atPath: cand) {
                return .success(cand)
            }
        }
        return .failure(CorpusError("the p14p executable was not found next to the test bundle; searched: "
            + seen.sorted().joined(separator: ", ")
            + ". Build it (`swift build --product p14p`, same --scratch-path and configuration) or set P14P_BIN."))
    }
}

struct CorpusError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

// MARK: - Running processes

enum Runner {
    /// Runs `exe args` in `cwd`, capturing stdout and stderr into temporary
    /// files (no pipe deadlocks). Kills the process after `timeout` seconds.
    /// `stdin`: a file the program reads as its standard input (none: /dev/null).
    static func run(_ exe: String, _ args: [String], cwd: URL, timeout: Double, stdin: URL? = nil) -> RunResult {
        var result = RunResult()
        let fm = FileManager.default
        let tmp = fm.temporaryDirectory.appendingPathComponent("p14p-corpus-" + UUID().uuidString, isDirectory: true)
        defer { try? fm.removeItem(at: tmp) }
        do {
            try fm.createDirectory(at: tmp, withIntermediateDirectories: true)
        } catch {
            result.launchError = "cannot create \(tmp.path): \(error)"
            return result
        }
        let outURL = tmp.appendingPathComponent("stdout")
        let errURL = tmp.appendingPathComponent("stderr")
        _ = fm.createFile(atPath: outURL.path, contents: nil)
        _ = fm.createFile(atPath: errURL.path, contents: nil)
        guard let outH = try? FileHandle(forWritingTo: outURL), let errH = try? FileHandle(forWritingTo: errURL) else {
            result.launchError = "cannot open capture files in \(tmp.path)"
            return result
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        p.currentDirectoryURL = cwd
        var env = ProcessInfo.processInfo.environment
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONHASHSEED"] = "0"
        env["PYTHONIOENCODING"] = "utf-8"
        env["PYTHONUTF8"] = "1"
        p.environment = env
        p.standardInput = stdin.flatMap { try? FileHandle(forReadingFrom: $0) } ?? FileHandle.nullDevice
        p.standardOutput = outH
        p.standardError = errH
        let done = DispatchSemaphore(value: 0)
        p.terminationHandler = { _ in done.signal() }
        do {
            try p.run()
        } catch {
            try? outH.close(); try? errH.close()
            result.launchError = "\(exe): \(error)"
            return result
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            result.timedOut = true
            // swift-corelibs-foundation starts the child as the leader of its
            // own process group: signal the whole group so that grandchildren
            // (e.g. a wrapper script's interpreter) die too. Never signal our
            // own group.
            let pid = p.processIdentifier
            let target = (getpgid(pid) == pid && pid != getpgrp()) ? -pid : pid
            kill(target, SIGTERM)
            if done.wait(timeout: .now() + 2) == .timedOut {
                kill(target, SIGKILL)
                done.wait()
            }
        }
        try? outH.close(); try? errH.close()
        if p.terminationReason == .uncaughtSignal {
            result.signal = p.terminationStatus
            result.status = 128 + p.terminationStatus
        } else {
            result.status = p.terminationStatus
        }
        result.stdout = String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self)
        result.stderr = String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self)
        return result
    }

    static func runPython(_ prog: CorpusProgram) -> RunResult {
        switch Executables.python {
        case .failure(let e): return RunResult(launchError: e.description)
        case .success(let py):
            return run(py, [prog.path.lastPathComponent] + prog.args,
                       cwd: prog.path.deletingLastPathComponent(), timeout: Corpus.timeout)
        }
    }

    static func runP14P(_ prog: CorpusProgram) -> RunResult {
        switch Executables.p14p {
        case .failure(let e): return RunResult(launchError: e.description)
        case .success(let exe):
            return run(exe, ["run"] + prog.p14pArgs + [prog.path.lastPathComponent] + prog.args,
                       cwd: prog.path.deletingLastPathComponent(), timeout: Corpus.timeout)
        }
    }
}

// MARK: - Comparison

enum Compare {
    static func lines(_ s: String) -> [String] {
        var l = s.components(separatedBy: "\n")
        if l.last == "" { l.removeLast() }
        return l
    }

    /// Describes the first differing line of two texts, or nil when equal.
    static func firstDifference(expected: String, actual: String, what: String) -> String? {
        if expected == actual { return nil }
        let e = lines(expected), a = lines(actual)
        var i = 0
        while i < e.count && i < a.count && e[i] == a[i] { i += 1 }
        var msg = "\(what) differs at line \(i + 1) (expected \(e.count) lines, got \(a.count)):\n"
        msg += "      expected: " + (i < e.count ? show(e[i]) : "<end of output>") + "\n"
        msg += "      actual:   " + (i < a.count ? show(a[i]) : "<end of output>")
        if i >= e.count && i >= a.count {
            msg += "\n      (difference in the trailing newline)"
        }
        return msg
    }

    static func show(_ s: String) -> String {
        let clipped = s.count > 300 ? String(s.prefix(300)) + "…" : s
        return "\"" + clipped.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\t", with: "\\t") + "\""
    }

    static func lastLine(_ s: String) -> String {
        lines(s).last(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? ""
    }

    struct Frame: Equatable, CustomStringConvertible {
        var file: String, line: Int, name: String
        var description: String { "\(file):\(line) in \(name)" }
    }

    /// Parses `  File "path", line N, in NAME` lines (other lines are ignored).
    static func frames(_ stderr: String) -> [Frame] {
        lines(stderr).compactMap { l -> Frame? in
            guard l.hasPrefix("  File \"") else { return nil }
            let rest = l.dropFirst("  File \"".count)
            guard let q = rest.firstIndex(of: "\"") else { return nil }
            let file = (String(rest[..<q]) as NSString).lastPathComponent
            let tail = rest[rest.index(after: q)...]
            guard let ln = lineNumber(in: String(tail)) else { return nil }
            var name = ""
            if let r = tail.range(of: ", in ") { name = String(tail[r.upperBound...]) }
            return Frame(file: file, line: ln, name: name)
        }
    }

    /// The N in `, line N` (stops at the first non-digit).
    static func lineNumber(in s: String) -> Int? {
        guard let r = s.range(of: "line ") else { return nil }
        let digits = s[r.upperBound...].prefix(while: { $0.isNumber })
        return Int(digits)
    }

    static let syntaxErrorNames = ["SyntaxError", "IndentationError", "TabError"]

    static func isSyntaxError(_ stderr: String) -> Bool {
        let last = lastLine(stderr)
        return syntaxErrorNames.contains { last.hasPrefix($0 + ":") || last == $0 }
    }

    /// Returns a list of problems (empty when the program passes).
    static func check(_ prog: CorpusProgram) -> [String] {
        var problems: [String] = []
        let mine = Runner.runP14P(prog)
        if let e = mine.launchError { return ["p14p " + e] }

        if prog.kind == .p14pOnly {
            let base = prog.path.deletingPathExtension()
            guard let expected = try? String(contentsOf: base.appendingPathExtension("expected"), encoding: .utf8) else {
                return ["missing \(base.lastPathComponent).expected"]
            }
            var expectedStatus: Int32 = 0
            if let s = try? String(contentsOf: base.appendingPathExtension("status"), encoding: .utf8) {
                expectedStatus = Int32(s.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            }
            if mine.timedOut { problems.append("p14p timed out after \(Int(Corpus.timeout)) s") }
            else if mine.status != expectedStatus { problems.append("exit status: expected \(expectedStatus), p14p \(mine.summary)") }
            if let d = firstDifference(expected: expected, actual: mine.stdout, what: "stdout") { problems.append(d) }
            if !problems.isEmpty { problems.append(stderrTail(mine.stderr)) }
            return problems
        }

        let ref = Runner.runPython(prog)
        if let e = ref.launchError { return ["python3 " + e] }
        if ref.timedOut { return ["python3 timed out (corpus program bug?)"] }
        if mine.timedOut { return ["p14p timed out after \(Int(Corpus.timeout)) s", stderrTail(mine.stderr)] }

        if prog.kind == .error && isSyntaxError(ref.stderr) {
            if ref.status != 1 { problems.append("python3 exit status \(ref.status), expected 1 (corpus bug?)") }
            if mine.status != 1 { problems.append("exit status: expected 1, p14p \(mine.summary)") }
            let name = prog.path.lastPathComponent
            let refLine = frames(ref.stderr).last?.line ?? syntaxLine(ref.stderr)
            let myFileLines = lines(mine.stderr).filter { $0.contains("File \"") }
            if !myFileLines.contains(where: { $0.contains(name + "\"") }) {
                problems.append("stderr does not name the file \(name)")
            }
            let myLine = myFileLines.compactMap { lineNumber(in: $0) }.last
            if myLine != refLine {
                problems.append("syntax error line: expected \(refLine.map(String.init) ?? "?"), p14p \(myLine.map(String.init) ?? "none")")
            }
            if !syntaxErrorNames.contains(where: { mine.stderr.contains($0) }) {
                problems.append("stderr does not contain SyntaxError")
            }
            if let col = prog.column, !mine.stderr.contains("column \(col)") {
                problems.append("stderr does not report column \(col)")
            }
            if let d = firstDifference(expected: ref.stdout, actual: mine.stdout, what: "stdout") { problems.append(d) }
            if !problems.isEmpty { problems.append(stderrTail(mine.stderr)) }
            return problems
        }

        if ref.status != mine.status {
            problems.append("exit status: python3 \(ref.status), p14p \(mine.summary)")
        }
        if let d = firstDifference(expected: ref.stdout, actual: mine.stdout, what: "stdout") { problems.append(d) }
        if let also = prog.p14pAlso, prog.wordMatches {
            var again = prog
            again.p14pArgs += also
            let other = Runner.runP14P(again)
            let label = "with " + also.joined(separator: " ")
            if other.status != ref.status { problems.append("exit status \(label): python3 \(ref.status), p14p \(other.summary)") }
            if let d = firstDifference(expected: ref.stdout, actual: other.stdout, what: "stdout \(label)") {
                problems.append(d)
                problems.append(stderrTail(other.stderr))
            }
        }
        if prog.kind == .error {
            if ref.status == 0 { problems.append("python3 exited with 0: errors/ programs must fail (corpus bug?)") }
            let el = lastLine(ref.stderr), al = lastLine(mine.stderr)
            if el != al { problems.append("exception line:\n      expected: \(show(el))\n      actual:   \(show(al))") }
            let ef = frames(ref.stderr), af = frames(mine.stderr)
            if ef != af {
                problems.append("traceback frames:\n      expected: \(ef.map(\.description))\n      actual:   \(af.map(\.description))")
            }
        }
        if !problems.isEmpty { problems.append(stderrTail(mine.stderr)) }
        return problems
    }

    /// Line number from CPython's syntax error header when it has no frames parsed.
    static func syntaxLine(_ stderr: String) -> Int? {
        lines(stderr).first(where: { $0.hasPrefix("  File ") }).flatMap { lineNumber(in: $0) }
    }

    static func stderrTail(_ s: String) -> String {
        let l = lines(s)
        if l.isEmpty { return "p14p stderr: <empty>" }
        return "p14p stderr (last lines):\n" + l.suffix(8).map { "      | " + $0 }.joined(separator: "\n")
    }
}

// MARK: - Test cases

final class CorpusTests: XCTestCase {
    /// Program ids named by the per-area methods below (errors/ and
    /// p14p_only/ are covered by prefix); anything else runs in testOtherPrograms.
    static let areas = [
        "literals", "arithmetic", "ints_32bit", "strings", "percent_format", "lists", "tuples", "dicts",
        "sets", "control_flow", "functions", "generators", "comprehensions", "classes", "exceptions",
        "builtins", "unpacking", "augmented_assign", "scoping", "assert", "sys_module", "modules",
        "gc_stress", "recursion",
    ]

    func testLiterals() { runCorpus(["literals"]) }
    func testArithmetic() { runCorpus(["arithmetic"]) }
    func testInts32Bit() { runCorpus(["ints_32bit"]) }
    func testStrings() { runCorpus(["strings"]) }
    func testPercentFormat() { runCorpus(["percent_format"]) }
    func testLists() { runCorpus(["lists"]) }
    func testTuples() { runCorpus(["tuples"]) }
    func testDicts() { runCorpus(["dicts"]) }
    func testSets() { runCorpus(["sets"]) }
    func testControlFlow() { runCorpus(["control_flow"]) }
    func testFunctions() { runCorpus(["functions"]) }
    func testGenerators() { runCorpus(["generators"]) }
    func testComprehensions() { runCorpus(["comprehensions"]) }
    func testClasses() { runCorpus(["classes"]) }
    func testExceptions() { runCorpus(["exceptions"]) }
    func testBuiltins() { runCorpus(["builtins"]) }
    func testUnpacking() { runCorpus(["unpacking"]) }
    func testAugmentedAssign() { runCorpus(["augmented_assign"]) }
    func testScoping() { runCorpus(["scoping"]) }
    func testAssert() { runCorpus(["assert"]) }
    func testSysModule() { runCorpus(["sys_module"]) }
    func testModules() { runCorpus(["modules"]) }
    func testGCStress() { runCorpus(["gc_stress"]) }
    func testRecursion() { runCorpus(["recursion"]) }

    func testErrors() { runCorpus(Corpus.programs.filter { $0.kind == .error }.map(\.id)) }
    func testP14POnly() { runCorpus(Corpus.programs.filter { $0.kind == .p14pOnly }.map(\.id)) }

    /// Programs added to the corpus that no method above names.
    func testOtherPrograms() {
        let known = Set(Self.areas)
        runCorpus(Corpus.programs.filter { $0.kind == .differential && !known.contains($0.id) }.map(\.id),
                  allowEmpty: true)
    }

    /// The corpus must not be empty, and every area named above must exist.
    func testCorpusIsComplete() {
        let ids = Set(Corpus.programs.map(\.id))
        XCTAssertFalse(ids.isEmpty, "no programs found in \(Corpus.root.path)")
        for a in Self.areas { XCTAssertTrue(ids.contains(a), "corpus program \(a) is missing") }
    }

    // MARK: helpers

    private func selected(_ ids: [String]) -> (run: [CorpusProgram], skipped: [String]) {
        let filter = (ProcessInfo.processInfo.environment["P14P_CORPUS"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var run: [CorpusProgram] = [], skipped: [String] = []
        for id in ids {
            guard let p = Corpus.programs.first(where: { $0.id == id }) else { continue }
            if p.kind == .p14pOnly && !p.wordMatches { print("SKIP \(id) (for the \(p.word ?? 0)-bit value word)"); continue }
            if filter.isEmpty || filter.contains(where: { id.contains($0) }) { run.append(p) } else { skipped.append(id) }
        }
        return (run, skipped)
    }

    private func runCorpus(_ ids: [String], allowEmpty: Bool = false, file: StaticString = #filePath, line: UInt = #line) {
        let missing = ids.filter { id in !Corpus.programs.contains { $0.id == id } }
        if !missing.isEmpty {
            XCTFail("corpus programs not found in \(Corpus.root.path): \(missing)", file: file, line: line)
        }
        if ids.isEmpty && !allowEmpty {
            XCTFail("no corpus programs for this test", file: file, line: line)
            return
        }
        let (programs, skipped) = selected(ids)
        for s in skipped { print("SKIP \(s) (P14P_CORPUS)") }
        if programs.isEmpty { return }
        if case .failure(let e) = Executables.p14p {
            XCTFail(e.description, file: file, line: line)
            return
        }

        let lock = NSLock()
        var failures: [(String, [String])] = []
        var next = 0
        let workers = min(2, programs.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                lock.lock()
                let i = next
                next += 1
                lock.unlock()
                if i >= programs.count { return }
                let prog = programs[i]
                let problems = Compare.check(prog)
                lock.lock()
                if problems.isEmpty {
                    print("PASS \(prog.id)")
                } else {
                    print("FAIL \(prog.id)")
                    failures.append((prog.id, problems))
                }
                fflush(stdout)
                lock.unlock()
            }
        }
        if !failures.isEmpty {
            failures.sort { $0.0 < $1.0 }
            var msg = "\(failures.count) of \(programs.count) corpus program(s) failed:\n"
            for (id, problems) in failures {
                msg += "  \(id) (\(programs.first { $0.id == id }!.path.path)):\n"
                msg += problems.map { "    - " + $0 }.joined(separator: "\n") + "\n"
            }
            XCTFail(msg, file: file, line: line)
        }
    }
}
