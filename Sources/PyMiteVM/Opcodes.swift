// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// The instruction set, defined once. The compiler emits from it, the
// interpreter dispatches on it, the disassembler and the image loader
// read its table (Lua's lopcodes.h idea).
//
// An instruction is one little-endian UInt32: the opcode in the low 8
// bits, the argument in the high 24 bits. Jump targets are absolute
// instruction indexes. "TOS" is the top of the value stack, "TOS1" the
// item below it; stack pictures list items bottom -> top.

public enum Opcode: UInt8, CaseIterable {
    // Stack manipulation.
    case nop = 0
    case popTop            // [a] -> []
    case dupTop            // [a] -> [a a]
    case dupTopTwo         // [a b] -> [a b a b]
    case rotTwo            // [a b] -> [b a]
    case rotThree          // [a b c] -> [c a b]
    case rotFour           // [a b c d] -> [d a b c]

    // Constants and names. `arg` indexes code.constants / code.names / local slots.
    case loadConst         // [] -> [constants[arg]]
    case loadFast          // [] -> [slot arg]; UnboundLocalError if unset
    case storeFast         // [v] -> [] into slot arg
    case deleteFast        // slot arg becomes unset
    case loadDeref         // [] -> [cell(slot arg).contents]; NameError/UnboundLocalError if empty
    case storeDeref        // [v] -> [] into cell(slot arg)
    case deleteDeref       // empties cell(slot arg)
    case loadClosure       // [] -> [the cell object in slot arg]
    case makeCell          // slot arg := new cell holding the slot's current value (or empty)
    case loadGlobal        // [] -> [globals[names[arg]] or builtins[names[arg]]]
    case storeGlobal       // [v] -> []
    case deleteGlobal
    case loadName          // class bodies: frame namespace, then globals, then builtins
    case storeName         // [v] -> [] into the frame namespace
    case deleteName
    case loadLocals        // [] -> [the frame namespace dict] (end of a class body)
    case loadAttr          // [obj] -> [obj.names[arg]]
    case storeAttr         // [v obj] -> []  (obj.names[arg] = v)
    case deleteAttr        // [obj] -> []
    case loadMethod        // [obj] -> [func obj] for a plain method, or [NULL attr]
    case callMethod        // [f self a1..aN] or [NULL callable a1..aN] -> [result]; arg = N

    // Operators. `arg` of binaryOp/inplaceOp is a BinaryOperator raw value,
    // of compareOp a CompareOperator raw value.
    case binaryOp          // [a b] -> [a op b]
    case inplaceOp         // [a b] -> [a op= b]
    case unaryNegative     // [a] -> [-a]
    case unaryPositive     // [a] -> [+a]
    case unaryNot          // [a] -> [not a]
    case unaryInvert       // [a] -> [~a]
    case compareOp         // [a b] -> [a op b]
    case binarySubscr      // [container key] -> [container[key]]
    case storeSubscr       // [v container key] -> []
    case deleteSubscr      // [container key] -> []
    case buildSlice        // arg 2: [lo hi] -> [slice]; arg 3: [lo hi step] -> [slice]

    // Containers.
    case buildTuple        // [a1..aN] -> [(a1..aN)]
    case buildList         // [a1..aN] -> [[a1..aN]]
    case buildSet          // [a1..aN] -> [{a1..aN}]
    case buildMap          // [k1 v1 .. kN vN] -> [{k1: v1, ..}]
    case listAppend        // [list ...(arg-1 items) v] -> [list ...]; list is at depth arg below v
    case setAdd            // like listAppend for a set
    case mapAdd            // [map ...(arg-1 items) k v] -> [map ...]
    case listExtend        // [list iterable] -> [list]  (for [*a, *b] displays)
    case setUpdate         // [set iterable] -> [set]
    case dictUpdate        // [dict mapping] -> [dict]   (for {**a})
    case listToTuple       // [list] -> [tuple]
    case unpackSequence    // [seq] -> [vN .. v1] (v1 on top); ValueError on a length mismatch
    case unpackEx          // arg = before | after << 8: [seq] -> [after.. starred-list ..before] (first on top)

    // Control flow. Targets are absolute instruction indexes.
    case jump              // ip = arg
    case popJumpIfFalse    // [v] -> []; jump if not truthy
    case popJumpIfTrue     // [v] -> []; jump if truthy
    case jumpIfFalseOrPop  // [v] -> [v] and jump if falsy, else [] and fall through
    case jumpIfTrueOrPop   // [v] -> [v] and jump if truthy, else [] and fall through
    case getIter           // [obj] -> [iter(obj)]
    case forIter           // [it] -> [it next] or, when exhausted, [] and jump to arg

    // Functions.
    case makeFunction      // [defaults-tuple? closure-tuple? code] -> [function]; arg: MakeFunctionFlags
    case callFunction      // [f a1..aN] -> [f(a1..aN)]; arg = N
    case callFunctionKw    // [f a1..aN kwnames-tuple] -> [result]; arg = N (positional + keyword values)
    case callFunctionEx    // [f args-tuple] or, with arg 1, [f args-tuple kwargs-dict] -> [result]
    case returnValue       // [v] -> returns v to the caller
    case yieldValue        // [v] -> suspends the generator yielding v; on resume [sent]
    // `yield from x` compiles to: <x>; getYieldFromIter; loadConst None; yieldFrom.
    // yieldFrom sends `sent` to subiter (next() when sent is None, else send()).
    // If subiter yields v, the generator suspends yielding v with [subiter] left
    // on its stack and its ip still on this yieldFrom; resuming pushes the sent
    // value and runs yieldFrom again. When subiter stops (StopIteration value r,
    // None if none), the stack becomes [r] and execution goes on after it.
    case yieldFrom         // [subiter sent] -> [result], possibly after many suspensions
    case getYieldFromIter  // [obj] -> [iter(obj)], or obj itself if it is a generator
    // If the namespace holds `__classcell__` (a cell: the class body's
    // `__class__` slot, captured by methods that use zero-argument super()),
    // buildClass removes that key and stores the new class in the cell.
    // With arg 1 the class statement's keywords (a dict, made before the body
    // runs) are below the namespace: the first `__init_subclass__` of the
    // class's parents is called with them.
    case buildClass        // [name bases-tuple (keywords) namespace] -> [class]

    // Modules.
    case importName        // [] -> [module names[arg]] (loaded once per run)
    case importFrom        // [module] -> [module attr names[arg]]; ImportError if absent
    case importStar        // [module] -> []; copies public names into the current namespace

    // Exceptions. Handlers are found through code.exceptionTable, not a block stack.
    case raiseVarargs      // arg 0: re-raise the exception being handled; 1: [exc]; 2: [exc cause]
    case raiseAssertion    // arg 0: [] or arg 1: [message] -> raises AssertionError
    case pushExcInfo       // [exc] -> [previously-handled exc] handled := exc; exc stays on top
    case popExcept         // [prev exc] -> [] handled := prev
    case reraise           // [exc] -> raises exc again, keeping its traceback
    case exceptMatch       // [exc type] -> [exc isinstance-match(exc, type)]; type may be a tuple
    case popExceptReraise  // [prev exc] -> handled := prev; raises exc again
    case setupAnnotations  // reserved

    // f-strings.
    case formatValue       // arg bits 0-1: conversion (0 none, 1 !s, 2 !r, 3 !a); bit 2: a spec is on top
                           // [value] or [value spec] -> [format(converted value, spec)]
    case buildString       // [s1..sN] -> [s1 + ... + sN]; arg = N

    // With statements.
    case loadSpecial       // loadMethod of __enter__/__exit__ (names[arg]); a manager without it
                           // raises TypeError (the context manager protocol), as in CPython

    // Pairs the compiler fuses when nothing jumps between them (format 5): one
    // dispatch for two steps, the commonest pairs of `make bench`'s programs.
    // Each does what its two instructions do, in the same order (binarySlice
    // makes its slice object only for a type it does not slice itself).
    case loadFastLoadFast  // loadFast (arg & 0xFFF); loadFast (arg >> 12)
    case loadFastAttr      // loadFast (arg & 0xFF); loadAttr names[arg >> 8]
    case storeFastAttr     // loadFast (arg & 0xFF); storeAttr names[arg >> 8]: [v] -> []
    case loadConstBinaryOp // loadConst (arg >> 8); binaryOp (arg & 0xFF)
    case loadConstInplaceOp // loadConst (arg >> 8); inplaceOp (arg & 0xFF)
    case compareJumpIfFalse // compareOp (arg & 0xF); popJumpIfFalse (arg >> 4)
    case binarySlice       // buildSlice 2; binarySubscr: [c lo hi] -> [c[lo:hi]]
}

/// How the fused instructions' operands are packed (`Opcode.loadFastLoadFast`, ...).
public enum FusedOperand {
    /// loadFastLoadFast: two slots of 12 bits.
    public static let slotBits: UInt32 = 12
    /// loadFastAttr, storeFastAttr: a slot in the low 8 bits, a name index above it.
    public static let attrSlotBits: UInt32 = 8
    /// loadConst…Op: the operator in the low 8 bits, a constant index above it.
    public static let operatorBits: UInt32 = 8
    /// compareJumpIfFalse: the comparison in the low 4 bits, the jump target above it.
    public static let comparisonBits: UInt32 = 4

    /// The two parts of an operand whose low part has `lowBits` bits.
    @inline(__always) public static func split(_ arg: UInt32, lowBits: UInt32) -> (low: Int, high: Int) {
        (Int(arg & (1 << lowBits - 1)), Int(arg >> lowBits))
    }
    /// The operand packing `low` and `high`, nil when either does not fit.
    public static func pack(_ low: Int, _ high: Int, lowBits: UInt32) -> UInt32? {
        guard low >= 0, high >= 0, low < 1 << lowBits, high < 1 << (24 - lowBits) else { return nil }
        return UInt32(low) | UInt32(high) << lowBits
    }
}

/// Operand of `binaryOp` / `inplaceOp`.
public enum BinaryOperator: UInt8, CaseIterable {
    case add = 0, subtract, multiply, trueDivide, floorDivide, modulo, power
    case lshift, rshift, and, or, xor, matrixMultiply

    public var symbol: StaticString {
        switch self {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .trueDivide: return "/"
        case .floorDivide: return "//"
        case .modulo: return "%"
        case .power: return "**"
        case .lshift: return "<<"
        case .rshift: return ">>"
        case .and: return "&"
        case .or: return "|"
        case .xor: return "^"
        case .matrixMultiply: return "@"
        }
    }
}

/// Operand of `compareOp`.
public enum CompareOperator: UInt8, CaseIterable {
    case less = 0, lessEqual, equal, notEqual, greater, greaterEqual
    case isIdentical, isNotIdentical, contains, notContains

    public var symbol: StaticString {
        switch self {
        case .less: return "<"
        case .lessEqual: return "<="
        case .equal: return "=="
        case .notEqual: return "!="
        case .greater: return ">"
        case .greaterEqual: return ">="
        case .isIdentical: return "is"
        case .isNotIdentical: return "is not"
        case .contains: return "in"
        case .notContains: return "not in"
        }
    }
}

/// Bits of `makeFunction`'s argument: which optional items sit below the code.
public enum MakeFunctionFlags {
    public static let defaults: UInt32 = 1      // a tuple of positional defaults
    public static let kwDefaults: UInt32 = 2    // a dict of keyword-only defaults
    public static let annotations: UInt32 = 4   // a dict of the parameters' and the return's annotations
    public static let closure: UInt32 = 8       // a tuple of cells
}

public struct Instruction: Equatable {
    public var raw: UInt32
    @inline(__always) public init(raw: UInt32) { self.raw = raw }
    @inline(__always) public init(_ op: Opcode, _ arg: UInt32 = 0) {
        raw = UInt32(op.rawValue) | (arg << 8)
    }
    @inline(__always) public var opcodeByte: UInt8 { UInt8(truncatingIfNeeded: raw) }
    @inline(__always) public var opcode: Opcode? { Opcode(rawValue: opcodeByte) }
    @inline(__always) public var arg: UInt32 { raw >> 8 }
    public static let maxArg: UInt32 = (1 << 24) - 1
}

/// What an operand of each opcode refers to, for the disassembler and the loader's checks.
public enum OperandKind {
    case none, count, constant, name, local, jumpTarget, binaryOperator, compareOperator, raw
    // The fused pairs' operands (FusedOperand).
    case localPair, localAndName, operatorAndConstant, comparisonAndTarget

    /// A fused operand's two parts: what each is, and the width of the low one.
    public var fusedParts: (low: OperandKind, high: OperandKind, lowBits: UInt32)? {
        switch self {
        case .localPair: return (.local, .local, FusedOperand.slotBits)
        case .localAndName: return (.local, .name, FusedOperand.attrSlotBits)
        case .operatorAndConstant: return (.binaryOperator, .constant, FusedOperand.operatorBits)
        case .comparisonAndTarget: return (.compareOperator, .jumpTarget, FusedOperand.comparisonBits)
        default: return nil
        }
    }
}

extension Opcode {
    public var operandKind: OperandKind {
        switch self {
        case .loadConst: return .constant
        case .loadFast, .storeFast, .deleteFast, .loadDeref, .storeDeref, .deleteDeref,
             .loadClosure, .makeCell:
            return .local
        case .loadGlobal, .storeGlobal, .deleteGlobal, .loadName, .storeName, .deleteName,
             .loadAttr, .storeAttr, .deleteAttr, .loadMethod, .loadSpecial, .importName, .importFrom:
            return .name
        case .jump, .popJumpIfFalse, .popJumpIfTrue, .jumpIfFalseOrPop, .jumpIfTrueOrPop, .forIter:
            return .jumpTarget
        case .binaryOp, .inplaceOp: return .binaryOperator
        case .compareOp: return .compareOperator
        case .callMethod, .buildSlice, .buildTuple, .buildList, .buildSet, .buildMap,
             .listAppend, .setAdd, .mapAdd, .unpackSequence, .callFunction, .callFunctionKw,
             .raiseVarargs, .raiseAssertion, .buildString:
            return .count
        case .unpackEx, .makeFunction, .callFunctionEx, .formatValue, .buildClass: return .raw
        case .loadFastLoadFast: return .localPair
        case .loadFastAttr, .storeFastAttr: return .localAndName
        case .loadConstBinaryOp, .loadConstInplaceOp: return .operatorAndConstant
        case .compareJumpIfFalse: return .comparisonAndTarget
        default: return .none
        }
    }

    /// Net change of the stack depth, given the argument (jumps: the fall-through path,
    /// except `forIter`, whose fall-through pushes the next item).
    public func stackEffect(_ arg: UInt32) -> Int {
        let n = Int(arg)
        switch self {
        case .nop, .rotTwo, .rotThree, .rotFour: return 0
        case .popTop: return -1
        case .dupTop: return 1
        case .dupTopTwo: return 2
        case .loadConst, .loadFast, .loadDeref, .loadClosure, .loadGlobal, .loadName, .loadLocals:
            return 1
        case .storeFast, .storeDeref, .storeGlobal, .storeName: return -1
        case .deleteFast, .deleteDeref, .deleteGlobal, .deleteName, .makeCell: return 0
        case .loadAttr: return 0
        case .storeAttr: return -2
        case .deleteAttr: return -1
        case .loadMethod, .loadSpecial: return 1
        case .callMethod: return -n - 1
        case .binaryOp, .inplaceOp, .compareOp, .binarySubscr: return -1
        case .unaryNegative, .unaryPositive, .unaryNot, .unaryInvert: return 0
        case .storeSubscr: return -3
        case .deleteSubscr: return -2
        case .buildSlice: return 1 - n
        case .buildTuple, .buildList, .buildSet: return 1 - n
        case .buildMap: return 1 - 2 * n
        case .listAppend, .setAdd: return -1
        case .mapAdd: return -2
        case .listExtend, .setUpdate, .dictUpdate: return -1
        case .listToTuple: return 0
        case .unpackSequence: return n - 1
        case .unpackEx: return Int(arg & 0xFF) + Int(arg >> 8)
        case .jump: return 0
        case .popJumpIfFalse, .popJumpIfTrue: return -1
        case .jumpIfFalseOrPop, .jumpIfTrueOrPop: return -1
        case .getIter: return 0
        case .forIter: return 1
        case .makeFunction:
            var e = 0
            if arg & MakeFunctionFlags.defaults != 0 { e -= 1 }
            if arg & MakeFunctionFlags.kwDefaults != 0 { e -= 1 }
            if arg & MakeFunctionFlags.annotations != 0 { e -= 1 }
            if arg & MakeFunctionFlags.closure != 0 { e -= 1 }
            return e
        case .callFunction: return -n
        case .callFunctionKw: return -n - 1
        case .callFunctionEx: return arg & 1 != 0 ? -2 : -1
        case .returnValue: return -1
        case .yieldValue: return 0
        case .yieldFrom: return -1
        case .getYieldFromIter: return 0
        case .buildClass: return -2 - Int(arg & 1)
        case .importName: return 1
        case .importFrom: return 1
        case .importStar: return -1
        case .raiseVarargs: return -n
        case .raiseAssertion: return -n
        case .pushExcInfo: return 1
        case .popExcept: return -1
        case .reraise: return -1
        case .exceptMatch: return 0
        case .popExceptReraise: return -2
        case .setupAnnotations: return 0
        case .formatValue: return arg & 4 != 0 ? -1 : 0
        case .buildString: return 1 - n
        case .loadFastLoadFast: return 2
        case .loadFastAttr: return 1
        case .storeFastAttr: return -1
        case .loadConstBinaryOp, .loadConstInplaceOp: return 0
        case .compareJumpIfFalse: return -2
        case .binarySlice: return -2
        }
    }

    /// How many stack items the instruction reads (pops or looks at), given
    /// its argument: the loader proves the stack holds at least that many.
    public func stackInputs(_ arg: UInt32) -> Int {
        let n = Int(arg)
        switch self {
        case .nop, .loadConst, .loadFast, .loadDeref, .loadClosure, .loadGlobal, .loadName, .loadLocals,
             .deleteFast, .deleteDeref, .deleteGlobal, .deleteName, .makeCell, .jump, .importName,
             .setupAnnotations:
            return 0
        case .popTop, .dupTop, .storeFast, .storeDeref, .storeGlobal, .storeName, .loadAttr, .deleteAttr,
             .loadMethod, .loadSpecial, .unaryNegative, .unaryPositive, .unaryNot, .unaryInvert, .listToTuple,
             .unpackSequence, .unpackEx, .popJumpIfFalse, .popJumpIfTrue, .jumpIfFalseOrPop,
             .jumpIfTrueOrPop, .getIter, .forIter, .returnValue, .yieldValue, .getYieldFromIter,
             .importFrom, .importStar, .pushExcInfo, .popExcept, .reraise:
            return 1
        case .dupTopTwo, .rotTwo, .storeAttr, .binaryOp, .inplaceOp, .compareOp, .binarySubscr,
             .deleteSubscr, .listExtend, .setUpdate, .dictUpdate, .yieldFrom, .exceptMatch, .popExceptReraise:
            return 2
        case .rotThree, .storeSubscr: return 3
        case .buildClass: return 3 + Int(arg & 1)
        case .rotFour: return 4
        case .callMethod: return n + 2
        case .buildSlice, .buildTuple, .buildList, .buildSet, .raiseVarargs, .raiseAssertion: return n
        case .buildMap: return 2 * n
        case .listAppend, .setAdd: return n + 1
        case .mapAdd: return n + 2
        case .makeFunction: return 1 - stackEffect(arg)
        case .callFunction: return n + 1
        case .callFunctionKw: return n + 2
        case .callFunctionEx: return arg & 1 != 0 ? 3 : 2
        case .formatValue: return arg & 4 != 0 ? 2 : 1
        case .buildString: return n
        case .loadFastLoadFast, .loadFastAttr: return 0
        case .storeFastAttr, .loadConstBinaryOp, .loadConstInplaceOp: return 1
        case .compareJumpIfFalse: return 2
        case .binarySlice: return 3
        }
    }

    /// The name the disassembler prints, e.g. LOAD_CONST.
    public var mnemonic: StaticString {
        switch self {
        case .nop: return "NOP"
        case .popTop: return "POP_TOP"
        case .dupTop: return "DUP_TOP"
        case .dupTopTwo: return "DUP_TOP_TWO"
        case .rotTwo: return "ROT_TWO"
        case .rotThree: return "ROT_THREE"
        case .rotFour: return "ROT_FOUR"
        case .loadConst: return "LOAD_CONST"
        case .loadFast: return "LOAD_FAST"
        case .storeFast: return "STORE_FAST"
        case .deleteFast: return "DELETE_FAST"
        case .loadDeref: return "LOAD_DEREF"
        case .storeDeref: return "STORE_DEREF"
        case .deleteDeref: return "DELETE_DEREF"
        case .loadClosure: return "LOAD_CLOSURE"
        case .makeCell: return "MAKE_CELL"
        case .loadGlobal: return "LOAD_GLOBAL"
        case .storeGlobal: return "STORE_GLOBAL"
        case .deleteGlobal: return "DELETE_GLOBAL"
        case .loadName: return "LOAD_NAME"
        case .storeName: return "STORE_NAME"
        case .deleteName: return "DELETE_NAME"
        case .loadLocals: return "LOAD_LOCALS"
        case .loadAttr: return "LOAD_ATTR"
        case .storeAttr: return "STORE_ATTR"
        case .deleteAttr: return "DELETE_ATTR"
        case .loadMethod: return "LOAD_METHOD"
        case .loadSpecial: return "LOAD_SPECIAL"
        case .loadFastLoadFast: return "LOAD_FAST_LOAD_FAST"
        case .loadFastAttr: return "LOAD_FAST_ATTR"
        case .storeFastAttr: return "STORE_FAST_ATTR"
        case .loadConstBinaryOp: return "LOAD_CONST_BINARY_OP"
        case .loadConstInplaceOp: return "LOAD_CONST_INPLACE_OP"
        case .compareJumpIfFalse: return "COMPARE_JUMP_IF_FALSE"
        case .binarySlice: return "BINARY_SLICE"
        case .callMethod: return "CALL_METHOD"
        case .binaryOp: return "BINARY_OP"
        case .inplaceOp: return "INPLACE_OP"
        case .unaryNegative: return "UNARY_NEGATIVE"
        case .unaryPositive: return "UNARY_POSITIVE"
        case .unaryNot: return "UNARY_NOT"
        case .unaryInvert: return "UNARY_INVERT"
        case .compareOp: return "COMPARE_OP"
        case .binarySubscr: return "BINARY_SUBSCR"
        case .storeSubscr: return "STORE_SUBSCR"
        case .deleteSubscr: return "DELETE_SUBSCR"
        case .buildSlice: return "BUILD_SLICE"
        case .buildTuple: return "BUILD_TUPLE"
        case .buildList: return "BUILD_LIST"
        case .buildSet: return "BUILD_SET"
        case .buildMap: return "BUILD_MAP"
        case .listAppend: return "LIST_APPEND"
        case .setAdd: return "SET_ADD"
        case .mapAdd: return "MAP_ADD"
        case .listExtend: return "LIST_EXTEND"
        case .setUpdate: return "SET_UPDATE"
        case .dictUpdate: return "DICT_UPDATE"
        case .listToTuple: return "LIST_TO_TUPLE"
        case .unpackSequence: return "UNPACK_SEQUENCE"
        case .unpackEx: return "UNPACK_EX"
        case .jump: return "JUMP"
        case .popJumpIfFalse: return "POP_JUMP_IF_FALSE"
        case .popJumpIfTrue: return "POP_JUMP_IF_TRUE"
        case .jumpIfFalseOrPop: return "JUMP_IF_FALSE_OR_POP"
        case .jumpIfTrueOrPop: return "JUMP_IF_TRUE_OR_POP"
        case .getIter: return "GET_ITER"
        case .forIter: return "FOR_ITER"
        case .makeFunction: return "MAKE_FUNCTION"
        case .callFunction: return "CALL_FUNCTION"
        case .callFunctionKw: return "CALL_FUNCTION_KW"
        case .callFunctionEx: return "CALL_FUNCTION_EX"
        case .returnValue: return "RETURN_VALUE"
        case .yieldValue: return "YIELD_VALUE"
        case .yieldFrom: return "YIELD_FROM"
        case .getYieldFromIter: return "GET_YIELD_FROM_ITER"
        case .buildClass: return "BUILD_CLASS"
        case .importName: return "IMPORT_NAME"
        case .importFrom: return "IMPORT_FROM"
        case .importStar: return "IMPORT_STAR"
        case .raiseVarargs: return "RAISE_VARARGS"
        case .raiseAssertion: return "RAISE_ASSERTION"
        case .pushExcInfo: return "PUSH_EXC_INFO"
        case .popExcept: return "POP_EXCEPT"
        case .reraise: return "RERAISE"
        case .exceptMatch: return "EXCEPT_MATCH"
        case .popExceptReraise: return "POP_EXCEPT_RERAISE"
        case .setupAnnotations: return "SETUP_ANNOTATIONS"
        case .formatValue: return "FORMAT_VALUE"
        case .buildString: return "BUILD_STRING"
        }
    }
}
