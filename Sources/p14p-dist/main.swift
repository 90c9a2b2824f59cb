// SPDX-License-Identifier: LGPL-2.1-only
//
// p14p-dist: cut, sign, inspect and verify p14p releases from recipes.
// Each command parses, calls P14PDist, and prints; errors become one line
// and a non-zero exit status.

import ArgumentParser
import Foundation
import PyMiteHost
import P14PDist
import P14PFirmware
import CChildGuard

struct P14PDistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "p14p-dist",
        abstract: "Build, sign and verify p14p releases from recipes/.",
        subcommands: [Boards.self, Releases.self, Build.self, Inspect.self, Keygen.self, Verify.self,
                      LicenseCheckCommand.self, Stamp.self, Run.self, BundleCommand.self, DoctorCommand.self, CleanCache.self, Size.self])
}

/// The one way commands fail: thrown, printed by `main` as
/// "p14p-dist: <message>" on stderr, exit status 1.
struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func describe(_ error: Error) -> String { "\(error)" }

/// The repository (recipes, board support, VM sources): --root, else
/// $P14P_ROOT, else the nearest folder upward from the current one, else
/// the one this p14p-dist was built in (found upward from the executable),
/// so `run` works from a user's own project folder.
struct RootOption: ParsableArguments {
    @Option(name: .long, help: "The p14p repository (default: $P14P_ROOT, the current folder's, or the one p14p-dist was built in).")
    var root: String?

    static func isRepository(_ dir: String) -> Bool { fileExists(dir + "/recipes") && fileExists(dir + "/Package.swift") }

    /// The nearest folder from `start` upward that is a repository.
    static func repository(above start: String) -> String? {
        var dir = start
        while true {
            if isRepository(dir) { return dir }
            let parent = (dir as NSString).deletingLastPathComponent
            if parent == dir || parent.isEmpty { return nil }
            dir = parent
        }
    }

    func resolve() throws -> String {
        if let root { return absolutePath(root) }
        if let env = ProcessInfo.processInfo.environment["P14P_ROOT"], !env.isEmpty {
            guard RootOption.isRepository(absolutePath(env)) else { throw Failure("P14P_ROOT=\(env) is not a p14p repository (recipes/ and Package.swift)") }
            return absolutePath(env)
        }
        if let here = RootOption.repository(above: absolutePath(".")) { return here }
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent().path,
           let installed = RootOption.repository(above: exe) {
            return installed
        }
        throw Failure("no p14p repository found (a folder with recipes/ and Package.swift): give --root or set P14P_ROOT")
    }

    func book() throws -> RecipeBook {
        let root = try resolve()
        do { return try RecipeBook.load(root: root + "/recipes", displayBase: root) } catch { throw Failure(describe(error)) }
    }
}

func printJSON<T: Encodable>(_ value: T) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    print(String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self))
}

/// 65536 -> "64K", 16 MiB -> "16M".
func sizeLabel(_ bytes: Int?) -> String {
    guard let bytes else { return "-" }
    if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20)M" }
    return bytes % 1024 == 0 ? "\(bytes >> 10)K" : "\(bytes)"
}

func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s : s + String(repeating: " ", count: width - s.count) }

struct Boards: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every board recipe with its status and whether it builds here.")
    @OptionGroup var root: RootOption
    @Flag(name: .long, help: "Machine-readable output.") var json = false

    struct Row: Encodable {
        var board, status, mcu: String
        var cpu, target, reason: String?
        var flash, ram: Int?
        var heap: Int?
        var emulator: String
        var features: [String]
        var buildsHere: Bool
        var skipReason: String?
    }

    func run() throws {
        let book = try root.book()
        let registry = makeBuilderRegistry(desktopExecutable: nil)
        let rows = book.boards.map { b in
            let skip = registry.plan(for: b).skipReason
            return Row(board: b.name, status: b.status.rawValue, mcu: b.mcu, cpu: b.cpu, target: b.target, reason: b.reason,
                       flash: b.memory.flash, ram: b.memory.ram, heap: b.memory.heap, emulator: b.emulator.summary,
                       features: b.features.enabled, buildsHere: skip == nil, skipReason: skip)
        }
        if json { return printJSON(rows) }
        print(pad("BOARD", 14) + pad("STATUS", 12) + pad("MCU", 26) + pad("FLASH/RAM", 13) + pad("HEAP", 8) + "BUILDS HERE")
        for r in rows {
            let mem = sizeLabel(r.flash) + "/" + sizeLabel(r.ram)
            let here = r.buildsHere ? "yes" : "no: \(r.skipReason ?? "")"
            print(pad(r.board, 14) + pad(r.status, 12) + pad(r.mcu, 26) + pad(mem, 13) + pad(r.heap.map { "0x" + String($0, radix: 16, uppercase: true) } ?? "-", 8) + here)
        }
    }
}

/// `--release NN`, for the commands that act on one release.
struct ReleaseOption: ParsableArguments {
    @Option(name: .long, help: "Release number, e.g. 09 or 0A.") var release: String

    func number() throws -> ReleaseNumber {
        guard let number = ReleaseNumber(release) else { throw Failure("--release \(release): two hex digits, such as 09 or 0A") }
        return number
    }
}

struct Releases: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the release recipes, PyMite's history included.")
    @OptionGroup var root: RootOption

    func run() throws {
        let book = try root.book()
        for r in book.releases {
            let what = r.published.map { "published: \($0.package) md5 \($0.md5)" } ?? "boards: \(r.boards.joined(separator: ", "))"
            print("\(r.number)  \(r.date)  \(what)")
        }
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build a release: compile the app, build each board, bundle, checksum, sign, write the notes.")
    @OptionGroup var root: RootOption
    @OptionGroup var release: ReleaseOption
    @Option(name: .long, help: "Build only this board (repeatable).") var board: [String] = []
    @Option(name: .long, help: "Application folder with main.py (default examples/hello).") var app: String?
    @Option(name: .long, help: "Output folder (default dist).") var out: String?
    @Option(name: .long, help: "Ed25519 private key to sign SHA256SUMS (see keygen).") var key: String?
    @Option(name: .long, help: "Use this p14p executable for the desktop boards instead of building one.") var p14p: String?
    @Flag(name: .long, help: "Replace an existing signed release.") var force = false
    @Flag(name: .long, help: "Build from a checkout with uncommitted changes (recorded in each package's metadata).") var allowDirty = false
    @Flag(name: .long, help: "Print the summary as JSON (and no progress).") var json = false

    func run() throws {
        let repo = try root.resolve()
        let number = try release.number()
        var options = ReleaseOptions(repositoryRoot: repo, release: number, outputDirectory: out.map(absolutePath))
        options.boards = board
        options.appDirectory = app.map(absolutePath)
        options.signingKey = key.map(absolutePath)
        options.force = force
        options.allowDirty = allowDirty
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] {
            guard let value = Int(epoch) else { throw Failure("SOURCE_DATE_EPOCH=\(epoch) is not a number of seconds") }
            options.sourceDateEpoch = value
        }
        let reporter: any ReleaseReporter = json ? CollectingReporter() : TextReporter()
        let registry = makeBuilderRegistry(desktopExecutable: p14p.map(absolutePath))
        let summary: ReleaseSummary
        do {
            summary = try ReleasePipeline().run(options, registry: registry, reporter: reporter)
        } catch {
            throw Failure("release \(number) failed; \(options.outputDirectory) is unchanged.\n" + describe(error))
        }
        if json { return printJSON(summary) }
        print("")
        print("release \(summary.release) (\(summary.date)) in \(summary.directory), \(formatSeconds(summary.seconds))")
        print(pad("BOARD", 14) + pad("RESULT", 9) + pad("TIME", 9) + pad("SIZE", 11) + "PACKAGE / REASON")
        for b in summary.boards {
            let size = b.sizes.map { "\($0.file)" } ?? "-"
            let time = b.seconds.map(formatSeconds) ?? "-"
            print(pad(b.board, 14) + pad(b.result, 9) + pad(time, 9) + pad(size, 11) + (b.package ?? b.reason ?? ""))
        }
        print("")
        for f in summary.files { print("  \(f.sha256)  \(f.name)") }
        print(summary.signed ? "  SHA256SUMS is signed (SHA256SUMS.sig)" : "  NOT SIGNED: give --key to sign SHA256SUMS")
    }
}

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the release metadata of a package, an executable or a firmware file.")
    @Argument(help: "A pymite-*.tar.gz, a p14p executable or a firmware file.") var file: String
    @Flag(name: .long, help: "Machine-readable output.") var json = false

    func run() throws {
        let result: Inspection
        do { result = try Inspector.inspect(file) } catch { throw Failure(describe(error)) }
        if json { return printJSON(result) }
        print("\(file): \(result.kind)")
        // metadata.json and the stamps are the archive's text: shown escaped, like its names.
        if let m = result.metadata?.terminalSafe {
            print("  board      \(m.board) (\(m.mcu)\(m.cpu.map { ", " + $0 } ?? ""))")
            print("  release    \(m.release) (\(m.releaseDate)), built \(m.buildDate)")
            print("  license    \(m.license)")
            print("  toolchain  \(m.toolchain)")
            if let commit = m.commit { print("  commit     \(commit.terminalSafe)" + (m.dirty == true ? " (with changes not committed)" : "")) }
            if let f = m.firmware {
                let s = f.sizes
                print("  flash      0x\(String(f.flashOrigin, radix: 16)), \(s.flashSize) bytes; application section \(s.appSection) bytes at 0x\(String(s.appAddress, radix: 16))")
                print("  RAM        0x\(String(f.ramOrigin, radix: 16)), \(s.ramSize) bytes; C stack \(s.cStack), heap \(s.heap), value stack \(s.valueStack)")
                print("  console    \(f.console.driver.terminalSafe)" + (f.console.baud.map { ", \($0) baud" } ?? ""))
            }
            print("  sizes      file \(m.sizes.file)" + (m.sizes.text.map { ", text \($0)" } ?? "") + (m.sizes.data.map { ", data \($0)" } ?? "") + (m.sizes.bss.map { ", bss \($0)" } ?? "") + ", heap \(m.sizes.heap)")
            print("  image      \(m.image.name), \(m.image.size) bytes, sha256 \(m.image.sha256)")
            print("  features   \(m.features.joined(separator: ", "))")
        }
        for s in Set(result.stamps.map(\.block)).sorted() {
            guard let stamp = result.stamps.first(where: { $0.block == s }) else { continue }
            print("  firmware   release \(stamp.release.terminalSafe) (\(stamp.date.terminalSafe)), license \(stamp.license.terminalSafe)")
        }
        if result.metadata != nil && result.problems.isEmpty {
            print("  members    agree with metadata.json (sizes and SHA-256)")
        }
        for problem in result.problems { print("  PROBLEM    \(problem)") }
        if !result.problems.isEmpty { throw Failure("\(file): \(result.problems.count) member(s) disagree with metadata.json") }
    }
}

extension BundleMetadata {
    /// The fields `inspect` prints, escaped: they are the archive's text.
    var terminalSafe: BundleMetadata {
        var m = self
        m.board = board.terminalSafe
        m.mcu = mcu.terminalSafe
        m.cpu = cpu?.terminalSafe
        m.release = release.terminalSafe
        m.releaseDate = releaseDate.terminalSafe
        m.buildDate = buildDate.terminalSafe
        m.license = license.terminalSafe
        m.toolchain = toolchain.terminalSafe
        m.image.name = image.name.terminalSafe
        m.image.sha256 = image.sha256.terminalSafe
        m.features = features.map(\.terminalSafe)
        return m
    }
}

struct Keygen: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a new Ed25519 key pair: KEY (mode 0600) and its .pub.")
    @Option(name: .long, help: "Private key file (the public key goes beside it, .pub).") var key: String = "release.key"
    @Flag(name: .long, help: "Replace existing key files.") var force = false

    func run() throws {
        do {
            let paths = try KeyFiles.generate(privatePath: absolutePath(key), force: force)
            let fingerprint = try Ed25519Key.load(path: paths.publicPath, isPublic: true).fingerprint()
            print("wrote \(paths.privatePath) (private, mode 0600) and \(paths.publicPath) (public)")
            print("fingerprint (SHA-256 of the public key): \(fingerprint.long)")
            print("short: \(fingerprint.short); publish the fingerprint where users can check it")
        } catch { throw Failure(describe(error)) }
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check SHA256SUMS.sig and every file of a release folder, or one package against the SHA256SUMS beside it.")
    @Argument(help: "A release folder, a package, or a tarball of a release folder.") var path: String
    @Option(name: .long, help: "The release public key (PEM); without it, the key kept beside the release (keys/) that signed it, named in the output.") var key: String?
    @Flag(name: .long, help: "Then rebuild each package this machine can build from the release's own source package, and compare bytes.") var rebuild = false
    @Option(name: .long, help: "With --rebuild: use this p14p executable for the desktop package instead of building one.") var p14p: String?

    func run() throws {
        let report: VerifyReport
        do { report = try Verifier.verify(path: path, publicKey: key) } catch { throw Failure(describe(error)) }
        for note in report.notes { print(note) }
        for name in report.checked { print("\(name.terminalSafe): OK") }
        for problem in report.problems { print(problem) }
        if !report.ok {
            throw Failure("\(path): \(report.problems.count) problem(s); do not trust these files")
        }
        print("\(path): verified (\(report.checked.count) file(s))")
        guard rebuild else { return }
        let rebuilt: RebuildReport
        do {
            rebuilt = try Rebuilder.rebuild(release: path, registry: makeBuilderRegistry(desktopExecutable: p14p),
                                            log: { FileHandle.standardError.write(Data(("p14p-dist: " + $0 + "\n").utf8)) })
        } catch { throw Failure(describe(error)) }
        for name in rebuilt.same { print("\(name.terminalSafe): rebuilt, the same bytes") }
        for line in rebuilt.notRebuilt { print("not rebuilt here: \(line.terminalSafe)") }
        for line in rebuilt.differences { print(line.terminalSafe) }
        if !rebuilt.differences.isEmpty { throw Failure("\(path): \(rebuilt.differences.count) package(s) rebuilt to other bytes") }
        if rebuilt.same.isEmpty { throw Failure("\(path): no package could be rebuilt on this machine") }
        print("\(path): \(rebuilt.same.count) package(s) rebuilt to the same bytes")
    }
}

struct LicenseCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "license-check",
        abstract: "Check that every source file has the SPDX header of its part of the tree.")
    @OptionGroup var root: RootOption

    func run() throws {
        let repo = try root.resolve()
        let report = LicenseCheck.run(root: repo, files: SourceTree.files(root: repo))
        for finding in report.findings { print("\(finding.path): \(finding.problem)") }
        if !report.ok { throw Failure("\(report.findings.count) file(s) without the right license header") }
        print("\(report.checked.count) files checked: every one has its SPDX-License-Identifier")
    }
}

struct Stamp: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the release stamp (Sources/p14p/Release.swift) from a release recipe.")
    @OptionGroup var root: RootOption
    @OptionGroup var release: ReleaseOption
    @Flag(name: .long, help: "Only check that the stamp matches; exit 1 if not.") var check = false

    func run() throws {
        let repo = try root.resolve()
        let book = try root.book()
        let number = try release.number()
        guard let recipe = book.release(number), !recipe.isHistory else { throw Failure("no release recipe to build for \(number)") }
        let stamp = FirmwareStamp(release: recipe)
        if check {
            guard ReleaseSourceFile.read(root: repo) == stamp else { throw Failure("\(ReleaseSourceFile.path) does not say release \(number)") }
            return print("\(ReleaseSourceFile.path) says release \(number)")
        }
        do { try writeTextAtomically(repo + "/" + ReleaseSourceFile.path, ReleaseSourceFile.render(stamp)) } catch { throw Failure(describe(error)) }
        print("wrote \(ReleaseSourceFile.path) for release \(number); rebuild p14p and commit it")
    }
}

// p14p-dist run as the guardian of one of its own children (ChildProcess.guardian).
if CommandLine.argc > 3 && CommandLine.arguments[1] == ChildProcess.guardianCommand {
    p14p_child_guard(pid_t(CommandLine.arguments[2]) ?? 1, CommandLine.unsafeArgv + 3)
}
ChildProcess.guardian = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")

// SIGINT/SIGTERM stop child processes and remove temporary folders before exiting.
Interrupts.install()
/// Runs the command; a `Failure` is printed as one line and exits 1, and
/// everything else (usage errors, `ExitCode`) as ArgumentParser does.
func runMain() -> Never {
    do {
        var command = try P14PDistCommand.parseAsRoot()
        try command.run()
        P14PDistCommand.exit()
    } catch let failure as Failure {
        // An interrupt stopped what failed: its handler prints why and exits 130/143.
        Interrupts.parkIfStopping()
        fflush(stdout)
        FileHandle.standardError.write(Data(("p14p-dist: " + failure.description + "\n").utf8))
        exit(1)
    } catch {
        P14PDistCommand.exit(withError: error)
    }
}

runMain()
