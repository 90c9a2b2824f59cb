// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Built-in functions, methods of the built-in types, the sys functions and
// the built-in exception classes are found by name in the static tables
// (Natives.swift, Classes.swift) instead of being stored in the heap at
// start, so a board's heap begins nearly empty: PyMite kept its built-ins
// in flash for the same reason. The first lookup of a name caches it in
// the namespace dict it belongs to (builtins, the type's, sys's), so later
// lookups are the same dict probe as before; a full heap skips the cache.

extension VM {
    /// Groups of `nativeOrder`: one per TypeKind (its methods), then these two.
    static let builtinsGroup = TypeKind.allCases.count
    static let sysGroup = TypeKind.allCases.count + 1
    /// time's and machine's functions, after sys's.
    static func moduleGroup(_ m: NativeModule) -> Int { sysGroup + 1 + m.rawValue }
    /// The built-in types' special methods (`slotSupported` says which type has which).
    static let slotGroup = sysGroup + 1 + NativeModule.allCases.count
    static let groupCount = slotGroup + 1

    /// The group (and a second one) a native is listed in by NativeIndexTable.swift.
    static func groups(of id: Native) -> (Int, Int?) {
        switch id.home {
        case .builtins: return (builtinsGroup, nil)
        case .sys: return (sysGroup, nil)
        case .module(let m): return (moduleGroup(m), nil)
        case .exception: return (TypeKind.baseException.rawValue, nil)
        case .slot: return (slotGroup, nil)
        case .type(let kind):
            // bytes shares str's code; bytearray has bytes.fromhex too.
            if id.sharedWithBytes { return (kind.rawValue, TypeKind.bytes.rawValue) }
            if id == .bytesFromhex { return (kind.rawValue, TypeKind.bytearray.rawValue) }
            if id.sharedWithFrozenset { return (kind.rawValue, TypeKind.frozenset.rawValue) }
            if id == .iteratorNextMethod || id == .iteratorIterMethod { return (kind.rawValue, TypeKind.generator.rawValue) }
            return (kind.rawValue, nil)
        }
    }

    /// The native of `group` whose Python name is the str `name`.
    func nativeNamed(_ name: Value, group: Int) -> Native? {
        guard isStr(name) else { return nil }
        let text = strBuffer(name)
        for i in Int(nativeGroupStart[group])..<Int(nativeGroupStart[group + 1]) {
            let id = Native(rawValue: Int(nativeOrder[i]))!
            if sameText(text, nativeName(id)) { return id }
        }
        return nil
    }

    /// The natives of `group`, for dir().
    func nativeNames(group: Int) -> [NameText] {
        (Int(nativeGroupStart[group])..<Int(nativeGroupStart[group + 1])).map { nativeName(Native(rawValue: Int(nativeOrder[$0]))!) }
    }

    /// The special methods built-in type `kind` has as attributes, for dir().
    func slotNames(of kind: TypeKind) -> [NameText] {
        guard specialMethodsOn else { return [] }
        return (Int(nativeGroupStart[VM.slotGroup])..<Int(nativeGroupStart[VM.slotGroup + 1]))
            .map { Native(rawValue: Int(nativeOrder[$0]))! }.filter { VM.slotSupported($0, kind) }.map(nativeName)
    }

    /// The TypeKind whose built-in class `c` is, or nil for any other class.
    func builtinKind(ofClass c: Value) -> TypeKind? {
        let k = heap.slot(c.objectOffset, ClassSlot.kind)
        // list_iterator and its kin (iteratorClass) are iterator's type under other names.
        guard k.isInt, let kind = TypeKind(rawValue: Int(k.intValue)), typeClasses[kind.rawValue] == c || kind == .iterator else { return nil }
        return kind
    }

    /// `name` in class `c`'s own namespace; for a built-in type, also its
    /// natives (cached in the namespace on first use).
    func ownClassAttribute(_ c: Value, _ name: Value, hash: Int64) -> Value? {
        let ns = heap.slot(c.objectOffset, ClassSlot.namespace)
        if !ns.isNull, let v = dictLookup(ns, name, hash: hash) { return v }
        // The group's hash bits turn most misses away without a scan (user
        // classes end in `object`, which has one method).
        guard let kind = builtinKind(ofClass: c) else { return nil }
        let bit = UInt64(1) << UInt64(hash & 63)
        var found: Native? = nil
        if nativeGroupHashBits[kind.rawValue] & bit != 0 { found = nativeNamed(name, group: kind.rawValue) }
        // bytearray has bytes' str-like methods too (run on a bytes copy, see `callMethod`).
        if found == nil && kind == .bytearray && nativeGroupHashBits[TypeKind.bytes.rawValue] & bit != 0,
           let id = nativeNamed(name, group: TypeKind.bytes.rawValue), id.sharedWithBytes {
            found = id
        }
        // The special methods of the types that have them (Objects/SlotMethods.swift); none on object.
        if found == nil && specialMethodsOn && kind != .object && nativeGroupHashBits[VM.slotGroup] & bit != 0,
           let id = nativeNamed(name, group: VM.slotGroup), VM.slotSupported(id, kind) {
            found = id
        }
        if found == nil && name == s.__hash__ && kind.hashIsNone {
            return Value.none
        }
        guard let id = found else { return nil }
        let fn = Value.native(id.rawValue)
        let pending = pendingException  // a full heap only skips the cache (see `cache`)
        do { try dictStore(try classNamespace(c), name, fn) } catch { pendingException = pending }
        return fn
    }

    /// A class's namespace dict; a built-in type gets its (empty at start) dict on first need.
    func classNamespace(_ c: Value) throws(VMError) -> Value {
        let ns = heap.slot(c.objectOffset, ClassSlot.namespace)
        if !ns.isNull { return ns }
        let d = try newDict()
        heap.setSlot(c.objectOffset, ClassSlot.namespace, d)
        return d
    }

    /// `__module__` from a class's own namespace, if it has one.
    func classModule(_ c: Value) -> Value? {
        let ns = heap.slot(c.objectOffset, ClassSlot.namespace)
        guard !ns.isNull, let m = dictGetStr(ns, s.__module__), isStr(m) else { return nil }
        return m
    }

    /// A sys function by name (cached in sys's namespace on first use).
    func sysNative(_ name: Value) -> Value? {
        guard let id = nativeNamed(name, group: VM.sysGroup) else { return nil }
        let fn = Value.native(id.rawValue)
        cache(fn, as: name, in: heap.slot(sysModule.objectOffset, ModuleSlot.dict))
        return fn
    }

    /// A name of the builtins module that is not in its dict yet: a built-in
    /// function, type or exception class, Ellipsis or NotImplemented.
    func builtinNamed(_ name: Value) throws(VMError) -> Value? {
        guard isStr(name) else { return nil }
        var found: Value? = nil
        if let id = nativeNamed(name, group: VM.builtinsGroup) {
            found = VM.iteratorMakers.contains(id) ? try iteratorClass(named: try internName(nativeName(id))) : .native(id.rawValue)
        } else {
            let text = strBuffer(name)
            if let kind = VM.builtinTypeNames.first(where: { sameText(text, $0.name) }), typeIsBuilt(kind) {
                found = try typeClass(kind)
            } else if let kind = ExceptionKind.allCases.first(where: { sameText(text, $0.name) }) {
                found = try exceptionClassMade(kind)
            } else if sameText(text, "IOError") || sameText(text, "EnvironmentError") {
                found = try exceptionClassMade(.osError)  // CPython's other names for OSError
            } else if sameText(text, "Ellipsis") {
                found = .ellipsis
            } else if sameText(text, "NotImplemented") {
                found = .notImplemented
            }
        }
        if let found { cache(found, as: name, in: builtins) }
        return found
    }

    /// Whether this build or run has the built-in type: a board's recipe can leave some out.
    func typeIsBuilt(_ kind: TypeKind) -> Bool {
        switch kind {
        case .bytearray: return byteArraysOn
        case .set, .frozenset: return setsOn
        case .memoryview: return memoryViewsOn
        default: return true
        }
    }

    /// The built-in types the builtins module names.
    static let builtinTypeNames: [TypeKind] = [
        .int, .float, .str, .bool, .list, .tuple, .dict, .set, .range, .object, .type,
        .bytes, .bytearray, .slice, .staticMethod, .classMethod, .property, .superType, .frozenset,
        .memoryview,
    ]

    /// The class of a built-in exception, made with its bases on first use:
    /// a program that never meets a KeyError spends no heap on it.
    func exceptionClassMade(_ kind: ExceptionKind) throws(VMError) -> Value {
        let tabled = kind.rawValue < VM.tabledExceptionKinds
        let name = try internName(kind.name)
        if tabled {
            let existing = exceptionClasses[kind.rawValue]
            if !existing.isNull { return existing }
        } else if let existing = dictGetStr(builtins, name), isClass(existing) {
            return existing
        }
        var base = try typeClass(.object)
        if let b = kind.base { base = try exceptionClassMade(b) }
        let cls = try newClass(name: name, bases: try newTuple([base]), namespace: try newDict())
        heap.setSlot(cls.objectOffset, ClassSlot.kind, .smallInt(TypeKind.baseException.rawValue))
        if tabled {
            exceptionClasses[kind.rawValue] = cls
        } else {
            root(cls); defer { unroot() }
            try dictStore(builtins, name, cls)  // its one home: a second class of that name would not match the first
        }
        return cls
    }

    /// Stores a found built-in in `dict` unless the heap is full (then the
    /// next lookup finds it in the tables again); never raises.
    func cache(_ value: Value, as name: Value, in dict: Value) {
        let pending = pendingException
        do { try dictStore(dict, name, value) } catch { pendingException = pending }
    }

    func sameText(_ text: UnsafeBufferPointer<UInt8>, _ s: NameText) -> Bool {
        guard text.count == s.count else { return false }
        for i in 0..<s.count where text[i] != s[i] { return false }
        return true
    }

    func sameText(_ text: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        let n = s.utf8CodeUnitCount
        guard text.count == n else { return false }
        let p = s.utf8Start
        for i in 0..<n where text[i] != p[i] { return false }
        return true
    }
}
