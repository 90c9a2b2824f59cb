// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Creating the world before the first instruction: the intern table,
// the built-in classes and exception classes and the builtins module,
// all from the tables in Classes.swift and Natives.swift (the sys module
// is made on first import: Sys.swift).

extension VM {
    func bootstrap() throws(VMError) {
        func name(_ n: VMName) throws(VMError) -> Value { try internName(n) }
            s = Names(
                __init__: try name(.__init__), __name__: try name(.__name__),
                __main__: try name(.__main__), __module__: try name(.__module__),
                __qualname__: try name(.__qualname__), __doc__: try name(.__doc__),
                __class__: try name(.__class__), __dict__: try name(.__dict__),
                __mro__: try name(.__mro__), __bases__: try name(.__bases__),
                args: try name(.args), __str__: try name(.__str__), __repr__: try name(.__repr__),
                __len__: try name(.__len__), __call__: try name(.__call__), __eq__: try name(.__eq__),
                __hash__: try name(.__hash__), __iter__: try name(.__iter__), __next__: try name(.__next__),
                __getitem__: try name(.__getitem__), __setitem__: try name(.__setitem__),
                __contains__: try name(.__contains__), __bool__: try name(.__bool__), __all__: try name(.__all__),
                __builtins__: try name(.__builtins__), __file__: try name(.__file__), __lt__: try name(.__lt__),
                __delitem__: try name(.__delitem__), __enter__: try name(.__enter__), __exit__: try name(.__exit__),
                value: try name(.value), __traceback__: try name(.__traceback__))
            emptyName = try internName("")
            builtins = try newDict()
            modules = try newDict()
            let builtinsName = try name(.builtins)
            // Interned names and the two dicts are roots: `young` need not grow
            // through the whole start (its peak is RAM a small board lacks).
            young.removeAll()

            // Built-in types: `object` and `type` now, the others on first use
            // (typeClass). Their methods are not stored here: NativeLookup finds
            // them by name and makes a type's namespace dict when it first caches one.
            typeClasses = [Value](repeating: .null, count: TypeKind.allCases.count)
            _ = try newTypeClass(.object)
            _ = try newTypeClass(.type)

            // Exceptions are made on first use, except the root and the one
            // that must be raisable when nothing more can be allocated.
            exceptionClasses = [Value](repeating: .null, count: VM.tabledExceptionKinds)
            _ = try newTypeClass(.baseException)
            memoryErrorInstance = try newException(.memoryError, args: [])
            young.removeAll()  // all of it is reachable from the roots now

            try dictStore(builtins, s.__name__, builtinsName)
            // Everything built so far is reachable from the roots; drop the
            // garbage that growing tables left behind.
            young.removeAll()
            collectGarbage()
            emergencyReserve = heap.allocate(.rawArray, bytes: reserveBytes) ?? 0
    }

    /// A class without the C3 computation: used for the built-in types.
    func newClassRaw(name: Value, bases: Value, namespace: Value, kind: TypeKind) throws(VMError) -> Value {
        let cls = try allocClass(name: name, bases: bases, namespace: namespace, kind: kind)
        let o = cls.objectOffset
        var mro = [cls]
        if tupleCount(bases.objectOffset) > 0 { mro.append(tupleItem(bases.objectOffset, 0)) }
        heap.setSlot(o, ClassSlot.mro, try newTuple(mro))
        return cls
    }

    /// A module whose dict has room for `globals` names besides `__name__` and `__doc__`.
    func newModule(_ name: Value, globals: Int = 0) throws(VMError) -> Value {
        let o = try allocSlots(.module, ModuleSlot.slotCount)
        heap.setSlot(o, ModuleSlot.name, name)
        let d = try newDict(capacity: globals > 0 ? globals + 2 : 0)
        heap.setSlot(o, ModuleSlot.dict, d)
        try dictStore(d, s.__name__, name)
        try dictStore(d, s.__doc__, .none)
        return .object(o)
    }
}
