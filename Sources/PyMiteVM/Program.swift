// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Loading an image, running the main module, and importing the image's
// other modules once each.

extension VM {
    /// Loads a verified image: encoded into a copy the VM keeps (aligned),
    /// then loaded from it as a board loads its flash, so host and board
    /// take the same path.
    public func load(_ image: consuming Image) throws(VMError) {
        var layout = ImageLayout(modules: image.modules, codeCount: image.codes.count)
        for c in image.codes {
            layout.constantCount += c.constants.count
            layout.nameCount += c.names.count + c.slotNames.count
            layout.slotNameCount += c.slotNames.count
            layout.floatConstantCount += c.constants.filter { $0.holdsFloat }.count
        }
        let bytes = ImageFormat.encode(image)
        #if P14P_VALUE32 && _pointerBitWidth(_64)
        if let room = heap.takeImageRoom(bytes.count) {
            let copy = UnsafeMutableRawBufferPointer(start: room, count: bytes.count)
            bytes.withUnsafeBytes { copy.copyMemory(from: $0) }
            try load(layout, from: UnsafeBufferPointer(copy.bindMemory(to: UInt8.self)))
            return
        }
        #endif
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes.count, alignment: 16)
        bytes.withUnsafeBytes { copy.copyMemory(from: $0) }
        // A second load keeps the first image: its codes still point into it.
        if let previous = ownedImage?.baseAddress { ownedTables.append(previous) }
        ownedImage = copy
        try load(layout, from: UnsafeBufferPointer(copy.bindMemory(to: UInt8.self)))
    }

    /// Loads an image where it lies (a board's flash), checked before by
    /// `ImageFormat.scan`: names and strings go from the image straight
    /// into the heap, and the instructions, names, line and exception
    /// tables are used where they lie, so `buffer` must stay valid while
    /// the VM runs.
    public func load(_ layout: ImageLayout, from buffer: UnsafeBufferPointer<UInt8>) throws(VMError) {
        let slotNamesInImage = slotNamesReadInPlace(buffer)
        prepareTables(layout, slotNamesInImage: slotNamesInImage)
        var loader = CodeLoader(vm: self, slotNamesInImage: slotNamesInImage)
        do throws(ImageError) {
            _ = try ImageFormat.read(buffer: buffer, into: &loader, scanned: true)
        } catch {
            fatalError("the image changed after it was checked")
        }
        if loader.failed { throw .exception }
    }

    /// Sizes the code, constant and name tables for the whole image up front
    /// (growing them by doubling would need twice the RAM at the peak).
    /// Constants and names code compiled at run time may add, in all (8 MB of address space per table on a host).
    static let runTimeCodeRoom = 1 << 20

    /// Whether a 32-bit board's VM reads the slot names (parameters, locals, free variables:
    /// only keyword calls, messages and introspection read them) where they lie in `buffer`,
    /// as str objects of its own (a word of RAM less for each): the image must be aligned
    /// and within the heap's reach (`staticStrOffset`), as a board's flash is.
    func slotNamesReadInPlace(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        #if _pointerBitWidth(_32) || P14P_VALUE32
        guard let start = buffer.baseAddress, buffer.count >= 4, UInt(bitPattern: start) % 4 == 0 else { return false }
        return staticStrOffset(of: start) != nil && staticStrOffset(of: start + (buffer.count - 4) & ~3) != nil
        #else
        return false
        #endif
    }

    func prepareTables(_ layout: ImageLayout, slotNamesInImage: Bool = false) {
        // The caches that go by an instruction's address: a new image may lie where an old one did.
        classesChanged()
        imageModules = layout.modules
        constants.deallocate()
        names.deallocate()
        // With a compiler, room after the image's entries for code compiled at run time: the
        // tables never move, since a running frame's registers point into them.
        let room = hooks.compile == nil ? 0 : VM.runTimeCodeRoom
        constantCapacity = max(1, layout.constantCount) + room
        let tableNames = layout.nameCount - (slotNamesInImage ? layout.slotNameCount : 0)
        nameCapacity = max(1, tableNames) + room
        constants = UnsafeMutablePointer<Value>.allocate(capacity: constantCapacity)
        constants.initialize(repeating: .null, count: max(1, layout.constantCount))
        names = UnsafeMutablePointer<Value>.allocate(capacity: nameCapacity)
        names.initialize(repeating: .null, count: max(1, tableNames))
        codes.reserveCapacity(layout.codeCount)
        if !floatsOn { floatlessConstants.reserveCapacity(layout.floatConstantCount) }
    }

    /// Loading a constant this build cannot hold (left null by `ConstantValueMaker`)
    /// raises what making such a value at run time would.
    func unavailableConstant(code: Int, index: Int) -> VMError {
        floatlessConstants.contains(codes[code].constBase + Int32(index)) ? noFloats() : overflow()
    }

    /// Runs the image's main module; prints the traceback of an uncaught exception.
    public func runMain() -> RunOutcome {
        defer { flushOutput() }
        guard let main = imageModules.first else { return .exited(1) }
        do {
            let module = try newModule(s.__main__, globals: globalCount(code: Int(main.code)))
            try dictStore(modules, s.__main__, module)
            try executeModule(module, code: Int(main.code))
            return .finished
        } catch {
            return handleUncaught()
        }
    }

    /// How many globals a module's code stores (its distinct STORE_GLOBAL
    /// names), so that its dict is made once at that size: growing it as
    /// the module runs leaves holes a small board's heap cannot spare.
    func globalCount(code: Int) -> Int {
        let c = codes[code]
        var seen: [Int32] = []
        for i in 0..<Int(c.count) {
            let word = c.instructions[i]
            if word & 0xFF == UInt32(Opcode.storeGlobal.rawValue), !seen.contains(Int32(word >> 8)) { seen.append(Int32(word >> 8)) }
        }
        return seen.count
    }

    func executeModule(_ module: Value, code: Int) throws(VMError) {
        let c = codes[code]
        // __file__: the path the program's file was compiled from, as its tracebacks name it.
        let globals = heap.slot(module.objectOffset, ModuleSlot.dict)
        if dictGetStr(globals, s.__file__) == nil { try dictStoreStr(globals, s.__file__, try newStr(c.filename)) }
        let base = sp
        try ensureStack(Int(c.localCount + c.freeCount + c.stackSize) + 8)
        for _ in 0..<Int(c.localCount + c.freeCount) { push(.null) }
        frames.append(Frame(code: Int32(code), ip: 0, base: Int32(base), resultSlot: Int32(base), function: .none,
                            globals: heap.slot(module.objectOffset, ModuleSlot.dict), namespace: .null, generator: .null,
                            constructed: .null, isBoundary: true))
        nativeDepth += 1
        defer { nativeDepth -= 1 }
        _ = try run()
    }

    func importModule(_ name: Value) throws(VMError) -> Value {
        if let m = dictGetStr(modules, name) { return m }
        let wanted = strArray(name)
        if sysModule.isNull && wanted == bytes("sys") { return try makeSysModule() }
        if wanted == bytes("builtins") {  // a module whose namespace is the builtins dict itself
            let m = try newModule(name)
            root(m); defer { unroot() }
            heap.setSlot(m.objectOffset, ModuleSlot.dict, builtins)
            try dictStore(builtins, s.__name__, name)
            try dictStore(modules, name, m)
            return m
        }
        if let kind = NativeModule.allCases.first(where: { wanted == bytes($0.name) }) { return try makeNativeModule(kind) }
        if let table = boardModuleNamed(wanted) { return try makeBoardModule(table) }
        for m in imageModules.dropFirst() where m.name == wanted {
            let module = try newModule(name, globals: globalCount(code: Int(m.code)))
            root(module); defer { unroot() }
            try dictStore(modules, name, module)
            do {
                try executeModule(module, code: Int(m.code))
            } catch {
                _ = try? dictRemove(modules, name)
                throw error
            }
            return module
        }
        let e = try newException(.moduleNotFoundError, args: [try newStr(bytes("No module named '") + wanted + bytes("'"))])
        try dictStore(instanceDict(e), internStatic(.name), name)
        pendingException = e
        throw VMError.exception
    }

    func importFrom(_ module: Value, _ name: Value) throws(VMError) -> Value {
        if let v = try lookupAttribute(module, name) { return v }
        guard BuiltFeatures.errorMessages else { throw raiseBare(.importError) }
        var m = bytes("cannot import name '") + strArray(name) + bytes("'")
        if isType(module, .module) { m += bytes(" from '") + strArray(heap.slot(module.objectOffset, ModuleSlot.name)) + bytes("'") }
        throw raise(.importError, m)
    }

    func importStar(_ module: Value, into ns: Value) throws(VMError) {
        guard isType(module, .module) else { return }
        let d = heap.slot(module.objectOffset, ModuleSlot.dict)
        if let all = dictGetStr(d, s.__all__) {
            for name in try collect(all) {
                try dictStore(ns, try intern(name), try getAttribute(module, try intern(name)))
            }
            return
        }
        try dictForEach(d) { (k, v) throws(VMError) in
            if isStr(k), strBuffer(k).first != UInt8(ascii: "_") { try dictStore(ns, k, v) }
        }
    }
}

/// Loads code objects part by part as they are read: constants and names
/// into the VM's tables (in the heap); instructions, names and tables stay
/// in the image. A full heap stops the loading (`failed`; MemoryError is
/// pending). Without a VM it only counts what loading takes (`scan`),
/// keeping nothing but one code object's instructions while they are
/// checked when they cannot be checked in place.
extension Constant {
    /// A float, or a tuple holding one.
    var holdsFloat: Bool {
        switch self {
        case .float: return true
        case .tuple(let items): return items.contains { $0.holdsFloat }
        default: return false
        }
    }
}

struct CodeLoader: CodeSink {
    let vm: VM?
    var layout = ImageLayout()
    var scratch = InstructionScratch()
    var failed = false
    var code = CodeObject(name: [], filename: [])
    var constBase = 0, nameBase = 0
    /// Where the image's names start in VM.names: a code whose names begin them shares them.
    let imageNameBase: Int
    /// A 32-bit board reads each code's slot names where they lie in the image (through
    /// their references, from the first, `firstSlotRef`) instead of keeping a word for each (`VM.load`);
    /// elsewhere they follow in VM.names, from `firstSlotIndex`.
    let slotNamesInImage: Bool
    var firstSlotRef: UnsafePointer<UInt8>? = nil
    var firstSlotIndex: Int? = nil
    var instructions: UnsafePointer<UInt32>? = nil
    var instructionCount = 0

    init(vm: VM?, slotNamesInImage: Bool = false) {
        self.vm = vm
        self.slotNamesInImage = slotNamesInImage
        imageNameBase = vm?.nameCount ?? 0
    }

    var takesInstructionsInPlace: Bool { true }

    mutating func begin(_ c: CodeObject, constants: Int) {
        guard let vm else {
            layout.codeCount += 1
            layout.constantCount += constants
            return
        }
        code = c
        constBase = vm.constantCount
        nameBase = vm.nameCount
        firstSlotRef = nil
        firstSlotIndex = nil
    }

    mutating func constant(_ r: inout ByteReader, codeCount: Int) throws(ImageError) {
        guard let vm, !failed else {
            // Counting (scan), or reading past the rest once the heap is full: nothing is made.
            var floats = FloatFinder()
            let holdsFloat = try ImageFormat.readConstant(&r, codeCount: codeCount, depth: 0, into: &floats)
            if vm == nil && holdsFloat { layout.floatConstantCount += 1 }
            return
        }
        // The constant's entry is a root from the start: a tuple is put there before its items are made.
        let index = vm.constantCount
        vm.constants[index] = .null
        vm.constantCount += 1
        var maker = ConstantValueMaker(vm: vm, entry: index)
        let v = try ImageFormat.readConstant(&r, codeCount: codeCount, depth: 0, into: &maker)
        if maker.failed {
            failed = true
            return
        }
        // A constant this build cannot make stays null: loading it raises
        // what making it would (unavailableConstant).
        if v.isNull && maker.holdsFloat { vm.floatlessConstants.append(Int32(index)) }
        vm.constants[index] = v
        // Reachable from the table now: `young` stays short however many constants a code has.
        vm.safePoint()
    }

    /// One of the image's names: a word in VM.names, before its code objects' entries.
    mutating func imageName(_ text: UnsafeBufferPointer<UInt8>, object: UnsafeRawPointer?) {
        tableName(text, object: object)
    }

    /// The code's names are the image's first ones: it takes no word of its own for them.
    mutating func imageNamesPrefix(_ count: Int) { nameBase = imageNameBase }

    /// A name of the code's own list: a copy of the image's entry, after the code's others.
    mutating func name(_ index: Int) {
        guard let vm else {
            layout.nameCount += 1
            return
        }
        guard !failed else { return }
        vm.names[vm.nameCount] = vm.names[imageNameBase + index]
        vm.nameCount += 1
    }

    mutating func slotName(_ text: UnsafeBufferPointer<UInt8>, object: UnsafeRawPointer?, ref: UnsafePointer<UInt8>?) {
        guard let vm else {
            layout.slotNameCount += 1
            tableName(text, object: object)
            return
        }
        guard slotNamesInImage else {
            if firstSlotIndex == nil { firstSlotIndex = vm.nameCount }
            return tableName(text, object: object)
        }
        // Read where they lie (LoadedCode.slotNames): the image is in place, so each is.
        guard let object, let ref, vm.staticStrOffset(of: object) != nil else {
            if !failed { _ = vm.raise(.systemError, "a slot name is not where the image lies") }
            failed = true
            return
        }
        if firstSlotRef == nil { firstSlotRef = ref }
    }

    private mutating func tableName(_ text: UnsafeBufferPointer<UInt8>, object: UnsafeRawPointer?) {
        guard let vm else {
            layout.nameCount += 1
            return
        }
        guard !failed else { return }
        do {
            vm.names[vm.nameCount] = try vm.internImageStr(text, object: object)
            vm.nameCount += 1
            vm.safePoint()
        } catch {
            failed = true
        }
    }

    /// Only for an image not aligned in memory: a copy the VM frees (or,
    /// counting, room reused for the next code object).
    mutating func instructionStorage(_ count: Int) -> UnsafeMutablePointer<UInt32> {
        guard let vm else { return scratch.room(for: count) }
        let storage = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, count))
        vm.ownedTables.append(UnsafeMutableRawPointer(storage))
        instructions = UnsafePointer(storage)
        instructionCount = count
        return storage
    }

    mutating func instructionsInPlace(_ words: UnsafePointer<UInt32>, _ count: Int) {
        instructions = words
        instructionCount = count
    }

    mutating func end(_ tables: CodeTables) {
        guard var ins = instructions else { return }
        instructions = nil
        guard let vm, !failed else { return }
        // The record finds the line table after the instructions and the exception table
        // after the line table, as they lie in an aligned image; otherwise they are copied so.
        let n = instructionCount
        let inPlace = tables.lineWords == ins + n + 1 && tables.handlerWords == ins + n + 2 + 2 * tables.lineCount
        if !inPlace {
            let copy = UnsafeMutablePointer<UInt32>.allocate(capacity: n + 2 + 2 * tables.lineCount + 4 * tables.handlerCount)
            copy.update(from: ins, count: n)
            var p = copy + n
            p[0] = UInt32(tables.lineCount)
            if let w = tables.lineWords {
                (p + 1).update(from: w, count: 2 * tables.lineCount)
            } else {
                for (i, e) in tables.lineTable.enumerated() { p[1 + 2 * i] = e.start; p[2 + 2 * i] = e.line }
            }
            p += 1 + 2 * tables.lineCount
            p[0] = UInt32(tables.handlerCount)
            if let w = tables.handlerWords {
                (p + 1).update(from: w, count: 4 * tables.handlerCount)
            } else {
                for (i, e) in tables.exceptionTable.enumerated() {
                    p[1 + 4 * i] = e.start; p[2 + 4 * i] = e.end; p[3 + 4 * i] = e.target; p[4 + 4 * i] = e.depth
                }
            }
            vm.ownedTables.append(UnsafeMutableRawPointer(copy))
            ins = UnsafePointer(copy)
        }
        let header = tables.header
        // The slot names' first entry in VM.names, or how far past the header the first one's reference lies in the image.
        let slots = firstSlotRef.map { $0 - header } ?? firstSlotIndex ?? vm.nameCount
        guard slots >= 0, LoadedCode.fits(count: n, constBase: constBase, nameBase: nameBase, slotNameBase: slots) else {
            // Only a 32-bit board's record has 16-bit counts, and its images are far smaller.
            _ = vm.raise(.memoryError, "a code object too large for this board's code records")
            failed = true
            return
        }
        vm.codes.append(LoadedCode(instructions: ins, count: Int32(n), header: header,
                                   constBase: Int32(constBase), nameBase: Int32(nameBase), slotNameBase: Int32(slots),
                                   slotNamesInImage: firstSlotRef != nil, code: code))
        // Everything made above is reachable from the tables now: without
        // this, `young` would grow by a word per constant and name of the image.
        vm.safePoint()
    }
}

/// Whether a constant is or holds a float (`scan` counts them: a board
/// without floats lists them when it loads them).
struct FloatFinder: ConstantMaker {
    func make(_ scalar: Constant) -> Bool {
        if case .float = scalar { return true }
        return false
    }
    func text(_ kind: ConstantText, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool { false }
    func str(_ text: UnsafeBufferPointer<UInt8>, object: UnsafeRawPointer?) -> Bool { false }
    func beginTuple(_ count: Int) -> Bool { false }
    func add(_ item: Bool, to tuple: inout Bool, at index: Int) { tuple = tuple || item }
    func endTuple(_ tuple: Bool) -> Bool { tuple }
}

/// A tuple constant while its items are made: null once the heap is full.
struct TupleInProgress {
    var value: Value
    /// No item is a value this build cannot hold.
    var whole = true
}

/// Makes a constant's value in the VM's heap as the image is read: a str
/// is interned from where it lies in the image, a tuple is allocated before
/// its items and each item goes into it as it is made. Nothing is copied
/// into a Swift array on the way: building the whole `Constant` first took
/// a 16 KiB board's Swift side 1.8 KB for a 21-string tuple (a copy of each
/// string and an items array grown by doubling, then a value array), and
/// stopped a 40-line program before its first line (docs/firmware.md).
/// A value this build cannot hold (an int past Int64 or a 31-bit box
/// without long ints, a float without floats) is null, and so is a tuple
/// holding one; a full heap sets `failed` (MemoryError is pending), after
/// which nothing more is made.
struct ConstantValueMaker: ConstantMaker {
    let vm: VM
    /// The constants table's entry the outermost tuple is kept in (a root) while its items are made.
    let entry: Int
    var failed = false
    var holdsFloat = false
    /// Tuples begun and not yet ended.
    var depth = 0

    init(vm: VM, entry: Int) { self.vm = vm; self.entry = entry }

    mutating func make(_ scalar: Constant) -> Value {
        if case .float = scalar { holdsFloat = true }
        guard !failed else { return .null }
        do {
            switch scalar {
            case .none: return .none
            case .true: return .true
            case .false: return .false
            case .ellipsis: return .ellipsis
            case .int(let i):
                if let v = Value.int(i) { return v }
                if vm.longIntsOn { return try vm.intResult(BigInt(i)) }
                return BuiltFeatures.boxedInts && Int32(exactly: i) != nil ? try vm.newInt(i) : .null
            case .float(let d): return vm.floatsOn ? try vm.newFloat(d) : .null
            case .code(let i): return .smallInt(Int(i) + vm.codeBase)
            case .bigInt, .str, .bytes, .tuple: return .null  // given as text or a tuple, never here
            }
        } catch {
            failed = true
            return .null
        }
    }

    mutating func text(_ kind: ConstantText, _ bytes: UnsafeBufferPointer<UInt8>) -> Value {
        guard !failed else { return .null }
        do {
            switch kind {
            case .bytes: return try vm.newStr(bytes, type: .bytes)
            case .bigIntDigits:
                // Without long ints, loading the constant raises OverflowError.
                guard vm.longIntsOn, let b = BigInt(decimal: Array(bytes)) else { return .null }
                return try vm.intResult(b)
            }
        } catch {
            failed = true
            return .null
        }
    }

    /// A str where it lies in the image (a 32-bit board's flash): interned, with no copy in the heap.
    mutating func str(_ text: UnsafeBufferPointer<UInt8>, object: UnsafeRawPointer?) -> Value {
        guard !failed else { return .null }
        do {
            return try vm.internImageStr(text, object: object)
        } catch {
            failed = true
            return .null
        }
    }

    mutating func beginTuple(_ count: Int) -> TupleInProgress {
        depth += 1
        guard !failed else { return TupleInProgress(value: .null) }
        do {
            let t = try vm.newTuple(count)  // its items null until made
            if depth == 1 { vm.constants[entry] = t }
            return TupleInProgress(value: t)
        } catch {
            failed = true
            return TupleInProgress(value: .null)
        }
    }

    mutating func add(_ item: Value, to tuple: inout TupleInProgress, at index: Int) {
        if item.isNull { tuple.whole = false }
        guard !failed, tuple.value.isObject else { return }
        vm.heap.setSlot(tuple.value.objectOffset, index + TupleSlot.firstItem, item)
        // The outermost tuple is a root, so what its items hold is reachable now.
        if depth == 1 { vm.safePoint() }
    }

    mutating func endTuple(_ tuple: TupleInProgress) -> Value {
        depth -= 1
        return tuple.whole && !failed ? tuple.value : .null
    }
}
