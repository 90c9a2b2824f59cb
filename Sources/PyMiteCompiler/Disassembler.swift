// SPDX-License-Identifier: LGPL-2.1-only
//
// A readable listing of an image: per code object a header, its
// constants, one line per instruction (with what its argument means) and
// its exception table.

import PyMiteVM

public func disassemble(_ image: Image) -> String {
    var out = ""
    for m in image.modules {
        out += "module \(text(m.name)): code \(m.code)\n"
    }
    // The compiler's codes share one table of names, each using its start: listed once.
    let table = programNames(image.codes)
    let shared = sharesNames(image.codes, table)
    if shared && !table.isEmpty { out += "names: " + nameList(table) + "\n" }
    for (i, code) in image.codes.enumerated() {
        out += "\n"
        out += disassemble(code, index: i, namesListed: shared)
    }
    return out
}

private func nameList(_ names: [[UInt8]]) -> String {
    names.enumerated().map { "\($0)=\(text($1))" }.joined(separator: ", ")
}

/// The listing of one code object.
/// `namesListed`: the image's listing gave the names once (the code's are their start).
public func disassemble(_ c: CodeObject, index: Int, namesListed: Bool = false) -> String {
    var out = "code \(index): \(text(c.name)) (file \"\(text(c.filename))\", line \(c.firstLine))\n"
    out += "  flags: \(flagNames(c.flags))\n"
    out += "  args \(c.argCount), kwonly \(c.kwOnlyCount), locals \(c.localCount), free \(c.freeCount), stack \(c.stackSize)\n"
    if !c.slotNames.isEmpty {
        let slots = c.slotNames.enumerated().map { i, n in
            (i >= Int(c.localCount) ? "free " : "") + "\(i)=\(text(n))"
        }
        out += "  slots: " + slots.joined(separator: ", ") + "\n"
    }
    if !c.constants.isEmpty {
        out += "  constants:\n"
        for (i, k) in c.constants.enumerated() { out += "    \(i): \(constantRepr(k))\n" }
    }
    if !c.names.isEmpty {
        out += namesListed ? "  names: the first \(c.names.count)\n" : "  names: " + nameList(c.names) + "\n"
    }

    // Jump and handler targets are marked with ">>", as Python's dis does.
    var targets = Set<Int>()
    for raw in c.instructions {
        let ins = Instruction(raw: raw)
        if let op = ins.opcode, op.operandKind == .jumpTarget { targets.insert(Int(ins.arg)) }
        if let op = ins.opcode, op.operandKind == .comparisonAndTarget { targets.insert(Int(ins.arg >> FusedOperand.comparisonBits)) }
    }
    for e in c.exceptionTable { targets.insert(Int(e.target)) }

    out += "  code:\n"
    var lineIndex = 0
    for (i, raw) in c.instructions.enumerated() {
        var lineColumn = ""
        while lineIndex < c.lineTable.count && Int(c.lineTable[lineIndex].start) <= i {
            if Int(c.lineTable[lineIndex].start) == i { lineColumn = "\(c.lineTable[lineIndex].line)" }
            lineIndex += 1
        }
        let ins = Instruction(raw: raw)
        var row = pad(lineColumn, 6, left: true) + (targets.contains(i) ? " >>" : "   ") + pad("\(i)", 6, left: true) + " "
        guard let op = ins.opcode else {
            out += row + "<unknown opcode \(ins.opcodeByte)>\n"
            continue
        }
        let kind = op.operandKind
        if kind == .none && ins.arg == 0 {
            out += row + "\(op.mnemonic)\n"
            continue
        }
        row += pad("\(op.mnemonic)", 20, left: false) + " " + pad("\(ins.arg)", 5, left: true)
        if let meaning = argumentMeaning(op, ins.arg, c) { row += " (\(meaning))" }
        out += row + "\n"
    }
    if !c.exceptionTable.isEmpty {
        out += "  exception table:\n"
        for e in c.exceptionTable {
            out += "    \(e.start) to \(e.end) -> \(e.target) [depth \(e.depth)]\n"
        }
    }
    return out
}

func slotText(_ slot: Int, _ c: CodeObject) -> String {
    slot < c.slotNames.count ? text(c.slotNames[slot]) : "<bad slot>"
}

func argumentMeaning(_ op: Opcode, _ arg: UInt32, _ c: CodeObject) -> String? {
    let a = Int(arg)
    switch op.operandKind {
    case .constant:
        return a < c.constants.count ? constantRepr(c.constants[a]) : "<bad constant>"
    case .name:
        return a < c.names.count ? text(c.names[a]) : "<bad name>"
    case .local:
        return slotText(a, c)
    case .jumpTarget:
        return "to \(a)"
    case .binaryOperator:
        return BinaryOperator(rawValue: UInt8(truncatingIfNeeded: arg)).map { "\($0.symbol)" } ?? "<bad operator>"
    case .compareOperator:
        return CompareOperator(rawValue: UInt8(truncatingIfNeeded: arg)).map { "\($0.symbol)" } ?? "<bad comparison>"
    case .localPair:
        let (x, y) = FusedOperand.split(arg, lowBits: FusedOperand.slotBits)
        return slotText(x, c) + ", " + slotText(y, c)
    case .localAndName:
        let (slot, name) = FusedOperand.split(arg, lowBits: FusedOperand.attrSlotBits)
        return slotText(slot, c) + "." + (name < c.names.count ? text(c.names[name]) : "<bad name>")
    case .operatorAndConstant:
        let (op, k) = FusedOperand.split(arg, lowBits: FusedOperand.operatorBits)
        let symbol = BinaryOperator(rawValue: UInt8(truncatingIfNeeded: op)).map { "\($0.symbol)" } ?? "<bad operator>"
        return symbol + " " + (k < c.constants.count ? constantRepr(c.constants[k]) : "<bad constant>")
    case .comparisonAndTarget:
        let (cmp, target) = FusedOperand.split(arg, lowBits: FusedOperand.comparisonBits)
        let symbol = CompareOperator(rawValue: UInt8(truncatingIfNeeded: cmp)).map { "\($0.symbol)" } ?? "<bad comparison>"
        return symbol + ", else to \(target)"
    case .raw:
        switch op {
        case .makeFunction:
            var parts: [String] = []
            if arg & MakeFunctionFlags.defaults != 0 { parts.append("defaults") }
            if arg & MakeFunctionFlags.kwDefaults != 0 { parts.append("kwdefaults") }
            if arg & MakeFunctionFlags.annotations != 0 { parts.append("annotations") }
            if arg & MakeFunctionFlags.closure != 0 { parts.append("closure") }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        case .unpackEx:
            return "\(arg & 0xFF) before, \(arg >> 8) after"
        case .callFunctionEx, .buildClass:
            return arg & 1 != 0 ? "with keywords" : nil
        case .formatValue:
            var parts: [String] = []
            switch arg & 3 {
            case 1: parts.append("!s")
            case 2: parts.append("!r")
            case 3: parts.append("!a")
            default: break
            }
            if arg & 4 != 0 { parts.append("with spec") }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        default:
            return nil
        }
    case .count, .none:
        return nil
    }
}

func flagNames(_ flags: UInt32) -> String {
    var parts: [String] = []
    if flags & CodeFlags.module != 0 { parts.append("module") }
    if flags & CodeFlags.classBody != 0 { parts.append("class body") }
    if flags & CodeFlags.generator != 0 { parts.append("generator") }
    if flags & CodeFlags.varArgs != 0 { parts.append("*args") }
    if flags & CodeFlags.varKeywords != 0 { parts.append("**kwargs") }
    let known = CodeFlags.module | CodeFlags.classBody | CodeFlags.generator | CodeFlags.varArgs | CodeFlags.varKeywords
    if flags & ~known != 0 { parts.append("0x" + String(flags & ~known, radix: 16)) }
    return parts.isEmpty ? "none" : parts.joined(separator: ", ")
}

func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

func pad(_ s: String, _ width: Int, left: Bool) -> String {
    let n = s.count
    if n >= width { return s }
    let fill = String(repeating: " ", count: width - n)
    return left ? fill + s : s + fill
}

/// A constant as Python's repr() would show it.
public func constantRepr(_ k: Constant) -> String {
    switch k {
    case .none: return "None"
    case .true: return "True"
    case .false: return "False"
    case .ellipsis: return "Ellipsis"
    case .int(let v): return "\(v)"
    case .bigInt(let digits): return text(digits)
    case .float(let d):
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return "\(d)"
    case .str(let s): return stringRepr(text(s))
    case .bytes(let b): return bytesRepr(b)
    case .code(let i): return "<code \(i)>"
    case .tuple(let items):
        if items.count == 1 { return "(" + constantRepr(items[0]) + ",)" }
        return "(" + items.map(constantRepr).joined(separator: ", ") + ")"
    }
}

func stringRepr(_ s: String) -> String {
    let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
    var out = String(quote)
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if Character(scalar) == quote {
                out += "\\" + String(quote)
            } else if scalar.value < 0x20 || scalar.value == 0x7F {
                out += "\\x" + hex2(UInt8(scalar.value))
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    out.append(quote)
    return out
}

func bytesRepr(_ b: [UInt8]) -> String {
    let quote: UInt8 = b.contains(0x27) && !b.contains(0x22) ? 0x22 : 0x27
    var out = "b" + String(UnicodeScalar(quote))
    for byte in b {
        switch byte {
        case 0x5C: out += "\\\\"
        case 0x0A: out += "\\n"
        case 0x0D: out += "\\r"
        case 0x09: out += "\\t"
        case quote: out += "\\" + String(UnicodeScalar(quote))
        case 0x20..<0x7F: out.unicodeScalars.append(UnicodeScalar(byte))
        default: out += "\\x" + hex2(byte)
        }
    }
    out.unicodeScalars.append(UnicodeScalar(quote))
    return out
}

func hex2(_ v: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(v >> 4)], digits[Int(v & 15)]])
}
