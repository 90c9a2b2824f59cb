// SPDX-License-Identifier: LGPL-2.1-only
//
// The emitter, the low-level layer below the tree walk of CodeGen.swift:
// labels, code units, instruction emission and placement, jump patching,
// constants and names, exception-table ranges. It tracks the stack depth
// as it goes (depths are recorded at jump targets), drops code that cannot
// be reached, and records exception-table ranges that it can suspend
// around code which runs below a handler's depth (unwinding for
// return/break).

import PyMiteVM

/// A jump target. Its depth is the stack depth on arrival, known from the
/// first jump emitted to it or from falling through into it.
final class Label {
    var position: Int?
    var depth: Int?
}

/// A range of code protected by an exception handler. The range may be
/// split in segments: it is suspended around unwinding code.
final class Protected {
    let handler: Label
    /// Stack depth the handler starts from (the exception is pushed on it).
    let depth: Int
    var openStart: Int?
    var segments: [(start: Int, end: Int)] = []
    init(handler: Label, depth: Int) { self.handler = handler; self.depth = depth }
    var hasCode: Bool { segments.contains { $0.end > $0.start } }
}

/// A constant as the key of its code unit's table: equal keys for equal
/// constants, floats by bit pattern (0.0 and -0.0 stay apart), texts as hex
/// (a str may hold lone surrogates), tuples with each item's length. A
/// String, because the compiler's other tables are keyed by String: the
/// Swift runtime checks a new key type's Hashable by searching every
/// protocol conformance in the binary on its first use, which was 0.2 M
/// instructions, a quarter of an empty program's start.
func constKey(_ c: Constant) -> String {
    func hex(_ tag: UInt8, _ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [tag]
        out.reserveCapacity(1 + 2 * bytes.count)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
    switch c {
    case .none: return "N"
    case .true: return "T"
    case .false: return "F"
    case .ellipsis: return "E"
    case .int(let v): return "i\(v)"
    case .bigInt(let digits): return hex(UInt8(ascii: "I"), digits)
    case .float(let d): return "f\(d.bitPattern)"
    case .str(let text): return hex(UInt8(ascii: "s"), text)
    case .bytes(let b): return hex(UInt8(ascii: "b"), b)
    case .code(let i): return "c\(i)"
    case .tuple(let items):
        var key = "t\(items.count)"
        for item in items {
            let k = constKey(item)
            key += "\(k.utf8.count):" + k
        }
        return key
    }
}

final class CodeUnit {
    let scope: Scope
    let firstLine: Int
    var instructions: [UInt32] = []
    var constants: [Constant] = []
    var constIndex: [String: Int] = [:]
    var slots: [String: Int] = [:]
    var slotNames: [String] = []
    var localCount = 0
    var depth = 0
    var maxDepth = 0
    var reachable = true
    var patches: [(index: Int, label: Label)] = []
    var blocks: [Block] = []
    var line: Int
    var lastLine = -1
    var lineTable: [LineEntry] = []
    var entries: [(start: Int, end: Int, handler: Label, depth: Int)] = []
    /// The last position a label, a handler or an exception range was placed at: an
    /// instruction there starts something, so it is not fused with the one before it.
    var fence = 0

    init(scope: Scope, firstLine: Int) {
        self.scope = scope
        self.firstLine = firstLine
        self.line = firstLine
        if scope.kind.isFunctionLike || scope.needsClassCell {
            for (i, n) in scope.locals.enumerated() { slots[n] = i }
            slotNames = scope.locals
            localCount = scope.locals.count
        }
        for (i, n) in scope.freeVars.enumerated() { slots[n] = localCount + i }
        slotNames += scope.freeVars
    }
}

extension CodeGen {
    func emit(_ op: Opcode, _ arg: Int = 0) throws {
        guard u.reachable else { return }
        guard arg >= 0, arg <= Int(Instruction.maxArg) else {
            throw error("code too large", here)
        }
        if let (fused, fusedArg) = fusion(op, arg) {
            u.instructions[u.instructions.count - 1] = Instruction(fused, fusedArg).raw
        } else {
            if u.line != u.lastLine {
                u.lineTable.append(LineEntry(start: UInt32(u.instructions.count), line: UInt32(max(0, u.line))))
                u.lastLine = u.line
            }
            u.instructions.append(Instruction(op, UInt32(arg)).raw)
        }
        u.depth += op.stackEffect(UInt32(arg))
        u.maxDepth = max(u.maxDepth, u.depth)
        switch op {
        case .returnValue, .raiseVarargs, .raiseAssertion, .reraise, .popExceptReraise, .jump:
            u.reachable = false
        default: break
        }
    }

    /// The instruction before, if nothing starts between it and `op` (no label,
    /// handler, exception range or new line): the two can be one.
    private var fusable: Instruction? {
        guard let last = u.instructions.last, u.fence != u.instructions.count, u.line == u.lastLine else { return nil }
        return Instruction(raw: last)
    }

    /// `op` fused with the instruction before it (Opcode.loadFastLoadFast, ...), nil if the
    /// pair has no fused form or an operand does not fit it.
    private func fusion(_ op: Opcode, _ arg: Int) -> (Opcode, UInt32)? {
        guard let last = fusable, let first = last.opcode else { return nil }
        let a = Int(last.arg)
        switch (first, op) {
        case (.loadFast, .loadFast):
            return FusedOperand.pack(a, arg, lowBits: FusedOperand.slotBits).map { (.loadFastLoadFast, $0) }
        case (.loadFast, .loadAttr):
            return FusedOperand.pack(a, arg, lowBits: FusedOperand.attrSlotBits).map { (.loadFastAttr, $0) }
        case (.loadFast, .storeAttr):
            return FusedOperand.pack(a, arg, lowBits: FusedOperand.attrSlotBits).map { (.storeFastAttr, $0) }
        case (.loadConst, .binaryOp):
            return FusedOperand.pack(arg, a, lowBits: FusedOperand.operatorBits).map { (.loadConstBinaryOp, $0) }
        case (.loadConst, .inplaceOp):
            return FusedOperand.pack(arg, a, lowBits: FusedOperand.operatorBits).map { (.loadConstInplaceOp, $0) }
        case (.buildSlice, .binarySubscr) where a == 2:
            return (.binarySlice, 0)
        default:
            return nil
        }
    }

    func noteDepth(_ label: Label, _ depth: Int) throws {
        if let d = label.depth {
            guard d == depth else { throw error("internal compiler error: inconsistent stack depth", here) }
        } else {
            guard label.position == nil else {
                throw error("internal compiler error: jump into unreachable code", here)
            }
            label.depth = depth
        }
    }

    func emitJump(_ op: Opcode, _ label: Label) throws {
        guard u.reachable else { return }
        let target: Int
        switch op {
        case .popJumpIfFalse, .popJumpIfTrue, .forIter: target = u.depth - 1
        default: target = u.depth
        }
        try noteDepth(label, target)
        // A comparison's jump: the target joins the comparison's operand, above its
        // 4 bits, when the label is placed (CodeGen.compileUnit).
        if op == .popJumpIfFalse, let last = fusable, last.opcode == .compareOp {
            u.instructions[u.instructions.count - 1] = Instruction(.compareJumpIfFalse, last.arg).raw
            u.patches.append((u.instructions.count - 1, label))
            u.depth += op.stackEffect(0)
            return
        }
        u.patches.append((u.instructions.count, label))
        try emit(op, 0)
    }

    func place(_ label: Label) throws {
        u.fence = u.instructions.count
        if u.reachable {
            try noteDepth(label, u.depth)
            label.position = u.instructions.count
        } else if let d = label.depth {
            label.position = u.instructions.count
            u.depth = d
            u.reachable = true
        } else {
            label.position = u.instructions.count
        }
    }

    /// An exception handler's entry point: reachable only if its range holds code.
    func placeHandler(_ label: Label, for p: Protected) {
        u.fence = u.instructions.count
        label.position = u.instructions.count
        if p.hasCode {
            u.reachable = true
            u.depth = p.depth + 1
            label.depth = u.depth
            u.maxDepth = max(u.maxDepth, u.depth)
        } else {
            u.reachable = false
        }
    }

    func open(_ p: Protected) {
        u.fence = u.instructions.count
        if p.openStart == nil { p.openStart = u.instructions.count }
    }

    func suspend(_ p: Protected) {
        u.fence = u.instructions.count
        if let s = p.openStart {
            p.segments.append((s, u.instructions.count))
            p.openStart = nil
        }
    }

    /// Closes the range for good and records its table entries (inner
    /// handlers finish first, so they come first in the table).
    func finish(_ p: Protected) {
        suspend(p)
        for seg in p.segments where seg.end > seg.start {
            u.entries.append((seg.start, seg.end, p.handler, p.depth))
        }
    }

    func addConst(_ c: Constant) throws -> Int {
        let key = constKey(c)
        if let i = u.constIndex[key] { return i }
        guard u.constants.count < Int(Instruction.maxArg) else { throw error("too many constants", here) }
        guard c.longestStr <= ImageFormat.maxStrBytes else { throw error("string too long for a code image", here) }
        u.constants.append(c)
        u.constIndex[key] = u.constants.count - 1
        return u.constants.count - 1
    }

    /// A name's index in the program's one table of names (`CodeGen.names`).
    func addName(_ n: String) throws -> Int {
        if let i = nameIndex[n] { return i }
        guard names.count < Int(Instruction.maxArg) else { throw error("too many names", here) }
        names.append(Array(n.utf8))
        nameIndex[n] = names.count - 1
        return names.count - 1
    }

    func loadConst(_ c: Constant) throws { try emit(.loadConst, try addConst(c)) }
    func emitNamed(_ op: Opcode, _ name: String) throws { try emit(op, try addName(name)) }
}

extension Constant {
    /// The byte count of the longest str in this constant (an image lays each str out as an object).
    var longestStr: Int {
        switch self {
        case .str(let s): return s.count
        case .tuple(let items): return items.map(\.longestStr).max() ?? 0
        default: return 0
        }
    }
}
