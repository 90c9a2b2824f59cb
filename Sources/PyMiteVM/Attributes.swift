// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Attribute access and method lookup. Methods of built-in types live in
// their class's namespace as natives, so `"a".upper`, `str.upper` and
// `loadMethod` all find them the same way.

extension VM {
    /// The value a class attribute takes when read through `obj`.
    func bindAttribute(_ attr: Value, to obj: Value, cls: Value) throws(VMError) -> Value {
        if attr.isNativeFunction { return try newBoundMethod(obj, attr) }
        guard attr.isObject else { return attr }
        switch heap.type(attr.objectOffset) {
        case .function:
            return try newBoundMethod(obj, attr)
        case .staticMethod:
            return heap.slot(attr.objectOffset, StaticClassMethodSlot.function)
        case .classMethod:
            return try newBoundMethod(cls, heap.slot(attr.objectOffset, StaticClassMethodSlot.function))
        case .property:
            let getter = heap.slot(attr.objectOffset, PropertySlot.getter)
            guard !getter.isNone else { throw raise(.attributeError, "property has no getter") }
            return try call(getter, [obj])
        default:
            return attr
        }
    }

    /// A function's docstring: its code's constant 0 when the compiler kept one, else None.
    func functionDocstring(_ f: Value) -> Value {
        let c = codes[Int(heap.slot(f.objectOffset, FunctionSlot.code).intValue)]
        return c.flags & CodeFlags.docstring != 0 ? constants[Int(c.constBase)] : .none
    }

    func newBoundMethod(_ obj: Value, _ f: Value) throws(VMError) -> Value {
        let o = try allocSlots(.boundMethod, BoundMethodSlot.slotCount)
        heap.setSlot(o, BoundMethodSlot.receiver, obj)
        heap.setSlot(o, BoundMethodSlot.function, f)
        return .object(o)
    }

    func getAttribute(_ obj: Value, _ name: Value) throws(VMError) -> Value {
        if let v = try lookupAttribute(obj, name) { return v }
        throw attributeError(obj, name)
    }

    func attributeError(_ obj: Value, _ name: Value) -> VMError {
        let e: VMError
        if isType(obj, .module) {
            e = raise(.attributeError, bytes("module '") + strArray(heap.slot(obj.objectOffset, ModuleSlot.name)) + bytes("' has no attribute '") + strArray(name) + bytes("'"))
        } else if isClass(obj) {
            e = raise(.attributeError, bytes("type object '") + className(obj) + bytes("' has no attribute '") + strArray(name) + bytes("'"))
        } else {
            e = raise(.attributeError, bytes("'") + typeName(obj) + bytes("' object has no attribute '") + strArray(name) + bytes("'"))
        }
        noteExceptionDetails(name: name, obj: obj)
        return e
    }

    /// The pending NameError's or AttributeError's `name` (and `obj`), as CPython 3.10 sets them.
    /// Left out when the heap has no room: the exception itself matters more.
    func noteExceptionDetails(name: Value, obj: Value) {
        let e = pendingException
        guard isExceptionInstance(e) else { return }
        let d = instanceDict(e)
        if (try? dictStore(d, internStatic(.name), name)) == nil || (!obj.isNull && (try? dictStore(d, internStatic(.obj), obj)) == nil) {
            pendingException = e  // a full heap's MemoryError does not take the error's place
        }
    }

    /// The attributes an exception class has before they are set: None (ImportError's
    /// msg is its one argument). nil for any other name.
    func exceptionDefaultAttribute(_ e: Value, _ name: Value) -> Value? {
        let cls = heap.slot(e.objectOffset, InstanceSlot.klass)
        let isImport = isSubclass(cls, exceptionClass(.importError))
        if name == internStatic(.name) {
            return isImport || isSubclass(cls, exceptionClass(.nameError)) || isSubclass(cls, exceptionClass(.attributeError)) ? Value.none : nil
        }
        if name == internStatic(.obj) { return isSubclass(cls, exceptionClass(.attributeError)) ? Value.none : nil }
        guard isImport else { return nil }
        if name == internStatic(.path) { return Value.none }
        if name == internStatic(.msg), let args = dictGetStr(instanceDict(e), s.args), isType(args, .tuple) {
            return tupleCount(args.objectOffset) == 1 ? tupleItem(args.objectOffset, 0) : Value.none
        }
        return nil
    }

    /// The interned name getattr, setattr, hasattr, delattr and object's hooks take.
    func attributeNameArgument(_ v: Value) throws(VMError) -> Value {
        guard isStr(v) else { throw raiseAboutType(.typeError, "attribute name must be string, not '", v, "'") }
        return try intern(v)
    }

    /// A class's own attribute hook (`__getattribute__`, `__getattr__`,
    /// `__setattr__`, `__delattr__`): a Python function on its MRO. object's
    /// natives of the same names are the plain access, not a hook.
    func attributeHook(_ cls: Value, _ name: StaticString) throws(VMError) -> Value? {
        guard let f = classLookup(cls, try internName(name)), isType(f, .function) else { return nil }
        return f
    }

    /// Notes a class namespace that defines `__getattribute__`, `__getattr__`,
    /// `__setattr__`, `__delattr__` or `__new__`: until one does, no
    /// attribute access or construction looks for them (a lookup per access
    /// cost the method-call benchmark 14 percent).
    func noteAttributeHooks(_ namespace: Value) throws(VMError) {
        if classHooksDefined || dictCount(namespace) == 0 { return }  // built-in types' classes: no names to make
        for hook: StaticString in ["__getattribute__", "__getattr__", "__setattr__", "__delattr__", "__new__"]
        where dictGetStr(namespace, try internName(hook)) != nil {
            classHooksSeen = true
        }
    }

    /// A descriptor's method (`__get__`, `__set__`, `__delete__`, `__set_name__`)
    /// when `attr` is an instance of a class that defines it.
    func descriptorMethod(_ attr: Value, _ name: StaticString) throws(VMError) -> Value? {
        guard classHooksOn, isType(attr, .instance) else { return nil }
        return classLookup(heap.slot(attr.objectOffset, InstanceSlot.klass), try internName(name))
    }

    /// A data descriptor (one with __set__ or __delete__) comes before the instance's dict.
    func isDataDescriptor(_ attr: Value) throws(VMError) -> Bool {
        if isType(attr, .property) { return true }
        if try descriptorMethod(attr, "__set__") != nil { return true }
        return try descriptorMethod(attr, "__delete__") != nil
    }

    /// An instance's attribute as object.__getattribute__ finds it (data
    /// descriptors, then its dict, then its class), without the hooks.
    func instanceAttribute(_ obj: Value, _ name: Value) throws(VMError) -> Value? {
        let o = obj.objectOffset
        let cls = heap.slot(o, InstanceSlot.klass)
        let classAttr = classLookup(cls, name)
        var getter: Value? = nil
        if let a = classAttr { getter = try descriptorMethod(a, "__get__") }
        if let a = classAttr, isType(a, .property) { return try bindAttribute(a, to: obj, cls: cls) }
        if let a = classAttr, let get = getter, try isDataDescriptor(a) { return try call(get, [a, obj, cls]) }
        if let v = dictGetStr(heap.slot(o, InstanceSlot.dict), name) { return v }
        if let a = classAttr, let get = getter { return try call(get, [a, obj, cls]) }
        if let a = classAttr { return try bindAttribute(a, to: obj, cls: cls) }
        if name == s.__class__ { return cls }
        if name == s.__dict__ && slotsAllow(cls, name) { return heap.slot(o, InstanceSlot.dict) }
        if isExceptionInstance(obj) {
            // Before any is set: no traceback, no chained exceptions.
            if name == s.__traceback__ { return try tracebackObject(obj) }
            if name == internStatic(.__context__) || name == internStatic(.__cause__) { return Value.none }
            if name == internStatic(.__suppress_context__) { return Value.false }
            if let v = exceptionDefaultAttribute(obj, name) { return v }
        }
        return nil
    }

    /// The attribute, or nil when there is none (getattr with a default, hasattr).
    func lookupAttribute(_ obj: Value, _ name: Value) throws(VMError) -> Value? {
        if obj.isObject {
            let o = obj.objectOffset
            switch heap.type(o) {
            case .instance:
                let cls = heap.slot(o, InstanceSlot.klass)
                if classHooksDefined, let hook = try attributeHook(cls, "__getattribute__") {
                    do {
                        return try call(hook, [obj, name])
                    } catch {
                        // Its AttributeError hands over to __getattr__, as in CPython.
                        guard isInstance(pendingException, exceptionClass(.attributeError)),
                              let fallback = try attributeHook(cls, "__getattr__") else { throw error }
                        pendingException = .null
                        return try call(fallback, [obj, name])
                    }
                }
                if let v = try instanceAttribute(obj, name) { return v }
                if let id = objectDefaultMethod(name) { return try newBoundMethod(obj, .native(id.rawValue)) }  // object's own
                if classHooksDefined, let fallback = try attributeHook(cls, "__getattr__") { return try call(fallback, [obj, name]) }
                return nil
            case .klass:
                // The length first: internStatic's lookup on every class attribute cost methods 3.5%.
                if strByteCount(name.objectOffset) == 15, name == internStatic(.__annotations__), builtinKind(ofClass: obj) == nil {
                    // A class's own, never a base's; made empty when it has none (CPython 3.10+).
                    let ns = heap.slot(o, ClassSlot.namespace)
                    if ns.isObject {
                        if let own = dictGetStr(ns, name) { return own }
                        let annotations = try newDict()
                        root(annotations); defer { unroot() }
                        try dictStoreStr(ns, name, annotations)
                        classesChanged()
                        return annotations
                    }
                }
                // A class's docstring is its own (None without one), never a base's.
                if name == s.__doc__ && builtinKind(ofClass: obj) == nil {
                    let ns = heap.slot(o, ClassSlot.namespace)
                    return ns.isObject ? dictGetStr(ns, name) ?? Value.none : Value.none
                }
                if let a = classLookup(obj, name) {
                    if a.isNativeFunction, let id = Native(rawValue: a.nativeID), id.bindsToClass {
                        return try newBoundMethod(obj, a)
                    }
                    if isType(a, .classMethod) { return try newBoundMethod(obj, heap.slot(a.objectOffset, StaticClassMethodSlot.function)) }
                    if isType(a, .staticMethod) { return heap.slot(a.objectOffset, StaticClassMethodSlot.function) }
                    if let get = try descriptorMethod(a, "__get__") { return try call(get, [a, .none, obj]) }
                    return a
                }
                if name == s.__name__ || name == s.__qualname__ { return heap.slot(o, ClassSlot.name) }
                if name == s.__mro__ { return heap.slot(o, ClassSlot.mro) }
                if name == internStatic(.__base__) {
                    let bases = heap.slot(o, ClassSlot.bases)
                    if tupleCount(bases.objectOffset) > 0 { return tupleItem(bases.objectOffset, 0) }
                    return isTypeClass(obj, .object) ? Value.none : try typeClass(.object)
                }
                if name == s.__bases__ {
                    // A class stated without bases has object's (CPython's (<class 'object'>,)).
                    let bases = heap.slot(o, ClassSlot.bases)
                    if tupleCount(bases.objectOffset) == 0 && !isTypeClass(obj, .object) && !objectBases.isNull { return objectBases }
                    return bases
                }
                // A copy, as CPython's read-only mappingproxy: the class's own
                // namespace changes only through setattr and delattr (which
                // keep classLookup's cache right).
                if name == s.__dict__ { return try dictCopy(try classNamespace(obj)) }
                if name == s.__class__ { return try typeOf(obj) }
                if name == internStatic(.mro) { return try newBoundMethod(obj, .native(Native.typeMro.rawValue)) }  // type's, as C.mro
                if isTypeClass(obj, .pin) { return pinClassConstant(name) }  // Pin.IN, Pin.OUT: constants, not heap objects
                if classKind(obj) == .object || classKind(obj) == .baseException, let id = objectDefaultMethod(name) {
                    return .native(id.rawValue)  // object.__repr__, A.__eq__: object's own
                }
                return try metaclassAttribute(obj, name)
            case .module:
                if let v = dictGetStr(heap.slot(o, ModuleSlot.dict), name) { return v }
                if obj == sysModule {  // sys's functions and values are made on first use
                    if let fn = sysNative(name) { return fn }
                    if let v = try sysValue(name) { return v }
                } else if let kind = nativeModuleKind(obj), let v = try nativeModuleAttribute(kind, name) {
                    return v  // time's and machine's too
                } else if obj == boardModule, let v = boardModuleAttribute(name) {
                    return v
                } else if heap.slot(o, ModuleSlot.dict) == builtins, let v = try builtinNamed(name) {
                    return v  // a built-in not looked up yet
                }
                if name == s.__dict__ { return heap.slot(o, ModuleSlot.dict) }
                return nil
            case .function:
                if name == s.__name__ { return heap.slot(o, FunctionSlot.name) }
                if name == internStatic(.__globals__) { return heap.slot(o, FunctionSlot.globals) }
                if name == internStatic(.__code__) { return try newCodeObject(Int(heap.slot(o, FunctionSlot.code).intValue), evaluates: false) }
                if name == s.__qualname__ { return heap.slot(o, FunctionSlot.qualname) }
                if name == internStatic(.__defaults__) { return heap.slot(o, FunctionSlot.defaults) }
                if name == internStatic(.__kwdefaults__) { return heap.slot(o, FunctionSlot.kwDefaults) }
                if name == internStatic(.__closure__) { return heap.slot(o, FunctionSlot.closure) }
                let attrs = heap.slot(o, FunctionSlot.dict)
                if name == s.__doc__ {
                    if !attrs.isNull, let d = dictGetStr(attrs, name) { return d }
                    return functionDocstring(obj)
                }
                if name == s.__module__ { return dictGetStr(heap.slot(o, FunctionSlot.globals), s.__name__) ?? Value.none }
                let d = heap.slot(o, FunctionSlot.dict)
                if !d.isNull, let v = dictGetStr(d, name) { return v }
                if name == s.__dict__ {
                    if d.isNull { heap.setSlot(o, FunctionSlot.dict, try newDict()) }
                    return heap.slot(o, FunctionSlot.dict)
                }
                if name == internStatic(.__annotations__) {  // none given: an empty dict, made once, as CPython's
                    if heap.slot(o, FunctionSlot.annotations).isNull { heap.setSlot(o, FunctionSlot.annotations, try newDict()) }
                    return heap.slot(o, FunctionSlot.annotations)
                }
            case .staticMethod, .classMethod:
                if name == internStatic(.__func__) || name == internStatic(.__wrapped__) { return heap.slot(o, StaticClassMethodSlot.function) }
            case .boundMethod:
                if name == internStatic(.__self__) { return heap.slot(o, BoundMethodSlot.receiver) }
                if name == internStatic(.__func__) { return heap.slot(o, BoundMethodSlot.function) }
                return try lookupAttribute(heap.slot(o, BoundMethodSlot.function), name)
            case .property:
                let getter = heap.slot(o, PropertySlot.getter)
                if name == internStatic(.fget) { return getter }
                if name == internStatic(.fset) { return heap.slot(o, PropertySlot.setter) }
                if name == internStatic(.fdel) { return heap.slot(o, PropertySlot.deleter) }
                if name == s.__doc__ {
                    let doc = heap.slot(o, PropertySlot.doc)
                    if !doc.isNull { return doc }
                    // The getter's, as CPython takes it; a property whose getter is a property stops
                    // there, so a chain of them is not a recursion the host pays for.
                    return getter.isNone || isType(getter, .property) ? Value.none : try lookupAttribute(getter, name) ?? Value.none
                }
            case .cell:
                if name == internStatic(.cell_contents) {
                    let v = heap.slot(o, CellSlot.contents)
                    if v.isNull { throw raise(.valueError, "Cell is empty") }
                    return v
                }
            case .generator:
                let function = heap.slot(o, GeneratorSlot.function).objectOffset
                if name == s.__name__ { return heap.slot(function, FunctionSlot.name) }
                if name == s.__qualname__ { return heap.slot(function, FunctionSlot.qualname) }
                let state = heap.slot(o, GeneratorSlot.state).intValue
                if name == internStatic(.gi_running) { return .bool(state == GeneratorState.running.rawValue) }
                if name == internStatic(.gi_suspended) { return .bool(state == GeneratorState.suspended.rawValue) }
                if name == internStatic(.gi_code) { return try newCodeObject(Int(heap.slot(o, GeneratorSlot.code).intValue), evaluates: false) }
                if name == internStatic(.gi_frame) { return state == GeneratorState.done.rawValue ? Value.none : try generatorFrame(obj) }
            case .superObject:
                let start = heap.slot(o, SuperSlot.start), target = heap.slot(o, SuperSlot.target)
                // super(M, cls) in a metaclass's method: cls is an instance of M, not a subclass.
                let classTarget = isClass(target) && isSubclass(target, start)
                let objType = classTarget ? target : try typeOf(target)
                var after = false
                for c in tupleItems(heap.slot(objType.objectOffset, ClassSlot.mro).objectOffset) {
                    if after, let a = ownClassAttribute(c, name, hash: strHash(name.objectOffset)) {
                        if classTarget {
                            if a.isNativeFunction, let id = Native(rawValue: a.nativeID), id.bindsToClass {
                                return try newBoundMethod(target, a)
                            }
                            if isType(a, .classMethod) { return try newBoundMethod(target, heap.slot(a.objectOffset, StaticClassMethodSlot.function)) }
                            if isType(a, .staticMethod) { return heap.slot(a.objectOffset, StaticClassMethodSlot.function) }
                            return a
                        }
                        return try bindAttribute(a, to: target, cls: objType)
                    }
                    if c == start { after = true }
                }
                // object's own special methods, at the end of every MRO.
                if let id = objectDefaultMethod(name) { return classTarget ? .native(id.rawValue) : try newBoundMethod(target, .native(id.rawValue)) }
                if name == s.__class__ { return try typeOf(obj) }  // the super object's own
                return nil
            case .memoryview:
                if let v = try memoryViewAttribute(obj, name) { return v }
            case .code:
                if let v = try codeObjectAttribute(obj, name) { return v }
            case .slice:
                if name == internStatic(.start) { return heap.slot(o, SliceSlot.start) }
                if name == internStatic(.stop) { return heap.slot(o, SliceSlot.stop) }
                if name == internStatic(.step) { return heap.slot(o, SliceSlot.step) }
            case .range:
                if name == internStatic(.start) { return heap.slot(o, RangeSlot.start) }
                if name == internStatic(.stop) { return heap.slot(o, RangeSlot.stop) }
                if name == internStatic(.step) { return heap.slot(o, RangeSlot.step) }
            default:
                break
            }
        }
        if obj.isNativeFunction && (name == s.__name__ || name == s.__qualname__) {
            return try newStr(nativeFunctionName(obj))
        }
        // Built-in types: methods from the type's namespace.
        let cls = try typeOf(obj)
        if let a = classLookup(cls, name) { return try bindAttribute(a, to: obj, cls: cls) }
        if name == s.__class__ { return cls }
        if isFloat(obj) || isIntegral(obj) {
            let plain = obj.isBool ? Value.smallInt(obj == .true ? 1 : 0) : obj
            if name == internStatic(.real) { return plain }
            if name == internStatic(.imag) { return isFloat(obj) ? try newFloat(0) : .smallInt(0) }
            // An int is its own fraction: numerator itself, denominator 1.
            if !isFloat(obj) && name == internStatic(.numerator) { return plain }
            if !isFloat(obj) && name == internStatic(.denominator) { return .smallInt(1) }
        }
        return nil
    }

    /// loadMethod for a with statement's `__enter__` or `__exit__`: an
    /// object without one is no context manager (TypeError, as in CPython).
    func loadSpecial(_ name: Value) throws(VMError) {
        let manager = stack[sp - 1]
        do {
            try loadMethod(name)
        } catch {
            guard isInstance(pendingException, try exceptionClassMade(.attributeError)) else { throw error }
            var missedExit = false
            if name == s.__exit__ {
                let pending = pendingException
                missedExit = (try? getAttribute(manager, s.__enter__)) != nil
                pendingException = pending
            }
            throw raise(.typeError, bytes("'") + typeName(manager) + bytes("' object does not support the context manager protocol")
                            + (missedExit ? bytes(" (missed __exit__ method)") : []))
        }
    }

    // MARK: Instance attributes cached by instruction

    /// The pair of `attrCache` entries for the instruction at `site`: two ways, so that a
    /// site that sees instances of two classes (a method a subclass inherits) keeps both,
    /// and two hot sites that fall on one set do not evict each other. Each instruction
    /// word has a pair of its own: neighbours (`a.b.c`, a load and a store) sharing one
    /// thrashed when one of them saw two classes, which came and went with where the
    /// image lay (methods 14% apart for a longer path).
    @inline(__always) func attrCacheEntry(_ site: UnsafePointer<UInt32>) -> UnsafeMutablePointer<AttrCacheEntry> {
        attrCache + Int(truncatingIfNeeded: UInt(bitPattern: site) >> 1) & lookupCacheMask & ~1
    }

    /// Where an instance's own attribute `name` is in its dict, by the site's cache entry
    /// in either way (a site that sees two classes keeps both): the entry's class, no class
    /// changed since, no attribute hooks, and the key still there.
    @inline(__always) func cachedAttributeEntry(_ obj: Value, _ name: Value, _ pair: UnsafeMutablePointer<AttrCacheEntry>,
                                                _ site: UnsafePointer<UInt32>) -> (entries: UInt32, index: Int)? {
        guard attrEpoch == pair.pointee.epoch || attrEpoch == (pair + 1).pointee.epoch, !classHooksDefined,
              obj.isObject, heap.type(obj.objectOffset) == .instance else { return nil }
        let cls = heap.slot(obj.objectOffset, InstanceSlot.klass).objectOffset
        var entry = pair
        if !(entry.pointee.site == UInt(bitPattern: site) && entry.pointee.cls == cls && entry.pointee.epoch == attrEpoch) {
            entry += 1
            guard entry.pointee.site == UInt(bitPattern: site) && entry.pointee.cls == cls && entry.pointee.epoch == attrEpoch else { return nil }
        }
        let d = heap.slot(obj.objectOffset, InstanceSlot.dict)
        let i = Int(entry.pointee.index)
        guard d.isObject, heap.type(d.objectOffset) == .dict, i < dictUsed(d) else { return nil }
        let entries = heap.slot(d.objectOffset, DictSlot.entries).objectOffset
        guard heap.slot(entries, i &* DictEntry.stride &+ DictEntry.key).raw == name.raw else { return nil }
        return (entries, i)
    }

    /// LOAD_ATTR: a cached instance attribute inline, anything else through getAttribute.
    @inline(__always) func loadAttribute(_ obj: Value, _ name: Value, site: UnsafePointer<UInt32>) throws(VMError) -> Value {
        if lookupCacheMask != 0 {
            let entry = attrCacheEntry(site)
            if let (entries, i) = cachedAttributeEntry(obj, name, entry, site) {
                return heap.slot(entries, i &* DictEntry.stride &+ DictEntry.value)
            }
            if let (entries, i) = try fillAttributeCache(obj, name, entry, site) {
                return heap.slot(entries, i &* DictEntry.stride &+ DictEntry.value)
            }
        }
        return try getAttribute(obj, name)
    }

    /// STORE_ATTR: a cached instance attribute replaced inline, anything else through setAttribute.
    @inline(__always) func storeAttribute(_ obj: Value, _ name: Value, _ value: Value, site: UnsafePointer<UInt32>) throws(VMError) {
        if lookupCacheMask != 0 {
            let entry = attrCacheEntry(site)
            if let (entries, i) = cachedAttributeEntry(obj, name, entry, site) {
                heap.setSlot(entries, i &* DictEntry.stride &+ DictEntry.value, value)
                return
            }
            try storeAttributeFilling(obj, name, value, entry, site)
            return
        }
        try setAttribute(obj, name, value)
    }

    /// STORE_ATTR's miss: an instance's own attribute is replaced or added in its dict
    /// (once, not looked for first), and the entry filled; anything else through setAttribute.
    @inline(never) func storeAttributeFilling(_ obj: Value, _ name: Value, _ value: Value, _ entry: UnsafeMutablePointer<AttrCacheEntry>,
                                              _ site: UnsafePointer<UInt32>) throws(VMError) {
        // __init__ of a fresh instance: this site put the attribute at the entry this
        // instance's dict is about to fill, for an instance of the same class, and no class
        // has changed since, so the class still has nothing of that name (cacheableInstance
        // held then): it is stored without asking the class again (mixed 3%).
        if !classHooksDefined, obj.isObject, heap.type(obj.objectOffset) == .instance {
            let cls = heap.slot(obj.objectOffset, InstanceSlot.klass).objectOffset
            let d = heap.slot(obj.objectOffset, InstanceSlot.dict)
            var way = entry
            if !(way.pointee.site == UInt(bitPattern: site) && way.pointee.cls == cls) { way += 1 }
            if way.pointee.site == UInt(bitPattern: site) && way.pointee.cls == cls && way.pointee.epoch == attrEpoch,
               d.isObject, heap.type(d.objectOffset) == .dict, Int(way.pointee.index) == dictUsed(d) {
                way.pointee.index = Int32(truncatingIfNeeded: try dictStoreStrSmall(d, name, value))
                return
            }
        }
        guard let (cls, d) = cacheableInstance(obj, name), name != internStatic(.__cause__) else {
            try setAttribute(obj, name, value)
            return
        }
        let i = try dictStoreStrAt(d, name, value)
        fillAttrCache(entry, AttrCacheEntry(site: UInt(bitPattern: site), cls: cls.objectOffset, epoch: attrEpoch, index: Int32(i)))
    }

    /// Puts `e` in its pair: in place of the entry for the same site and class, else
    /// first, the one before it kept.
    func fillAttrCache(_ pair: UnsafeMutablePointer<AttrCacheEntry>, _ e: AttrCacheEntry) {
        if pair.pointee.site == e.site && pair.pointee.cls == e.cls { pair.pointee = e; return }
        if (pair + 1).pointee.site == e.site && (pair + 1).pointee.cls == e.cls { (pair + 1).pointee = e; return }
        (pair + 1).pointee = pair.pointee
        pair.pointee = e
    }

    /// The class and dict of an instance whose attribute `name` lives in its dict alone:
    /// no attribute hooks, nothing of that name on its class (which would come first, as a
    /// descriptor, or decide how it is set), allowed by its class's slots.
    @inline(__always) func cacheableInstance(_ obj: Value, _ name: Value) -> (cls: Value, dict: Value)? {
        guard !classHooksDefined, obj.isObject, heap.type(obj.objectOffset) == .instance, name != s.__class__ else { return nil }
        let cls = heap.slot(obj.objectOffset, InstanceSlot.klass)
        let d = heap.slot(obj.objectOffset, InstanceSlot.dict)
        guard d.isObject, heap.type(d.objectOffset) == .dict, classLookup(cls, name) == nil, slotsAllow(cls, name) else { return nil }
        return (cls, d)
    }

    /// LOAD_ATTR's miss: fills the entry when `name` is an instance's own attribute
    /// (`cacheableInstance`) found in its dict; nil otherwise.
    @inline(never) func fillAttributeCache(_ obj: Value, _ name: Value, _ entry: UnsafeMutablePointer<AttrCacheEntry>,
                                           _ site: UnsafePointer<UInt32>) throws(VMError) -> (entries: UInt32, index: Int)? {
        guard let (cls, d) = cacheableInstance(obj, name) else { return nil }
        let i = dictFindStr(d, name, hash: strHash(name.objectOffset))
        guard i >= 0 else { return nil }
        fillAttrCache(entry, AttrCacheEntry(site: UInt(bitPattern: site), cls: cls.objectOffset, epoch: attrEpoch, index: Int32(i)))
        return (heap.slot(d.objectOffset, DictSlot.entries).objectOffset, i)
    }

    /// loadMethod: [obj] -> [function obj] when a plain method is found
    /// on the class, else [null attribute] (no bound method allocated).
    func loadMethod(_ name: Value) throws(VMError) {
        let obj = stack[sp - 1]
        var cls: Value = .null
        if obj.isObject {
            switch heap.type(obj.objectOffset) {
            case .instance:
                let c = heap.slot(obj.objectOffset, InstanceSlot.klass)
                var hooked = false  // __getattribute__ sees every access, methods too
                if classHooksDefined { hooked = try attributeHook(c, "__getattribute__") != nil }
                if !hooked && dictGetStr(heap.slot(obj.objectOffset, InstanceSlot.dict), name) == nil { cls = c }
            case .klass, .module, .function, .boundMethod, .superObject:
                break
            default:
                cls = try typeOf(obj)
            }
        } else {
            cls = try typeOf(obj)
        }
        if !cls.isNull, let a = classLookup(cls, name), a.isObject || a.isNativeFunction {
            if a.isNativeFunction || heap.type(a.objectOffset) == .function {
                stack[sp - 1] = a
                push(obj)
                return
            }
        }
        let v = try getAttribute(obj, name)
        stack[sp - 1] = .null
        push(v)
    }

    /// An instance's attribute stored as object.__setattr__ stores it: a
    /// property's setter, else its dict.
    func storeInstanceAttribute(_ obj: Value, _ name: Value, _ value: Value) throws(VMError) {
        let o = obj.objectOffset
        let cls = heap.slot(o, InstanceSlot.klass)
        if name == internStatic(.__cause__) && isExceptionInstance(obj) {
            // e.__cause__ = c: c or None, and the context is no longer shown (as `raise ... from`).
            guard value.isNone || isExceptionInstance(value) else { throw raise(.typeError, "exception cause must be None or derive from BaseException") }
            try dictStoreStr(heap.slot(o, InstanceSlot.dict), internStatic(.__suppress_context__), .true)
        }
        if name == s.__class__ {
            // obj.__class__ = C: a class of the same layout (a plain class, or the same built-in base).
            guard isClass(value) else { throw raiseAboutType(.typeError, "__class__ must be set to a class, not '", value, "' object") }
            if builtinKind(ofClass: value) != nil {
                throw raise(.typeError, "__class__ assignment only supported for mutable types or ModuleType subclasses")
            }
            guard classKind(value) == classKind(cls) else {
                throw raise(.typeError, bytes("__class__ assignment: '") + className(value) + bytes("' object layout differs from '")
                    + className(cls) + bytes("'"))
            }
            heap.setSlot(o, InstanceSlot.klass, value)
            classesChanged()
            return
        }
        if let a = classLookup(cls, name) {
            if isType(a, .property) {
                let setter = heap.slot(a.objectOffset, PropertySlot.setter)
                guard !setter.isNone else { throw propertyLacks(a, obj, "' object has no setter") }
                _ = try call(setter, [obj, value])
                return
            }
            if let set = try descriptorMethod(a, "__set__") {
                _ = try call(set, [a, obj, value])
                return
            }
        }
        guard slotsAllow(cls, name) else { throw attributeError(obj, name) }
        try dictStoreStr(heap.slot(o, InstanceSlot.dict), name, value)
    }

    func setAttribute(_ obj: Value, _ name: Value, _ value: Value) throws(VMError) {
        guard obj.isObject else { throw readOnlyAttribute(obj, name) }
        let o = obj.objectOffset
        switch heap.type(o) {
        case .instance:
            if classHooksDefined, let hook = try attributeHook(heap.slot(o, InstanceSlot.klass), "__setattr__") {
                _ = try call(hook, [obj, name, value])
                return
            }
            try storeInstanceAttribute(obj, name, value)
        case .klass:
            // A metaclass's own __setattr__ (its super() call comes back to storeClassAttribute).
            if let m = metaclassOf(obj), let hook = classLookup(m, internStatic(.__setattr__)), isType(hook, .function) {
                _ = try call(hook, [obj, name, value])
                return
            }
            try storeClassAttribute(obj, name, value)
        case .module:
            try dictStore(heap.slot(o, ModuleSlot.dict), name, value)
        case .function:
            if (name == s.__name__ || name == s.__qualname__) && isStr(value) {
                heap.setSlot(o, name == s.__name__ ? FunctionSlot.name : FunctionSlot.qualname, value)
                return
            }
            if name == internStatic(.__annotations__) {
                guard isType(value, .dict) else { throw raise(.typeError, "__annotations__ must be set to a dict object") }
                heap.setSlot(o, FunctionSlot.annotations, value)
                return
            }
            // New defaults are what later calls bind (a tuple or dict, or None for none).
            let defaults = name == internStatic(.__defaults__)
            if defaults || name == internStatic(.__kwdefaults__) {
                guard value.isNone || isType(value, defaults ? .tuple : .dict) else {
                    throw raise(.typeError, defaults ? "__defaults__ must be set to a tuple object" : "__kwdefaults__ must be set to a dict object")
                }
                heap.setSlot(o, defaults ? FunctionSlot.defaults : FunctionSlot.kwDefaults, value)
                return
            }
            if heap.slot(o, FunctionSlot.dict).isNull { heap.setSlot(o, FunctionSlot.dict, try newDict()) }
            try dictStore(heap.slot(o, FunctionSlot.dict), name, value)
        default:
            throw readOnlyAttribute(obj, name)
        }
    }

    /// `C.name = value` on a class itself.
    func storeClassAttribute(_ obj: Value, _ name: Value, _ value: Value) throws(VMError) {
        if builtinKind(ofClass: obj) != nil {
            throw raise(.typeError, bytes("cannot set '") + strArray(name) + bytes("' attribute of immutable type '")
                + className(obj) + bytes("'"))
        }
        if name == s.__name__ {  // the class's own name, never a subclass's
            guard isStr(value) else {
                throw raise(.typeError, bytes("can only assign string to ") + className(obj) + bytes(".__name__, not '") + typeName(value) + bytes("'"))
            }
            heap.setSlot(obj.objectOffset, ClassSlot.name, value)
            return
        }
        try dictStore(try classNamespace(obj), name, value)
        classesChanged()
        try noteAttributeHooks(heap.slot(obj.objectOffset, ClassSlot.namespace))
    }

    func readOnlyAttribute(_ obj: Value, _ name: Value) -> VMError {
        raise(.attributeError, bytes("'") + typeName(obj) + bytes("' object has no attribute '") + strArray(name) + bytes("'"))
    }

    func deleteAttribute(_ obj: Value, _ name: Value) throws(VMError) {
        if classHooksDefined, isType(obj, .instance),
           let hook = try attributeHook(heap.slot(obj.objectOffset, InstanceSlot.klass), "__delattr__") {
            _ = try call(hook, [obj, name])
            return
        }
        try removeAttribute(obj, name)
    }

    /// CPython's words for a property without a setter or deleter: named once its class has named it.
    func propertyLacks(_ property: Value, _ obj: Value, _ what: StaticString) -> VMError {
        let name = heap.slot(property.objectOffset, PropertySlot.name)
        return raise(.attributeError, bytes("property ") + (isStr(name) ? bytes("'") + strArray(name) + bytes("' ") : []) + bytes("of '")
            + typeName(obj) + bytes(what))
    }

    /// delattr without the class's hook (object.__delattr__).
    func removeAttribute(_ obj: Value, _ name: Value) throws(VMError) {
        // A property's deleter, or a descriptor's __delete__, on the instance's class.
        if isType(obj, .instance), let a = classLookup(heap.slot(obj.objectOffset, InstanceSlot.klass), name) {
            if isType(a, .property) {
                let deleter = heap.slot(a.objectOffset, PropertySlot.deleter)
                guard !deleter.isNone else { throw propertyLacks(a, obj, "' object has no deleter") }
                _ = try call(deleter, [obj])
                return
            }
            if let delete = try descriptorMethod(a, "__delete__") {
                _ = try call(delete, [a, obj])
                return
            }
        }
        var d = Value.null
        if obj.isObject {
            switch heap.type(obj.objectOffset) {
            case .instance, .module: d = heap.slot(obj.objectOffset, InstanceSlot.dict)
            case .klass: d = heap.slot(obj.objectOffset, ClassSlot.namespace); classesChanged()
            default: break
            }
        }
        guard !d.isNull, try dictRemove(d, name) != nil else {
            // A declared slot not set yet: CPython's slot descriptor names only the attribute.
            if isType(obj, .instance), case let slots = heap.slot(heap.slot(obj.objectOffset, InstanceSlot.klass).objectOffset, ClassSlot.slots),
               slots.isObject, tupleItems(slots.objectOffset).contains(where: { strEqual($0.objectOffset, name.objectOffset) }) {
                throw raise(.attributeError, strArray(name))
            }
            throw attributeError(obj, name)
        }
    }
}
