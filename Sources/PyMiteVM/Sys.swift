// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// The sys module: made on first import, its values made when first read,
// its functions (`sys.exit`, `sys.heap`, ...).

extension VM {
    /// The sys module, made when a program first imports it (a program
    /// without `import sys` does not pay for it). Its other values are made
    /// when first read (`sysValue`), as its functions are (`sysNative`).
    func makeSysModule() throws(VMError) -> Value {
        func name(_ text: StaticString) throws(VMError) -> Value { try internName(text) }
        let sys = try newModule(try name("sys"))
        root(sys); defer { unroot() }
        let d = heap.slot(sys.objectOffset, ModuleSlot.dict)
        let argv = try newList()
        try dictStore(d, try name("argv"), argv)
        for a in config.argv { try listAppend(argv, try newStr(a)) }
        try dictStore(d, try name("modules"), modules)
        try dictStore(modules, try name("sys"), sys)
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
        case .stdout: value = try newStr("<stdout>")
        case .stderr: value = try newStr("<stderr>")
        case .implementation:
            value = try newModule(try internName("implementation"))
            root(value); defer { unroot() }
            try dictStore(heap.slot(value.objectOffset, ModuleSlot.dict), try internName("name"), try newStr("p14p"))
        }
        try dictStore(heap.slot(sysModule.objectOffset, ModuleSlot.dict), name, value)
        return value
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
        default:
            throw raise(.runtimeError, "native not available")
        }
    }
}

/// The sys values made when first read (`VM.sysValue`).
enum SysValue: CaseIterable {
    case maxsize, path, platform, byteorder, stdout, stderr, implementation

    var name: StaticString {
        switch self {
        case .maxsize: return "maxsize"
        case .path: return "path"
        case .platform: return "platform"
        case .byteorder: return "byteorder"
        case .stdout: return "stdout"
        case .stderr: return "stderr"
        case .implementation: return "implementation"
        }
    }
}
