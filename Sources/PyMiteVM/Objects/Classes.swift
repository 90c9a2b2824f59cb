// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Classes, instances and the built-in type objects.
// The class and instance layouts (ClassSlot, InstanceSlot) are in Objects/Layouts.swift.

/// The built-in types; user classes record the one they derive from.
enum TypeKind: Int, CaseIterable {
    case object = 0, type, int, bool, float, str, bytes, tuple, list, dict, set, range
    case noneType, function, builtinFunction, method, module, generator, cell, iterator
    case slice, ellipsis, notImplementedType, property, staticMethod, classMethod, superType
    case baseException, bytearray, pin, uart, adc, frozenset, textStream
    case dictKeys, dictValues, dictItems  // a dict's views (iterator objects of the view kinds)
    case memoryview
    case code

    /// A mutable built-in type's `__hash__` is None, as in CPython (hasattr and dir() say it is there).
    var hashIsNone: Bool { self == .list || self == .dict || self == .set || self == .bytearray }

    /// Its Python name: the VM's own name (VMNameTable.swift) that `typeKindNameOrdinal` gives.
    var name: NameText { vmNameText(Int(typeKindNameOrdinal[rawValue])) }
}

/// The built-in exception classes, each listed after its base.
enum ExceptionKind: Int, CaseIterable {
    case baseException = 0, systemExit, keyboardInterrupt, generatorExit, exception
    case stopIteration, arithmeticError, zeroDivisionError, overflowError, assertionError
    case attributeError, importError, moduleNotFoundError, lookupError, indexError, keyError
    case memoryError, nameError, unboundLocalError, runtimeError, recursionError
    case notImplementedError, typeError, valueError, unicodeError, osError, eofError, systemError
    case unicodeDecodeError, unicodeEncodeError
    // Made only when a program names them (or OSError(errno, ...) picks one),
    // and kept in the builtins dict: `VM.exceptionClasses` has a slot for
    // each kind above, those the VM raises by itself.
    case floatingPointError, bufferError, referenceError, stopAsyncIteration
    case syntaxError, indentationError, tabError
    case fileNotFoundError, fileExistsError, permissionError, timeoutError, interruptedError
    case isADirectoryError, notADirectoryError, blockingIOError
    case connectionError, brokenPipeError, connectionAbortedError, connectionRefusedError, connectionResetError
    case warning, userWarning, deprecationWarning, pendingDeprecationWarning, runtimeWarning
    case syntaxWarning, futureWarning, importWarning, unicodeWarning, bytesWarning, resourceWarning
    case childProcessError, processLookupError, unicodeTranslateError, encodingWarning

    /// Its Python name: the VM's own name (VMNameTable.swift) that `exceptionKindNameOrdinal` gives.
    var name: NameText { vmNameText(Int(exceptionKindNameOrdinal[rawValue])) }

    var base: ExceptionKind? {
        switch self {
        case .baseException: return nil
        case .systemExit, .keyboardInterrupt, .generatorExit, .exception: return .baseException
        case .zeroDivisionError, .overflowError, .floatingPointError: return .arithmeticError
        case .indentationError: return .syntaxError
        case .tabError: return .indentationError
        case .fileNotFoundError, .fileExistsError, .permissionError, .timeoutError, .interruptedError,
             .isADirectoryError, .notADirectoryError, .blockingIOError, .connectionError, .childProcessError, .processLookupError:
            return .osError
        case .brokenPipeError, .connectionAbortedError, .connectionRefusedError, .connectionResetError: return .connectionError
        case .userWarning, .deprecationWarning, .pendingDeprecationWarning, .runtimeWarning, .syntaxWarning,
             .futureWarning, .importWarning, .unicodeWarning, .bytesWarning, .resourceWarning, .encodingWarning:
            return .warning
        case .moduleNotFoundError: return .importError
        case .indexError, .keyError: return .lookupError
        case .unboundLocalError: return .nameError
        case .recursionError, .notImplementedError: return .runtimeError
        case .unicodeError: return .valueError
        case .unicodeDecodeError, .unicodeEncodeError, .unicodeTranslateError: return .unicodeError
        default: return .exception
        }
    }
}

extension VM {
    // MARK: Types of values

    /// A built-in type's class object. Only `object` and `type` exist from
    /// the start; the others are made the first time a program needs them
    /// (MemoryError when there is no room for one), so a small board pays
    /// only for the types its program uses.
    @inline(__always) func typeClass(_ k: TypeKind) throws(VMError) -> Value {
        let c = typeClasses[k.rawValue]
        return c.isNull ? try newTypeClass(k) : c
    }

    /// Whether `cls` is built-in type `k`'s class (never makes it).
    @inline(__always) func isTypeClass(_ cls: Value, _ k: TypeKind) -> Bool {
        !cls.isNull && typeClasses[k.rawValue] == cls
    }

    /// The class object of built-in type `k`, stored in `typeClasses`.
    func newTypeClass(_ k: TypeKind) throws(VMError) -> Value {
        if k == .baseException {
            let cls = try exceptionClassMade(.baseException)
            typeClasses[k.rawValue] = cls
            return cls
        }
        let bases: Value
        switch k {
        case .object: bases = try newTuple(0)
        case .bool: bases = try newTuple([try typeClass(.int)])  // bool derives from int
        default:
            if objectBases.isNull { objectBases = try newTuple([try typeClass(.object)]) }
            bases = objectBases
        }
        let cls = try newClassRaw(name: try internName(k.name), bases: bases, namespace: .null, kind: k)
        if k == .bool {
            heap.setSlot(cls.objectOffset, ClassSlot.mro, try newTuple([cls, try typeClass(.int), try typeClass(.object)]))
        }
        // object() has no __dict__: no attribute may be set on it (as `__slots__ = ()`).
        if k == .object { heap.setSlot(cls.objectOffset, ClassSlot.slots, try newTuple(0)) }
        typeClasses[k.rawValue] = cls
        return cls
    }

    /// The built-in type of `v`, or nil for an instance (its class is in InstanceSlot.klass).
    func typeKind(of v: Value) -> TypeKind? {
        if v.isInt { return .int }
        if !v.isObject {
            if v.isNativeFunction { return .builtinFunction }
            switch v.raw {
            case Value.true.raw, Value.false.raw: return .bool
            case Value.ellipsis.raw: return .ellipsis
            case Value.notImplemented.raw: return .notImplementedType
            default: return .noneType
            }
        }
        switch heap.type(v.objectOffset) {
        case .instance: return nil
        case .klass: return .type
        case .float: return .float
        case .longInt, .boxedInt: return .int
        case .str: return .str
        case .bytes: return .bytes
        case .bytearray: return .bytearray
        case .tuple: return .tuple
        case .list: return .list
        case .dict: return .dict
        case .set: return .set
        case .frozenset: return .frozenset
        case .memoryview: return .memoryview
        case .code: return .code
        case .range: return .range
        case .function: return .function
        case .boundMethod:  // a built-in's method ("a".split) is a builtin_function_or_method, as in CPython
            return heap.slot(v.objectOffset, BoundMethodSlot.function).isNativeFunction ? .builtinFunction : .method
        case .module: return .module
        case .generator: return .generator
        case .cell: return .cell
        case .slice: return .slice
        case .property: return .property
        case .staticMethod: return .staticMethod
        case .classMethod: return .classMethod
        case .superObject: return .superType
        case .pin: return .pin
        case .uart: return .uart
        case .adc: return .adc
        default:
            switch iteratorKind(v) {
            case .keysView: return .dictKeys
            case .valuesView: return .dictValues
            case .itemsView: return .dictItems
            default: return .iterator
            }
        }
    }

    @inline(__always) func typeOf(_ v: Value) throws(VMError) -> Value {
        guard let k = typeKind(of: v) else { return heap.slot(v.objectOffset, InstanceSlot.klass) }
        if k == .type { return try metaclassOrType(v) }
        if k == .iterator { return try iteratorClass(v) }
        return try typeClass(k)
    }

    /// type(C) for a class: its metaclass, or type (kept out of typeOf, which most values pass through).
    @inline(never) func metaclassOrType(_ cls: Value) throws(VMError) -> Value {
        if let m = metaclassOf(cls) { return m }
        return try typeClass(.type)
    }

    /// The type's name as bytes, for messages.
    func typeName(_ v: Value) -> [UInt8] {
        guard let k = typeKind(of: v) else { return className(heap.slot(v.objectOffset, InstanceSlot.klass)) }
        return k == .iterator ? bytes(iteratorTypeName(v)) : bytes(k.name)
    }
    func className(_ cls: Value) -> [UInt8] { strArray(heap.slot(cls.objectOffset, ClassSlot.name)) }

    @inline(__always) func isType(_ v: Value, _ t: ObjType) -> Bool {
        v.isObject && heap.type(v.objectOffset) == t
    }
    @inline(__always) func isStr(_ v: Value) -> Bool { isType(v, .str) }
    @inline(__always) func isClass(_ v: Value) -> Bool { isType(v, .klass) }
    @inline(__always) func classKind(_ cls: Value) -> TypeKind {
        TypeKind(rawValue: Int(heap.slot(cls.objectOffset, ClassSlot.kind).intValue)) ?? .object
    }

    // MARK: Classes

    /// Creates a class; computes its MRO with the C3 rule.
    func newClass(name: Value, bases: Value, namespace: Value) throws(VMError) -> Value {
        var baseList: [Value] = []
        for b in tupleItems(bases.objectOffset) {
            guard isClass(b) else {
                throw raise(.typeError, "bases must be classes")
            }
            baseList.append(b)
        }
        if baseList.isEmpty { baseList.append(try typeClass(.object)) }
        var kind = TypeKind.object
        for b in baseList where classKind(b) != .object {
            if let k = builtinKind(ofClass: b), !k.isAcceptableBase {
                throw raise(.typeError, bytes("type '") + className(b) + bytes("' is not an acceptable base type"))
            }
            if kind != .object && classKind(b) != kind {
                throw raise(.typeError, "multiple bases have instance lay-out conflict")
            }
            kind = classKind(b)
        }
        // A class that defines __eq__ but not __hash__ is unhashable.
        if dictGetStr(namespace, s.__eq__) != nil && dictGetStr(namespace, s.__hash__) == nil {
            try dictStore(namespace, s.__hash__, .none)
        }
        // __init_subclass__ is a class method without saying so, as in type().
        let initSubclass = internStatic(.__init_subclass__)
        if let f = dictGetStr(namespace, initSubclass), isType(f, .function) {
            let o = try allocSlots(.classMethod, StaticClassMethodSlot.slotCount)
            heap.setSlot(o, StaticClassMethodSlot.function, f)
            try dictStore(namespace, initSubclass, .object(o))
        }
        let cls = try allocClass(name: name, bases: bases, namespace: namespace, kind: kind)
        try noteAttributeHooks(namespace)
        let o = cls.objectOffset
        for (i, b) in baseList.enumerated() where baseList[..<i].contains(b) {
            throw raise(.typeError, bytes("duplicate base class ") + className(b))
        }
        // C3: merge the bases' MROs and the list of bases.
        var sequences: [[Value]] = []
        for b in baseList { sequences.append(Array(tupleItems(heap.slot(b.objectOffset, ClassSlot.mro).objectOffset))) }
        sequences.append(baseList)
        var mro: [Value] = [cls]
        while true {
            // filter, not removeAll(where:): the stdlib's swaps in removeAll left a bounds
            // check that some compiles removed and others kept (see the heads below).
            sequences = sequences.filter { !$0.isEmpty }
            if sequences.isEmpty { break }
            var candidate: Value? = nil
            // Heads by `first`, not `[0]`: no bounds check for the optimizer to prove
            // redundant, which it did in some compiles of the same sources and not in
            // others (two firmwares, and `verify --rebuild` a difference).
            for seq in sequences {
                guard let head = seq.first else { continue }
                var inTail = false
                for other in sequences where other.count > 1 {
                    if other[1...].contains(head) { inTail = true; break }
                }
                if !inTail { candidate = head; break }
            }
            guard let next = candidate else {
                // CPython names the classes each remaining list starts with.
                var heads: [Value] = []
                for seq in sequences { if let head = seq.first, !heads.contains(head) { heads.append(head) } }
                var m = bytes("Cannot create a consistent method resolution\norder (MRO) for bases ")
                for (i, h) in heads.enumerated() { m += (i > 0 ? bytes(", ") : []) + className(h) }
                throw raise(.typeError, m)
            }
            mro.append(next)
            for i in 0..<sequences.count where sequences[i].first == next { sequences[i].removeFirst() }
        }
        heap.setSlot(o, ClassSlot.mro, try newTuple(mro))
        try callSetName(cls, namespace)
        return cls
    }

    /// `__set_name__(owner, name)` of each attribute that has one, as type()
    /// calls it when a class is made (names gathered first: the calls may
    /// change the namespace).
    func callSetName(_ cls: Value, _ namespace: Value) throws(VMError) {
        var named: [(Value, Value)] = []
        try dictForEach(namespace) { (k, v) throws(VMError) in
            if isType(v, .property) && isStr(k) { heap.setSlot(v.objectOffset, PropertySlot.name, k) }  // property's own __set_name__
            if classHooksOn && isType(v, .instance) { named.append((k, v)) }
        }
        if named.isEmpty { return }
        root(cls); defer { unroot() }
        for (k, v) in named {
            root(k, v); defer { unroot(2) }
            if let setName = try descriptorMethod(v, "__set_name__") { _ = try call(setName, [v, cls, k]) }
        }
    }

    /// The first `__init_subclass__` after `cls` in its MRO, called with the class
    /// statement's keywords (a dict, or null for none), as type() does once the class is
    /// made; object's takes no keywords.
    func callInitSubclass(_ cls: Value, keywords: Value) throws(VMError) {
        guard classHooksOn else { return }  // no class defines __init_subclass__ or takes keywords
        let name = internStatic(.__init_subclass__)
        var hook: Value? = nil
        for c in tupleItems(heap.slot(cls.objectOffset, ClassSlot.mro).objectOffset).dropFirst() {
            let ns = heap.slot(c.objectOffset, ClassSlot.namespace)
            if !ns.isNull, let f = dictGetStr(ns, name) { hook = f; break }
        }
        let count = keywords.isNull ? 0 : dictCount(keywords)
        guard let hook else {
            if count == 0 { return }
            throw initSubclassTakesNoKeywords(cls)
        }
        let bound = try bindAttribute(hook, to: cls, cls: cls)
        root(bound); defer { unroot() }
        var names: [Value] = [], values: [Value] = []
        if count > 0 {
            try dictForEach(keywords) { (k, v) throws(VMError) in names.append(k); values.append(v) }
        }
        let kwnames = names.isEmpty ? Value.null : try newTuple(names)
        if !kwnames.isNull { root(kwnames) }
        defer { if !kwnames.isNull { unroot() } }
        _ = try call(bound, values, kwnames: kwnames)
    }

    /// object.__init_subclass__ given keywords (`cls` names the class being made).
    func initSubclassTakesNoKeywords(_ cls: Value) -> VMError {
        let name = isClass(cls) ? bytes(strBuffer(heap.slot(cls.objectOffset, ClassSlot.name))) : typeName(cls)
        return raise(.typeError, name + bytes(".__init_subclass__() takes no keyword arguments"))
    }

    /// A class object without its MRO (ClassSlot.mro), which the caller sets.
    func allocClass(name: Value, bases: Value, namespace: Value, kind: TypeKind) throws(VMError) -> Value {
        let o = try allocSlots(.klass, ClassSlot.slotCount)
        heap.setSlot(o, ClassSlot.name, name)
        heap.setSlot(o, ClassSlot.bases, bases)
        heap.setSlot(o, ClassSlot.namespace, namespace)
        heap.setSlot(o, ClassSlot.kind, .smallInt(kind.rawValue))
        return .object(o)
    }

    /// Looks `name` (an interned str) up along the class's MRO.
    /// The attribute `name` of a class through its MRO; the answers are
    /// cached (`lookupCache`), since every instance attribute read asks
    /// the class first (a property wins over the instance's dict).
    func classLookup(_ cls: Value, _ name: Value) -> Value? {
        guard lookupCacheMask != 0 else { return classLookupUncached(cls, name) }
        // Two ways per set: two hot (class, name) pairs that hash alike do not
        // evict each other (a program's speed no longer hangs on where its names lie).
        let c = cls.objectOffset, n = name.objectOffset
        let entry = lookupCache + Int((c >> 3 ^ n >> 2 ^ n >> 9) & UInt32(truncatingIfNeeded: lookupCacheMask) & ~1)
        if entry.pointee.epoch == lookupEpoch && entry.pointee.cls == c && entry.pointee.name == n {
            let v = entry.pointee.value
            return v.isNull ? nil : v
        }
        let other = entry + 1
        if other.pointee.epoch == lookupEpoch && other.pointee.cls == c && other.pointee.name == n {
            let v = other.pointee.value
            return v.isNull ? nil : v
        }
        let v = classLookupUncached(cls, name)
        other.pointee = entry.pointee  // the newest first, the one before it kept
        entry.pointee = LookupCacheEntry(cls: c, name: n, epoch: lookupEpoch, value: v ?? .null)
        return v
    }

    /// A change to a class's namespace: the cached lookups no longer hold.
    @inline(__always) func classesChanged() {
        lookupEpoch &+= 1
        if lookupEpoch == 0 { lookupEpoch = 1 }  // 0 marks an empty entry
        attrCacheChanged()
    }

    @inline(__always) func attrCacheChanged() {
        attrEpoch &+= 1
        if attrEpoch == 0 { attrEpoch = 1 }
    }

    func classLookupUncached(_ cls: Value, _ name: Value) -> Value? {
        let mro = heap.slot(cls.objectOffset, ClassSlot.mro)
        let h = strHash(name.objectOffset)
        for c in tupleItems(mro.objectOffset) {
            if let v = ownClassAttribute(c, name, hash: h) { return v }
        }
        return nil
    }

    func isSubclass(_ cls: Value, _ base: Value) -> Bool {
        if cls == base { return true }
        guard isClass(cls) else { return false }
        for c in tupleItems(heap.slot(cls.objectOffset, ClassSlot.mro).objectOffset) where c == base { return true }
        return false
    }

    func isInstance(_ v: Value, _ cls: Value) -> Bool {
        guard let k = typeKind(of: v) else { return isSubclass(heap.slot(v.objectOffset, InstanceSlot.klass), cls) }
        if k == .type, let m = metaclassOf(v) { return isSubclass(m, cls) }
        // An iterator's class is the one named for its kind (made once), under iterator.
        if k == .iterator && isClass(cls) && classKind(cls) == .iterator && !isTypeClass(cls, .iterator) {
            return sameText(strBuffer(heap.slot(cls.objectOffset, ClassSlot.name)), iteratorTypeName(v))
        }
        // A built-in type's MRO is (type, object), bool's (bool, int, object).
        return isTypeClass(cls, k) || isTypeClass(cls, .object) || (k == .bool && isTypeClass(cls, .int))
    }

    // MARK: Instances

    func newInstance(_ cls: Value) throws(VMError) -> Value {
        let o = try allocSlots(.instance, InstanceSlot.slotCount)
        heap.setSlot(o, InstanceSlot.klass, cls)
        // As big as the class's last instance needed: no growing while __init__ sets them.
        let size = heap.slot(cls.objectOffset, ClassSlot.instanceSize)
        let d = try newDict(capacity: size.isInt ? Int(size.intValue) : 0)
        heap.setSlot(o, InstanceSlot.dict, d)
        return .object(o)
    }

    @inline(__always) func instanceDict(_ v: Value) -> Value { heap.slot(v.objectOffset, InstanceSlot.dict) }

    /// After __init__: how many attributes the instance has, for the next one's dict.
    func noteInstanceSize(_ inst: Value) {
        guard isType(inst, .instance) else { return }
        let n = dictCount(instanceDict(inst))
        if n > 0 && n <= 64 { heap.setSlot(heap.slot(inst.objectOffset, InstanceSlot.klass).objectOffset, ClassSlot.instanceSize, .smallInt(n)) }
    }

    func isExceptionInstance(_ v: Value) -> Bool {
        isType(v, .instance) && classKind(heap.slot(v.objectOffset, InstanceSlot.klass)) == .baseException
    }

    /// The class if made already (else null): enough to test an exception, as none of an unmade class exists.
    @inline(__always) func exceptionClass(_ k: ExceptionKind) -> Value { exceptionClasses[k.rawValue] }

    /// The kinds `exceptionClasses` holds: those the VM raises by itself.
    static let tabledExceptionKinds = ExceptionKind.floatingPointError.rawValue

    /// A new exception instance of a built-in kind with the given args.
    func newException(_ k: ExceptionKind, args: [Value]) throws(VMError) -> Value {
        let e = try newInstance(try exceptionClassMade(k))
        try setExceptionArgs(e, try newTuple(args))
        return e
    }

    /// The OSError subclass CPython makes for `errno` (Linux's numbers), if any.
    func osErrorSubclass(errno: Value) throws(VMError) -> Value? {
        guard let n = intOf(errno) else { return nil }
        let kind: ExceptionKind
        switch n {
        case 1, 13: kind = .permissionError
        case 2: kind = .fileNotFoundError
        case 3: kind = .processLookupError
        case 10: kind = .childProcessError
        case 4: kind = .interruptedError
        case 11, 114, 115: kind = .blockingIOError
        case 17: kind = .fileExistsError
        case 20: kind = .notADirectoryError
        case 21: kind = .isADirectoryError
        case 32, 108: kind = .brokenPipeError
        case 103: kind = .connectionAbortedError
        case 104: kind = .connectionResetError
        case 110: kind = .timeoutError
        case 111: kind = .connectionRefusedError
        default: return nil
        }
        return try exceptionClassMade(kind)
    }

    /// Sets `args`, and the attributes some exceptions derive from it
    /// (SystemExit.code, StopIteration.value, OSError's errno, strerror and filename).
    func setExceptionArgs(_ e: Value, _ args: Value) throws(VMError) {
        let d = instanceDict(e)
        try dictStore(d, s.args, args)
        let cls = heap.slot(e.objectOffset, InstanceSlot.klass)
        let count = tupleCount(args.objectOffset)
        let first: Value = count > 0 ? tupleItem(args.objectOffset, 0) : .none
        if isSubclass(cls, exceptionClass(.osError)) {
            // (errno, strerror[, filename[, winerror[, filename2]]]): args keeps the first two.
            let described = count >= 2 && count <= 5
            try dictStore(d, internStatic(.errno), described ? first : .none)
            try dictStore(d, internStatic(.strerror), described ? tupleItem(args.objectOffset, 1) : .none)
            try dictStore(d, internStatic(.filename), described && count >= 3 ? tupleItem(args.objectOffset, 2) : .none)
            try dictStore(d, internStatic(.filename2), described && count == 5 ? tupleItem(args.objectOffset, 4) : .none)
            if described && count >= 3 {
                try dictStore(d, s.args, try newTuple([first, tupleItem(args.objectOffset, 1)]))
            }
        } else if count == 5 && (isSubclass(cls, exceptionClass(.unicodeDecodeError)) || isSubclass(cls, exceptionClass(.unicodeEncodeError))) {
            // (encoding, object, start, end, reason), as a codec gives them.
            for (i, field) in ["encoding", "object", "start", "end", "reason"].enumerated() as EnumeratedSequence<[StaticString]> {
                try dictStore(d, try internName(field), tupleItem(args.objectOffset, i))
            }
        } else if isSubclass(cls, exceptionClass(.systemExit)) {
            try dictStore(d, internStatic(.code), tupleCount(args.objectOffset) > 1 ? args : first)
        } else if isSubclass(cls, exceptionClass(.stopIteration)) {
            try dictStore(d, s.value, first)
        } else if let syntax = dictGetStr(builtins, internStatic(.SyntaxError)), isClass(syntax), isSubclass(cls, syntax) {
            // SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])).
            let details: Value = count == 2 ? tupleItem(args.objectOffset, 1) : .none
            let n = isType(details, .tuple) ? tupleCount(details.objectOffset) : 0
            if count == 2 && !(n >= 4 && n <= 6) {
                guard isType(details, .tuple) else { throw notIterable(details) }
                throw raise(.typeError, bytes(n < 4 ? "function takes at least 4 arguments (" : "function takes at most 6 arguments (")
                    + decimal(n) + bytes(" given)"))
            }
            try dictStore(d, internStatic(.msg), first)
            for (i, field) in ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].enumerated() as EnumeratedSequence<[StaticString]> {
                try dictStore(d, try internName(field), i < n ? tupleItem(details.objectOffset, i) : .none)
            }
        }
    }

    // The VM's own messages. These three are inlined where they are called
    // (`@_transparent`), so that a build without `error_messages` drops each
    // site's text and the code that builds it: the exception keeps its kind.

    /// Sets the pending exception to a new `kind` with `message`; returns the error to throw.
    @_transparent
    func raise(_ kind: ExceptionKind, _ message: StaticString) -> VMError {
        BuiltFeatures.errorMessages ? raiseStaticMessage(kind, message) : raiseBare(kind)
    }

    /// raise(kind, message), the message built only where messages are kept.
    @_transparent
    func raise(_ kind: ExceptionKind, _ message: @autoclosure () -> [UInt8]) -> VMError {
        BuiltFeatures.errorMessages ? raiseMessage(kind, message()) : raiseBare(kind)
    }

    /// raise(kind, before + the type name of `v` + after): one copy of the many messages of this shape.
    @_transparent
    func raiseAboutType(_ kind: ExceptionKind, _ before: StaticString, _ v: Value, _ after: StaticString) -> VMError {
        BuiltFeatures.errorMessages ? raiseMessageAboutType(kind, before, v, after) : raiseBare(kind)
    }

    @inline(never)
    func raiseMessageAboutType(_ kind: ExceptionKind, _ before: StaticString, _ v: Value, _ after: StaticString) -> VMError {
        raiseMessage(kind, bytes(before) + typeName(v) + bytes(after))
    }

    @inline(never)
    func raiseStaticMessage(_ kind: ExceptionKind, _ message: StaticString) -> VMError { raiseMessage(kind, bytes(message)) }

    /// The message, unless this run leaves messages out (the host running as such a board).
    @inline(never)
    func raiseMessage(_ kind: ExceptionKind, _ message: [UInt8]) -> VMError {
        config.errorMessages ? raiseText(kind, message) : raiseBare(kind)
    }

    /// Raises `kind` with `message` whatever the switch: for the few messages a board keeps.
    @inline(never)
    func raiseText(_ kind: ExceptionKind, _ message: [UInt8]) -> VMError {
        do {
            let m = try newStr(message)
            pendingException = try newException(kind, args: [m])
        } catch {
            pendingException = memoryErrorInstance
        }
        return .exception
    }

    /// The exception without a message, as `raise ValueError` makes it (PyMite's exceptions had none).
    @inline(never)
    func raiseBare(_ kind: ExceptionKind) -> VMError {
        do { pendingException = try newException(kind, args: []) } catch { pendingException = memoryErrorInstance }
        return .exception
    }

    func raiseValue(_ kind: ExceptionKind, _ arg: Value) -> VMError {
        do { pendingException = try newException(kind, args: [arg]) } catch { pendingException = memoryErrorInstance }
        return .exception
    }

    func exceptionArgs(_ e: Value) -> Value? {
        guard isType(e, .instance) else { return nil }
        guard let a = dictGetStr(instanceDict(e), s.args), isType(a, .tuple) else { return nil }
        return a
    }
}
