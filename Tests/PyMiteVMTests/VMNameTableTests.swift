// SPDX-License-Identifier: LGPL-2.1-only
//
// The VM's own names (Sources/PyMiteVM/VMNameTable.swift) are str objects
// laid out in flash with an index by hash. This test is also the table's
// generator: it gathers every name the VM interns by itself (the names in
// its sources and the names of its types, exceptions and modules) and
// checks the committed table holds exactly those, laid out right. After
// adding a name to the VM:
//   P14P_REGENERATE=1 swift test --filter VMNameTableTests
import Foundation
import XCTest
@testable import PyMiteVM

final class VMNameTableTests: XCTestCase {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Sources/PyMiteVM").standardized
    static let tablePath = sources.appendingPathComponent("VMNameTable.swift")

    /// The Python names of `TypeKind`'s and `ExceptionKind`'s cases, in order: the table
    /// gives each case its name's number (`typeKindNameOrdinal`, `exceptionKindNameOrdinal`).
    static let typeKindNames = [
        "object", "type", "int", "bool", "float", "str", "bytes", "tuple", "list", "dict", "set", "range", "NoneType",
        "function", "builtin_function_or_method", "method", "module", "generator", "cell", "iterator", "slice",
        "ellipsis", "NotImplementedType", "property", "staticmethod", "classmethod", "super", "BaseException",
        "bytearray", "Pin", "UART", "ADC", "frozenset", "TextIOWrapper", "dict_keys", "dict_values", "dict_items",
        "memoryview", "code",
    ]
    /// Each native's Python name, in `Native` order (`nativeName`): after adding a native,
    /// its name goes here.
    static let nativeNames = [
        "print", "len", "abs", "min", "max", "sum", "chr", "ord", "repr", "iter", "next", "any", "all", "hash", "id",
        "isinstance", "issubclass", "getattr", "setattr", "hasattr", "delattr", "dir", "globals", "locals", "divmod",
        "pow", "hex", "oct", "bin", "round", "sorted", "callable", "map", "filter", "zip", "enumerate", "reversed",
        "format", "ascii", "find", "rfind", "index", "rindex", "count", "join", "split", "rsplit", "strip", "lstrip",
        "rstrip", "replace", "startswith", "endswith", "upper", "lower", "isdigit", "isalpha", "isspace", "isalnum",
        "isupper", "islower", "capitalize", "title", "swapcase", "center", "ljust", "rjust", "zfill", "partition",
        "rpartition", "splitlines", "encode", "format", "isnumeric", "isdecimal", "isidentifier", "casefold",
        "expandtabs", "istitle", "removeprefix", "removesuffix", "decode", "hex", "append", "extend", "insert", "pop",
        "remove", "clear", "reverse", "copy", "decode", "hex", "append", "extend", "insert", "pop", "remove", "index",
        "count", "reverse", "sort", "clear", "copy", "index", "count", "keys", "values", "items", "get", "pop",
        "popitem", "update", "setdefault", "clear", "copy", "fromkeys", "add", "remove", "discard", "pop", "clear",
        "copy", "union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset", "update",
        "isdisjoint", "bit_length", "is_integer", "conjugate", "from_bytes", "to_bytes", "fromhex", "indices", "send",
        "close", "throw", "setter", "getter", "deleter", "__init__", "__init__", "exit", "heap", "gc", "time",
        "getrecursionlimit", "setrecursionlimit", "exc_info", "intern", "sleep", "sleep_ms", "sleep_us", "ticks_ms",
        "ticks_us", "ticks_diff", "ticks_add", "time", "monotonic", "freq", "reset", "unique_id", "value", "on", "off",
        "toggle", "write", "read", "readline", "any", "read_u16", "index", "count", "__getattribute__", "__setattr__",
        "__delattr__", "intersection_update", "difference_update", "symmetric_difference_update", "write", "flush",
        "fileno", "__next__", "__iter__", "__new__", "__init_subclass__", "__add__", "__sub__", "__mul__",
        "__truediv__", "__floordiv__", "__mod__", "__pow__", "__lshift__", "__rshift__", "__and__", "__or__", "__xor__",
        "__radd__", "__rsub__", "__rmul__", "__rtruediv__", "__rfloordiv__", "__rmod__", "__rpow__", "__rlshift__",
        "__rrshift__", "__rand__", "__ror__", "__rxor__", "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__",
        "__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__iter__", "__hash__", "__repr__",
        "__str__", "__bool__", "__int__", "__float__", "__index__", "__neg__", "__pos__", "__abs__", "__invert__",
        "__round__", "__trunc__", "__floor__", "__ceil__", "__format__", "__divmod__", "__rdivmod__", "__get__",
        "__call__", "tobytes", "tolist", "hex", "release", "__enter__", "__exit__", "compile", "exec", "eval",
        "__new__", "__init__", "__call__", "vars", "isdisjoint", "isdisjoint", "bit_count", "isascii", "isprintable",
        "as_integer_ratio", "hex", "as_integer_ratio", "translate", "maketrans", "with_traceback", "fromhex", "mro",
        "add_note", "format_map",
    ]
    static let exceptionKindNames = [
        "BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit", "Exception", "StopIteration",
        "ArithmeticError", "ZeroDivisionError", "OverflowError", "AssertionError", "AttributeError", "ImportError",
        "ModuleNotFoundError", "LookupError", "IndexError", "KeyError", "MemoryError", "NameError", "UnboundLocalError",
        "RuntimeError", "RecursionError", "NotImplementedError", "TypeError", "ValueError", "UnicodeError", "OSError",
        "EOFError", "SystemError", "UnicodeDecodeError", "UnicodeEncodeError", "FloatingPointError", "BufferError",
        "ReferenceError", "StopAsyncIteration", "SyntaxError", "IndentationError", "TabError", "FileNotFoundError",
        "FileExistsError", "PermissionError", "TimeoutError", "InterruptedError", "IsADirectoryError",
        "NotADirectoryError", "BlockingIOError", "ConnectionError", "BrokenPipeError", "ConnectionAbortedError",
        "ConnectionRefusedError", "ConnectionResetError", "Warning", "UserWarning", "DeprecationWarning",
        "PendingDeprecationWarning", "RuntimeWarning", "SyntaxWarning", "FutureWarning", "ImportWarning",
        "UnicodeWarning", "BytesWarning", "ResourceWarning", "ChildProcessError", "ProcessLookupError",
        "UnicodeTranslateError", "EncodingWarning",
    ]

    /// Swift keywords: as a `VMName` member, declared in backquotes (a use after a dot needs none).
    static let keywords: Set<String> = ["as", "is", "in", "do", "if", "for", "let", "var", "nil", "true", "false", "try",
                                        "throw", "throws", "return", "class", "super", "import", "while", "else", "case",
                                        "default", "func", "static", "struct", "enum", "where", "break", "continue", "defer",
                                        "guard", "repeat", "switch", "catch", "deinit", "extension", "protocol", "subscript",
                                        "typealias", "operator", "inout", "internal", "private", "public", "fileprivate",
                                        "rethrows", "associatedtype", "await", "Any"]

    /// A name that can be a `VMName` member: a Swift identifier, and none of the few
    /// that cannot follow a dot (`.init`, `.self`, `.Type`) or that the struct uses.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic, first.isASCII else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) }
            && !["init", "self", "Self", "Type", "Protocol", "ordinal"].contains(name)
    }

    static func member(_ name: String) -> String { keywords.contains(name) ? "`\(name)`" : name }

    func text(_ s: StaticString) -> String { String(decoding: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount), as: UTF8.self) }
    func text(_ s: NameText) -> String { String(decoding: s, as: UTF8.self) }

    /// Every name the VM makes from its own text.
    func namesTheVMUses() throws -> [String] {
        var names = Set<String>([""])
        names.formUnion(Self.typeKindNames)
        names.formUnion(Self.exceptionKindNames)
        names.formUnion(NativeModule.allCases.map { text($0.name) })
        // Literals passed to the interning calls, and every dunder name in the sources.
        let patterns = [#"internStatic\("([^"]*)"\)"#, #"internName\("([^"]*)"\)"#, #"\bname\("([^"]*)"\)"#, #"callDunder0\([^,()]+, "([^"]*)"\)"#, #"plainClass\("([^"]*)"\)"#,
                        #""(__[a-z0-9_]+__)""#,
                        // The same calls given a `VMName`.
                        #"internStatic\(\.(\w+)\)"#, #"internName\(\.(\w+)\)"#, #"\bname\(\.(\w+)\)"#, #"callDunder0\([^,()]+, \.(\w+)\)"#, #"plainClass\(\.(\w+)\)"#]
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.sources.path).filter { $0.hasSuffix(".swift") && !$0.hasSuffix("VMNameTable.swift") }
        for file in files {
            let source = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for pattern in patterns {
                let regex = try NSRegularExpression(pattern: pattern)
                for m in regex.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                    names.insert(String(source[Range(m.range(at: 1), in: source)!]))
                }
            }
        }
        // In order of their hashes, which vmNameOrdinal searches by halving.
        func hash(_ name: String) -> UInt32 { Array(name.utf8).withUnsafeBufferPointer { hashText($0) } }
        return names.sorted { hash($0) != hash($1) ? hash($0) < hash($1) : $0 < $1 }
    }

    /// Where each native's name is: `start` per native (a VM name's number | 0x8000, or an
    /// offset in `text`), and `text`, the other names as Swift source lines of `\0`-ended names.
    func nativeNameEntries(_ names: [String]) -> (start: [Int], text: String) {
        let others = Set(Self.nativeNames.filter { !names.contains($0) })
        // Longest first: a shorter name that ends a kept one is found inside it.
        var kept: [String] = []
        for name in others.sorted(by: { $0.utf8.count != $1.utf8.count ? $0.utf8.count > $1.utf8.count : $0 < $1 })
        where !kept.contains(where: { $0.hasSuffix(name) }) {
            kept.append(name)
        }
        kept.sort()
        var offset: [String: Int] = [:], at = 0
        for name in kept {
            offset[name] = at
            at += name.utf8.count + 1
        }
        let start = Self.nativeNames.map { name -> Int in
            if let k = names.firstIndex(of: name) { return 0x8000 | k }
            let home = kept.first { $0.hasSuffix(name) }!
            return offset[home]! + home.utf8.count - name.utf8.count
        }
        var lines: [String] = [], line = ""
        for name in kept {
            if line.count + name.count + 2 > 110 { lines.append("    " + line + "\\"); line = "" }
            line += name + "\\0"
        }
        lines.append("    " + line)
        return (start, lines.joined(separator: "\n"))
    }

    /// The table's source for these names.
    func generate(_ names: [String]) -> String {
        let nativeEntries = nativeNameEntries(names)
        var words: [UInt32] = [], starts: [Int] = []
        var lines: [String] = []
        for name in names {
            let bytes = Array(name.utf8)
            starts.append(words.count)
            let hash = bytes.withUnsafeBufferPointer { hashText($0) }
            var object: [UInt32] = [ImageStr.header(byteCount: bytes.count)!, UInt32(bytes.count), UInt32(name.unicodeScalars.count), hash]
            var padded = bytes
            while padded.count % 4 != 0 { padded.append(0) }
            for i in stride(from: 0, to: padded.count, by: 4) {
                object.append(UInt32(padded[i]) | UInt32(padded[i + 1]) << 8 | UInt32(padded[i + 2]) << 16 | UInt32(padded[i + 3]) << 24)
            }
            words += object
            lines.append("    " + object.map { String(format: "0x%08x", $0) }.joined(separator: ", ") + ",  // \"\(name)\"")
        }
        func rows(_ values: [Int]) -> String {
            stride(from: 0, to: values.count, by: 24).map { "    " + values[$0..<min($0 + 24, values.count)].map(String.init).joined(separator: ", ") + "," }
                .joined(separator: "\n")
        }
        return """
        // SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
        //
        // Generated by Tests/PyMiteVMTests/VMNameTableTests.swift; do not edit.
        // After adding a name the VM interns by itself:
        //   P14P_REGENERATE=1 swift test --filter VMNameTableTests
        //
        // The names the VM uses by itself (special methods, built-in types,
        // exceptions and modules), each a str object laid out as a 32-bit
        // board's heap lays out a str (ImageStr: header, byte count, character
        // count, hash, UTF-8 bytes, zero padding), back to back. A board uses
        // them where they lie in flash, as it does an image's names: none of
        // them costs heap or RAM. `vmNameStart` is where each begins (in
        // words). They are in order of their hashes: vmNameOrdinal finds
        // one by halving.

        let vmNameWords: [UInt32] = [
        \(lines.joined(separator: "\n"))
        ]

        let vmNameStart: [UInt16] = [
        \(rows(starts))
        ]

        /// A name the VM's code asks for by itself (`internStatic(.__init__)`): its number
        /// above, so that its text is kept once, here (a name that is not a Swift identifier
        /// is asked for by its text).
        struct VMName {
            let ordinal: UInt16
        \(names.enumerated().filter { Self.isIdentifier($0.element) }.map { "    static let \(Self.member($0.element)) = VMName(ordinal: \($0.offset))" }.joined(separator: "\n"))
        }

        /// Each native's Python name (`nativeName`), in `Native` order: one of the names
        /// above by its number with the top bit set, or where its text starts in
        /// `nativeNameText`, which holds each other name once, ended by a NUL (a name
        /// that ends another is read from that one's end).
        let nativeNameStart: [UInt16] = [
        \(rows(nativeEntries.start))
        ]

        let nativeNameText: StaticString = \"\"\"
        \(nativeEntries.text)
            \"\"\"

        /// Each `TypeKind`'s Python name, by its number above (`TypeKind.name`).
        let typeKindNameOrdinal: [UInt16] = [
        \(rows(Self.typeKindNames.map { names.firstIndex(of: $0)! }))
        ]

        /// Each `ExceptionKind`'s Python name, by its number above (`ExceptionKind.name`).
        let exceptionKindNameOrdinal: [UInt16] = [
        \(rows(Self.exceptionKindNames.map { names.firstIndex(of: $0)! }))
        ]

        """
    }

    func testTheTableHoldsEveryNameTheVMUses() throws {
        let expected = generate(try namesTheVMUses())
        if ProcessInfo.processInfo.environment["P14P_REGENERATE"] == "1" {
            try expected.write(to: Self.tablePath, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: Self.tablePath, encoding: .utf8)
        XCTAssertEqual(committed, expected, "VMNameTable.swift is not what the VM's names give: P14P_REGENERATE=1 swift test --filter VMNameTableTests")
    }

    /// Each type and exception kind has its own name, in case order.
    func testKindsNameThemselvesFromTheTable() {
        XCTAssertEqual(Self.typeKindNames.count, TypeKind.allCases.count)
        XCTAssertEqual(Self.exceptionKindNames.count, ExceptionKind.allCases.count)
        XCTAssertEqual(TypeKind.allCases.map { text($0.name) }, Self.typeKindNames)
        XCTAssertEqual(ExceptionKind.allCases.map { text($0.name) }, Self.exceptionKindNames)
    }

    /// Each name is found by its text, and nothing else is; the table is in order of the
    /// names' hashes, which vmNameOrdinal's halving needs.
    func testNamesAreFoundByText() throws {
        let hashes = (0..<vmNameStart.count).map { vmNameWords[Int(vmNameStart[$0]) + 3] }
        XCTAssertEqual(hashes, hashes.sorted(), "the VM's names are not in order of their hashes")
        for name in try namesTheVMUses() {
            let bytes = Array(name.utf8)
            let ordinal = bytes.withUnsafeBufferPointer { vmNameOrdinal($0, hash: hashText($0)) }
            XCTAssertNotNil(ordinal, name)
            if let k = ordinal {
                let start = Int(vmNameStart[k])
                XCTAssertEqual(Int(vmNameWords[start + 1]), bytes.count, name)
            }
        }
        for other in ["__init", "init__", "xyz", "__main__ ", "Object"] {
            let bytes = Array(other.utf8)
            XCTAssertNil(bytes.withUnsafeBufferPointer { vmNameOrdinal($0, hash: hashText($0)) }, other)
        }
    }
}
