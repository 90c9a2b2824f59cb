// SPDX-License-Identifier: LGPL-2.1-only
//
// The p14p command: run, compile, disasm, version. Commands are thin:
// parse, call the compiler or the VM, print, and exit with a status.

import ArgumentParser
// FoundationEssentials, not all of Foundation: the desktop p14p links the
// Swift libraries statically, and Foundation's ICU data would add 30 MB.
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation  // brings Darwin with it
#endif
import PyMiteCompiler
import PyMiteHost
import PyMiteVM


@main
struct P14P: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "p14p",
        abstract: "Python-on-a-Chip: compile Python 3 to code images and run them on the p14p VM.",
        version: "p14p \(p14pToolVersion) (image format \(ImageFormat.version))",
        subcommands: [Run.self, Compile.self, Disasm.self, Version.self]
    )

    /// Runs the command. Commands throw; a compile or load error is printed
    /// the way a Python user expects (a SyntaxError with file, line and
    /// column; "p14p: ..." otherwise) with status 1, and usage errors and
    /// `ExitCode` (the program's own status) as ArgumentParser does.
    static func main() {
        do {
            if let request = RunRequest(plainRunCommand: CommandLine.arguments) {
                try request.run()
            } else {
                var command = try parseAsRoot()
                try command.run()
            }
            fflush(stdout)
            exitProcess(0)  // not ArgumentParser's exit, whose code would be paged in for nothing
        } catch let error as SyntaxError {
            report(error.description)
        } catch let error as SourceFileError {
            report("p14p: \(error.description)")
        } catch let error as CLIError {
            report("p14p: \(error.description)")
        } catch {
            fflush(stdout)
            exit(withError: error)
        }
    }

    private static func report(_ text: String) -> Never {
        fflush(stdout)
        fputs(text + "\n", stderr)
        exitProcess(1)
    }
}

/// exit(3) by another name: inside a command, `exit` is ArgumentParser's.
private func exitProcess(_ status: Int32) -> Never { exit(status) }

/// Loads a program: a code image (.pmi, recognised by its magic) or Python source.
func loadProgram(_ path: String) throws -> Image {
    if case .success(let bytes) = FileBytes.contents(path), bytes.starts(with: ImageFormat.magic) {
        do {
            return try ImageFormat.decode(bytes)
        } catch {
            throw CLIError("\(path): \(error.message)")
        }
    }
    return try Compiler.compileProgram(mainPath: path)
}

struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// What `p14p run` does, with its options' values: `Run` fills it from
/// ArgumentParser, `init(plainRunCommand:)` from a command line with no options.
struct RunRequest {
    static let defaultRecursionLimit = 1000
    static let defaultCStack = "256M"

    var program: String
    var arguments: [String] = []
    var heap = ByteSize.vmHeapDefaultText
    var recursionLimit = RunRequest.defaultRecursionLimit
    var cStack = RunRequest.defaultCStack
    var noLongInts = false
    var noFloat = false
    var noByteArray = false
    var noSet = false
    var noFormat = false
    var noMoreStrMethods = false
    var noMemoryView = false
    var noErrorMessages = false
    var noCompiler = false
    var noClassHooks = false
    var noSpecialMethods = false

    init(program: String) { self.program = program }

    /// `p14p run PROGRAM [ARGS...]` with no option before the program: what
    /// ArgumentParser would make of it (everything after the program goes to
    /// the program, as `.captureForPassthrough` does), read without it. Its
    /// first parse reflects over every command and costs about 11 million
    /// instructions, two thirds of an empty program's start (`make bench`).
    /// Anything else (options, help, other commands) is ArgumentParser's.
    init?(plainRunCommand argv: [String]) {
        guard argv.count >= 3, argv[1] == "run", !argv[2].hasPrefix("-") else { return nil }
        program = argv[2]
        arguments = Array(argv.dropFirst(3))
    }

    func run() throws {
        let heapSize: Int, stackBytes: Int
        do { heapSize = try ByteSize.parseHeap(heap) } catch { throw ValidationError("--heap \(error)") }
        do {
            stackBytes = try ByteSize.parse(cStack, minimum: HostStack.minimumThreadStackBytes, maximum: 1 << 32)
        } catch { throw ValidationError("--c-stack \(error)") }
        let image = try loadProgram(program)
        let argv = ([program] + arguments).map { Array($0.utf8) }
        // The VM runs on a thread whose C stack it knows, so deep recursion
        // through natives ends in RecursionError whatever `ulimit -s` is.
        let outcome = HostStack.run(stackBytes: stackBytes) { [self] cStackLimit -> RunOutcome? in
            let vm: VM
            do {
                let config = VMConfig(heapSize: heapSize, recursionLimit: recursionLimit, argv: argv,
                                      longInts: !noLongInts, floats: !noFloat, byteArrays: !noByteArray,
                                      sets: !noSet, formatSpecs: !noFormat, moreStrMethods: !noMoreStrMethods,
                                      memoryViews: !noMemoryView, errorMessages: !noErrorMessages, classHooks: !noClassHooks,
                                      specialMethods: !noSpecialMethods, cStackLimit: cStackLimit)
                var hooks = HostPlatform.hooks
                // compile(), exec() and eval(); as a firmware, also no program source for tracebacks.
                if noCompiler { hooks.sourceLine = nil } else { hooks.compile = Compiler.compileForVM }
                vm = try VM(config: config, hooks: hooks)
                try vm.load(image)
            } catch {
                return nil
            }
            return vm.runMain()
        }
        switch outcome {
        case .finished: return
        case .exited(let status): throw ExitCode(status)
        case nil: throw CLIError("a heap of \(heapSize) bytes is too small to start \(program); try a larger --heap")
        }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile (if needed) and run a program: `p14p run app.py [args]` or `p14p run app.pmi [args]`.")

    @Option(name: .long, help: "Size of the Python heap in bytes, or with K, M or G: 65536, 64K, 4M, 1G (at most \(ByteSize.vmHeapMaximum) bytes).")
    var heap: String = ByteSize.vmHeapDefaultText

    @Option(name: .long, help: "Maximum depth of Python calls.")
    var recursionLimit: Int = RunRequest.defaultRecursionLimit

    @Option(name: .customLong("c-stack"), help: "C stack of the VM's thread, e.g. 1M (default \(RunRequest.defaultCStack)): deeper recursion through natives raises RecursionError.")
    var cStack: String = RunRequest.defaultCStack

    @Flag(name: .customLong("no-long-ints"), help: "Run as a board without HAVE_LONGINT: ints past 63 bits raise OverflowError.")
    var noLongInts = false

    @Flag(name: .customLong("no-float"), help: "Run as a board without HAVE_FLOAT: making a float raises NotImplementedError.")
    var noFloat = false

    @Flag(name: .customLong("no-bytearray"), help: "Run as a board without HAVE_BYTEARRAY: the name bytearray is not defined.")
    var noByteArray = false

    @Flag(name: .customLong("no-set"), help: "Run as a board without set: set and frozenset are not defined, {1, 2} raises NotImplementedError.")
    var noSet = false

    @Flag(name: .customLong("no-format"), help: "Run as a board without format: str.format() and format specs (f\"{x:>8}\") raise NotImplementedError.")
    var noFormat = false

    @Flag(name: .customLong("no-more-str-methods"), help: "Run as a board without more_str_methods: str.center(), partition(), splitlines() and the other less common str and bytes methods raise NotImplementedError.")
    var noMoreStrMethods = false

    @Flag(name: .customLong("no-memoryview"), help: "Run as a board without memoryview: the name memoryview is not defined.")
    var noMemoryView = false

    @Flag(name: .customLong("no-error-messages"), help: "Run as a board without error_messages: the exceptions the VM raises carry no text (str(e) is empty).")
    var noErrorMessages = false

    @Flag(name: .customLong("no-class-hooks"), help: "Run as a board without class_hooks: a class with attribute hooks, descriptors, __new__, __init_subclass__, keywords, a metaclass or a built-in base raises NotImplementedError.")
    var noClassHooks = false

    @Flag(name: .customLong("no-special-methods"), help: "Run as a board without special_methods: the built-in types' special methods are not attributes (int.__add__, (5).__add__(1), object.__eq__, super().__repr__() raise AttributeError); the operators stay.")
    var noSpecialMethods = false

    @Flag(name: .customLong("no-compiler"), help: "Run as a firmware, which carries no compiler and no program source: compile(), exec() and eval() raise NotImplementedError, and a traceback shows no source lines.")
    var noCompiler = false

    @Argument(help: "The program (.py or .pmi).")
    var program: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the program (sys.argv[1:]).")
    var arguments: [String] = []

    func run() throws {
        var request = RunRequest(program: program)
        request.arguments = arguments
        request.heap = heap
        request.recursionLimit = recursionLimit
        request.cStack = cStack
        request.noLongInts = noLongInts
        request.noFloat = noFloat
        request.noByteArray = noByteArray
        request.noSet = noSet
        request.noFormat = noFormat
        request.noMoreStrMethods = noMoreStrMethods
        request.noMemoryView = noMemoryView
        request.noErrorMessages = noErrorMessages
        request.noCompiler = noCompiler
        request.noClassHooks = noClassHooks
        request.noSpecialMethods = noSpecialMethods
        try request.run()
    }
}

struct Compile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile a program and every module it imports into one code image.")

    @Argument(help: "The main program (.py).")
    var program: String

    @Option(name: .shortAndLong, help: "Output image (default: the program's name with .pmi).")
    var output: String?

    func run() throws {
        let image: Image
        image = try Compiler.compileProgram(mainPath: program)
        let out = output ?? SourcePath.replacingExtension(of: program, with: "pmi")
        try OutputFile.write(ImageFormat.encode(image), to: out)
    }
}

struct Disasm: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the instructions of a program or code image.")

    @Argument(help: "A program (.py) or code image (.pmi).")
    var program: String

    func run() throws {
        let image: Image
        image = try loadProgram(program)
        print(disassemble(image), terminator: "")
    }
}

struct Version: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the version of p14p, its release and license.")
    func run() throws {
        print("p14p \(p14pToolVersion) (image format \(ImageFormat.version))")
        printReleaseMetadata()
    }
}

// MARK: - Release metadata (owned by p14p-dist)
// The release number, date and license come from one place: the block in
// Release.swift, stamped from the release recipe. It is printed from the
// block itself so the executable cannot say anything else.

func printReleaseMetadata() {
    let stamp = FirmwareStamp(block: p14pReleaseMetadata)
    print("release \(stamp?.release ?? "unknown") (\(stamp?.date ?? "undated"))")
    print("license \(stamp?.license ?? "unknown")")
}
