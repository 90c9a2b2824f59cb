// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// compile(), exec() and eval(), and code objects. The VM has no compiler:
// the host gives it one through `PlatformHooks.compile` (p14p's own), whose
// image the VM loads beside the program's and runs with the globals and
// locals dicts it is given. A board without the hook raises
// NotImplementedError. Code from the same source is compiled once (a small
// cache), so eval() in a loop does not grow the VM's tables each time.

/// What the host's compiler gives back for compile(), exec() and eval().
public enum CompileResult {
    case image(Image)
    /// A syntax error: its message, kind and where (line and column from 1).
    case syntaxError(message: [UInt8], kind: SyntaxErrorKind, line: Int, column: Int)
}

/// Which SyntaxError a compile error is: IndentationError and TabError are its subclasses.
public enum SyntaxErrorKind {
    case syntax, indentation, tab

    public var name: StaticString {
        switch self {
        case .syntax: return "SyntaxError"
        case .indentation: return "IndentationError"
        case .tab: return "TabError"
        }
    }

    var exceptionKind: ExceptionKind {
        switch self {
        case .syntax: return .syntaxError
        case .indentation: return .indentationError
        case .tab: return .tabError
        }
    }
}

extension VM {
    /// compile(source, filename, mode), exec(source, globals, locals) and eval(...).
    func callExecNative(_ id: Native, _ a: Arguments) throws(VMError) -> Value {
        let name = nativeName(id)
        // Without a compiler (a board, or the host standing in for one) each call is refused alike.
        guard BuiltFeatures.compiler, hooks.compile != nil else { throw needsCompiler(name) }
        if id == .compile {
            try argumentCount(a, name, min: 3, max: 6)
            let modeValue = a.value(2, "mode") ?? .none
            guard isStr(modeValue) else { throw raiseAboutType(.typeError, "compile() argument 'mode' must be str, not ", modeValue, "") }
            let mode = strArray(modeValue)
            guard mode == bytes("exec") || mode == bytes("eval") || mode == bytes("single") else {
                throw raise(.valueError, "compile() mode must be 'exec', 'eval' or 'single'")
            }
            let source = a.value(0, "source") ?? .none
            if isType(source, .code) { return source }
            let filename = a.value(1, "filename") ?? .none
            guard isStr(filename) else { throw raiseAboutType(.typeError, "compile() argument 'filename' must be str, not ", filename, "") }
            return try compiledCode(source, filename: strArray(filename), evaluates: mode == bytes("eval"), caller: "compile")
        }
        try argumentCount(a, name, min: 1, max: 3)
        let evaluates = id == .eval
        let source = a[0]
        let code = isType(source, .code) ? source
            : try compiledCode(source, filename: bytes("<string>"), evaluates: evaluates, caller: evaluates ? "eval" : "exec")
        root(code); defer { unroot() }
        // The caller's own namespaces unless given: its globals, and its locals (a snapshot in a function).
        if a.keywordCount > 0 {  // positional only, as in CPython 3.11
            throw invalidKeyword(tupleItem(a.kwnames.objectOffset, 0), for: Array(name))
        }
        let givenGlobals = a.positionalCount > 1 ? a[1] : .none
        let givenLocals = a.positionalCount > 2 ? a[2] : .none
        var globals = givenGlobals, locals = givenLocals
        if globals.isNone {
            globals = frames.count > 0 ? frames[frames.count - 1].globals : try newDict()
            if locals.isNone { locals = try localsDict() }
        } else {
            globals = plainValue(globals)
            guard isType(globals, .dict) else {
                throw raise(.typeError, bytes(name) + bytes("() globals must be a dict, not ") + typeName(givenGlobals))
            }
        }
        if locals.isNone { locals = globals }
        locals = plainValue(locals)
        guard isType(locals, .dict) else { throw raiseAboutType(.typeError, "locals must be a mapping or None, not ", givenLocals, "") }
        root(globals, locals); defer { unroot(2) }
        if dictGetStr(globals, s.__builtins__) == nil { try dictStore(globals, s.__builtins__, builtins) }
        let result = try runCode(Int(heap.slot(code.objectOffset, CodeObjectSlot.index).intValue), globals: globals, locals: locals)
        return evaluates ? result : .none
    }

    /// A code object for `source` (str or bytes), compiled by the host, or from the cache.
    func compiledCode(_ source: Value, filename: [UInt8], evaluates: Bool, caller: StaticString) throws(VMError) -> Value {
        let bytesOfSource: [UInt8]
        if isStr(source) {
            bytesOfSource = Array(strBuffer(source))
        } else if isType(source, .bytes) || isType(source, .bytearray), let text = byteView(source) {
            bytesOfSource = Array(text)
        } else {
            if !sameText(UnsafeBufferPointer(start: caller.utf8Start, count: caller.utf8CodeUnitCount), "compile") {  // exec() and eval() name themselves, without the type (CPython's words)
                throw raise(.typeError, bytes(caller) + bytes("() arg 1 must be a string, bytes or code object"))
            }
            throw raise(.typeError, "compile() arg 1 must be a string, bytes or AST object")
        }
        if bytesOfSource.contains(0) { throw raise(.valueError, "source code string cannot contain null bytes") }
        guard let compile = hooks.compile else { throw needsCompiler(NameText(start: caller.utf8Start, count: caller.utf8CodeUnitCount)) }
        let key = [evaluates ? UInt8(1) : 0] + filename + [0] + bytesOfSource
        if let hit = compiledSources.firstIndex(where: { $0.key == key }) {
            return try newCodeObject(compiledSources[hit].code, evaluates: evaluates)
        }
        switch compile(bytesOfSource, filename, evaluates) {
        case .syntaxError(let message, let kind, let line, let column):
            throw try syntaxError(message, kind: kind, filename: filename, line: line, column: column, source: bytesOfSource)
        case .image(let image):
            let index = try loadCompiled(image)
            if compiledSources.count >= VM.compiledSourceCacheSize { compiledSources.removeFirst() }
            compiledSources.append((key, index))
            return try newCodeObject(index, evaluates: evaluates)
        }
    }

    func needsCompiler(_ caller: NameText) -> VMError {
        raise(.notImplementedError, bytes(caller) + bytes("() needs the compiler, which this build does not carry"))
    }

    /// How many compiled sources stay cached.
    static let compiledSourceCacheSize = 64

    func newCodeObject(_ index: Int, evaluates: Bool) throws(VMError) -> Value {
        let o = try allocSlots(.code, CodeObjectSlot.slotCount)
        heap.setSlot(o, CodeObjectSlot.index, .smallInt(index))
        heap.setSlot(o, CodeObjectSlot.evaluates, .bool(evaluates))
        return .object(o)
    }

    /// SyntaxError(message, (filename, line, column, text, line, column + 1)) with its
    /// attributes, as CPython's compile() raises it; `text` is the line with its newline.
    func syntaxError(_ message: [UInt8], kind: SyntaxErrorKind, filename: [UInt8], line: Int, column: Int,
                     source: [UInt8]) throws(VMError) -> VMError {
        var lines = source.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        let text: Value = line >= 1 && line <= lines.count ? try newStr(Array(lines[line - 1]) + [UInt8(ascii: "\n")]) : .none
        root(text); defer { unroot() }
        let file = try newStr(filename), msg = try newStr(message)
        root(file, msg); defer { unroot(2) }
        let details = try newTuple([file, .smallInt(line), .smallInt(column), text, .smallInt(line), .smallInt(column + 1)])
        root(details); defer { unroot() }
        pendingException = try newException(kind.exceptionKind, args: [msg, details])  // its attributes come from args
        return .exception
    }

    /// Loads a compiled image beside the program's; returns its module's code index.
    func loadCompiled(_ image: Image) throws(VMError) -> Int {
        var constantsWanted = 0, namesWanted = 0
        for c in image.codes {
            constantsWanted += c.constants.count
            namesWanted += c.names.count + c.slotNames.count
        }
        guard let module = image.modules.first, constantCount + constantsWanted <= constantCapacity,
              nameCount + namesWanted <= nameCapacity else {
            throw raise(.memoryError, "no room left for code compiled at run time")
        }
        let first = codes.count
        let bytes = ImageFormat.encode(image)
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
        bytes.withUnsafeBytes { copy.copyMemory(from: $0) }
        ownedTables.append(copy.baseAddress!)
        codeBase = first
        defer { codeBase = 0 }
        var loader = CodeLoader(vm: self)
        do throws(ImageError) {
            _ = try ImageFormat.read(buffer: UnsafeBufferPointer(copy.bindMemory(to: UInt8.self)), into: &loader, scanned: false)
        } catch {
            throw raise(.systemError, "the compiler made an image the VM refuses")
        }
        if loader.failed { throw .exception }
        return first + Int(module.code)
    }

    /// Runs code `index` as exec() does: its names in `locals`, then `globals`; returns what it returns.
    func runCode(_ index: Int, globals: Value, locals: Value) throws(VMError) -> Value {
        let c = codes[index]
        guard c.argCount == 0 && c.kwOnlyCount == 0 && c.freeCount == 0 && c.flags & CodeFlags.generator == 0 else {
            throw raise(.typeError, "code object passed to exec() may not take arguments or contain free variables")
        }
        try enterNested("maximum recursion depth exceeded")
        defer { nativeDepth -= 1 }
        let base = sp
        try ensureStack(Int(c.localCount + c.freeCount + c.stackSize) + 8)
        for _ in 0..<Int(c.localCount) { push(.null) }
        frames.append(Frame(code: Int32(index), ip: 0, base: Int32(base), resultSlot: Int32(base), function: .none,
                            globals: globals, namespace: locals == globals ? .null : locals, generator: .null,
                            constructed: .null, isBoundary: true))
        return try run()
    }

    /// A code object's attributes (co_name, co_filename, co_firstlineno, co_argcount, co_varnames).
    func codeObjectAttribute(_ obj: Value, _ name: Value) throws(VMError) -> Value? {
        let c = codes[Int(heap.slot(obj.objectOffset, CodeObjectSlot.index).intValue)]
        let text = strBuffer(name)
        if sameText(text, "co_name") { return try newStr(Array(c.name)) }
        if sameText(text, "co_filename") { return try newStr(Array(c.filename)) }
        if sameText(text, "co_firstlineno") { return .smallInt(Int(c.firstLine)) }
        if sameText(text, "co_argcount") { return .smallInt(Int(c.argCount)) }
        if sameText(text, "co_kwonlyargcount") { return .smallInt(Int(c.kwOnlyCount)) }
        if sameText(text, "co_varnames") {
            var names: [Value] = []
            for i in 0..<Int(c.localCount) { names.append(slotName(c, i)) }
            return try newTuple(names)
        }
        return nil
    }

    /// <code object NAME at 0x..., file "FILE", line N>
    func appendCodeObjectText(_ v: Value, _ out: inout [UInt8]) {
        let c = codes[Int(heap.slot(v.objectOffset, CodeObjectSlot.index).intValue)]
        out += bytes("<code object ") + Array(c.name) + bytes(" at ") + address(v.objectOffset)
        out += bytes(", file \"") + Array(c.filename) + bytes("\", line ") + decimal(Int(c.firstLine)) + bytes(">")
    }
}
