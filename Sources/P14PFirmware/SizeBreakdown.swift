// SPDX-License-Identifier: LGPL-2.1-only
//
// Where a firmware's flash goes, by part of the program, so that every
// change shows what it costs (`make size`, docs/firmware.md). The linker
// map lists each input section of .text with its size and the file it came
// from: C objects and library members are placed by file, and the VM's
// functions (one section each, -function-sections) by the Swift source file
// that declares them, found by name in the VM's sources.

import Foundation

public struct SizeBreakdown: Sendable, Equatable {
    public enum Part: String, CaseIterable, Sendable {
        case interpreter = "interpreter loop"
        case calls = "calls, classes, attributes"
        case operators = "operators and comparisons"
        case builtins = "builtin functions, sys, start-up"
        case strings = "str and bytes methods"
        case formatting = "formatting, repr, tracebacks"
        case containers = "list, dict, set, iteration"
        case bigints = "long ints"
        case loader = "image loader and verifier"
        case machine = "time, machine and the board's own module"
        case vm = "heap, collector, values"
        case swift = "Swift generics and runtime"
        case constants = "constants: string literals (mostly VM messages), tables"
        case float = "float text (FloatText) and math (libm)"
        case runtime = "board runtime, C library, libgcc"
    }

    /// Bytes of flash (.text and .ARM.exidx input sections) per part.
    public var bytes: [Part: Int] = [:]
    /// Alignment padding between sections.
    public var padding = 0
    /// The VM's bytes per source file ("?" for functions no file declares by that name), for finding what to shrink.
    public var vmFiles: [String: Int] = [:]

    public var total: Int { bytes.values.reduce(padding, +) }

    /// `map` is an ld.lld map (-Map); `vm` tells which VM source declares a name.
    public init(linkerMap map: String, vm: VMSourceIndex) {
        let lines = map.split(separator: "\n")
        guard let header = lines.first.map(Array.init), let columns = MapColumns(header: header) else { return }
        var section = "", end = 0
        for line in lines.dropFirst() {
            guard let entry = columns.entry(Array(line)) else { continue }
            switch entry.level {
            case .output:
                section = entry.name
                end = entry.address
            case .input where section == ".text" || section == ".ARM.exidx":
                padding += max(0, entry.address - end)
                end = max(end, entry.address + entry.size)
                let (part, file) = SizeBreakdown.part(of: entry.name, vm: vm)
                bytes[part, default: 0] += entry.size
                if let file { vmFiles[file, default: 0] += entry.size }
            default:
                continue
            }
        }
    }

    /// The part an input section (`file:(section)`, `lib.a(member.o):(section)`) belongs to.
    /// With the VM's source file, for a VM function.
    static func part(of input: String, vm: VMSourceIndex) -> (Part, file: String?) {
        guard let open = input.range(of: ":(", options: .backwards) else { return (.runtime, nil) }
        let file = input[..<open.lowerBound]
        let section = String(input[open.upperBound...].dropLast())
        if file.hasSuffix("PyMiteVM.o") {
            // .data.rel.ro: type metadata and constant arrays, linked into flash.
            if section.hasPrefix(".rodata") || section.hasPrefix(".data.rel.ro") { return (.constants, nil) }
            let symbol = section.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: true).last.map(String.init) ?? ""
            if symbol.hasPrefix("$e8PyMiteVM") {
                let source = vm.file(ofSymbol: symbol)
                return (source.flatMap { VMSourceIndex.partOfFile[$0] } ?? .vm, source ?? "?")
            }
            if symbol.hasPrefix("$e") || symbol.hasPrefix("swift_") { return (.swift, nil) }
            return (.vm, "outlined")  // code the optimizer shares between VM functions
        }
        // The linker merges every object's string literals into one section; the VM's messages are most of them.
        if file == "<internal>" && section.hasPrefix(".rodata") { return (.constants, nil) }
        if file.contains("libgcc.a") { return (.runtime, nil) }
        if file.contains("libm.a(") { return (.float, nil) }
        if let member = file.range(of: "libc.a(").map({ file[$0.upperBound...] }) {
            let floatMembers = ["printf", "dtoa", "strtod", "mprec", "fvwrite", "locale", "reent", "pow", "ecvt", "fcvt"]
            return (floatMembers.contains { member.contains($0) } ? .float : .runtime, nil)
        }
        return (.runtime, nil)
    }

    /// The columns of an ld.lld map, from its header ("VMA LMA Size Align Out In Symbol"):
    /// an output section's name starts under "Out", an input section's under "In".
    struct MapColumns {
        enum Level { case output, input, symbol }
        var out: Int, input: Int

        init?(header: [Character]) {
            let text = String(header)
            guard let o = text.range(of: "Out"), let i = text.range(of: " In ") else { return nil }
            out = text.distance(from: text.startIndex, to: o.lowerBound)
            input = text.distance(from: text.startIndex, to: i.lowerBound) + 1
        }

        func entry(_ line: [Character]) -> (level: Level, address: Int, size: Int, name: String)? {
            guard line.count > out else { return nil }
            let numbers = String(line[..<out]).split(separator: " ")
            guard numbers.count == 4, let address = Int(numbers[0], radix: 16), let size = Int(numbers[2], radix: 16) else { return nil }
            let level: Level = line[out] != " " ? .output : (line.count > input && line[input] != " " ? .input : .symbol)
            return (level, address, size, String(line[out...]).trimmingCharacters(in: .whitespaces))
        }
    }
}

/// Which source file of the VM declares each function, property and type,
/// and which part of the size table each file is.
public struct VMSourceIndex: Sendable, Equatable {
    /// Declared name -> file (names declared in more than one file are left out).
    var files: [String: String] = [:]

    static let partOfFile: [String: SizeBreakdown.Part] = [
        "Interpreter.swift": .interpreter,
        "Calls.swift": .calls, "Classes.swift": .calls, "Attributes.swift": .calls, "Arguments.swift": .calls,
        "BuiltinSubclasses.swift": .calls, "Metaclasses.swift": .calls,
        "Operators.swift": .operators, "SlotMethods.swift": .operators,
        "Builtins.swift": .builtins, "Natives.swift": .builtins, "NativeLookup.swift": .builtins, "Bootstrap.swift": .builtins,
        "Sys.swift": .builtins,
        "Methods.swift": .strings, "Str.swift": .strings, "CaseMapping.swift": .strings, "ByteSearch.swift": .strings,
        "Codecs.swift": .strings,
        "ByteArray.swift": .strings,
        "Format.swift": .formatting, "Repr.swift": .formatting, "Traceback.swift": .formatting,
        "List.swift": .containers, "Dict.swift": .containers, "Set.swift": .containers, "Sequences.swift": .containers,
        "Iteration.swift": .containers, "Range.swift": .containers, "MemoryView.swift": .containers,
        "BigInt.swift": .bigints, "LongInt.swift": .bigints, "FloatText.swift": .float,
        "ImageFormat.swift": .loader, "Program.swift": .loader, "CodeObject.swift": .loader, "Opcodes.swift": .loader,
        "Exec.swift": .loader,
        "Machine.swift": .machine, "BoardNatives.swift": .machine, "natives.swift": .machine,
        "Firmware.swift": .runtime,
    ]

    /// `sources`: file name -> its text (the VM's sources and the firmware main).
    public init(sources: [String: String]) {
        var seen: [String: String] = [:], ambiguous = Set<String>()
        let keywords = ["func", "var", "let", "struct", "enum", "class", "extension", "case"]
        for (file, text) in sources {
            let words = text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
            for (i, word) in words.enumerated().dropLast() where keywords.contains(String(word)) {
                let name = String(words[i + 1])
                if word == "extension" || word == "case" { continue }  // an extension or a case names what is declared elsewhere
                if let other = seen[name], other != file { ambiguous.insert(name) } else { seen[name] = file }
            }
        }
        files = seen.filter { !ambiguous.contains($0.key) }
    }

    /// Reads the VM's sources under `repositoryRoot`.
    public init(repositoryRoot root: String) {
        var sources: [String: String] = [:]
        let vm = root + "/Sources/PyMiteVM"
        for path in (FileManager.default.enumerator(atPath: vm)?.allObjects as? [String] ?? []) where path.hasSuffix(".swift") {
            sources[URL(fileURLWithPath: path).lastPathComponent] = try? String(contentsOfFile: vm + "/" + path, encoding: .utf8)
        }
        sources["Firmware.swift"] = try? String(contentsOfFile: root + "/recipes/boards/common/firmware/Firmware.swift", encoding: .utf8)
        // Every board folder's natives.swift, as one: a firmware has at most one of them.
        let boards = root + "/recipes/boards"
        sources["natives.swift"] = ((try? FileManager.default.contentsOfDirectory(atPath: boards)) ?? []).sorted()
            .compactMap { try? String(contentsOfFile: boards + "/" + $0 + "/natives.swift", encoding: .utf8) }.joined(separator: "\n")
        self.init(sources: sources)
    }

    /// The source file of a mangled VM symbol: the first of its identifiers
    /// (after the module) that one source file declares decides.
    func file(ofSymbol symbol: String) -> String? {
        VMSourceIndex.identifiers(in: symbol.dropFirst("$e8PyMiteVM".count)).lazy.compactMap { files[$0] }.first
    }

    /// The length-prefixed identifiers of a Swift mangled name ("3run", "13callStrMethod").
    static func identifiers(in mangled: Substring) -> [String] {
        var out: [String] = []
        let chars = Array(mangled.utf8)
        var i = 0
        while i < chars.count {
            guard chars[i] >= 0x31 && chars[i] <= 0x39 else { i += 1; continue }  // a length never starts with 0
            var n = 0, j = i
            while j < chars.count, chars[j] >= 0x30 && chars[j] <= 0x39 { n = n * 10 + Int(chars[j] - 0x30); j += 1 }
            let isIdentifier = { (c: UInt8) in c == 0x5f || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) }
            if j + n <= chars.count, n > 0, chars[j..<(j + n)].allSatisfy(isIdentifier), !(chars[j] >= 0x30 && chars[j] <= 0x39) {
                out.append(String(decoding: chars[j..<(j + n)], as: UTF8.self))
                i = j + n
            } else {
                i = j
            }
        }
        return out
    }
}
