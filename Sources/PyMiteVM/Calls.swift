// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Calling: functions, bound methods, classes, natives, generators.
// The function, bound method, generator and cell layouts are in
// Objects/Layouts.swift (FunctionSlot, BoundMethodSlot, GeneratorSlot, CellSlot).

enum GeneratorState: Int { case created = 0, suspended, running, done }

#if P14P_REPORT_MEMORY
/// A measuring build's deepest C stack address at which a nested run's check
/// passed: how far below it a program went is what P14P_STACK_MARGIN must
/// cover (MemoryFigureTests prints both).
nonisolated(unsafe) public var deepestStackCheck: UInt = 0
#endif

extension VM {
    // MARK: Making functions

    /// makeFunction: [defaults? kwdefaults? closure? code] -> [function]
    func makeFunction(flags: UInt32, in frame: Frame) throws(VMError) {
        let globals = frame.globals
        let codeConst = stack[sp - 1]
        guard codeConst.isInt, codeConst.intValue >= 0, codeConst.intValue < Int64(codes.count) else {
            throw badImage("makeFunction without a code object")
        }
        var k = sp - 2
        if flags & MakeFunctionFlags.closure != 0 { _ = try expect(stack[k], .tuple); k -= 1 }
        if flags & MakeFunctionFlags.annotations != 0 { _ = try expect(stack[k], .dict); k -= 1 }
        if flags & MakeFunctionFlags.kwDefaults != 0 { if !stack[k].isNone { _ = try expect(stack[k], .dict) }; k -= 1 }
        if flags & MakeFunctionFlags.defaults != 0 { if !stack[k].isNone { _ = try expect(stack[k], .tuple) } }
        let o = try allocSlots(.function, FunctionSlot.slotCount)
        var i = sp - 2
        heap.setSlot(o, FunctionSlot.closure, .none)
        heap.setSlot(o, FunctionSlot.kwDefaults, .none)
        heap.setSlot(o, FunctionSlot.defaults, .none)
        if flags & MakeFunctionFlags.closure != 0 { heap.setSlot(o, FunctionSlot.closure, stack[i]); i -= 1 }
        if flags & MakeFunctionFlags.annotations != 0 { heap.setSlot(o, FunctionSlot.annotations, stack[i]); i -= 1 }
        if flags & MakeFunctionFlags.kwDefaults != 0 { heap.setSlot(o, FunctionSlot.kwDefaults, stack[i]); i -= 1 }
        if flags & MakeFunctionFlags.defaults != 0 { heap.setSlot(o, FunctionSlot.defaults, stack[i]); i -= 1 }
        heap.setSlot(o, FunctionSlot.code, codeConst)
        heap.setSlot(o, FunctionSlot.globals, globals)
        let codeIndex = Int(codeConst.intValue)
        let name = try intern(try newStr(codes[codeIndex].name))
        heap.setSlot(o, FunctionSlot.name, name)
        heap.setSlot(o, FunctionSlot.qualname, name)
        // The qualified name says where the function was defined, as CPython's does.
        var outer: [UInt8]? = nil
        if !frame.namespace.isNull, let q = dictGetStr(frame.namespace, s.__qualname__), isStr(q) {
            outer = strArray(q) + bytes(".")
        } else if isType(frame.function, .function) {
            outer = strArray(heap.slot(frame.function.objectOffset, FunctionSlot.qualname)) + bytes(".<locals>.")
        }
        if let prefix = outer { heap.setSlot(o, FunctionSlot.qualname, try newStr(prefix + Array(codes[codeIndex].name))) }
        sp = i + 1
        push(.object(o))
    }

    // MARK: The call protocol

    /// Calls the callable at stack[fi] with the `argc` values above it (the
    /// last `kwnames.count` of them keyword arguments). A Python function
    /// gets a new frame and the result is false... true: the loop switches
    /// to it; anything else runs now, leaving its result at `resultSlot`
    /// with sp = resultSlot + 1.
    func callAt(_ fi: Int, argc: Int, kwnames: Value, resultSlot: Int) throws(VMError) -> Bool {
        // A Python function, the most common callee, before the loop below.
        let f = stack[fi]
        if f.isObject && heap.type(f.objectOffset) == .function {
            return try enterFunction(f, argsAt: fi + 1, argc: argc, kwnames: kwnames, resultSlot: resultSlot, constructed: .null)
        }
        return try callAtUnwrapping(fi, argc: argc, kwnames: kwnames, resultSlot: resultSlot)
    }

    /// `callAt` for every other callee.
    private func callAtUnwrapping(_ fi: Int, argc: Int, kwnames: Value, resultSlot: Int) throws(VMError) -> Bool {
        var argc = argc
        // A bound method or staticmethod object is unwrapped here, in a loop: nested ones
        // (a program can make a million) must not each take a level of the C stack.
        while true {
            let f = stack[fi]
            if f.isNativeFunction {
                let args = Arguments(vm: self, base: fi + 1, count: argc, kwnames: kwnames)
                let id = f.nativeID
                let result = id < VM.boardNativeBase ? try callNative(Native(rawValue: id)!, args)
                    : try callBoardNative(id - VM.boardNativeBase, args)
                stack[resultSlot] = result
                sp = resultSlot + 1
                return false
            }
            guard f.isObject else { throw notCallable(f) }
            let o = f.objectOffset
            switch heap.type(o) {
            case .function:
                return try enterFunction(f, argsAt: fi + 1, argc: argc, kwnames: kwnames, resultSlot: resultSlot, constructed: .null)
            case .boundMethod:
                // Make room for self in front of the arguments.
                try ensureStack(1)
                var i = sp
                while i > fi + 1 { stack[i] = stack[i - 1]; i -= 1 }
                sp += 1
                stack[fi + 1] = heap.slot(o, BoundMethodSlot.receiver)
                stack[fi] = heap.slot(o, BoundMethodSlot.function)
                argc += 1
            case .klass:
                // A metaclass's own __call__ makes the instance (unless type.__call__ is calling).
                if let m = metaclassOf(f), !bypassMetaclassCall, let callFn = classLookup(m, s.__call__), isType(callFn, .function) {
                    return try callWithReceiver(fi, callFn, f, argc: argc, kwnames: kwnames, resultSlot: resultSlot)
                }
                bypassMetaclassCall = false
                return try construct(f, argsAt: fi + 1, argc: argc, kwnames: kwnames, resultSlot: resultSlot)
            case .staticMethod:  // callable as its function, as since Python 3.10
                stack[fi] = heap.slot(o, StaticClassMethodSlot.function)
            case .classMethod, .property:
                throw notCallable(f)
            case .instance:
                if let call = classLookup(heap.slot(o, InstanceSlot.klass), s.__call__) {
                    return try callWithReceiver(fi, call, f, argc: argc, kwnames: kwnames, resultSlot: resultSlot)
                }
                throw notCallable(f)
            default:
                throw notCallable(f)
            }
        }
    }

    func isNative(_ v: Value, _ id: Native) -> Bool {
        v.raw == Value.native(id.rawValue).raw
    }

    func notCallable(_ f: Value) -> VMError {
        raiseAboutType(.typeError, "'", f, "' object is not callable")
    }

    /// Instantiates a class: built-in constructors run as natives; other
    /// classes get an instance, then `__init__` runs in a constructor frame.
    func construct(_ cls: Value, argsAt a: Int, argc: Int, kwnames: Value, resultSlot: Int) throws(VMError) -> Bool {
        let kind = classKind(cls)
        if classHooksOn && kind == .type && !isTypeClass(cls, .type) {  // a metaclass: M(name, bases, namespace)
            try constructWithMetaclass(cls, argsAt: a, argc: argc, kwnames: kwnames, resultSlot: resultSlot)
            return false
        }
        if classHooksOn && kind.isSubclassableValue && !isTypeClass(cls, kind) {
            if classHooksDefined, let newFn = classLookup(cls, try internName(.__new__)), isType(newFn, .function) {
                return try constructWithNew(cls, newFn, argsAt: a, argc: argc, kwnames: kwnames, resultSlot: resultSlot)
            }
            return try constructValueInstance(cls, kind, argsAt: a, argc: argc, kwnames: kwnames, resultSlot: resultSlot)
        }
        if kind != .object && kind != .baseException {
            let args = Arguments(vm: self, base: a, count: argc, kwnames: kwnames)
            stack[resultSlot] = try constructBuiltin(kind, cls, args)
            sp = resultSlot + 1
            return false
        }
        if isTypeClass(cls, .object) && argc > 0 {
            throw raise(.typeError, "object() takes no arguments")
        }
        if kind == .object && classHooksDefined, let newFn = classLookup(cls, try internName(.__new__)), isType(newFn, .function) {
            return try constructWithNew(cls, newFn, argsAt: a, argc: argc, kwnames: kwnames, resultSlot: resultSlot)
        }
        let nkw = kwnames.isNull ? 0 : tupleCount(kwnames.objectOffset)
        // OSError(errno, strerror) is made as the subclass its errno names, as in CPython.
        let made = kind == .baseException && argc - nkw >= 2 && argc - nkw <= 5 && cls == exceptionClass(.osError)
            ? try osErrorSubclass(errno: stack[a]) ?? cls : cls
        let inst = try newInstance(made)
        let initFn = classLookup(cls, s.__init__)
        if kind == .baseException {
            let args = try newTuple(argc - nkw)
            for i in 0..<(argc - nkw) { heap.setSlot(args.objectOffset, i + TupleSlot.firstItem, stack[a + i]) }
            try setExceptionArgs(inst, args)
            // Keywords the built-in __init__ takes: ImportError(name=, path=), NameError(name=), AttributeError(name=, obj=).
            if nkw > 0 && !(initFn.map { isType($0, .function) } ?? false) { try exceptionKeywords(inst, kwnames, valuesAt: a + argc - nkw) }
        }
        guard let initFn, !isNative(initFn, .objectInit) else {
            if kind != .baseException && argc > 0 {
                throw raise(.typeError, bytes("") + className(cls) + bytes("() takes no arguments"))
            }
            stack[resultSlot] = inst
            sp = resultSlot + 1
            return false
        }
        return try initialize(inst, initFn, argsAt: a, argc: argc, kwnames: kwnames, resultSlot: resultSlot)
    }

    /// An exception's keyword arguments, refused as CPython refuses them.
    func exceptionKeywords(_ e: Value, _ kwnames: Value, valuesAt first: Int) throws(VMError) {
        let cls = heap.slot(e.objectOffset, InstanceSlot.klass)
        for k in 0..<tupleCount(kwnames.objectOffset) {
            let key = tupleItem(kwnames.objectOffset, k)
            guard exceptionDefaultAttribute(e, key) != nil && key != internStatic(.msg) else {
                if exceptionDefaultAttribute(e, internStatic(.name)) == nil {
                    throw raise(.typeError, className(cls) + bytes("() takes no keyword arguments"))
                }
                throw invalidKeyword(key, for: className(cls))
            }
            try dictStore(instanceDict(e), key, stack[first + k])
        }
    }

    /// Runs `initFn(inst, args)` for a new instance, whose arguments are at `a` after the
    /// class: [cls a1..an] -> [init inst a1..an]. True when a Python frame was pushed
    /// (its return gives `inst`, the frame's `constructed`).
    func initialize(_ inst: Value, _ initFn: Value, argsAt a: Int, argc: Int, kwnames: Value, resultSlot: Int) throws(VMError) -> Bool {
        try ensureStack(1)
        var i = sp
        while i > a { stack[i] = stack[i - 1]; i -= 1 }
        sp += 1
        stack[a] = inst
        stack[a - 1] = initFn
        if isType(initFn, .function) {
            return try enterFunction(initFn, argsAt: a, argc: argc + 1, kwnames: kwnames, resultSlot: resultSlot, constructed: inst)
        }
        _ = try callAt(a - 1, argc: argc + 1, kwnames: kwnames, resultSlot: resultSlot)
        stack[resultSlot] = inst
        sp = resultSlot + 1
        return false
    }

    /// Calls `callable(receiver, args)` where the call site holds [f a1..an] at `fi`: the
    /// receiver goes in front of the arguments (an instance's or a metaclass's __call__).
    func callWithReceiver(_ fi: Int, _ callable: Value, _ receiver: Value, argc: Int, kwnames: Value, resultSlot: Int) throws(VMError) -> Bool {
        try ensureStack(1)
        var i = sp
        while i > fi + 1 { stack[i] = stack[i - 1]; i -= 1 }
        sp += 1
        stack[fi + 1] = receiver
        stack[fi] = callable
        return try callAt(fi, argc: argc + 1, kwnames: kwnames, resultSlot: resultSlot)
    }

    /// A class whose own `__new__` makes its instances: `__new__(cls, *args)`,
    /// then `__init__` with the same arguments when it returned an instance of
    /// the class (another type's object is returned as it is).
    func constructWithNew(_ cls: Value, _ newFn: Value, argsAt a: Int, argc: Int, kwnames: Value, resultSlot: Int) throws(VMError) -> Bool {
        var args = [cls]
        for i in 0..<argc { args.append(stack[a + i]) }
        let inst = try call(newFn, args, kwnames: kwnames)
        root(inst); defer { unroot() }
        if isType(inst, .instance), isSubclass(heap.slot(inst.objectOffset, InstanceSlot.klass), cls),
           let initFn = classLookup(cls, s.__init__), !isNative(initFn, .objectInit) {
            args[0] = inst
            let r = try call(initFn, args, kwnames: kwnames)
            guard r.isNone else { throw raiseAboutType(.typeError, "__init__() should return None, not '", r, "'") }
        }
        sp = resultSlot
        push(inst)
        return false
    }

    /// Binds arguments into the callee's slots and pushes its frame (or,
    /// for a generator function, makes the generator).
    func enterFunction(_ f: Value, argsAt a: Int, argc: Int, kwnames: Value, resultSlot: Int,
                       constructed: Value) throws(VMError) -> Bool {
        let fo = f.objectOffset
        let codeIndex = Int(heap.slot(fo, FunctionSlot.code).intValue)
        let c = codes[codeIndex]
        let slots = Int(c.localCount + c.freeCount)
        // No overflow test: a is below stackCapacity (at most Int32.max / 2), the counts 16-bit.
        if frames.count >= recursionLimit || a &+ slots &+ Int(c.stackSize) &+ 8 >= stackCapacity {
            throw raise(.recursionError, "maximum recursion depth exceeded")
        }
        if c.isDirect && kwnames.isNull && argc == Int(c.argCount) {  // the common call, by itself: fib 3% fewer
            var i = a &+ argc
            while i < a &+ slots { stack[i] = .null; i &+= 1 }
            sp = a &+ slots
            pushFrame(codeIndex, base: a, resultSlot: resultSlot, function: f, namespace: .null, constructed: constructed)
            return true
        }
        let simple = kwnames.isNull && argc == Int(c.argCount) && c.kwOnlyCount == 0
            && c.flags & (CodeFlags.varArgs | CodeFlags.varKeywords) == 0
        if !simple {
            try bindArguments(f, codeIndex: codeIndex, argsAt: a, argc: argc, kwnames: kwnames)
        } else {
            var i = a &+ argc
            while i < a &+ Int(c.localCount) { stack[i] = .null; i &+= 1 }
        }
        if c.freeCount > 0 {
            let closure = heap.slot(fo, FunctionSlot.closure)
            guard isType(closure, .tuple), tupleCount(closure.objectOffset) >= Int(c.freeCount) else {
                throw badImage("closure does not match the code")
            }
            for k in 0..<Int(c.freeCount) { stack[a + Int(c.localCount) + k] = tupleItem(closure.objectOffset, k) }
        }
        if c.flags & CodeFlags.generator != 0 {
            let g = try allocSlots(.generator, GeneratorSlot.slotCount)
            let storage = try allocSlots(.valueArray, slots + Int(c.stackSize))
            heap.slotPointer(storage, ValueArraySlot.firstItem).update(from: stack + a, count: slots)
            heap.setSlot(g, GeneratorSlot.function, f)
            heap.setSlot(g, GeneratorSlot.frame, .object(storage))
            heap.setSlot(g, GeneratorSlot.ip, .smallInt(0))
            heap.setSlot(g, GeneratorSlot.valueCount, .smallInt(slots))
            heap.setSlot(g, GeneratorSlot.state, .smallInt(GeneratorState.created.rawValue))
            heap.setSlot(g, GeneratorSlot.code, .smallInt(codeIndex))
            stack[resultSlot] = .object(g)
            sp = resultSlot + 1
            return false
        }
        sp = a + slots
        var namespace = Value.null
        if c.flags & CodeFlags.classBody != 0 { namespace = try newDict() }
        pushFrame(codeIndex, base: a, resultSlot: resultSlot, function: f, namespace: namespace, constructed: constructed)
        return true
    }

    @inline(__always) func pushFrame(_ codeIndex: Int, base: Int, resultSlot: Int, function f: Value, namespace: Value,
                                     constructed: Value) {
        // Stack indexes are below stackCapacity (at most Int32.max / 2), code indexes below codes.count.
        frames.append(Frame(code: Int32(truncatingIfNeeded: codeIndex), ip: 0, base: Int32(truncatingIfNeeded: base),
                            resultSlot: Int32(truncatingIfNeeded: resultSlot),
                            function: f, globals: heap.slot(f.objectOffset, FunctionSlot.globals), namespace: namespace,
                            generator: .null, constructed: constructed, isBoundary: false))
    }

    /// As CPython: positional-only parameters named by keywords (without
    /// **kwargs to take them) are listed together.
    func refusePositionalOnlyKeywords(_ f: Value, _ c: LoadedCode, _ nposonly: Int, _ kwnames: Value) throws(VMError) {
        var named: [UInt8] = []
        for k in 0..<tupleCount(kwnames.objectOffset) {
            let name = tupleItem(kwnames.objectOffset, k)
            for p in 0..<nposonly where strEqual(slotName(c, p).objectOffset, name.objectOffset) {
                named += (named.isEmpty ? [] : bytes(", ")) + strArray(name)
            }
        }
        if named.isEmpty { return }
        throw raise(.typeError, functionName(f) + bytes("() got some positional-only arguments passed as keyword arguments: '") + named + bytes("'"))
    }

    /// The general argument binding: defaults, keywords, *args, **kwargs.
    func bindArguments(_ f: Value, codeIndex: Int, argsAt a: Int, argc: Int, kwnames: Value) throws(VMError) {
        let c = codes[codeIndex]
        let fo = f.objectOffset
        let nkw = kwnames.isNull ? 0 : tupleCount(kwnames.objectOffset)
        let npos = argc - nkw
        let nparams = Int(c.argCount)
        let nkwonly = Int(c.kwOnlyCount)
        let hasVarArgs = c.flags & CodeFlags.varArgs != 0
        let hasVarKw = c.flags & CodeFlags.varKeywords != 0
        let varArgsSlot = nparams + nkwonly
        let varKwSlot = varArgsSlot + (hasVarArgs ? 1 : 0)
        var bound = [Value](repeating: .null, count: Int(c.localCount))
        for i in 0..<min(npos, nparams) { bound[i] = stack[a + i] }
        if npos > nparams {
            guard hasVarArgs else {
                guard BuiltFeatures.errorMessages else { throw raiseBare(.typeError) }
                let defaults = heap.slot(fo, FunctionSlot.defaults)
                let ndef = defaults.isNone ? 0 : tupleCount(defaults.objectOffset)
                var m = functionName(f) + bytes("() takes ")
                if ndef > 0 { m += bytes("from ") + decimal(nparams - ndef) + bytes(" to ") }
                m += decimal(nparams)
                m += bytes(nparams == 1 && ndef == 0 ? " positional argument but " : " positional arguments but ")
                // Keyword-only arguments given by name are counted apart, as CPython does.
                var kwonlyGiven = 0
                for k in 0..<nkw {
                    let name = tupleItem(kwnames.objectOffset, k)
                    for p in nparams..<(nparams + nkwonly) where strEqual(slotName(c, p).objectOffset, name.objectOffset) { kwonlyGiven += 1 }
                }
                m += decimal(npos)
                if kwonlyGiven > 0 {
                    m += bytes(npos == 1 ? " positional argument (and " : " positional arguments (and ") + decimal(kwonlyGiven)
                    m += bytes(kwonlyGiven == 1 ? " keyword-only argument)" : " keyword-only arguments)")
                }
                m += bytes(npos == 1 && kwonlyGiven == 0 ? " was given" : " were given")
                throw raise(.typeError, m)
            }
        }
        // Allocations below may collect: everything is still on the stack.
        if hasVarArgs {
            let extra = max(0, npos - nparams)
            let t = try newTuple(extra)
            for i in 0..<extra { heap.setSlot(t.objectOffset, i + TupleSlot.firstItem, stack[a + nparams + i]) }
            bound[varArgsSlot] = t
            root(t)
        }
        defer { if hasVarArgs { unroot() } }
        var kwDict = Value.null
        if hasVarKw {
            kwDict = try newDict()
            bound[varKwSlot] = kwDict
        }
        let nposonly = Int(c.flags >> CodeFlags.positionalOnlyShift)
        for k in 0..<nkw {
            let name = tupleItem(kwnames.objectOffset, k)
            let value = stack[a + npos + k]
            var slot = -1
            for p in nposonly..<(nparams + nkwonly) {
                let pname = slotName(c, p)
                if pname == name || strEqual(pname.objectOffset, name.objectOffset) { slot = p; break }
            }
            if slot < 0 {
                guard hasVarKw else {
                    if nposonly > 0 { try refusePositionalOnlyKeywords(f, c, nposonly, kwnames) }
                    throw raise(.typeError, functionName(f) + bytes("() got an unexpected keyword argument '") + strArray(name) + bytes("'"))
                }
                try dictStore(kwDict, name, value)
                continue
            }
            if !bound[slot].isNull {
                throw raise(.typeError, functionName(f) + bytes("() got multiple values for argument '") + strArray(name) + bytes("'"))
            }
            bound[slot] = value
        }
        let defaults = heap.slot(fo, FunctionSlot.defaults)
        let ndef = defaults.isNone ? 0 : tupleCount(defaults.objectOffset)
        var missing: [Int] = []
        for i in 0..<nparams where bound[i].isNull {
            let d = i - (nparams - ndef)
            if d >= 0 { bound[i] = tupleItem(defaults.objectOffset, d) } else { missing.append(i) }
        }
        if !missing.isEmpty { throw missingArguments(f, c, missing, kind: "positional") }
        let kwdefaults = heap.slot(fo, FunctionSlot.kwDefaults)
        for i in nparams..<(nparams + nkwonly) where bound[i].isNull {
            if !kwdefaults.isNone, let v = dictGetStr(kwdefaults, slotName(c, i)) {
                bound[i] = v
            } else {
                missing.append(i)
            }
        }
        if !missing.isEmpty { throw missingArguments(f, c, missing, kind: "keyword-only") }
        for i in 0..<bound.count { stack[a + i] = bound[i] }
    }

    func missingArguments(_ f: Value, _ c: LoadedCode, _ missing: [Int], kind: StaticString) -> VMError {
        guard BuiltFeatures.errorMessages else { return raiseBare(.typeError) }
        var m = functionName(f) + bytes("() missing ") + decimal(missing.count) + bytes(" required ")
        m += bytes(kind) + bytes(missing.count == 1 ? " argument: " : " arguments: ")
        for (k, i) in missing.enumerated() {
            if k > 0 { m += bytes(k == missing.count - 1 ? (missing.count > 2 ? ", and " : " and ") : ", ") }
            m += bytes("'") + strArray(slotName(c, i)) + bytes("'")
        }
        return raise(.typeError, m)
    }

    func functionName(_ f: Value) -> [UInt8] {
        if isType(f, .function) { return strArray(heap.slot(f.objectOffset, FunctionSlot.qualname)) }
        return bytes("function")
    }

    /// A callable as CPython names it in the errors of `f(*a, **m)`:
    /// `__main__.f()`, `__main__.K.m()`, `dict()`.
    func calledName(_ f: Value) -> [UInt8] {
        var f = f
        if isType(f, .boundMethod) { f = heap.slot(f.objectOffset, BoundMethodSlot.function) }
        if f.isNativeFunction, let id = Native(rawValue: f.nativeID) { return Array(nativeName(id)) + bytes("()") }
        var module: Value? = nil, name: [UInt8]
        if isType(f, .function) {
            module = dictGetStr(heap.slot(f.objectOffset, FunctionSlot.globals), s.__name__)
            name = functionName(f)
        } else if isClass(f) {
            module = classModule(f)
            name = strArray(heap.slot(f.objectOffset, ClassSlot.name))
        } else {
            return typeName(f) + bytes(" object")
        }
        if let m = module, isStr(m) { return strArray(m) + bytes(".") + name + bytes("()") }
        return name + bytes("()")
    }

    /// `f(**m)`: m's keys into the call's keyword dict `d`, as CPython's
    /// DICT_MERGE: a key given twice, or an `m` that is no mapping, is refused.
    func mergeKeywords(into d: Value, _ m: Value, callee f: Value) throws(VMError) {
        let mapping = plainValue(m)
        let keys: Value? = isType(mapping, .dict) ? nil : (isType(m, .instance) ? try lookupAttribute(m, internStatic(.keys)) : nil)
        guard isType(mapping, .dict) || keys != nil else {
            throw raise(.typeError, calledName(f) + bytes(" argument after ** must be a mapping, not ") + typeName(m))
        }
        func add(_ k: Value, _ v: Value) throws(VMError) {
            if try dictGet(d, k) != nil {
                guard isStr(k) else { throw raise(.typeError, "keywords must be strings") }
                throw raise(.typeError, calledName(f) + bytes(" got multiple values for keyword argument '") + strArray(k) + bytes("'"))
            }
            try dictStore(d, k, v)
        }
        if let keys {
            let ks = try call(keys, [])
            root(ks); defer { unroot() }
            try forEachItem(of: ks) { (k) throws(VMError) in try add(k, try getItem(m, k)) }
        } else {
            try dictForEach(mapping) { (k, v) throws(VMError) in try add(k, v) }
        }
    }

    /// callFunctionEx: [f args-tuple kwargs-dict?] -> spread onto the stack, then call.
    func callWithUnpacked(hasKwargs: Bool) throws(VMError) -> Bool {
        let kwargs: Value = hasKwargs ? stack[sp - 1] : .null
        let args = stack[sp - (hasKwargs ? 2 : 1)]
        let fi = sp - (hasKwargs ? 3 : 2)
        root(args, kwargs.isNull ? .none : kwargs); defer { unroot(2) }
        sp = fi + 1
        guard isType(args, .tuple) || isIterable(args) else {
            throw raise(.typeError, calledName(stack[fi]) + bytes(" argument after * must be an iterable, not ") + typeName(args))
        }
        let argsTuple = isType(args, .tuple) ? args : try sequenceToTuple(args)
        let n = tupleCount(argsTuple.objectOffset)
        try ensureStack(n + (kwargs.isNull ? 0 : dictCount(kwargs)) + 1)
        for i in 0..<n { push(tupleItem(argsTuple.objectOffset, i)) }
        var kwnames = Value.null
        if !kwargs.isNull && dictCount(kwargs) > 0 {
            var keys: [Value] = []
            try dictForEach(kwargs) { (k, v) throws(VMError) in
                guard isStr(k) else { throw raise(.typeError, "keywords must be strings") }
                keys.append(k)
                push(v)
            }
            kwnames = try newTuple(keys)
            root(kwnames)
        }
        defer { if !kwnames.isNull { unroot() } }
        return try callAt(fi, argc: sp - fi - 1, kwnames: kwnames, resultSlot: fi)
    }

    /// Calls `f` from native code and returns its result.
    func call(_ f: Value, _ args: [Value], kwnames: Value = .null) throws(VMError) -> Value {
        try ensureStack(args.count + 2)
        let fi = sp
        push(f)
        for a in args { push(a) }
        return try callPushed(fi, argc: args.count, kwnames: kwnames)
    }

    /// Whether the C stack is too deep for another nested run of the
    /// interpreter (natives calling Python recurse in C): a board's small
    /// stack then ends in RecursionError, not in a fault.
    @inline(__always) func cStackExhausted() -> Bool {
        guard config.cStackLimit != 0 else { return false }
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        #if P14P_REPORT_MEMORY
        if here >= config.cStackLimit && (deepestStackCheck == 0 || here < deepestStackCheck) { deepestStackCheck = here }
        #endif
        return here < config.cStackLimit
    }

    /// A native calling Python, or recursing through nested data (repr, ==,
    /// < and hash of containers), counts each level against the recursion
    /// limit, as a Python call does, and stops before the C stack runs out.
    @inline(__always) func enterNested(_ message: StaticString) throws(VMError) {
        nativeDepth += 1
        if nativeDepth > recursionLimit || cStackExhausted() {
            nativeDepth -= 1
            throw raise(.recursionError, message)
        }
    }
    @inline(__always) func leaveNested() { nativeDepth -= 1 }

    /// Calls the callable already at stack[fi] with the values above it.
    func callPushed(_ fi: Int, argc: Int, kwnames: Value = .null) throws(VMError) -> Value {
        do { try enterNested("maximum recursion depth exceeded") } catch {
            sp = fi
            throw error
        }
        defer { leaveNested() }
        let pushed: Bool
        do {
            pushed = try callAt(fi, argc: argc, kwnames: kwnames, resultSlot: fi)
        } catch {
            sp = fi
            throw error
        }
        if pushed {
            frames[frames.count - 1].isBoundary = true
            return try run()
        }
        sp = fi
        return stack[fi]
    }

    // MARK: Generators

    /// Runs the generator until it yields (returns the value) or finishes
    /// (nil). With `throwing`, that exception is raised at the paused yield.
    func resumeGenerator(_ g: Value, sending sent: Value, throwing: Value = .null) throws(VMError) -> Value? {
        let o = g.objectOffset
        let state = GeneratorState(rawValue: Int(heap.slot(o, GeneratorSlot.state).intValue))!
        switch state {
        case .done: return nil
        case .running: throw raise(.valueError, "generator already executing")
        case .created:
            if !throwing.isNull {
                // Nothing ran yet: the exception comes straight out.
                finishGenerator(g)
                pendingException = throwing
                throw VMError.exception
            }
            if !sent.isNone { throw raise(.typeError, "can't send non-None value to a just-started generator") }
        case .suspended: break
        }
        let codeIndex = Int(heap.slot(o, GeneratorSlot.code).intValue)
        let c = codes[codeIndex]
        let count = Int(heap.slot(o, GeneratorSlot.valueCount).intValue)
        if frames.count >= recursionLimit || cStackExhausted()
            || sp + Int(c.localCount + c.freeCount) + Int(c.stackSize) + 8 >= stackCapacity {
            throw raise(.recursionError, "maximum recursion depth exceeded")
        }
        let resultSlot = sp
        let base = sp
        let storage = heap.slot(o, GeneratorSlot.frame).objectOffset
        (stack + base).update(from: heap.slotPointer(storage, ValueArraySlot.firstItem), count: count)
        sp = base + count
        var ip = Int32(truncatingIfNeeded: heap.slot(o, GeneratorSlot.ip).intValue)  // an instruction index
        // Suspended in `yield from`: a thrown exception goes to the iterator it delegates to
        // (PEP 380), as the value its yieldFrom instruction is resumed with.
        let delegating = !throwing.isNull && state == .suspended
            && UInt8(truncatingIfNeeded: c.instructions[Int(ip)]) == Opcode.yieldFrom.rawValue
        if state == .suspended { push(delegating ? throwing : sent) }
        throwIntoDelegate = delegating
        let f = heap.slot(o, GeneratorSlot.function)
        heap.setSlot(o, GeneratorSlot.state, .smallInt(GeneratorState.running.rawValue))
        if !throwing.isNull && !delegating {
            // Raise at the yield: its handler, if any, takes over; else the
            // exception leaves the generator, which is then finished.
            sp -= 1
            pendingException = throwing
            addTraceback(code: codeIndex, index: Int(ip) - 1)
            guard let h = findHandler(code: codeIndex, index: Int(ip) - 1) else {
                sp = resultSlot
                finishGenerator(g)
                throw VMError.exception
            }
            sp = base + Int(c.localCount + c.freeCount) + h.depth
            push(throwing)
            pendingException = .null
            ip = Int32(h.target)
        }
        // Stack indexes are below stackCapacity (at most Int32.max / 2), code indexes below codes.count.
        frames.append(Frame(code: Int32(truncatingIfNeeded: codeIndex), ip: ip, base: Int32(truncatingIfNeeded: base),
                            resultSlot: Int32(truncatingIfNeeded: resultSlot), function: f,
                            globals: heap.slot(f.objectOffset, FunctionSlot.globals),
                            namespace: .null, generator: g, constructed: .null, isBoundary: true))
        nativeDepth += 1
        defer { nativeDepth -= 1 }
        generatorYielded = false
        // The exception the generator handles stays with it while it is suspended (as
        // CPython's gi_exc_state): its caller's comes back, and its own on the next resume.
        let callerHandled = handledException
        if !heap.slot(o, GeneratorSlot.handled).isNull { handledException = heap.slot(o, GeneratorSlot.handled) }
        heap.setSlot(o, GeneratorSlot.handled, .null)
        defer { handledException = callerHandled }  // set aside below when it yielded
        let v: Value
        do {
            v = try run()
        } catch {
            // PEP 479: a StopIteration escaping a generator becomes a RuntimeError.
            if isInstance(pendingException, exceptionClass(.stopIteration)) {
                let cause = pendingException
                let e = raise(.runtimeError, "generator raised StopIteration")
                try? dictStore(instanceDict(pendingException), internStatic(.__cause__), cause)
                throw e
            }
            throw error
        }
        if generatorYielded {
            if handledException != callerHandled { heap.setSlot(o, GeneratorSlot.handled, handledException) }
            generatorYielded = false
            return v
        }
        generatorReturnValue = v
        return nil
    }

    /// One step of `yield from`: the value the subiterator yields, or nil
    /// when it is done (its return value is then in generatorReturnValue).
    func delegateStep(_ sub: Value, sending sent: Value) throws(VMError) -> Value? {
        generatorReturnValue = .none
        if isType(sub, .generator) { return try resumeGenerator(sub, sending: sent) }
        if sent.isNone {
            // A class's __next__ is called here, not through iteratorNext: its StopIteration's value is the result.
            if isType(sub, .instance), let next = try lookupAttribute(sub, internStatic(.__next__)) { return try delegateCall(next, []) }
            return try iteratorNext(sub)
        }
        return try delegateCall(try getAttribute(sub, internStatic(.send)), [sent])
    }

    /// A subiterator's send() or throw(): what it yields, or nil once its StopIteration
    /// gives the `yield from` its value (generatorReturnValue).
    func delegateCall(_ method: Value, _ arguments: [Value]) throws(VMError) -> Value? {
        do {
            return try call(method, arguments)
        } catch {
            if isInstance(pendingException, exceptionClass(.stopIteration)) {
                generatorReturnValue = stopIterationValue(pendingException)
                pendingException = .null
                return nil
            }
            throw error
        }
    }

    /// throw() through `yield from` (PEP 380): GeneratorExit closes the subiterator and is
    /// raised in the delegating generator; another exception goes to the subiterator's
    /// throw(), or is raised in the delegating generator when it has none. Like `delegateStep`:
    /// a value yielded, or nil when the subiterator returned (generatorReturnValue).
    func delegateThrow(_ sub: Value, _ exc: Value) throws(VMError) -> Value? {
        generatorReturnValue = .none
        if isInstance(exc, exceptionClass(.generatorExit)) {
            try closeIterator(sub)
            pendingException = exc
            throw VMError.exception
        }
        if isType(sub, .generator) { return try resumeGenerator(sub, sending: .none, throwing: exc) }
        guard let method = try lookupAttribute(sub, internStatic(.throw)) else {
            pendingException = exc
            throw VMError.exception
        }
        return try delegateCall(method, [exc])
    }

    /// close() of a generator, or of any iterator that has a close method.
    func closeIterator(_ it: Value) throws(VMError) {
        if isType(it, .generator) { return try closeGenerator(it) }
        if let method = try lookupAttribute(it, internStatic(.close)) { _ = try call(method, []) }
    }

    /// generator.close(): GeneratorExit raised where it is suspended; a value yielded instead is a RuntimeError.
    func closeGenerator(_ g: Value) throws(VMError) {
        let state = GeneratorState(rawValue: Int(heap.slot(g.objectOffset, GeneratorSlot.state).intValue))!
        if state == .created || state == .done {
            finishGenerator(g)
            return
        }
        let exit = try newException(.generatorExit, args: [])
        do throws(VMError) {
            if try resumeGenerator(g, sending: .none, throwing: exit) != nil {
                throw raise(.runtimeError, "generator ignored GeneratorExit")
            }
        } catch {
            let e = pendingException
            if isInstance(e, exceptionClass(.generatorExit)) || isInstance(e, exceptionClass(.stopIteration)) {
                pendingException = .null
                return
            }
            throw error
        }
    }

    func stopIterationValue(_ e: Value) -> Value {
        guard let args = exceptionArgs(e), tupleCount(args.objectOffset) > 0 else { return .none }
        return tupleItem(args.objectOffset, 0)
    }

    /// StopIteration carrying a generator's return value.
    func stopIteration() -> VMError {
        let value = generatorReturnValue
        generatorReturnValue = .none
        do {
            let e = try newException(.stopIteration, args: value.isNone ? [] : [value])
            try dictStore(instanceDict(e), s.value, value)
            pendingException = e
        } catch {
            pendingException = memoryErrorInstance
        }
        return .exception
    }

    /// Saves the running generator frame's slots and stack (the yielded value already popped)
    /// in its generator, reading the frame where it lies (the top one).
    func suspendGenerator(_ f: UnsafeMutablePointer<Frame>) {
        let o = f.pointee.generator.objectOffset
        let count = sp - Int(f.pointee.base)
        let storage = heap.slot(o, GeneratorSlot.frame).objectOffset
        heap.slotPointer(storage, ValueArraySlot.firstItem).update(from: stack + Int(f.pointee.base), count: count)
        heap.setSlot(o, GeneratorSlot.ip, .smallInt(Int(f.pointee.ip)))
        heap.setSlot(o, GeneratorSlot.valueCount, .smallInt(count))
        heap.setSlot(o, GeneratorSlot.state, .smallInt(GeneratorState.suspended.rawValue))
    }

    func finishGenerator(_ g: Value) {
        let o = g.objectOffset
        heap.setSlot(o, GeneratorSlot.state, .smallInt(GeneratorState.done.rawValue))
        heap.setSlot(o, GeneratorSlot.valueCount, .smallInt(0))
        let storage = heap.slot(o, GeneratorSlot.frame).objectOffset
        for i in 0..<heap.slotCount(storage) { heap.setSlot(storage, i, .null) }
    }
}
