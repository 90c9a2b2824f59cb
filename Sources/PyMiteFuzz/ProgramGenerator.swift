// SPDX-License-Identifier: LGPL-2.1-only
//
// Turns fuzzer bytes into a valid Python program: the prelude, then up to
// `maxStatements` statements, each inside `try: ... except BaseException`
// so that one raising statement does not end the run. Every expression
// is parenthesised, so any combination the bytes choose still parses; what
// it does when run (TypeError, MemoryError, RecursionError...) is the
// point. A generated program that does not compile is a generator bug.

public struct ProgramGenerator {
    var input: FuzzBytes
    var lines: [String] = []
    /// Names of functions and classes the program has defined so far.
    var defined: [String] = []

    public static let maxStatements = 48
    static let maxDepth = 3

    /// The whole program: the prelude, then the statements.
    public static func program(from bytes: [UInt8]) -> String {
        ProgramVocabulary.prelude + statements(from: bytes)
    }

    /// The statements alone, for a main module that runs after the
    /// prelude's (see VMTarget).
    public static func statements(from bytes: [UInt8]) -> String {
        var g = ProgramGenerator(input: FuzzBytes(bytes))
        return g.generate()
    }

    mutating func generate() -> String {
        var count = 0
        while !input.isExhausted && count < ProgramGenerator.maxStatements {
            lines.append("try:")
            statement(indent: "    ", nesting: 0, inLoop: false)
            lines.append("except BaseException as e:")
            lines.append(input.chance(1) ? "    print(repr(e), e.args)" : "    pass")
            count += 1
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Statements

    mutating func variable() -> String { "v\(input.below(ProgramVocabulary.variableCount))" }

    mutating func statement(indent: String, nesting: Int, inLoop: Bool) {
        let v = variable()
        switch input.below(24) {
        case 0, 1, 2: lines.append(indent + "\(v) = \(expression(0))")
        case 3, 4: lines.append(indent + "print(\(expression(0)))")
        case 5, 6, 7: lines.append(indent + methodCall(receiver: input.chance(5) ? v : expression(2), depth: 1))
        case 8: lines.append(indent + "\(v)[\(expression(1))] = \(expression(1))")
        case 9: lines.append(indent + "del \(v)[\(expression(1))]")
        case 10: lines.append(indent + "\(v) \(input.pick(ProgramVocabulary.augmentedOperators)) \(expression(1))")
        case 11: lines.append(indent + "\(v).\(input.pick(ProgramVocabulary.attributes)) = \(expression(1))")
        case 12: lines.append(indent + "\(v), *\(variable()) = \(expression(1))")
        case 13: lines.append(indent + "raise \(expression(1))" + (input.chance(2) ? " from \(expression(2))" : ""))
        case 14: lines.append(indent + "assert \(expression(1)), \(expression(2))")
        case 15: lines.append(indent + "\(v) = [\(expression(2)) for y in \(expression(1)) if \(expression(2))]")
        case 16: lines.append(indent + "\(v) = {y: \(expression(2)) for y in \(expression(1))}")
        case 17, 18:
            guard nesting < 2 else { lines.append(indent + "pass"); return }
            lines.append(indent + "for y in \(expression(1)):")
            block(indent: indent + "    ", nesting: nesting + 1, inLoop: true)
        case 19:
            guard nesting < 2 else { lines.append(indent + "pass"); return }
            lines.append(indent + "with \(expression(1)) as w:")
            block(indent: indent + "    ", nesting: nesting + 1, inLoop: inLoop)
        case 20: functionDefinition(indent: indent)
        case 21: classDefinition(indent: indent)
        case 22:
            guard nesting < 2 else { lines.append(indent + "pass"); return }
            lines.append(indent + "try:")
            block(indent: indent + "    ", nesting: nesting + 1, inLoop: inLoop)
            lines.append(indent + "finally:")
            block(indent: indent + "    ", nesting: nesting + 1, inLoop: inLoop)
        default:
            lines.append(indent + "(\(v) := \(expression(1)))")
        }
    }

    /// One to three statements; `break` and `continue` only inside a loop.
    mutating func block(indent: String, nesting: Int, inLoop: Bool) {
        for _ in 0..<(1 + input.below(3)) {
            switch input.below(6) {
            case 0 where inLoop: lines.append(indent + "break")
            case 1 where inLoop: lines.append(indent + "continue")
            default: statement(indent: indent, nesting: nesting, inLoop: inLoop)
            }
        }
    }

    /// A function with every kind of parameter whose body uses them; it may
    /// be a generator, and may touch a module variable through `global`.
    mutating func functionDefinition(indent: String) {
        let name = "f\(input.below(4))"
        lines.append(indent + "def \(name)(a, b=\(expression(2)), *c, d=\(expression(2)), **k):")
        let inner = indent + "    "
        if input.chance(2) { lines.append(inner + "global \(variable())") }
        switch input.below(4) {
        case 0: lines.append(inner + "yield \(expression(1))")
        case 1: lines.append(inner + "yield from \(expression(1))")
        default: break
        }
        lines.append(inner + "return \(expression(1))")
        defined.append(name)
    }

    /// A class whose special method returns a generated expression.
    mutating func classDefinition(indent: String) {
        let name = "G\(input.below(3))"
        let base = input.chance(4)
            ? input.pick(["C", "E", "Bad", "object", "Exception", "K", "L", "D", "S", "int", "tuple", "M", "C, metaclass=M"])
            : expression(2)
        lines.append(indent + "class \(name)(\(base)):")
        let inner = indent + "    "
        lines.append(inner + "z = \(expression(2))")
        let special = input.pick([
            "__repr__", "__str__", "__eq__", "__lt__", "__hash__", "__len__", "__iter__", "__next__",
            "__getitem__", "__contains__", "__bool__", "__index__", "__add__", "__call__", "__init__",
            "__getattr__", "__format__", "__exit__", "__enter__", "__setitem__",
            "__missing__", "__new__", "__init_subclass__", "__set_name__", "__get__", "__set__",
        ])
        lines.append(inner + "def \(special)(self, *a):")
        lines.append(inner + "    return \(expression(1))")
        defined.append(name)
    }

    // MARK: Expressions

    /// An expression, parenthesised where it could bind to its neighbours.
    mutating func expression(_ depth: Int) -> String {
        if depth >= ProgramGenerator.maxDepth { return atom() }
        let d = depth + 1
        switch input.below(20) {
        case 0, 1, 2, 3: return atom()
        case 4, 5: return call(callee: input.pick(ProgramVocabulary.callables), depth: d)
        case 6, 7: return methodCall(receiver: expression(d), depth: d)
        case 8: return "(\(expression(d)) \(input.pick(ProgramVocabulary.binaryOperators)) \(expression(d)))"
        case 9: return "(\(input.pick(ProgramVocabulary.unaryOperators))\(expression(d)))"
        case 10: return "(\(expression(d)))[\(expression(d))]"
        case 11: return "(\(expression(d)))[\(slicePart(d)):\(slicePart(d))" + (input.chance(4) ? ":\(slicePart(d))]" : "]")
        case 12: return "(\(expression(d))).\(input.pick(ProgramVocabulary.attributes))"
        case 13: return display(d)
        case 14: return formatting(d)
        case 15: return "[\(expression(d)) for y in \(expression(d))]"
        case 16: return "(\(expression(d)) if \(expression(d)) else \(expression(d)))"
        case 17: return call(callee: "(\(expression(d)))", depth: d)
        case 18: return "(lambda *a, **k: \(expression(d)))"
        default:
            if let f = defined.isEmpty ? nil : input.pick(defined) { return call(callee: f, depth: d) }
            return atom()
        }
    }

    mutating func slicePart(_ depth: Int) -> String {
        input.chance(2) ? "" : expression(depth)
    }

    /// A value of some kind, or a variable.
    mutating func atom() -> String {
        switch input.below(12) {
        case 0, 1, 2: return variable()
        case 3: return "(\(input.pick(ProgramVocabulary.intLiterals)))"
        case 4: return "(\(smallInt()))"
        case 5: return "(\(input.pick(ProgramVocabulary.floatLiterals)))"
        case 6: return input.pick(ProgramVocabulary.strLiterals)
        case 7: return input.pick(ProgramVocabulary.bytesLiterals)
        case 8: return input.pick(ProgramVocabulary.rangeLiterals)
        case 9: return bytesDerivedLiteral()
        case 10: return "y"
        default: return "(\(input.pick(ProgramVocabulary.otherLiterals)))"
        }
    }

    mutating func smallInt() -> String {
        let b = Int(Int8(bitPattern: input.byte()))
        return input.chance(1) ? "\(Int64(bitPattern: input.word()))" : "\(b)"
    }

    /// A str, bytes or float spelled from the input itself.
    mutating func bytesDerivedLiteral() -> String {
        let n = input.below(6)
        var raw: [UInt8] = []
        for _ in 0..<n { raw.append(input.byte()) }
        switch input.below(3) {
        case 0: return "'" + raw.map { "\\x" + hex($0) }.joined() + "'"
        case 1: return "b'" + raw.map { "\\x" + hex($0) }.joined() + "'"
        default:
            let d = Double(bitPattern: input.word())
            if d.isNaN { return "float('nan')" }
            if d.isInfinite { return d < 0 ? "float('-inf')" : "float('inf')" }
            return "(\(d))"
        }
    }

    func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    mutating func call(callee: String, depth: Int) -> String {
        var args: [String] = []
        for _ in 0..<input.below(4) { args.append(expression(depth)) }
        if input.chance(1) { args.append("*\(expression(depth))") }
        if input.chance(2) { args.append("\(input.pick(ProgramVocabulary.keywords))=\(expression(depth))") }
        if input.chance(1) { args.append("**\(expression(depth))") }
        return "\(callee)(\(args.joined(separator: ", ")))"
    }

    mutating func methodCall(receiver: String, depth: Int) -> String {
        call(callee: "(\(receiver)).\(input.pick(ProgramVocabulary.methods))", depth: depth)
    }

    /// A list, tuple, dict or set display, with unpacking now and then.
    mutating func display(_ depth: Int) -> String {
        var items: [String] = []
        let kind = input.below(4)
        for _ in 0..<input.below(4) {
            switch (kind, input.below(5)) {
            case (2, 0): items.append("**\(expression(depth))")
            case (2, _): items.append("\(expression(depth)): \(expression(depth))")
            case (_, 0): items.append("*\(expression(depth))")
            default: items.append(expression(depth))
            }
        }
        switch kind {
        case 0: return "[" + items.joined(separator: ", ") + "]"
        case 1: return "(" + items.joined(separator: ", ") + (items.count == 1 ? ",)" : ")")
        case 2: return "{" + items.joined(separator: ", ") + "}"
        default: return items.isEmpty ? "set()" : "{" + items.joined(separator: ", ") + "}"
        }
    }

    /// f-strings, str.format, format() and % with specs of every kind.
    mutating func formatting(_ depth: Int) -> String {
        let spec = input.pick(ProgramVocabulary.formatSpecs)
        switch input.below(5) {
        case 0:
            let conversion = input.pick(["", "!r", "!s", "!a"])
            return "f'{\(variable())\(conversion):\(spec)}'"
        case 1: return "f'{\(variable())}:{\(variable()):{\(variable())}}'"
        case 2: return "format(\(expression(depth)), '\(spec)')"
        case 3: return "('{0:\(spec)}{1!r}'.format(\(expression(depth)), \(expression(depth))))"
        default:
            let specs = (0..<(1 + input.below(3))).map { _ in input.pick(ProgramVocabulary.percentSpecs) }
            return "('\(specs.joined(separator: " "))' % \(expression(depth)))"
        }
    }
}
