// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// The sys module: made on first import, its values made when first read,
// its functions (`sys.exit`, `sys.heap`, ...).

extension VM {
    /// The sys module, made when a program first imports it (a program
    /// without `import sys` does not pay for it). Its other values are made
    /// when first read (`sysValue`), as its functions are (`sysNative`).
    func makeSysModule() throws(VMError) -> Value {
        func name(_ n: VMName) throws(VMError) -> Value { try internName(n) }
        let sys = try newModule(try name(.sys))
        root(sys); defer { unroot() }
        let d = heap.slot(sys.objectOffset, ModuleSlot.dict)
        let argv = try newList()
        try dictStore(d, try name(.argv), argv)
        for a in config.argv { try listAppend(argv, try newStr(a)) }
        try dictStore(d, try name(.modules), modules)
        try dictStore(modules, try name(.sys), sys)
        sysModule = sys
        return sys
    }

    /// A sys value by name, made and cached in sys's namespace when first read.
    func sysValue(_ name: Value) throws(VMError) -> Value? {
        let text = strBuffer(name)
        guard let kind = SysValue.allCases.first(where: { sameText(text, $0.name) }) else { return nil }
        let value: Value
        switch kind {
        case .maxsize:
            // CPython's 64-bit value where long ints exist, else the largest int (a boxed one on a 32-bit board).
            value = longIntsOn ? try intResult(BigInt(Int64.max)) : try newInt(BuiltFeatures.boxedInts ? Int64(Int32.max) : Value.smallIntMax)
        case .path:
            // sys.path[0] is the main program's folder, as in CPython.
            value = try newList()
            root(value); defer { unroot() }
            if let script = config.argv.first {
                let folder = script.lastIndex(of: UInt8(ascii: "/")).map { Array(script[..<$0]) } ?? []
                try listAppend(value, try newStr(folder.isEmpty ? bytes(".") : folder))
            }
        case .platform: value = try newStr("p14p")
        case .byteorder: value = try newStr("little")
        case .stdout: value = try newStream(fd: 1)
        case .stderr: value = try newStream(fd: 2)
        case .version: value = try newStr("3.11.0 (p14p, PyMite's VM in Swift)")
        case .versionInfo:
            // A tuple: it indexes and compares (`sys.version_info >= (3, 8)`). Where built-in
            // subclasses exist, a `version_info` tuple subclass whose fields also read by name.
            let tuple = try newTuple([.smallInt(3), .smallInt(11), .smallInt(0), try newStr("final"), .smallInt(0)])
            value = classHooksOn ? try namedSysTuple(tuple, "version_info", ["major", "minor", "micro", "releaselevel", "serial"]) : tuple
        case .implementation:
            value = try newModule(try internName(.implementation))
            root(value); defer { unroot() }
            try dictStore(heap.slot(value.objectOffset, ModuleSlot.dict), try internName(.name), try newStr("p14p"))
            let infoName = try internName(.version_info)
            var info = dictGetStr(heap.slot(sysModule.objectOffset, ModuleSlot.dict), infoName) ?? .none
            if info.isNone { info = try sysValue(infoName) ?? .none }
            try dictStore(heap.slot(value.objectOffset, ModuleSlot.dict), try internName(.version), info)
        case .maxunicode: value = .smallInt(0x10FFFF)
        case .hexversion: value = .smallInt(0x030B_00F0)  // 3.11.0 final, as version_info says
        }
        try dictStore(heap.slot(sysModule.objectOffset, ModuleSlot.dict), name, value)
        return value
    }

    /// An instance of a tuple subclass named `name` holding `tuple`, with each
    /// field's name a class attribute holding its item (sys's named tuples).
    func namedSysTuple(_ tuple: Value, _ name: StaticString, _ fields: [StaticString]) throws(VMError) -> Value {
        root(tuple); defer { unroot() }
        let namespace = try newDict()
        root(namespace); defer { unroot() }
        for (i, f) in fields.enumerated() { try dictStore(namespace, try internName(f), tupleItem(tuple.objectOffset, i)) }
        try dictStore(namespace, try internName(.__module__), try internName(.sys))
        let cls = try makeClass(meta: .null, name: try internName(name), bases: try newTuple([try typeClass(.tuple)]),
                                namespace: namespace, keywords: .null)
        root(cls); defer { unroot() }
        let instance = try newInstance(cls)
        heap.setSlot(instance.objectOffset, InstanceSlot.value, tuple)
        return instance
    }

    /// sys.stdout or sys.stderr: an instance of the built-in TextIOWrapper
    /// type whose `name` says which ("<stdout>", "<stderr>").
    func newStream(fd: Int) throws(VMError) -> Value {
        let stream = try newInstance(try typeClass(.textStream))
        root(stream); defer { unroot() }
        let d = instanceDict(stream)
        try dictStore(d, try internName(.name), try newStr(fd == 1 ? "<stdout>" : "<stderr>"))
        try dictStore(d, try internName(.mode), try newStr("w"))
        try dictStore(d, try internName(.encoding), try newStr("utf-8"))
        return stream
    }

    /// The file descriptor of a stream made by `newStream`, or nil.
    func streamDescriptor(_ v: Value) -> Int? {
        guard isType(v, .instance), isTypeClass(heap.slot(v.objectOffset, InstanceSlot.klass), .textStream),
              let name = dictGetStr(instanceDict(v), internStatic(.name)), isStr(name) else { return nil }
        return sameText(strBuffer(name), "<stderr>") ? 2 : 1
    }

    func callStreamMethod(_ id: Native, _ me: Value, _ a: Arguments) throws(VMError) -> Value {
        let fd = streamDescriptor(me) ?? 1
        switch id {
        case .streamWrite:
            guard isStr(a[1]) else { throw raiseAboutType(.typeError, "write() argument must be str, not ", a[1], "") }
            write(fd, strArray(a[1]))
            return .smallInt(strCharCount(a[1].objectOffset))
        case .streamFlush:
            flushOutput()
            return .none
        default:
            return .smallInt(fd)
        }
    }

    func callSys(_ id: Native, _ a: Arguments) throws(VMError) -> Value {
        switch id {
        case .sysExit:
            let arg = a.positionalCount > 0 ? a[0] : .none
            pendingException = try newException(.systemExit, args: a.positionalCount > 0 ? [arg] : [])
            throw VMError.exception
        case .sysHeap:
            let (free, size) = heapStatus()
            return try newTuple([.smallInt(free), .smallInt(size)])
        case .sysGc:
            collectGarbage()
            return .none
        case .sysTime:
            return try newFloat(hooks.clock() - startTime)
        case .sysGetrecursionlimit:
            return .smallInt(recursionLimit)
        case .sysSetrecursionlimit:
            // Any limit is safe: the value stack's and the C stack's own bounds still hold.
            guard let n = intOf(a[0]) else { throw raiseAboutType(.typeError, "'", a[0], "' object cannot be interpreted as an integer") }
            guard n >= 1 else { throw raise(.valueError, "recursion limit must be greater or equal than 1") }
            recursionLimit = Int(min(n, Int64(Int32.max)))
            return .none
        case .sysExcInfo:
            let e = handledException
            guard isExceptionInstance(e) else { return try newTuple([.none, .none, .none]) }
            return try newTuple([try typeOf(e), e, try tracebackObject(e)])
        case .sysIntern:
            guard isType(a[0], .str) else { throw raiseAboutType(.typeError, "intern() argument must be str, not ", a[0], "") }
            return try intern(a[0])
        default:
            throw raise(.runtimeError, "native not available")
        }
    }
}

/// The sys values made when first read (`VM.sysValue`).
enum SysValue: CaseIterable {
    case maxsize, path, platform, byteorder, stdout, stderr, implementation, version, versionInfo, maxunicode, hexversion

    var name: StaticString {
        switch self {
        case .maxsize: return "maxsize"
        case .path: return "path"
        case .platform: return "platform"
        case .byteorder: return "byteorder"
        case .stdout: return "stdout"
        case .stderr: return "stderr"
        case .implementation: return "implementation"
        case .maxunicode: return "maxunicode"
        case .hexversion: return "hexversion"
        case .version: return "version"
        case .versionInfo: return "version_info"
        }
    }
}
