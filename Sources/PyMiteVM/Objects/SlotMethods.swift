// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// The special methods of the built-in types as attributes: `int.__add__`,
// `(5).__add__(1)`, `"ab".__len__()`, `dict.__setitem__(d, k, v)`. Each is a
// native of the slot group, found only for a type that has it (a user
// class's MRO ends in `object`, which has none of them, so the VM's own
// dunder lookups on classes are unchanged). Calling one runs the operation
// the syntax would; an operator given an operand it does not take returns
// NotImplemented, as CPython's slot wrappers do.

extension VM {
    /// Operations a built-in type has, as bits of `SlotSet`.
    struct SlotSet: OptionSet {
        let rawValue: UInt16
        static let arithmetic = SlotSet(rawValue: 1)    // + - * / // % ** and reflected, unary - + abs
        static let bits = SlotSet(rawValue: 2)          // << >> & | ^ and reflected, ~, __index__
        static let order = SlotSet(rawValue: 4)         // < <= > >=
        static let sequence = SlotSet(rawValue: 8)      // + * (and reflected *), __getitem__, __iter__
        static let sized = SlotSet(rawValue: 16)        // __len__, __contains__, __iter__
        static let mutable = SlotSet(rawValue: 32)      // __setitem__, __delitem__
        static let hashable = SlotSet(rawValue: 64)     // __hash__
        static let number = SlotSet(rawValue: 128)      // __bool__, __int__, __float__
        static let setOps = SlotSet(rawValue: 256)      // | & - ^
        static let modulo = SlotSet(rawValue: 512)      // % (str and bytes formatting)
        static let union = SlotSet(rawValue: 1024)      // | (dicts)
        static let keyed = SlotSet(rawValue: 2048)      // __getitem__ with any key
        static let descriptor = SlotSet(rawValue: 4096) // __get__ (functions, staticmethod, classmethod, property)
        static let callable = SlotSet(rawValue: 8192)   // __call__
    }

    /// What each built-in type has; nil for the types without special methods here.
    static func slots(of kind: TypeKind) -> SlotSet? {
        switch kind {
        case .int, .bool: return [.arithmetic, .bits, .order, .hashable, .number]
        case .float: return [.arithmetic, .order, .hashable, .number]
        case .str, .bytes: return [.sequence, .sized, .order, .hashable, .modulo]
        case .tuple: return [.sequence, .sized, .order, .hashable]
        case .list, .bytearray: return [.sequence, .sized, .order, .mutable]
        case .dict: return [.sized, .mutable, .union, .keyed]
        case .set: return [.sized, .order, .setOps]
        case .frozenset: return [.sized, .order, .setOps, .hashable]
        case .range: return [.sized, .hashable, .keyed]
        case .function: return [.descriptor, .callable]
        case .builtinFunction, .method: return [.callable]
        case .staticMethod: return [.descriptor, .callable]
        case .classMethod, .property: return [.descriptor]
        default: return nil
        }
    }

    /// Whether built-in type `kind` has the special method `id`.
    static func slotSupported(_ id: Native, _ kind: TypeKind) -> Bool {
        guard let has = slots(of: kind) else { return false }
        let r = id.rawValue - Native.slotAdd.rawValue
        if r < 24, let op = BinaryOperator(rawValue: UInt8(r % 12)) {
            switch op {
            case .add: return has.contains(.arithmetic) || (has.contains(.sequence) && r < 12)
            case .multiply: return has.contains(.arithmetic) || has.contains(.sequence)
            case .modulo: return has.contains(.arithmetic) || (has.contains(.modulo) && r < 12)
            case .subtract: return has.contains(.arithmetic) || (has.contains(.setOps) && r < 12)
            case .and, .xor: return has.contains(.bits) || (has.contains(.setOps) && r < 12)
            case .or: return has.contains(.bits) || ((has.contains(.setOps) || has.contains(.union)) && r < 12)
            case .lshift, .rshift: return has.contains(.bits)
            default: return has.contains(.arithmetic)
            }
        }
        switch id {
        case .slotEq, .slotNe, .slotRepr, .slotStr: return true
        case .slotLt, .slotLe, .slotGt, .slotGe: return has.contains(.order)
        case .slotLen, .slotContains, .slotIter: return has.contains(.sized)
        case .slotGetitem: return has.contains(.sequence) || has.contains(.keyed)
        case .slotSetitem, .slotDelitem: return has.contains(.mutable)
        case .slotHash: return has.contains(.hashable)
        case .slotBool, .slotInt, .slotFloat: return has.contains(.number)
        case .slotNeg, .slotPos, .slotAbs: return has.contains(.arithmetic)
        case .slotIndex, .slotInvert: return has.contains(.bits)
        case .slotRound, .slotTrunc, .slotFloor, .slotCeil: return has.contains(.number)
        case .slotDivmod, .slotRdivmod: return has.contains(.arithmetic)
        case .slotFormat: return true
        case .slotGet: return has.contains(.descriptor)
        case .slotCall: return has.contains(.callable)
        default: return false
        }
    }

    /// Types whose values compare with each other's (numbers; bytes and
    /// bytearray; set and frozenset); any other type only with itself.
    static func comparisonFamily(_ kind: TypeKind) -> Int {
        switch kind {
        case .int, .bool, .float: return -1
        case .bytes, .bytearray: return -2
        case .set, .frozenset: return -3
        default: return kind.rawValue
        }
    }

    /// Calls special method `id` with `self` first.
    func callSlot(_ id: Native, _ a: Arguments) throws(VMError) -> Value {
        let name = nativeName(id)
        guard a.positionalCount >= 1 else {
            throw raise(.typeError, bytes("descriptor '") + bytes(name) + bytes("' needs an argument"))
        }
        let receiver = unwrapReceiver(a)
        root(receiver); defer { unroot() }
        let me = a[0]
        if VM.objectHas(id), case let k = classKind(try typeOf(me)), k == .object || k == .baseException {
            try checkArity(id, a)
            return try objectSlot(id, me, a[1])
        }
        guard let kind = TypeKind(rawValue: Int(heap.slot(try typeOf(me).objectOffset, ClassSlot.kind).intValue)),
              VM.slotSupported(id, kind) else {
            throw raise(.typeError, bytes("descriptor '") + bytes(name) + bytes("' does not apply to a '") + typeName(me) + bytes("' object"))
        }
        try checkArity(id, a)
        let r = id.rawValue - Native.slotAdd.rawValue
        // An operand the operation does not take gives NotImplemented.
        func orNotImplemented(_ body: () throws(VMError) -> Value) throws(VMError) -> Value {
            do {
                return try body()
            } catch {
                guard isInstance(pendingException, exceptionClass(.typeError)) else { throw error }
                pendingException = .null
                return .notImplemented
            }
        }
        // As CPython's number slots: int's take ints only ((1).__add__(2.5) is NotImplemented), float's ints and floats.
        func numberTakes(_ other: Value) -> Bool {
            let v = plainValue(other)
            switch kind {
            case .int, .bool: return isIntegral(v)
            case .float: return isIntegral(v) || isFloat(v)
            default: return true
            }
        }
        switch id {
        case .slotPow where a.positionalCount == 3:  // pow(self, exponent, modulus)
            return try orNotImplemented { () throws(VMError) in try callBuiltin(.pow, a) }
        case .slotDivmod, .slotRdivmod:
            guard numberTakes(a[1]) else { return .notImplemented }
            if id == .slotRdivmod { (stack[a.base], stack[a.base + 1]) = (stack[a.base + 1], stack[a.base]) }
            return try orNotImplemented { () throws(VMError) in try callBuiltin(.divmod, a) }
        case .slotRound:
            return try callBuiltin(.round, a)
        case .slotTrunc, .slotFloor, .slotCeil:
            guard isFloat(me) else { return plainValue(me).isBool ? .smallInt(me == .true ? 1 : 0) : me }
            let d = floatValue(me)
            return try intFromValue(try newFloat(d.rounded(id == .slotTrunc ? .towardZero : id == .slotFloor ? .down : .up)), base: nil)
        case .slotFormat:
            // An empty spec is str(self), a subclass's own __str__ included (as CPython's).
            let spec = try expectStr(a[1])
            return strByteCount(spec.objectOffset) == 0 ? try strValue(receiver) : try formatValue(me, spec: spec)
        case .slotGet:
            return try descriptorGet(me, a[1], a.positionalCount > 2 ? a[2] : .none)
        case .slotCall:
            return try call(me, Array(UnsafeBufferPointer(start: stack + a.base + 1, count: a.count - 1)), kwnames: a.kwnames)
        default:
            break
        }
        if r < 24, let op = BinaryOperator(rawValue: UInt8(r % 12)) {
            let other = a[1]
            guard numberTakes(other) else { return .notImplemented }
            return try orNotImplemented { () throws(VMError) in
                r < 12 ? try binaryOperation(op, me, other, inplace: false) : try binaryOperation(op, other, me, inplace: false)
            }
        }
        if r < 30, let op = CompareOperator(rawValue: UInt8(r - 24)) {
            let other = a[1]
            // Only values of the same family compare: (1).__eq__("a") is NotImplemented.
            guard let otherKind = TypeKind(rawValue: Int(heap.slot(try typeOf(other).objectOffset, ClassSlot.kind).intValue)),
                  VM.comparisonFamily(otherKind) == VM.comparisonFamily(kind), numberTakes(other) else { return .notImplemented }
            return try orNotImplemented { () throws(VMError) in try compareOperation(op, me, other) }
        }
        switch id {
        case .slotSetitem:
            try setItem(me, a[1], a[2])
            return .none
        case .slotGetitem, .slotDelitem, .slotContains:
            if id == .slotGetitem {
                return receiver != me && isType(me, .dict) ? try subscriptDictInstance(receiver, me, a[1]) : try getItem(me, a[1])
            }
            if id == .slotContains { return .bool(try contains(me, a[1])) }
            try deleteItem(me, a[1])
            return .none
        default:
            break
        }
        switch id {
        case .slotLen: return try newInt(Int64(try length(me)))
        case .slotIter: return try getIterator(me)
        case .slotHash: return try hashObject(me)
        case .slotRepr: return try reprValue(me)
        case .slotStr:
            // Only str and bytes have a __str__ of their own; the others' is object's, which is
            // repr(): a subclass's own __repr__ shows (print(Meters(2.5)) -> Meters(2.5)).
            if receiver != me && !isStr(me) && !isType(me, .bytes) && !isType(me, .bytearray) { return try reprValue(receiver) }
            return try strValue(me)
        case .slotBool: return .bool(try isTruthy(me))
        case .slotInt, .slotIndex: return try intFromValue(me, base: nil)
        case .slotFloat:
            guard floatsOn else { throw noFloats() }
            if isFloat(me) { return me }
            if let i = intOf(me) { return try newFloat(Double(i)) }
            return try newFloat(try longToDouble(bigOf(me)!))
        case .slotNeg: return try unaryNegative(me)
        case .slotPos: return try unaryPositive(me)
        case .slotInvert: return try unaryInvert(me)
        default:  // .slotAbs: only numbers have it
            return try numberAbsolute(me) ?? .none
        }
    }

    /// `d.__get__(obj, type)` of a function, staticmethod, classmethod or property:
    /// what reading it as an attribute through `obj` (or, with None, the class `type`) gives.
    func descriptorGet(_ d: Value, _ obj: Value, _ type: Value) throws(VMError) -> Value {
        guard obj.isNone else { return try bindAttribute(d, to: obj, cls: type.isNone ? try typeOf(obj) : type) }
        switch heap.type(d.objectOffset) {
        case .staticMethod: return heap.slot(d.objectOffset, StaticClassMethodSlot.function)
        case .classMethod:
            guard !type.isNone else { throw raise(.typeError, "__get__(None, None) is invalid") }
            return try newBoundMethod(type, heap.slot(d.objectOffset, StaticClassMethodSlot.function))
        default: return d  // a function or property read through its class
        }
    }

    /// The special methods object itself has (super() reaches them at the end of an MRO;
    /// `object.__repr__`, `A().__eq__`). They are not in object's namespace, so the VM's
    /// own lookups of a class's special methods find only what a program defines.
    static func objectHas(_ id: Native) -> Bool {
        switch id {
        case .slotRepr, .slotStr, .slotEq, .slotNe, .slotLt, .slotLe, .slotGt, .slotGe, .slotHash, .slotFormat: return true
        default: return false
        }
    }

    /// The native of one of object's own special methods named `name`, if it is one.
    func objectDefaultMethod(_ name: Value) -> Native? {
        guard specialMethodsOn, isStr(name) else { return nil }
        let t = strBuffer(name)
        guard t.count >= 6, t[0] == UInt8(ascii: "_"), t[1] == UInt8(ascii: "_"),
              let id = nativeNamed(name, group: VM.slotGroup), VM.objectHas(id) else { return nil }
        return id
    }

    /// object's (and BaseException's) special method `id` for an instance of a class of a program's.
    func objectSlot(_ id: Native, _ me: Value, _ other: Value) throws(VMError) -> Value {
        switch id {
        case .slotRepr, .slotStr:
            // object.__str__ is the type's repr(); BaseException's str is its message.
            if id == .slotStr && !isExceptionInstance(me) { return try reprValue(me) }
            var out: [UInt8] = []
            try appendPlainInstanceText(me, &out, repr: id == .slotRepr)
            return try newStr(out)
        case .slotEq:
            return me.raw == other.raw ? .true : .notImplemented
        case .slotNe:
            // The inverse of the type's __eq__, unless it declines.
            let eq = classLookup(try typeOf(me), s.__eq__)
            let r = try eq.map { (m) throws(VMError) -> Value in try call(m, [me, other]) } ?? (me.raw == other.raw ? .true : .notImplemented)
            return r == .notImplemented ? r : .bool(!(try isTruthy(r)))
        case .slotHash:  // by identity, as hashValue hashes an instance without __hash__
            return try newInt(Int64(me.objectOffset >> 3))
        case .slotFormat:
            let spec = try expectStr(other)
            guard strByteCount(spec.objectOffset) == 0 else {
                throw raise(.typeError, bytes("unsupported format string passed to ") + typeName(me) + bytes(".__format__"))
            }
            return try strValue(me)
        default:  // < <= > >=: object orders nothing
            return .notImplemented
        }
    }
}
