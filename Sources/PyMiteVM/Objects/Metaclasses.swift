// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Metaclasses: `class M(type)` and `class C(metaclass=M)`. A class whose
// metaclass is not `type` keeps it in ClassSlot.metaclass (null for type):
// type(C) is M, isinstance(C, M) holds, and C's attributes, calls, repr and
// protocols (iter, len, [], in) fall back on M's, as CPython's classes do.
// Making the class calls M(name, bases, namespace, **keywords): M.__new__
// (type.__new__ by default, `typeNew`) and then M.__init__. The namespace is
// a plain dict (no `__prepare__`).

extension VM {
    /// `__slots__` in a class body: its instances may set only those names (and
    /// their bases' slots), unless a base without `__slots__` gives them a dict.
    func applySlots(_ cls: Value, _ namespace: Value) throws(VMError) {
        guard let declared = dictGetStr(namespace, internStatic(.__slots__)) else { return }
        var names: [Value] = []
        if isStr(declared) { names = [declared] } else {
            try forEachItem(of: declared) { (n: Value) throws(VMError) in
                guard isStr(n) else { throw raiseAboutType(.typeError, "__slots__ items must be strings, not '", n, "'") }
                names.append(n)
            }
        }
        for n in names {
            if sameText(strBuffer(n), "__dict__") { return }  // a dict after all: any attribute
            if dictGetStr(namespace, n) != nil {
                throw raise(.valueError, bytes("'") + strArray(n) + bytes("' in __slots__ conflicts with class variable"))
            }
        }
        for b in tupleItems(heap.slot(cls.objectOffset, ClassSlot.bases).objectOffset) {
            if builtinKind(ofClass: b) != nil { continue }  // object and the built-in types add no dict
            let inherited = heap.slot(b.objectOffset, ClassSlot.slots)
            if inherited.isNull { return }  // a base whose instances have a dict
            names += tupleItems(inherited.objectOffset)
        }
        heap.setSlot(cls.objectOffset, ClassSlot.slots, try newTuple(names))
    }

    /// Whether an instance of `cls` may have attribute `name` in its dict (see `applySlots`).
    @inline(__always) func slotsAllow(_ cls: Value, _ name: Value) -> Bool {
        guard classHooksOn else { return true }
        let allowed = heap.slot(cls.objectOffset, ClassSlot.slots)
        if allowed.isNull { return true }
        for n in tupleItems(allowed.objectOffset) where n.raw == name.raw || strEqual(n.objectOffset, name.objectOffset) { return true }
        return false
    }

    /// A class's metaclass when it is not `type`; nil for a plain class.
    func metaclassOf(_ cls: Value) -> Value? {
        guard classHooksOn, metaclassesSeen, isType(cls, .klass) else { return nil }
        let m = heap.slot(cls.objectOffset, ClassSlot.metaclass)
        return m.isNull ? nil : m
    }

    /// The metaclass a class with these bases gets: `explicit` (null when not given) or
    /// the most derived of the bases' metaclasses; null for `type`. Two unrelated ones are refused.
    func winningMetaclass(_ explicit: Value, bases: Value) throws(VMError) -> Value {
        var winner = explicit.isNull || isTypeClass(explicit, .type) ? Value.null : explicit
        for b in tupleItems(bases.objectOffset) {
            guard let m = metaclassOf(b) else { continue }
            if winner.isNull || isSubclass(m, winner) {
                winner = m
            } else if !isSubclass(winner, m) {
                throw raise(.typeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
            }
        }
        return winner
    }

    /// type.__new__(meta, name, bases, namespace): the class, with `meta` as its metaclass
    /// (null: type), its `__classcell__` filled and its parents' `__init_subclass__` run.
    func makeClass(meta: Value, name: Value, bases: Value, namespace: Value, keywords: Value) throws(VMError) -> Value {
        if !classHooksOn { try refuseClassHooks(meta: meta, bases: bases, namespace: namespace, keywords: keywords) }
        let cls = try newClass(name: name, bases: bases, namespace: namespace)
        root(cls); defer { unroot() }
        let winner = try winningMetaclass(meta, bases: bases)
        if !winner.isNull {
            heap.setSlot(cls.objectOffset, ClassSlot.metaclass, winner)
            metaclassesSeen = true
        }
        if classKind(cls).isSubclassableValue { valueSubclassesSeen = true }
        if classHooksOn { try applySlots(cls, namespace) }
        let classCell = internStatic(.__classcell__)
        if let cell = dictGetStr(namespace, classCell) {
            _ = try dictRemove(namespace, classCell)
            if isType(cell, .cell) { heap.setSlot(cell.objectOffset, CellSlot.contents, cls) }
        }
        try callInitSubclass(cls, keywords: keywords)
        return cls
    }

    /// type(name, bases, namespace) and type.__new__(meta, ...): the arguments checked, the
    /// namespace copied, the class made.
    func classFromArguments(meta: Value, _ name: Value, _ bases: Value, _ namespace: Value, keywords: Value) throws(VMError) -> Value {
        _ = try objectArgument(name, .str, "type.__new__() argument 1", "str")
        _ = try objectArgument(bases, .tuple, "type.__new__() argument 2", "tuple")
        _ = try objectArgument(namespace, .dict, "type.__new__() argument 3", "dict")
        for b in tupleItems(bases.objectOffset) where !isClass(b) {  // a base's type would be the metaclass
            throw raise(.typeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
        }
        let ns = try dictCopy(namespace)
        root(ns); defer { unroot() }
        return try makeClass(meta: meta, name: name, bases: bases, namespace: ns, keywords: keywords)
    }

    /// Without `class_hooks`: a class that would need them is refused, naming what it uses.
    func refuseClassHooks(meta: Value, bases: Value, namespace: Value, keywords: Value) throws(VMError) {
        if !meta.isNull && !isTypeClass(meta, .type) { throw leftOut("a metaclass", "class_hooks") }
        if !keywords.isNull && dictCount(keywords) > 0 { throw leftOut("a class keyword argument", "class_hooks") }
        for b in tupleItems(bases.objectOffset) where classKind(b).isSubclassableValue || classKind(b) == .type {
            throw classKind(b) == .type ? leftOut("a metaclass", "class_hooks") : leftOut("a subclass of a built-in type", "class_hooks")
        }
        for hook: StaticString in ["__getattr__", "__getattribute__", "__setattr__", "__delattr__", "__get__", "__set__",
                                   "__delete__", "__set_name__", "__new__", "__init_subclass__"]
        where dictGetStr(namespace, internStatic(hook)) != nil {
            throw leftOut(hook, "class_hooks")
        }
    }

    /// A class statement whose metaclass is not `type`: M(name, bases, namespace, **keywords).
    func callMetaclass(_ meta: Value, name: Value, bases: Value, namespace: Value, keywords: Value) throws(VMError) -> Value {
        var args = [name, bases, namespace]
        var keys: [Value] = []
        if !keywords.isNull {
            try dictForEach(keywords) { (k, v) throws(VMError) in keys.append(k); args.append(v) }
        }
        let kwnames = keys.isEmpty ? Value.null : try newTuple(keys)
        root(kwnames); defer { unroot() }
        return try call(meta, args, kwnames: kwnames)
    }

    /// M(...) for a metaclass M: M.__new__(M, ...), then M.__init__(cls, ...) when that made
    /// an instance of M, as type.__call__ does.
    func constructWithMetaclass(_ meta: Value, argsAt a: Int, argc: Int, kwnames: Value, resultSlot: Int) throws(VMError) {
        var args = [meta]
        for i in 0..<argc { args.append(stack[a + i]) }
        if argc == 1 && kwnames.isNull && isTypeClass(meta, .type) { stack[resultSlot] = try typeOf(args[1]); sp = resultSlot + 1; return }
        guard let newFn = classLookup(meta, internStatic(.__new__)) else { throw raise(.typeError, "cannot make the class") }
        let made = try call(newFn, args, kwnames: kwnames)
        root(made); defer { unroot() }
        if let m = metaclassOf(made), isSubclass(m, meta), let initFn = classLookup(meta, s.__init__), isType(initFn, .function) {
            args[0] = made
            _ = try call(initFn, args, kwnames: kwnames)
        }
        stack[resultSlot] = made
        sp = resultSlot + 1
    }

    /// type.__new__(meta, name, bases, namespace, **keywords), reached from a metaclass's own
    /// __new__ through super(); type.__init__ does nothing more; type.__call__(cls, ...)
    /// makes an instance of cls as calling it would without its metaclass's __call__.
    func callTypeMethod(_ id: Native, _ a: Arguments) throws(VMError) -> Value {
        let me = a[0]
        guard isClass(me) else { throw raiseAboutType(.typeError, "descriptor requires a 'type' object but received '", me, "'") }
        if id == .typeMro {  // C.mro(): the MRO as a list
            return try newList(of: heap.slot(me.objectOffset, ClassSlot.mro))
        }
        guard classHooksOn else { throw leftOut("type.__new__ and type.__call__", "class_hooks") }
        switch id {
        case .typeNew:
            guard isSubclass(me, try typeClass(.type)) else {
                throw raise(.typeError, bytes("type.__new__(") + className(me) + bytes("): ") + className(me) + bytes(" is not a subtype of type"))
            }
            try argumentCount(a, "type.__new__", min: 4, max: 4)
            var keywords = Value.null
            if a.keywordCount > 0 {
                keywords = try newDict()
                for k in 0..<a.keywordCount { try dictStore(keywords, tupleItem(a.kwnames.objectOffset, k), a[a.positionalCount + k]) }
            }
            root(keywords); defer { unroot() }
            return try classFromArguments(meta: me, a[1], a[2], a[3], keywords: keywords)
        case .typeCall:
            bypassMetaclassCall = true
            defer { bypassMetaclassCall = false }
            var args: [Value] = []
            for i in 1..<a.count { args.append(a[i]) }
            return try call(me, args, kwnames: a.kwnames)
        default:  // type.__init__
            return .none
        }
    }

    /// `name` of a class through its metaclass (after its own MRO): a method is bound to the class.
    func metaclassAttribute(_ cls: Value, _ name: Value) throws(VMError) -> Value? {
        guard let m = metaclassOf(cls) else { return nil }
        guard let a = classLookup(m, name) else {
            // The metaclass's __getattr__ answers for names the class lacks.
            guard let hook = classLookup(m, internStatic(.__getattr__)), isType(hook, .function) else { return nil }
            return try call(hook, [cls, name])
        }
        return try bindAttribute(a, to: cls, cls: m)
    }

    /// A special method the class's metaclass defines in Python (`__iter__`, `__len__`, ...), called on the class.
    func callMetaclassDunder(_ cls: Value, _ name: StaticString, _ args: [Value] = []) throws(VMError) -> Value? {
        guard let m = metaclassOf(cls), let f = classLookup(m, internStatic(name)), isType(f, .function) else { return nil }
        return try call(f, [cls] + args)
    }
}
