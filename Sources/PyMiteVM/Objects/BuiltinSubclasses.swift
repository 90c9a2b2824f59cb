// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Subclasses of the built-in value types: `class L(list)`, `class D(dict)`,
// `class S(str)`, `class I(int)`, ... An instance of such a class is an
// ordinary instance (its class, its attribute dict) whose third slot holds
// the built-in value it is: a list, a dict, a str. The built-in type's
// methods and special methods (found through the class's MRO, as any
// inherited method is) receive the instance and work on that value, so
// `l.append(1)`, `len(l)`, `l[0]`, `for x in l`, `d["k"]`, `s.upper()` and
// `i + 1` behave as CPython's; what the subclass defines comes first.

extension TypeKind {
    /// The built-in types a class may derive from and keep the methods of.
    var isSubclassableValue: Bool {
        switch self {
        case .int, .float, .str, .bytes, .bytearray, .tuple, .list, .dict, .set, .frozenset: return true
        default: return false
        }
    }

    /// What a class statement may derive from, as in CPython (not bool, range, function, ...).
    var isAcceptableBase: Bool {
        switch self {
        case .bool, .range, .slice, .noneType, .function, .builtinFunction, .method, .generator, .cell, .iterator,
             .ellipsis, .notImplementedType, .memoryview, .dictKeys, .dictValues, .dictItems:
            return false
        default: return true
        }
    }

    /// The ones whose `__init__` fills the value (the others are made whole by `__new__`).
    var isFilledByInit: Bool { self == .list || self == .dict || self == .set || self == .bytearray }
}

extension VM {
    /// The built-in value an instance of a subclass of a built-in type holds; nil for anything else.
    func builtinValue(_ v: Value) -> Value? {
        guard classHooksOn, valueSubclassesSeen, isType(v, .instance) else { return nil }
        let inner = heap.slot(v.objectOffset, InstanceSlot.value)
        guard !inner.isNull, classKind(heap.slot(v.objectOffset, InstanceSlot.klass)).isSubclassableValue else { return nil }
        return inner
    }

    /// `v`, or the built-in value it holds when it is such an instance.
    func plainValue(_ v: Value) -> Value { builtinValue(v) ?? v }

    /// A built-in method called on such an instance works on its value: the
    /// receiver's argument slot is given the value. Returns the receiver as it was.
    /// (The caller has checked there is a receiver; most are not instances.)
    @inline(__always) func unwrapReceiver(_ a: Arguments) -> Value {
        let me = stack[a.base]
        // The header's type byte, not heap.type's table: this runs on every built-in method call.
        if classHooksOn && valueSubclassesSeen && me.isObject && heap.typeByte(me.objectOffset) == ObjType.instance.rawValue,
           let inner = builtinValue(me) {
            stack[a.base] = inner
        }
        return me
    }

    /// An instance of `cls` (a subclass of the built-in `kind`) holding `value`.
    func newValueInstance(_ cls: Value, holding value: Value) throws(VMError) -> Value {
        root(value); defer { unroot() }
        let inst = try newInstance(cls)
        heap.setSlot(inst.objectOffset, InstanceSlot.value, value)
        return inst
    }

    /// `cls(args)` for a subclass of a built-in value type, without a `__new__` of its own:
    /// the value is made from the arguments (for list, dict, set and bytearray, by the
    /// built-in `__init__` unless the class has its own, which may call it through super()),
    /// then the class's `__init__` runs with the same arguments.
    func constructValueInstance(_ cls: Value, _ kind: TypeKind, argsAt a: Int, argc: Int, kwnames: Value,
                                resultSlot: Int) throws(VMError) -> Bool {
        let initFn = classLookup(cls, s.__init__)
        let ownInit = initFn.map { !isNative($0, .objectInit) } ?? false
        let builtin = try typeClass(kind)
        let args = Arguments(vm: self, base: a, count: ownInit && kind.isFilledByInit ? 0 : argc,
                             kwnames: ownInit && kind.isFilledByInit ? .null : kwnames)
        let inst = try newValueInstance(cls, holding: try constructBuiltin(kind, builtin, args))
        guard ownInit, let initFn else {
            stack[resultSlot] = inst
            sp = resultSlot + 1
            return false
        }
        return try initialize(inst, initFn, argsAt: a, argc: argc, kwnames: kwnames, resultSlot: resultSlot)
    }

    /// object.__new__(cls, *args) for such a class (what `super().__new__(cls, value)` in its
    /// `__new__` reaches): an instance holding the built-in value made from the arguments.
    func newValueInstance(_ cls: Value, from a: Arguments) throws(VMError) -> Value {
        let kind = classKind(cls)
        let rest = Arguments(vm: self, base: a.base + 1, count: a.count - 1, kwnames: a.kwnames)
        let value = kind.isFilledByInit ? try constructBuiltin(kind, try typeClass(kind), Arguments(vm: self, base: a.base, count: 0, kwnames: .null))
            : try constructBuiltin(kind, try typeClass(kind), rest)
        return try newValueInstance(cls, holding: value)
    }

    /// The built-in `__init__` of list, dict, set and bytearray on such an instance
    /// (super().__init__(iterable) in the subclass's own): a list, set or bytearray
    /// starts again from the arguments, a dict is updated with them, as in CPython.
    func initValueInstance(_ me: Value, _ a: Arguments) throws(VMError) {
        let kind = classKind(heap.slot(me.objectOffset, InstanceSlot.klass))
        let rest = Arguments(vm: self, base: a.base + 1, count: a.count - 1, kwnames: a.kwnames)
        let value = try constructBuiltin(kind, try typeClass(kind), rest)
        if kind == .dict, let old = builtinValue(me) {
            root(value); defer { unroot() }
            try updateDict(old, with: value)
        } else {
            heap.setSlot(me.objectOffset, InstanceSlot.value, value)
        }
    }

    /// d[key] on a dict subclass: its `__missing__(key)` answers a key the dict lacks.
    func subscriptDictInstance(_ inst: Value, _ d: Value, _ key: Value) throws(VMError) -> Value {
        do {
            return try getItem(d, key)
        } catch {
            guard isInstance(pendingException, exceptionClass(.keyError)),
                  let missing = classLookup(heap.slot(inst.objectOffset, InstanceSlot.klass), internStatic(.__missing__)) else { throw error }
            pendingException = .null
            return try call(missing, [inst, key])
        }
    }
}
