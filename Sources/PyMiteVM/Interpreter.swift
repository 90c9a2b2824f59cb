// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// The interpreter loop. One function runs frames until the frame that
// started it (a boundary) returns; Python-to-Python calls push frames
// without recursing in Swift, natives that call back into Python start a
// nested `run`. Fast paths for small ints sit inline; everything else is
// a call out of the loop (Operators.swift, Attributes.swift, Calls.swift).

extension VM {
    /// Runs the top frame, which must be a boundary, until it returns or
    /// yields; returns its result. Exceptions not handled inside propagate.
    func run() throws(VMError) -> Value {
        let savedYoungBase = youngBase
        youngBase = young.count
        defer {
            youngBase = savedYoungBase
            youngToForget = true  // the caller's young objects above its base, if this run forgot the flag
        }

        // The value stack never moves: a local copy of where it is stays in a register.
        let stack = self.stack
        var fp = frames.count - 1
        var r = Registers(self, frames[fp], ip: Int(frames[fp].ip))
        var reraising = false

        // Two heads: an instruction that may have allocated goes on through `dispatch`, whose
        // safe point forgets the young objects; one that never allocates (a local, a constant,
        // small-int arithmetic, a jump on a bool) says `continue` and skips the test (fib 4%).
        dispatch: while true {
          safePoint()
          while true {
            let word = r.ins[r.ip]
            r.ip &+= 1
            let arg = Int(word >> 8)
            do throws(VMError) {
                switch unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self) {
                case .nop:
                    continue
                case .popTop:
                    sp &-= 1
                    continue
                case .dupTop:
                    stack[sp] = stack[sp - 1]; sp &+= 1
                    continue
                case .dupTopTwo:
                    stack[sp] = stack[sp - 2]; stack[sp + 1] = stack[sp - 1]; sp &+= 2
                case .rotTwo:
                    let t = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = t
                case .rotThree:
                    let t = stack[sp - 1]
                    stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = stack[sp - 3]; stack[sp - 3] = t
                case .rotFour:
                    let t = stack[sp - 1]
                    stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = stack[sp - 3]
                    stack[sp - 3] = stack[sp - 4]; stack[sp - 4] = t

                case .loadConst:
                    let v = r.consts[arg]
                    if v.isNull { throw unavailableConstant(code: Int(frames[fp].code), index: arg) }
                    stack[sp] = v; sp &+= 1
                    continue
                case .loadFast:
                    let v = stack[r.base &+ arg]
                    if v.isNull { throw unboundLocal(Int(frames[fp].code), arg) }
                    stack[sp] = v; sp &+= 1
                    continue
                case .loadFastLoadFast:
                    let (x, y) = FusedOperand.split(UInt32(arg), lowBits: FusedOperand.slotBits)
                    let v = stack[r.base &+ x]
                    if v.isNull { throw unboundLocal(Int(frames[fp].code), x) }
                    let w = stack[r.base &+ y]
                    if w.isNull { throw unboundLocal(Int(frames[fp].code), y) }
                    stack[sp] = v; stack[sp &+ 1] = w; sp &+= 2
                    continue
                case .storeFast:
                    sp &-= 1; stack[r.base &+ arg] = stack[sp]
                    continue
                case .deleteFast:
                    if stack[r.base + arg].isNull { throw unboundLocal(Int(frames[fp].code), arg) }
                    stack[r.base + arg] = .null
                case .loadDeref:
                    let cell = try expect(stack[r.base + arg], .cell)
                    let v = heap.slot(cell, CellSlot.contents)
                    if v.isNull { throw unboundDeref(Int(frames[fp].code), arg) }
                    push(v)
                case .storeDeref:
                    let cell = try expect(stack[r.base + arg], .cell)
                    sp &-= 1; heap.setSlot(cell, CellSlot.contents, stack[sp])
                case .deleteDeref:
                    heap.setSlot(try expect(stack[r.base + arg], .cell), CellSlot.contents, .null)
                case .loadClosure:
                    _ = try expect(stack[r.base + arg], .cell)
                    push(stack[r.base + arg])
                case .makeCell:
                    let cell = try allocSlots(.cell, CellSlot.slotCount)
                    heap.setSlot(cell, CellSlot.contents, stack[r.base + arg])
                    stack[r.base + arg] = .object(cell)
                case .loadGlobal:
                    // Allocates only to make a built-in class the first time its name is read.
                    push(try globalOrBuiltin(frames[fp].globals, r.names[arg]))
                    continue
                case .storeGlobal:
                    sp &-= 1
                    try storeGlobal(frames[fp].globals, r.names[arg], stack[sp])
                case .deleteGlobal:
                    if try dictRemove(frames[fp].globals, r.names[arg]) == nil { throw nameError(r.names[arg]) }
                case .loadName:
                    let name = r.names[arg]
                    let ns = frames[fp].namespace
                    if !ns.isNull, let v = dictGetStr(ns, name) {
                        push(v)
                    } else {
                        push(try globalOrBuiltin(frames[fp].globals, name))
                    }
                case .storeName:
                    sp &-= 1
                    let ns = frames[fp].namespace
                    try dictStore(ns.isNull ? frames[fp].globals : ns, r.names[arg], stack[sp])
                case .deleteName:
                    let ns = frames[fp].namespace
                    if try dictRemove(ns.isNull ? frames[fp].globals : ns, r.names[arg]) == nil {
                        throw nameError(r.names[arg])
                    }
                case .loadLocals:
                    let ns = frames[fp].namespace
                    push(ns.isNull ? frames[fp].globals : ns)
                case .loadAttr:
                    stack[sp - 1] = try loadAttribute(stack[sp - 1], r.names[arg], site: r.ins + r.ip)
                case .loadFastAttr:
                    let (slot, name) = FusedOperand.split(UInt32(arg), lowBits: FusedOperand.attrSlotBits)
                    let v = stack[r.base &+ slot]
                    if v.isNull { throw unboundLocal(Int(frames[fp].code), slot) }
                    stack[sp] = v; sp &+= 1
                    stack[sp - 1] = try loadAttribute(v, r.names[name], site: r.ins + r.ip)
                case .storeFastAttr:
                    let (slot, name) = FusedOperand.split(UInt32(arg), lowBits: FusedOperand.attrSlotBits)
                    let obj = stack[r.base &+ slot]
                    if obj.isNull { throw unboundLocal(Int(frames[fp].code), slot) }
                    try storeAttribute(obj, r.names[name], stack[sp - 1], site: r.ins + r.ip)
                    sp &-= 1
                case .storeAttr:
                    try storeAttribute(stack[sp - 1], r.names[arg], stack[sp - 2], site: r.ins + r.ip)
                    sp &-= 2
                case .deleteAttr:
                    try deleteAttribute(stack[sp - 1], r.names[arg])
                    sp &-= 1
                case .loadMethod:
                    try loadMethod(r.names[arg])
                case .loadSpecial:
                    try loadSpecial(r.names[arg])

                case .loadConstBinaryOp, .loadConstInplaceOp:
                    let k = Int(UInt32(arg) >> FusedOperand.operatorBits)
                    let v = r.consts[k]
                    if v.isNull { throw unavailableConstant(code: Int(frames[fp].code), index: k) }
                    stack[sp] = v; sp &+= 1
                    fallthrough  // the operator is the operand's low byte, as binaryOp's is
                case .binaryOp, .inplaceOp:
                    let a = stack[sp &- 2], b = stack[sp &- 1]
                    let op = unsafeBitCast(UInt8(truncatingIfNeeded: arg), to: BinaryOperator.self)
                    if a.isInt && b.isInt {
                        let x = a.intValue, y = b.intValue
                        var r: Int64? = nil
                        switch op {
                        case .add: let (v, o) = x.addingReportingOverflow(y); if !o { r = v }
                        case .subtract: let (v, o) = x.subtractingReportingOverflow(y); if !o { r = v }
                        case .multiply: let (v, o) = x.multipliedReportingOverflow(by: y); if !o { r = v }
                        case .and: r = x & y
                        case .or: r = x | y
                        case .xor: r = x ^ y
                        default: break
                        }
                        if let r = r, let v = Value.int(r) {
                            stack[sp &- 2] = v; sp &-= 1
                            continue
                        }
                    }
                    let opcode = word & 0xFF
                    let inplace = opcode == UInt32(Opcode.inplaceOp.rawValue) || opcode == UInt32(Opcode.loadConstInplaceOp.rawValue)
                    stack[sp - 2] = try binaryOperation(op, a, b, inplace: inplace)
                    sp &-= 1
                case .compareOp:
                    let a = stack[sp &- 2], b = stack[sp &- 1]
                    let op = unsafeBitCast(UInt8(truncatingIfNeeded: arg), to: CompareOperator.self)
                    if a.isInt && b.isInt, let t = intComparison(op, a.intValue, b.intValue) {
                        stack[sp &- 2] = t ? .true : .false; sp &-= 1
                        continue
                    }
                    stack[sp - 2] = try compareOperation(op, a, b)
                    sp &-= 1
                case .compareJumpIfFalse:
                    let a = stack[sp &- 2], b = stack[sp &- 1]
                    let (comparison, target) = FusedOperand.split(UInt32(arg), lowBits: FusedOperand.comparisonBits)
                    let op = unsafeBitCast(UInt8(truncatingIfNeeded: comparison), to: CompareOperator.self)
                    if a.isInt && b.isInt, let t = intComparison(op, a.intValue, b.intValue) {
                        if target < r.ip { try countStep() }
                        sp &-= 2
                        if !t { r.ip = target }
                        continue
                    }
                    let v = try compareOperation(op, a, b)
                    stack[sp &- 2] = v; sp &-= 1  // where compareOp leaves it, while popJumpIfFalse's steps run
                    if target < r.ip { try countStep() }
                    sp &-= 1
                    if v.raw == Value.false.raw {
                        r.ip = target
                    } else if v.raw != Value.true.raw, try !isTruthy(v) {  // may call __bool__ or __len__
                        r.ip = target
                    }
                case .unaryNegative:
                    stack[sp - 1] = try unaryNegative(stack[sp - 1])
                case .unaryPositive:
                    stack[sp - 1] = try unaryPositive(stack[sp - 1])
                case .unaryNot:
                    stack[sp - 1] = try isTruthy(stack[sp - 1]) ? .false : .true
                case .unaryInvert:
                    stack[sp - 1] = try unaryInvert(stack[sp - 1])
                case .binarySubscr:
                    let c = stack[sp &- 2], key = stack[sp &- 1]
                    if let i = listIndex(c, key) {
                        stack[sp &- 2] = listItem(c.objectOffset, i)
                        sp &-= 1
                        continue
                    } else {
                        stack[sp &- 2] = try getItem(c, key)
                    }
                    sp &-= 1
                case .binarySlice:
                    let c = stack[sp &- 3], lo = stack[sp &- 2], hi = stack[sp &- 1]
                    if let v = try plainSlice(c, lo, hi) {
                        stack[sp &- 3] = v
                    } else {  // as buildSlice 2 and binarySubscr would
                        let o = try allocSlots(.slice, SliceSlot.slotCount)
                        heap.setSlot(o, SliceSlot.start, lo)
                        heap.setSlot(o, SliceSlot.stop, hi)
                        heap.setSlot(o, SliceSlot.step, .none)
                        stack[sp &- 2] = .object(o)
                        stack[sp &- 3] = try getItem(c, .object(o))
                    }
                    sp &-= 2
                case .storeSubscr:
                    let c = stack[sp &- 2], key = stack[sp &- 1]
                    if let i = listIndex(c, key) {
                        setListItem(c.objectOffset, i, stack[sp &- 3])
                        sp &-= 3
                        continue
                    } else {
                        try setItem(c, key, stack[sp &- 3])
                    }
                    sp &-= 3
                case .deleteSubscr:
                    try deleteItem(stack[sp - 2], stack[sp - 1])
                    sp &-= 2
                case .buildSlice:
                    let o = try allocSlots(.slice, SliceSlot.slotCount)
                    heap.setSlot(o, SliceSlot.start, stack[sp - arg])
                    heap.setSlot(o, SliceSlot.stop, stack[sp - arg + 1])
                    heap.setSlot(o, SliceSlot.step, arg == 3 ? stack[sp - 1] : .none)
                    sp -= arg
                    push(.object(o))

                case .buildTuple:
                    let t = try newTupleFromStack(arg)
                    sp -= arg
                    push(t)
                case .buildList:
                    let l = try newList(capacity: arg)
                    if arg > 0 {
                        let items = heap.slotPointer(heap.slot(l.objectOffset, ListSlot.items).objectOffset, ValueArraySlot.firstItem)
                        for i in 0..<arg { items[i] = stack[sp - arg + i] }
                        heap.setSlot(l.objectOffset, ListSlot.count, .smallInt(arg))
                    }
                    sp -= arg
                    push(l)
                case .buildSet:
                    guard setsOn else { throw leftOut("set", "set") }
                    let d = try newDict(.set, capacity: arg)
                    for i in 0..<arg { try dictStore(d, stack[sp - arg + i], .none) }
                    sp -= arg
                    push(d)
                case .buildMap:
                    let d = try newDict(.dict, capacity: arg)
                    for i in 0..<arg { try dictStore(d, stack[sp - 2 * arg + 2 * i], stack[sp - 2 * arg + 2 * i + 1]) }
                    sp &-= 2 * arg
                    push(d)
                case .listAppend:
                    _ = try expect(stack[sp - 1 - arg], .list)
                    try listAppend(stack[sp - 1 - arg], stack[sp - 1])
                    sp &-= 1
                case .setAdd:
                    _ = try expect(stack[sp - 1 - arg], .set)
                    try dictStore(stack[sp - 1 - arg], stack[sp - 1], .none)
                    sp &-= 1
                case .mapAdd:
                    _ = try expect(stack[sp - 2 - arg], .dict)
                    try dictStore(stack[sp - 2 - arg], stack[sp - 2], stack[sp - 1])
                    sp &-= 2
                case .listExtend:
                    _ = try expect(stack[sp - 2], .list)
                    try extendList(stack[sp - 2], with: stack[sp - 1])
                    sp &-= 1
                case .setUpdate:
                    guard setsOn else { throw leftOut("set", "set") }
                    _ = try expect(stack[sp - 2], .set)
                    try updateSet(stack[sp - 2], with: stack[sp - 1])
                    sp &-= 1
                case .dictUpdate:
                    _ = try expect(stack[sp - 2], .dict)
                    // 2: a call's keywords, [f args keywords mapping] (CPython's DICT_MERGE).
                    if arg == 2 && sp >= 4 {
                        try mergeKeywords(into: stack[sp - 2], stack[sp - 1], callee: stack[sp - 4])
                    } else {
                        try updateDict(stack[sp - 2], with: stack[sp - 1])
                    }
                    sp &-= 1
                case .listToTuple:
                    let l = try expect(stack[sp - 1], .list)
                    let n = listCount(l)
                    let t = try newTuple(n)
                    for i in 0..<n { heap.setSlot(t.objectOffset, i + TupleSlot.firstItem, listItem(l, i)) }
                    stack[sp - 1] = t
                case .unpackSequence:
                    try unpackSequence(count: arg)
                case .unpackEx:
                    try unpackStarred(before: arg & 0xFF, after: arg >> 8)

                case .jump:
                    if arg < r.ip { try countStep() }
                    r.ip = arg
                    continue
                case .popJumpIfFalse:
                    if arg < r.ip { try countStep() }
                    sp &-= 1
                    let v = stack[sp]
                    if v.raw == Value.false.raw { r.ip = arg; continue }
                    if v.raw == Value.true.raw { continue }
                    if try !isTruthy(v) { r.ip = arg }  // may call __bool__ or __len__
                case .popJumpIfTrue:
                    if arg < r.ip { try countStep() }
                    sp &-= 1
                    let v = stack[sp]
                    if v.raw == Value.true.raw { r.ip = arg; continue }
                    if v.raw == Value.false.raw { continue }
                    if try isTruthy(v) { r.ip = arg }
                case .jumpIfFalseOrPop:
                    if try isTruthy(stack[sp - 1]) { sp &-= 1 } else { r.ip = arg }
                case .jumpIfTrueOrPop:
                    if try isTruthy(stack[sp - 1]) { r.ip = arg } else { sp &-= 1 }
                case .getIter:
                    stack[sp - 1] = try getIterator(stack[sp - 1])
                case .forIter:
                    if let v = try anyIteratorNext(stack[sp - 1]) {
                        push(v)
                    } else {
                        sp &-= 1
                        r.ip = arg
                    }

                case .makeFunction:
                    try makeFunction(flags: UInt32(arg), in: frames[fp])
                case .callFunction:  // by itself: no second dispatch on the kind of call (fib 1%)
                    try countStep()
                    frames[fp].ip = Int32(truncatingIfNeeded: r.ip)  // ip < the code's count, an Int32
                    let fi = sp &- arg &- 1
                    if try callFast(fi, argc: arg, resultSlot: fi) {
                        fp = frames.count &- 1
                        r = Registers(self, frames[fp], ip: 0)
                    }
                case .callFunctionKw, .callFunctionEx, .callMethod:
                    try countStep()
                    let op = unsafeBitCast(UInt8(truncatingIfNeeded: word), to: Opcode.self)
                    frames[fp].ip = Int32(truncatingIfNeeded: r.ip)  // ip < the code's count, an Int32
                    let pushed: Bool
                    switch op {
                    case .callFunctionKw:
                        sp &-= 1
                        let kw = stack[sp]
                        try checkKeywordNames(kw, count: arg)
                        pushed = try callAt(sp - arg - 1, argc: arg, kwnames: kw, resultSlot: sp - arg - 1)
                    case .callFunctionEx:
                        pushed = try callWithUnpacked(hasKwargs: arg & 1 != 0)
                    default:  // callMethod
                        let fi = sp &- arg &- 2
                        if stack[fi].isNull {
                            pushed = try callFast(fi &+ 1, argc: arg, resultSlot: fi)
                        } else {
                            pushed = try callFast(fi, argc: arg &+ 1, resultSlot: fi)
                        }
                    }
                    if pushed {
                        fp = frames.count - 1
                        r = Registers(self, frames[fp], ip: 0)
                    }
                case .returnValue:
                    try countStep()
                    var result = stack[sp - 1]
                    // The frame's fields where it lies: copying all of it out cost fib 2%.
                    let f = frames.top
                    if !f.pointee.constructed.isNull {
                        // Raised in __init__'s frame, whose return it is.
                        if !result.isNone { throw raiseAboutType(.typeError, "__init__() should return None, not '", result, "'") }
                        result = f.pointee.constructed
                        noteInstanceSize(result)
                    }
                    if !f.pointee.generator.isNull { finishGenerator(f.pointee.generator) }
                    let resultSlot = Int(f.pointee.resultSlot), isBoundary = f.pointee.isBoundary
                    frames.removeLast()
                    stack[resultSlot] = result
                    sp = resultSlot &+ 1
                    if isBoundary {
                        sp &-= 1
                        return result
                    }
                    fp -= 1
                    r = Registers(self, frames[fp], ip: Int(frames[fp].ip))
                case .yieldValue:
                    if frames[fp].generator.isNull { throw badImage("yield outside a generator") }
                    let v = stack[sp - 1]
                    sp &-= 1
                    frames[fp].ip = Int32(truncatingIfNeeded: r.ip)
                    suspendGenerator(frames.top)
                    sp = Int(frames.top.pointee.resultSlot)
                    frames.removeLast()
                    generatorYielded = true
                    return v
                case .getYieldFromIter:
                    if !isType(stack[sp - 1], .generator) { stack[sp - 1] = try getIterator(stack[sp - 1]) }
                case .yieldFrom:
                    // [subiter sent]: one step of the subiterator. While it yields, this
                    // generator yields too, keeping [subiter] and its ip on this instruction.
                    if frames[fp].generator.isNull { throw badImage("yield outside a generator") }
                    frames[fp].ip = Int32(r.ip)
                    let throwing = throwIntoDelegate  // resumed by throw(): the sent value is the exception
                    throwIntoDelegate = false
                    if let v = throwing ? try delegateThrow(stack[sp - 2], stack[sp - 1])
                        : try delegateStep(stack[sp - 2], sending: stack[sp - 1]) {
                        sp &-= 1
                        frames[fp].ip = Int32(r.ip - 1)
                        suspendGenerator(frames.top)
                        sp = Int(frames.top.pointee.resultSlot)
                        frames.removeLast()
                        generatorYielded = true
                        return v
                    }
                    sp &-= 1
                    stack[sp - 1] = generatorReturnValue
                    generatorReturnValue = .none
                case .setupAnnotations:  // a module's or class's __annotations__, unless it has one
                    let ns = frames[fp].namespace.isNull ? frames[fp].globals : frames[fp].namespace
                    let name = try internName(.__annotations__)
                    if dictGetStr(ns, name) == nil { try dictStoreStr(ns, name, try newDict()) }
                case .formatValue:
                    let hasSpec = arg & 4 != 0
                    var v = stack[sp - (hasSpec ? 2 : 1)]
                    switch arg & 3 {
                    case 1: v = try strValue(v)
                    case 2: v = try reprValue(v)
                    case 3: v = try asciiRepr(v)
                    default: break
                    }
                    stack[sp - (hasSpec ? 2 : 1)] = v
                    let spec: Value = hasSpec ? try expectStr(stack[sp - 1]) : .null
                    let r = try formatValue(v, spec: spec)
                    sp -= hasSpec ? 1 : 0
                    stack[sp - 1] = r
                case .buildString:
                    var out: [UInt8] = []
                    for i in (sp - arg)..<sp { out += strBuffer(try expect(stack[i], .str)) }
                    let r = try newStr(out)
                    sp -= arg
                    push(r)
                case .buildClass:
                    let k = Int(arg & 1), nsAt = sp - 1, nameAt = sp - 3 - k
                    _ = try expect(stack[nameAt], .str)
                    _ = try expect(stack[nameAt + 1], .tuple)
                    if k == 1 { _ = try expect(stack[nsAt - 1], .dict) }
                    _ = try expect(stack[nsAt], .dict)
                    var keywords: Value = k == 1 ? stack[nsAt - 1] : .null
                    var meta = Value.null
                    if k == 1, let m = dictGetStr(keywords, internStatic(.metaclass)) {
                        meta = m
                        _ = try dictRemove(keywords, internStatic(.metaclass))
                        if dictCount(keywords) == 0 { keywords = .null }
                    }
                    frames[fp].ip = Int32(r.ip)
                    // A metaclass other than type (given, or a base's) makes the class: M(name, bases, ns, **kw).
                    if !classHooksOn && !meta.isNull && !isTypeClass(meta, .type) { throw leftOut("a metaclass", "class_hooks") }
                    if !meta.isNull && !isClass(meta) {
                        stack[nameAt] = try callMetaclass(meta, name: stack[nameAt], bases: stack[nameAt + 1], namespace: stack[nsAt], keywords: keywords)
                    } else {
                        meta = try winningMetaclass(meta, bases: stack[nameAt + 1])
                        stack[nameAt] = meta.isNull
                            ? try makeClass(meta: .null, name: stack[nameAt], bases: stack[nameAt + 1], namespace: stack[nsAt], keywords: keywords)
                            : try callMetaclass(meta, name: stack[nameAt], bases: stack[nameAt + 1], namespace: stack[nsAt], keywords: keywords)
                    }
                    sp = nameAt + 1

                case .importName:
                    frames[fp].ip = Int32(r.ip)
                    push(try importModule(r.names[arg]))
                case .importFrom:
                    push(try importFrom(stack[sp - 1], r.names[arg]))
                case .importStar:
                    let ns = frames[fp].namespace
                    try importStar(stack[sp - 1], into: ns.isNull ? frames[fp].globals : ns)
                    sp &-= 1

                case .raiseVarargs:
                    if arg == 0 {
                        guard !handledException.isNull else {
                            throw raise(.runtimeError, "No active exception to reraise")
                        }
                        pendingException = handledException
                        reraising = true
                        throw VMError.exception
                    }
                    let cause: Value = arg == 2 ? stack[sp - 1] : .null
                    let exc = try makeExceptionToRaise(stack[sp - arg])
                    if !cause.isNull {
                        guard cause.isNone || isExceptionInstance(cause) || (isClass(cause) && isSubclass(cause, exceptionClass(.baseException))) else {
                            throw raise(.typeError, "exception causes must derive from BaseException")
                        }
                        let c = cause.isNone ? cause : try makeExceptionToRaise(cause)
                        try dictStore(instanceDict(exc), internStatic(.__cause__), c)
                        try dictStore(instanceDict(exc), internStatic(.__suppress_context__), .true)
                    }
                    sp -= arg
                    pendingException = exc
                    throw VMError.exception
                case .raiseAssertion:
                    let e = try newException(.assertionError, args: arg == 1 ? [stack[sp - 1]] : [])
                    sp -= arg
                    pendingException = e
                    throw VMError.exception
                case .pushExcInfo:
                    let exc = stack[sp - 1]
                    stack[sp - 1] = handledException.isNull ? .none : handledException
                    stack[sp] = exc; sp &+= 1
                    handledException = exc
                case .popExcept:
                    sp &-= 1
                    let prev = stack[sp]
                    handledException = prev.isNone ? .null : prev
                case .reraise:
                    sp &-= 1
                    pendingException = stack[sp]
                    reraising = true
                    throw VMError.exception
                case .exceptMatch:
                    let matched = try exceptionMatches(stack[sp - 2], stack[sp - 1])
                    stack[sp - 1] = matched ? .true : .false
                case .popExceptReraise:
                    let exc = stack[sp - 1]
                    let prev = stack[sp - 2]
                    sp &-= 2
                    handledException = prev.isNone ? .null : prev
                    pendingException = exc
                    reraising = true
                    throw VMError.exception
                }
            } catch {
                // Unwind to the innermost handler of this run, or propagate.
                frames[fp].ip = Int32(r.ip)
                if !reraising { recordContext() }
                var first = true
                while true {
                    let f = frames[fp]
                    let faulting = Int(f.ip) - 1
                    if !(first && reraising) { addTraceback(code: Int(f.code), index: faulting) }
                    first = false
                    reraising = false
                    if let h = findHandler(code: Int(f.code), index: faulting), mayHandle() {
                        let c = codes[Int(f.code)]
                        sp = Int(f.base) + Int(c.localCount + c.freeCount) + h.depth
                        push(pendingException)
                        pendingException = .null
                        r = Registers(self, c, base: f.base, ip: h.target)
                        break
                    }
                    frames.removeLast()
                    if !f.generator.isNull { finishGenerator(f.generator) }
                    sp = Int(f.resultSlot)
                    if f.isBoundary { throw VMError.exception }
                    fp -= 1
                }
            }
            continue dispatch
          }
        }
    }

    /// `x op y` for two small ints; nil for `in` and `not in`, which ask the container.
    @inline(__always) func intComparison(_ op: CompareOperator, _ x: Int64, _ y: Int64) -> Bool? {
        switch op {
        case .less: return x < y
        case .lessEqual: return x <= y
        case .equal, .isIdentical: return x == y
        case .notEqual, .isNotIdentical: return x != y
        case .greater: return x > y
        case .greaterEqual: return x >= y
        case .contains, .notContains: return nil
        }
    }

    /// The loop's registers: the running frame's instructions, the next
    /// instruction, its first stack slot, and its windows on VM.constants /
    /// VM.names. Set when the loop starts, when a call pushes a frame, when
    /// a return pops one and when a handler catches. Always inlined: as plain
    /// locals the loop keeps them in machine registers. The handler passes
    /// the code it has already looked up: looking it up again there changed
    /// register allocation in the dispatch (one spill per instruction, +1%
    /// instructions on fib).
    struct Registers {
        let ins: UnsafePointer<UInt32>
        var ip: Int
        let base: Int
        let consts: UnsafeMutablePointer<Value>
        let names: UnsafeMutablePointer<Value>

        @inline(__always) init(_ vm: VM, _ frame: Frame, ip: Int) {
            self.init(vm, vm.codes[Int(frame.code)], base: frame.base, ip: ip)
        }

        @inline(__always) init(_ vm: VM, _ code: LoadedCode, base: Int32, ip: Int) {
            ins = code.instructions
            self.ip = ip
            self.base = Int(base)
            consts = vm.constants + Int(code.constBase)
            names = vm.names + Int(code.nameBase)
        }
    }

    /// The value of a global name (loadGlobal; loadName outside a class
    /// body's namespace): the module's, else a builtin's, else NameError.
    /// `c[key]` for a list and a small int inside it (negative from the end): the
    /// position, for the loop to read or write inline; nil for anything else.
    @inline(__always) func listIndex(_ c: Value, _ key: Value) -> Int? {
        guard key.isInt, c.isObject, heap.type(c.objectOffset) == .list else { return nil }
        let n = listCount(c.objectOffset)
        var i = Int(truncatingIfNeeded: key.intValue)
        if i < 0 { i &+= n }
        return i >= 0 && i < n ? i : nil
    }

    /// A call without keywords: a Python function goes straight to its frame, without
    /// callAt's dispatch on the callee.
    @inline(__always) func callFast(_ fi: Int, argc: Int, resultSlot: Int) throws(VMError) -> Bool {
        let f = stack[fi]
        if f.isObject && heap.type(f.objectOffset) == .function {
            if enterDirect(f, argsAt: fi &+ 1, argc: argc, resultSlot: resultSlot) { return true }
            return try enterFunction(f, argsAt: fi &+ 1, argc: argc, kwnames: .null, resultSlot: resultSlot, constructed: .null)
        }
        return try callAt(fi, argc: argc, kwnames: .null, resultSlot: resultSlot)
    }

    /// enterFunction's common case in the loop itself: a plain positional call of a function
    /// whose code takes them so (`LoadedCode.isDirect`), with room for its frame. Anything
    /// else (and every error) is enterFunction's.
    // In the loop on the host (fib 0.5% fewer instructions than as a call); a call on a board,
    // where the copy in the loop took 1.1 KB of the micro:bit's flash.
    #if _pointerBitWidth(_64)
    @inline(__always)
    #else
    @inline(never)
    #endif
    func enterDirect(_ f: Value, argsAt a: Int, argc: Int, resultSlot: Int) -> Bool {
        let codeIndex = Int(heap.slot(f.objectOffset, FunctionSlot.code).intValue)
        guard codeIndex >= 0 && codeIndex < codes.count else { return false }
        let c = codes[codeIndex]
        let slots = Int(c.localCount)
        guard c.isDirect && argc == Int(c.argCount) && frames.count < recursionLimit
              && a &+ slots &+ Int(c.stackSize) &+ 8 < stackCapacity else { return false }
        var i = a &+ argc
        while i < a &+ slots { stack[i] = .null; i &+= 1 }
        sp = a &+ slots
        pushFrame(codeIndex, base: a, resultSlot: resultSlot, function: f, namespace: .null, constructed: .null)
        return true
    }

    @inline(__always) func globalOrBuiltin(_ globals: Value, _ name: Value) throws(VMError) -> Value {
        if lookupCacheMask != 0 {
            if let v = nameLookup(globals, name) ?? nameLookup(builtins, name) { return v }
        } else if let v = dictGetStr(globals, name) ?? dictGetStr(builtins, name) {
            return v
        }
        if let v = try builtinNamed(name) { return v }
        throw nameError(name)
    }

    /// dictGetStr for a global or builtin name, through `nameCache`: a hit is inline in the
    /// loop (`.some(nil)`: the name is known to be absent), a miss a call.
    @inline(__always) func nameLookup(_ d: Value, _ name: Value) -> Value? {
        let o = d.objectOffset, n = name.objectOffset
        let entry = nameCacheEntry(o, n)
        if entry.pointee.epoch == lookupEpoch && entry.pointee.dict == o && entry.pointee.name == n {
            let entries = heap.slot(o, DictSlot.entries)
            let entriesOffset = entries.isNull ? 0 : entries.objectOffset
            let i = Int(entry.pointee.index)
            if entry.pointee.entries == entriesOffset {
                if entry.pointee.absent {
                    if dictUsed(d) == i { return nil }
                } else if i < dictUsed(d), heap.slot(entriesOffset, i &* DictEntry.stride &+ DictEntry.key).raw == name.raw {
                    return heap.slot(entriesOffset, i &* DictEntry.stride &+ DictEntry.value)
                }
            }
        }
        return nameLookupMiss(d, name, entry)
    }

    @inline(__always) func nameCacheEntry(_ dict: UInt32, _ name: UInt32) -> UnsafeMutablePointer<NameCacheEntry> {
        nameCache + Int((dict >> 3 ^ name >> 2 ^ name >> 9) & UInt32(truncatingIfNeeded: lookupCacheMask))
    }

    /// STORE_GLOBAL: a name `nameCache` knows where to find (the same entry LOAD_GLOBAL
    /// fills) is replaced in place; anything else through dictStoreStr.
    @inline(__always) func storeGlobal(_ globals: Value, _ name: Value, _ value: Value) throws(VMError) {
        if lookupCacheMask != 0 {
            let o = globals.objectOffset
            let entry = nameCacheEntry(o, name.objectOffset)
            if entry.pointee.epoch == lookupEpoch && entry.pointee.dict == o && entry.pointee.name == name.objectOffset
                && !entry.pointee.absent {
                let entries = heap.slot(o, DictSlot.entries)
                let i = Int(entry.pointee.index)
                if entries.isObject && entries.objectOffset == entry.pointee.entries && i < dictUsed(globals)
                    && heap.slot(entries.objectOffset, i &* DictEntry.stride &+ DictEntry.key).raw == name.raw {
                    heap.setSlot(entries.objectOffset, i &* DictEntry.stride &+ DictEntry.value, value)
                    return
                }
            }
        }
        try dictStoreStr(globals, name, value)
    }

    @inline(never) func nameLookupMiss(_ d: Value, _ name: Value, _ entry: UnsafeMutablePointer<NameCacheEntry>) -> Value? {
        let o = d.objectOffset, n = name.objectOffset
        let entries = heap.slot(o, DictSlot.entries)
        let entriesOffset = entries.isNull ? 0 : entries.objectOffset
        let i = dictFindStr(d, name, hash: strHash(n))
        entry.pointee = NameCacheEntry(dict: o, name: n, epoch: lookupEpoch, entries: entriesOffset,
                                       index: Int32(i < 0 ? dictUsed(d) : i), absent: i < 0)
        return i < 0 ? nil : heap.slot(entriesOffset, i * DictEntry.stride + DictEntry.value)
    }

    /// The offset of `v` if it has type `t`; images from elsewhere may lie.
    @inline(__always) func expect(_ v: Value, _ t: ObjType) throws(VMError) -> UInt32 {
        guard isType(v, t) else { throw badImage("operand of the wrong type") }
        return v.objectOffset
    }

    func expectStr(_ v: Value) throws(VMError) -> Value {
        _ = try expect(v, .str)
        return v
    }

    func badImage(_ what: StaticString) -> VMError {
        raise(.systemError, bytes("bad code image: ") + bytes(what))
    }

    func checkKeywordNames(_ kw: Value, count: Int) throws(VMError) {
        let o = try expect(kw, .tuple)
        guard tupleCount(o) <= count else { throw badImage("too many keyword names") }
        for name in tupleItems(o) where !isStr(name) { throw badImage("keyword name is not a str") }
    }

    /// Backward jumps, calls, returns, caught exceptions and collections
    /// (`collectGarbage`) count against
    /// the optional instruction budget (`VMConfig.backwardJumpLimit`), so a
    /// runaway program is stopped (tests, fuzzing, emulated boards): a loop
    /// needs backward jumps, and unbounded work without loops needs frames
    /// (entered by calls or special methods) that return or catch. Once
    /// spent, every counted step raises again and no handler runs.
    @inline(__always) func countStep() throws(VMError) {
        if config.backwardJumpLimit > 0 {
            budgetSteps += 1
            if budgetSteps >= config.backwardJumpLimit { throw raise(.runtimeError, "instruction budget exhausted") }
        }
    }

    /// Whether an exception may be caught: a step of the budget; once it is
    /// spent no handler runs, so a program cannot go on by catching.
    func mayHandle() -> Bool {
        guard config.backwardJumpLimit > 0 else { return true }
        budgetSteps += 1
        if budgetSteps < config.backwardJumpLimit { return true }
        if budgetSteps == config.backwardJumpLimit { _ = raise(.runtimeError, "instruction budget exhausted") }
        return false
    }

    func findHandler(code: Int, index: Int) -> (target: Int, depth: Int)? {
        let c = codes[code]
        for i in 0..<Int(c.handlerCount) {
            let e = c.handlers + 4 * i
            if Int(e[0]) <= index && index < Int(e[1]) { return (Int(e[2]), Int(e[3])) }
        }
        return nil
    }

    /// An exception raised while another is handled remembers it (__context__).
    func recordContext() {
        let exc = pendingException
        guard !handledException.isNull, handledException != exc, isType(exc, .instance) else { return }
        let key = internStatic(.__context__)
        let d = instanceDict(exc)
        if dictGetStr(d, key) != nil { return }
        do { try dictStore(d, key, handledException) } catch { pendingException = exc }
    }

    /// Records that the pending exception passed through `code` at `index`.
    func addTraceback(code: Int, index: Int) {
        let exc = pendingException
        guard isType(exc, .instance) else { return }
        // Two ints per entry, code then line: a pair fits a 32-bit board's small ints.
        let line = Int(codes[code].line(at: index))
        guard line <= Int(Value.smallIntMax) else { return }
        do {
            var tb = heap.slot(exc.objectOffset, InstanceSlot.traceback)
            if tb.isNull {
                tb = try newList()
                heap.setSlot(exc.objectOffset, InstanceSlot.traceback, tb)
            }
            root(tb); defer { unroot() }
            try listAppend(tb, .smallInt(code))
            try listAppend(tb, .smallInt(line))
        } catch {
            // Out of memory while recording: keep the original, without half a pair.
            let tb = heap.slot(exc.objectOffset, InstanceSlot.traceback)
            if !tb.isNull && listCount(tb.objectOffset) % 2 == 1 {
                heap.setSlot(tb.objectOffset, ListSlot.count, .smallInt(listCount(tb.objectOffset) - 1))
            }
            pendingException = exc
        }
    }

    /// The name of local slot `slot` (parameters first, then locals and free variables): a str
    /// where it lies in the image on a 32-bit board, not always the interned one (compare by text).
    @inline(__always) func slotName(_ c: LoadedCode, _ slot: Int) -> Value {
        #if _pointerBitWidth(_32) || P14P_VALUE32
        if c.slotNamesInImage { return slotNameInImage(c, slot) }
        #endif
        return names[Int(c.slotNameBase) + slot]
    }

    #if _pointerBitWidth(_32) || P14P_VALUE32
    /// One call for the nine places that ask (the reference's read would be flash at each).
    @inline(never) func slotNameInImage(_ c: LoadedCode, _ slot: Int) -> Value {
        // The loader checked that each lies within the heap's reach.
        staticStrOffset(of: c.slotNameObject(slot)).map { .object($0) } ?? emptyName
    }
    #endif

    func unboundLocal(_ code: Int, _ slot: Int) -> VMError {
        guard BuiltFeatures.errorMessages else { return raiseBare(.unboundLocalError) }
        var m = bytes("cannot access local variable '")
        m += strArray(slotName(codes[code], slot))
        m += bytes("' where it is not associated with a value")
        return raise(.unboundLocalError, m)
    }

    func unboundDeref(_ code: Int, _ slot: Int) -> VMError {
        guard BuiltFeatures.errorMessages else { return raiseBare(.nameError) }
        var m = bytes("cannot access free variable '")
        m += strArray(slotName(codes[code], slot))
        m += bytes("' where it is not associated with a value in enclosing scope")
        return raise(.nameError, m)
    }

    func nameError(_ name: Value) -> VMError {
        let e = raise(.nameError, bytes("name '") + strArray(name) + bytes("' is not defined"))
        noteExceptionDetails(name: name, obj: .null)
        return e
    }
}

/// The UTF-8 bytes of a static string, for building messages.
/// Not inlined: hundreds of messages call it, and one copy of the array-making code is enough.
@inline(never) func bytes(_ s: StaticString) -> [UInt8] {
    Array(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
}

/// The bytes of a name from a static table (nativeName).
@inline(__always) func bytes(_ s: NameText) -> [UInt8] { Array(s) }
