// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Creating the world before the first instruction: the intern table,
// the built-in classes and exception classes, the builtins module and
// the sys module, all from the tables in Classes.swift and Natives.swift.

extension VM {
    func bootstrap() {
        do {
            s = Names(
                __init__: internStatic("__init__"), __name__: internStatic("__name__"),
                __main__: internStatic("__main__"), __module__: internStatic("__module__"),
                __qualname__: internStatic("__qualname__"), __doc__: internStatic("__doc__"),
                __class__: internStatic("__class__"), __dict__: internStatic("__dict__"),
                __mro__: internStatic("__mro__"), __bases__: internStatic("__bases__"),
                args: internStatic("args"), __str__: internStatic("__str__"), __repr__: internStatic("__repr__"),
                __len__: internStatic("__len__"), __call__: internStatic("__call__"), __eq__: internStatic("__eq__"),
                __hash__: internStatic("__hash__"), __iter__: internStatic("__iter__"), __next__: internStatic("__next__"),
                __getitem__: internStatic("__getitem__"), __setitem__: internStatic("__setitem__"),
                __contains__: internStatic("__contains__"), __bool__: internStatic("__bool__"), __all__: internStatic("__all__"),
                __builtins__: internStatic("__builtins__"), __file__: internStatic("__file__"), __lt__: internStatic("__lt__"),
                __delitem__: internStatic("__delitem__"), __enter__: internStatic("__enter__"), __exit__: internStatic("__exit__"),
                value: internStatic("value"), __traceback__: internStatic("__traceback__"))
            builtins = try newDict()
            modules = try newDict()
            let builtinsName = internStatic("builtins")

            // Built-in types: object first, every other type derives from it.
            typeClasses = [Value](repeating: .null, count: TypeKind.allCases.count)
            for kind in TypeKind.allCases where kind != .baseException {
                let bases = kind == .object ? try newTuple(0) : try newTuple([typeClasses[TypeKind.object.rawValue]])
                let ns = try newDict()
                let cls = try newClassRaw(name: internStatic(kind.name), bases: bases, namespace: ns, kind: kind)
                typeClasses[kind.rawValue] = cls
            }
            // bool derives from int.
            let boolClass = typeClasses[TypeKind.bool.rawValue]
            heap.setSlot(boolClass.objectOffset, 1, try newTuple([typeClass(.int)]))
            heap.setSlot(boolClass.objectOffset, 2, try newTuple([boolClass, typeClass(.int), typeClass(.object)]))

            // Exceptions.
            exceptionClasses = [Value](repeating: .null, count: ExceptionKind.allCases.count)
            for kind in ExceptionKind.allCases {
                let base = kind.base.map { exceptionClasses[$0.rawValue] } ?? typeClass(.object)
                let ns = try newDict()
                let cls = try newClass(name: internStatic(kind.name), bases: try newTuple([base]), namespace: ns)
                heap.setSlot(cls.objectOffset, 4, .smallInt(TypeKind.baseException.rawValue))
                exceptionClasses[kind.rawValue] = cls
                try dictStore(builtins, internStatic(kind.name), cls)
            }
            typeClasses[TypeKind.baseException.rawValue] = exceptionClass(.baseException)
            memoryErrorInstance = try newException(.memoryError, args: [])

            // Natives into their homes.
            sysModule = try newModule(internStatic("sys"))
            for id in Native.allCases {
                let fn = Value.native(id.rawValue)
                let name = internStatic(nativeName(id))
                switch id.home {
                case .builtins: try dictStore(builtins, name, fn)
                case .sys: try dictStore(heap.slot(sysModule.objectOffset, 1), name, fn)
                case .type(let kind): try dictStore(heap.slot(typeClass(kind).objectOffset, 3), name, fn)
                case .exception: try dictStore(heap.slot(exceptionClass(.baseException).objectOffset, 3), name, fn)
                }
            }
            for kind in [TypeKind.int, .float, .str, .bool, .list, .tuple, .dict, .set, .range, .object, .type,
                         .bytes, .slice, .staticMethod, .classMethod, .property, .superType] {
                try dictStore(builtins, internStatic(kind.name), typeClass(kind))
            }
            try dictStore(builtins, internStatic("None"), .none)
            try dictStore(builtins, internStatic("Ellipsis"), .ellipsis)
            try dictStore(builtins, internStatic("NotImplemented"), .notImplemented)
            try dictStore(builtins, s.__name__, builtinsName)
            try dictStore(modules, internStatic("sys"), sysModule)
            try setupSys()
            // Everything built so far is reachable from the roots; drop the
            // garbage that growing tables left behind.
            young.removeAll()
            collectGarbage()
        } catch {
            fatalError("heap too small to start the VM")
        }
    }

    /// A class without the C3 computation: used for the built-in types.
    func newClassRaw(name: Value, bases: Value, namespace: Value, kind: TypeKind) throws(VMError) -> Value {
        let o = try allocSlots(.klass, 5)
        let cls = Value.object(o)
        heap.setSlot(o, 0, name)
        heap.setSlot(o, 1, bases)
        heap.setSlot(o, 3, namespace)
        heap.setSlot(o, 4, .smallInt(kind.rawValue))
        var mro = [cls]
        if tupleCount(bases.objectOffset) > 0 { mro.append(tupleItem(bases.objectOffset, 0)) }
        heap.setSlot(o, 2, try newTuple(mro))
        return cls
    }

    func newModule(_ name: Value) throws(VMError) -> Value {
        let o = try allocSlots(.module, 2)
        heap.setSlot(o, 0, name)
        let d = try newDict()
        heap.setSlot(o, 1, d)
        try dictStore(d, s.__name__, name)
        try dictStore(d, s.__doc__, .none)
        return .object(o)
    }

    func setupSys() throws(VMError) {
        let d = heap.slot(sysModule.objectOffset, 1)
        let argv = try newList()
        try dictStore(d, internStatic("argv"), argv)
        for a in config.argv { try listAppend(argv, try newStr(a)) }
        try dictStore(d, internStatic("maxsize"), .int(Value.smallIntMax)!)
        try dictStore(d, internStatic("path"), try newList())
        try dictStore(d, internStatic("modules"), modules)
        try dictStore(d, internStatic("platform"), try newStr("p14p"))
        try dictStore(d, internStatic("byteorder"), try newStr("little"))
        try dictStore(d, internStatic("stdout"), try newStr("<stdout>"))
        try dictStore(d, internStatic("stderr"), try newStr("<stderr>"))
        let impl = try newModule(internStatic("implementation"))
        try dictStore(heap.slot(impl.objectOffset, 1), internStatic("name"), try newStr("p14p"))
        try dictStore(d, internStatic("implementation"), impl)
    }
}
