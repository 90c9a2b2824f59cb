// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Built-in functions and the constructors of the built-in types.

extension VM {
    func callNative(_ id: Native, _ a: Arguments) throws(VMError) -> Value {
        currentNative = id
        switch id.home {
        case .builtins, .sys, .module:
            if a.keywordCount > 0 && !id.takesKeywords { throw raise(.typeError, Array(nativeName(id)) + bytes("() takes no keyword arguments")) }
            if a.keywordCount > 0 && (id == .round || id == .pow) {
                let named = try keywordsInPlace(a, id == .round ? ["number", "ndigits"] : ["base", "exp", "mod"], required: id == .round ? 1 : 2, of: id)
                try checkArity(id, named)
                return try callBuiltin(id, named)
            }
            try checkArity(id, a)
        default: break  // a method's count is checked once its receiver is
        }
        switch id.home {
        case .builtins: return try callBuiltin(id, a)
        case .sys: return try callSys(id, a)
        case .module: return try callModuleNative(id, a)
        case .slot:
            // Reached only through the lookups above, which find none without special_methods.
            guard BuiltFeatures.specialMethods else { throw raise(.notImplementedError, "special methods as attributes") }
            return try callSlot(id, a)
        default: return try callMethod(id, a)
        }
    }

    /// abs() of an int, bool or float; nil for anything else (abs() and int.__abs__).
    func numberAbsolute(_ v: Value) throws(VMError) -> Value? {
        if let i = intOf(v) {
            if i != Int64.min { return try newInt(i < 0 ? -i : i) }
            guard longIntsOn else { throw overflow() }  // 2**63 needs a long int
            return try intResult(-BigInt(i))
        }
        if isLong(v) {
            var b = longValue(v)
            b.negative = false
            return try intResult(b)
        }
        return isFloat(v) ? try newFloat(abs(floatValue(v))) : nil
    }

    /// A call's positional count against the native's row in `Native.arity`, read from
    /// `nativeArity` (NativeIndexTable.swift, generated from it).
    func checkArity(_ id: Native, _ a: Arguments) throws(VMError) {
        let row = nativeArity[id.rawValue]
        if row == Native.ownCount { return }
        let n = a.positionalCount, min = Int(row & 15), max = Int(row >> 4)
        if n < min || n > max { throw wrongArgumentCount(nativeName(id), n, min: min, max: max) }
    }

    func argumentCount(_ a: Arguments, _ name: StaticString, min: Int, max: Int) throws(VMError) {
        try argumentCount(a, NameText(start: name.utf8Start, count: name.utf8CodeUnitCount), min: min, max: max)
    }

    func argumentCount(_ a: Arguments, _ name: NameText, min: Int, max: Int) throws(VMError) {
        let n = a.positionalCount
        if n < min || n > max { throw wrongArgumentCount(name, n, min: min, max: max) }
    }

    /// The TypeError for a wrong number of arguments, apart from argumentCount's test, which
    /// every native call makes: that stays a compare and a branch.
    @inline(never)
    func wrongArgumentCount(_ name: NameText, _ n: Int, min: Int, max: Int) -> VMError {
        guard BuiltFeatures.errorMessages else { return raiseBare(.typeError) }
        var m = Array(name)
        var (n, min, max) = (n, min, max)
        // A method of a built-in type counts self among its arguments; CPython does not,
        // and names the type where a method takes exactly one ("list.append() takes ...").
        var owner: [UInt8] = []
        var takesWords = false
        if let id = currentNative, sameText(name, nativeName(id)) {
            takesWords = id.countsInTakesWords
            switch id.home {
            case .type(let kind): owner = bytes(kind.name)
            case .exception: owner = bytes("BaseException")
            default: break
            }
            if !owner.isEmpty && !id.isClassLevel { (n, min, max) = (n - 1, min - 1, max - 1) }
            if id.home == .slot {  // CPython's slot wrappers: "expected 1 argument, got 0", self not counted
                return raise(.typeError, bytes("expected ") + decimal(min - 1) + bytes(min == 2 ? " argument, got " : " arguments, got ") + decimal(n - 1))
            }
        }
        if takesWords {
            // "to_bytes() takes at most 2 positional arguments (3 given)": it also takes keywords.
            let bound = n < min ? min : max
            m += n < min ? bytes("() takes at least ") : bytes("() takes at most ")
            m += decimal(bound) + (currentNative == .intToBytes ? bytes(" positional argument") : bytes(" argument"))
            m += (bound == 1 ? bytes(" (") : bytes("s (")) + decimal(n) + bytes(" given)")
        } else if min == max && min <= 1 && currentNative != .sorted {
            // CPython's words: "takes exactly one argument" for its one-argument builtins and methods
            // (sorted, which also takes keywords, says "expected 1 argument").
            if !owner.isEmpty { m = owner + bytes(".") + m }
            m += min == 0 ? bytes("() takes no arguments (") : bytes("() takes exactly one argument (")
            m += decimal(n) + bytes(" given)")
        } else if min == max {
            m += bytes(" expected ") + decimal(min) + bytes(min == 1 ? " argument, got " : " arguments, got ") + decimal(n)
        } else if n < min {
            m += bytes(" expected at least ") + decimal(min) + bytes(min == 1 ? " argument, got " : " arguments, got ") + decimal(n)
        } else {
            m += bytes(" expected at most ") + decimal(max) + bytes(max == 1 ? " argument, got " : " arguments, got ") + decimal(n)
        }
        return raise(.typeError, m)
    }

    func callBuiltin(_ id: Native, _ a: Arguments) throws(VMError) -> Value {
        switch id {
        case .print:
            return try printBuiltin(a)
        case .len:
            return try newInt(Int64(try length(a[0])))  // a long range's length can pass a board's small ints
        case .abs:
            let v = a[0]
            if let r = try numberAbsolute(v) { return r }
            if let r = try callDunder0(v, .__abs__) { return r }
            throw raiseAboutType(.typeError, "bad operand type for abs(): '", v, "'")
        case .min, .max:
            return try minMax(a, wantMax: id == .max)
        case .sum:
            var total: Value = a.positionalCount > 1 ? a[1] : (a.keyword("start") ?? .smallInt(0))
            // Text is joined, not summed (CPython refuses the start that would make it quadratic).
            if isStr(total) { throw raise(.typeError, "sum() can't sum strings [use ''.join(seq) instead]") }
            if isType(total, .bytes) || isType(total, .bytearray) {
                throw raise(.typeError, bytes("sum() can't sum ") + typeName(total) + bytes(" [use b''.join(seq) instead]"))
            }
            let it = try getIterator(a[0])
            root(it); defer { unroot() }
            while let v = try iteratorNext(it) {
                if total.isInt && v.isInt, let r = Value.int(total.intValue &+ v.intValue),
                   !total.intValue.addingReportingOverflow(v.intValue).overflow {
                    total = r
                    continue
                }
                root(total); defer { unroot() }
                total = try binaryOperation(.add, total, v, inplace: false)
            }
            return total
        case .repr:
            return try reprValue(a[0])
        case .compile, .exec, .eval:
            return try callExecNative(id, a)
        case .ascii:
            return try asciiRepr(a[0])
        case .iter:
            if a.positionalCount == 2 {  // iter(f, sentinel): f() until it returns the sentinel
                guard isCallable(a[0]) else {
                    throw raise(.typeError, "iter(v, w): v must be callable")
                }
                return try newIterator(.sentinel, a[0], .smallInt(0), a[1])
            }
            return try getIterator(a[0])
        case .next:
            let it = a[0]
            guard it.isObject, [ObjType.iterator, .generator, .instance].contains(heap.type(it.objectOffset)) else {
                throw notAnIterator(it)
            }
            generatorReturnValue = .none
            if let v = try iteratorNext(it) { return v }
            if a.positionalCount > 1 { return a[1] }
            throw stopIteration()
        case .any, .all:
            let it = try getIterator(a[0])
            root(it); defer { unroot() }
            while let v = try iteratorNext(it) {
                let t = try isTruthy(v)
                if id == .any && t { return .true }
                if id == .all && !t { return .false }
            }
            return .bool(id == .all)
        case .hash:
            return try hashObject(a[0])
        case .id:
            return try identity(a[0])
        case .isinstance, .issubclass:
            if id == .issubclass && !isClass(a[0]) { throw raise(.typeError, "issubclass() arg 1 must be a class") }
            return .bool(try classCheck(a[0], a[1], instance: id == .isinstance))
        case .getattr:
            let attrName = try attributeNameArgument(a[1])
            if a.positionalCount == 3 {
                do {
                    if let v = try lookupAttribute(a[0], attrName) { return v }
                } catch {
                    guard isInstance(pendingException, exceptionClass(.attributeError)) else { throw error }
                    pendingException = .null
                }
                return a[2]
            }
            return try getAttribute(a[0], attrName)
        case .setattr:
            try setAttribute(a[0], try attributeNameArgument(a[1]), a[2])
            return .none
        case .hasattr:
            let attrName = try attributeNameArgument(a[1])
            do {
                return .bool(try lookupAttribute(a[0], attrName) != nil)
            } catch {
                guard isInstance(pendingException, exceptionClass(.attributeError)) else { throw error }
                pendingException = .null
                return .false
            }
        case .delattr:
            try deleteAttribute(a[0], try attributeNameArgument(a[1]))
            return .none
        case .dir:
            return try dirList(a.positionalCount > 0 ? a[0] : .null)
        case .globals:
            return frames.last?.globals ?? .none
        case .locals:
            return try localsDict()
        case .vars:
            if a.positionalCount == 0 { return try localsDict() }
            if let d = try lookupAttribute(a[0], s.__dict__) { return d }
            throw raise(.typeError, "vars() argument must have __dict__ attribute")
        case .round:
            return try roundBuiltin(a)
        case .sorted:
            let l = try newList(of: a[0])
            root(l); defer { unroot() }
            try sortList(l, key: a.keyword("key") ?? .none, reverse: try isTruthy(a.keyword("reverse") ?? .false))
            return l
        case .callable:
            return .bool(isCallable(a[0]))
        case .map:
            guard a.positionalCount >= 2 else { throw raise(.typeError, "map() must have at least two arguments.") }
            let iters = try newTuple(a.positionalCount - 1)
            for i in 1..<a.positionalCount { heap.setSlot(iters.objectOffset, i - 1 + TupleSlot.firstItem, try getIterator(a[i])) }
            return try newIterator(.map, a[0], .smallInt(0), iters)
        case .filter:
            let it = try getIterator(a[1])
            return try newIterator(.filter, a[0], .smallInt(0), it)
        case .enumerate:
            let start = a.positionalCount > 1 ? a[1] : (a.keyword("start") ?? .smallInt(0))
            guard intOf(start) != nil else { throw raise(.typeError, "'start' must be an integer") }
            let it = try getIterator(a[0])
            return try newIterator(.enumerate, it, .int(intOf(start)!)!)
        case .reversed:
            return try reversedBuiltin(a)
        case .format:
            return try formatValue(a[0], spec: a.positionalCount > 1 ? a[1] : .null)
        case .chr, .ord, .divmod, .pow, .hex, .oct, .bin, .zip:
            return try moreBuiltins(id, a)
        default:
            throw raise(.runtimeError, "native not available")
        }
    }

    /// The builtins that seldom or never call Python, kept out of callBuiltin's frame (why: printBuiltin).
    @inline(never) func moreBuiltins(_ id: Native, _ a: Arguments) throws(VMError) -> Value {
        switch id {
        case .chr:
            let i = try indexArgument(a[0], .cInt)
            guard i >= 0 && i <= 0x10FFFF else { throw raise(.valueError, "chr() arg not in range(0x110000)") }
            var out: [UInt8] = []
            appendUTF8(UInt32(i), to: &out)
            return try newStr(out)
        case .ord:
            let v = plainValue(a[0])
            if isStr(v) {
                guard strCharCount(v.objectOffset) == 1 else {
                    throw raise(.typeError, bytes("ord() expected a character, but string of length ") + decimal(strCharCount(v.objectOffset)) + bytes(" found"))
                }
                return .smallInt(Int(decodeUTF8(strBuffer(v), 0)))
            }
            if isType(v, .bytes) && strByteCount(v.objectOffset) == 1 { return .smallInt(Int(strBuffer(v)[0])) }
            throw raiseAboutType(.typeError, "ord() expected string of length 1, but ", v, " found")
        case .divmod:
            for i in 0..<2 { stack[a.base + i] = plainValue(a[i]) }  // an int or float subclass's value
            if isIntegral(a[0]) && isIntegral(a[1]) {
                let q = try binaryOperation(.floorDivide, a[0], a[1], inplace: false)
                root(q); defer { unroot() }
                return try newTuple([q, try binaryOperation(.modulo, a[0], a[1], inplace: false)])
            }
            guard let x = doubleOf(a[0]), let y = doubleOf(a[1]) else {
                // A class's own __divmod__, or the right operand's __rdivmod__.
                if let r = try callDunder(a[0], internStatic(.__divmod__), a[1]) { return r }
                if let r = try callDunder(a[1], internStatic(.__rdivmod__), a[0]) { return r }
                throw unsupported(bytes("divmod()"), a[0], a[1])
            }
            if y == 0 { throw raise(.zeroDivisionError, "float divmod()") }
            let q = try newFloat(floatFloorDiv(x, y))
            root(q); defer { unroot() }
            return try newTuple([q, try newFloat(floatFloorMod(x, y))])
        case .pow:
            if a.positionalCount == 3 && !a[2].isNone {
                // An object's own three-argument __pow__ (as CPython, only the base's is asked).
                if isType(a[0], .instance), let m = classLookup(heap.slot(a[0].objectOffset, InstanceSlot.klass), internStatic(.__pow__)) {
                    let r = try call(m, [a[0], a[1], a[2]])
                    if r.raw != Value.notImplemented.raw { return r }
                }
                let notInts: StaticString = "pow() 3rd argument not allowed unless all arguments are integers"
                let zero: StaticString = "pow() 3rd argument cannot be 0"
                // A negative exponent takes the modular inverse (Python 3.8+).
                let notInvertible: StaticString = "base is not invertible for the given modulus"
                if !longIntsOn {  // the same in Int64, and no BigInt code in such a build
                    guard let x = intOf(a[0]), let y = intOf(a[1]), let z = intOf(a[2]) else { throw raise(.typeError, notInts) }
                    if z == 0 { throw raise(.valueError, zero) }
                    guard let r = int64PowMod(x, y, z) else { throw raise(.valueError, notInvertible) }
                    return try newInt(r)
                }
                guard let b = bigOf(a[0]), let e = bigOf(a[1]), let m = bigOf(a[2]) else { throw raise(.typeError, notInts) }
                if m.magnitude.isEmpty { throw raise(.valueError, zero) }
                guard let r = b.powerMod(e, m) else { throw raise(.valueError, notInvertible) }
                return try intResult(r)
            }
            return try binaryOperation(.power, a[0], a[1], inplace: false)
        case .hex, .oct, .bin:
            guard let (negative, digits) = intDigits(try indexValue(a[0]), base: id == .hex ? 16 : id == .oct ? 8 : 2) else {
                throw raiseAboutType(.typeError, "'", a[0], "' object cannot be interpreted as an integer")
            }
            var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
            out += bytes(id == .hex ? "0x" : id == .oct ? "0o" : "0b")
            out += digits
            return try newStr(out)
        case .zip:
            let strict = a.keyword("strict")
            if a.keywordCount > 0 { try checkKeywords(a, ["strict"], of: .zip) }
            let iters = try newTuple(a.positionalCount)
            root(iters); defer { unroot() }
            for i in 0..<a.positionalCount { heap.setSlot(iters.objectOffset, i + TupleSlot.firstItem, try getIterator(a[i])) }
            return try newIterator(.zip, iters, .smallInt(0), .bool(try isTruthy(strict ?? .false)))
        default:
            throw raise(.runtimeError, "native not available")
        }
    }

    // print() and reversed() need the most stack of the builtins: as functions of
    // their own they leave callBuiltin's frame small, and that frame is on the C
    // stack under every nested run of a native calling Python (all(), sum(),
    // sorted() with a key), where a 16 KiB board's stack is 4.25 KiB.
    @inline(never) func printBuiltin(_ a: Arguments) throws(VMError) -> Value {
        if a.keywordCount > 0 { try checkKeywords(a, ["sep", "end", "file", "flush"], of: .print) }
        var out: [UInt8] = []
        let sep = try optionalStrArgument(a.keyword("sep"), "sep")
        let end = try optionalStrArgument(a.keyword("end"), "end")
        // Any other file is an object with a write method, given each piece as CPython gives it.
        let file = a.keyword("file") ?? .none
        let fd = file.isNone ? 1 : streamDescriptor(file)
        let writer: Value = fd == nil ? try getAttribute(file, internStatic(.write)) : .null
        root(writer); defer { unroot() }
        func piece() throws(VMError) {
            guard fd == nil, !out.isEmpty else { return }
            _ = try call(writer, [try newStr(out)])
            out.removeAll()
        }
        for i in 0..<a.positionalCount {
            if i > 0 { if let s = sep { out += strBuffer(s) } else { out.append(UInt8(ascii: " ")) }; try piece() }
            try appendText(a[i], &out, repr: false)
            try piece()
        }
        if let e = end { out += strBuffer(e) } else { out.append(UInt8(ascii: "\n")) }
        try piece()
        if let fd { write(fd, out) }
        if let flush = a.keyword("flush"), try isTruthy(flush) { flushOutput() }
        return .none
    }

    @inline(never) func reversedBuiltin(_ a: Arguments) throws(VMError) -> Value {
        let v = a[0]
        if isType(v, .instance), let m = classLookup(heap.slot(v.objectOffset, InstanceSlot.klass), internStatic(.__reversed__)) {
            return try call(m, [v])
        }
        if isType(v, .dict) || (isType(v, .iterator) && [IteratorKind.keysView, .valuesView, .itemsView].contains(iteratorKind(v))) {
            // A dict or its view in reverse: its items listed, then read backwards.
            let items = try newList(of: v)
            root(items); defer { unroot() }
            let view = isType(v, .dict) ? IteratorKind.keysView : iteratorKind(v)
            return try newIterator(.reversed, items, .smallInt(listCount(items.objectOffset)), .none, .smallInt(view.rawValue))
        }
        guard v.isObject, [ObjType.list, .tuple, .str, .bytes, .range].contains(heap.type(v.objectOffset))
                || (isType(v, .instance) && classLookup(heap.slot(v.objectOffset, InstanceSlot.klass), s.__getitem__) != nil) else {
            throw raiseAboutType(.typeError, "'", v, "' object is not reversible")
        }
        if isType(v, .range) {
            if isLongRange(v) { return try reversedLongRange(v) }
            // A range_iterator from the last item back, as CPython's (range(start, stop, step)
            // has start + (n - 1) * step last; the one before the first is start - step).
            let (start, _, step) = rangeParts(v)
            let n = Int64(try length(v))
            let (span, o1) = (n - 1).multipliedReportingOverflow(by: step)
            let (last, o2) = start.addingReportingOverflow(span)
            let (before, o3) = start.subtractingReportingOverflow(step)
            if n == 0 { return try newIterator(.range, .none, try newInt(start), try newInt(start), .smallInt(1)) }
            if !o1 && !o2 && !o3 && step != Int64.min {
                return try newIterator(.range, .none, try newInt(last), try newInt(before), try newInt(-step))
            }
        }
        return try newIterator(.reversed, v, .smallInt(try length(v)))
    }

    func isCallable(_ v: Value) -> Bool {
        if v.isNativeFunction { return true }
        guard v.isObject else { return false }
        switch heap.type(v.objectOffset) {
        case .function, .boundMethod, .klass: return true
        case .instance: return classLookup(heap.slot(v.objectOffset, InstanceSlot.klass), s.__call__) != nil
        case .staticMethod: return true  // callable since Python 3.10 (a classmethod object is not)
        default: return false
        }
    }

    /// id(): the value's word, which no two live values share (an object's
    /// offset, a singleton's tag, a small int's tagged bits). Words past 62
    /// bits (negative and very large small ints) need a long int; a build
    /// without long ints gives those the int's own value instead.
    func identity(_ v: Value) throws(VMError) -> Value {
        if UInt64(v.raw) <= UInt64(Value.smallIntMax), let id = Value.int(Int64(v.raw)) { return id }
        if longIntsOn { return try intResult(BigInt(unsigned: UInt64(v.raw))) }
        return v
    }

    func classCheck(_ v: Value, _ spec: Value, instance: Bool) throws(VMError) -> Bool {
        if isType(spec, .tuple) {
            for t in tupleItems(spec.objectOffset) where try classCheck(v, t, instance: instance) { return true }
            return false
        }
        guard isClass(spec) else {
            throw raise(.typeError, instance ? "isinstance() arg 2 must be a type, a tuple of types, or a union" : "issubclass() arg 2 must be a class, a tuple of classes, or a union")
        }
        if instance { return isInstance(v, spec) }
        return isSubclass(v, spec) || (isTypeClass(spec, .int) && isTypeClass(v, .bool))
    }

    func length(_ v: Value) throws(VMError) -> Int {
        if v.isObject {
            let o = v.objectOffset
            switch heap.type(o) {
            case .str: return strCharCount(o)
            case .bytes: return strByteCount(o)
            case .bytearray: return byteArrayCount(o)
            case .memoryview: return try memoryViewParts(v).count
            case .tuple: return tupleCount(o)
            case .list: return listCount(o)
            case .dict, .set, .frozenset: return dictCount(v)
            case .klass where metaclassOf(v) != nil:
                if let r = try callMetaclassDunder(v, "__len__") { return Int(try indexArgument(r)) }
            case .range: return try rangeCount(v)
            case .iterator:
                switch iteratorKind(v) {
                case .keysView, .valuesView, .itemsView: return dictCount(heap.slot(o, IteratorSlot.source))
                default: break
                }
            case .instance:
                if let m = classLookup(heap.slot(o, InstanceSlot.klass), s.__len__) { return try lengthReturned(try call(m, [v])) }
            default: break
            }
        }
        throw raiseAboutType(.typeError, "object of type '", v, "' has no len()")
    }

    func minMax(_ a: Arguments, wantMax: Bool) throws(VMError) -> Value {
        let name: StaticString = wantMax ? "max" : "min"
        let key = a.keyword("key") ?? .none
        guard a.positionalCount >= 1 else {
            throw raise(.typeError, bytes(name) + bytes(" expected at least 1 argument, got 0"))
        }
        let source: Value = a.positionalCount == 1 ? a[0] : try newTupleFromArgs(a)
        root(source); defer { unroot() }
        let it = try getIterator(source)
        root(it); defer { unroot() }
        var best: Value = .null
        var bestKey: Value = .null
        root(.none, .none); defer { unroot(2) }
        let rootIndex = extraRoots.count - 2
        while let v = try iteratorNext(it) {
            root(v); defer { unroot() }
            let k = key.isNone ? v : try call(key, [v])
            if best.isNull {
                best = v; bestKey = k
            } else {
                let better = try isTruthy(try compareOperation(wantMax ? .greater : .less, k, bestKey))
                if better { best = v; bestKey = k }
            }
            extraRoots[rootIndex] = best
            extraRoots[rootIndex + 1] = bestKey
        }
        if best.isNull {
            if let d = a.keyword("default") { return d }
            throw raise(.valueError, bytes(name) + bytes("() arg is an empty sequence"))
        }
        return best
    }

    func newTupleFromArgs(_ a: Arguments) throws(VMError) -> Value {
        let t = try newTuple(a.positionalCount)
        for i in 0..<a.positionalCount { heap.setSlot(t.objectOffset, i + TupleSlot.firstItem, a[i]) }
        return t
    }

    func roundBuiltin(_ a: Arguments) throws(VMError) -> Value {
        try argumentCount(a, "round", min: 1, max: 2)
        var v = a[0]
        // An int or float subclass's value, unless the subclass rounds its own way.
        if let inner = builtinValue(v), classLookup(heap.slot(v.objectOffset, InstanceSlot.klass), internStatic(.__round__)) == nil {
            v = inner
        }
        let nd: Value = a.value(1, "ndigits") ?? .none
        if isType(v, .instance), let m = classLookup(heap.slot(v.objectOffset, InstanceSlot.klass), internStatic(.__round__)) {
            return try call(m, nd.isNone && a.value(1, "ndigits") == nil ? [v] : [v, nd])  // ndigits as given
        }
        // As CPython, ndigits past 63 bits is clamped: the answer is the same.
        let n: Int64? = nd.isNone ? nil : try clampedIndexArgument(nd)
        if isIntegral(v) {
            guard let n = n, n < 0 else { return isLong(v) ? v : try newInt(intOf(v)!) }
            return try roundInteger(v, decimalPlaces: n)
        }
        guard isFloat(v) else {
            if isType(v, .instance), let r = try callDunder0(v, .__round__) { return r }
            throw raiseAboutType(.typeError, "type ", v, " doesn't define __round__ method")
        }
        let d = floatValue(v)
        guard let n = n else {
            if d.isNaN { throw raise(.valueError, "cannot convert float NaN to integer") }
            if d.isInfinite { throw raise(.overflowError, "cannot convert float infinity to integer") }
            return try intResult(BigInt(truncating: d.rounded(.toNearestOrEven))!)
        }
        if n < 0 { return try newFloat(try roundFloat(d, toTensPower: n == Int64.min ? Int64.max : -n)) }
        // Rounding past the 17th significant digit gives the same double
        // back (17 digits already identify it), so the text below stays short.
        let digitsBeforePoint = Int64((Double(d.exponent) * 0.30103).rounded(.down)) - 1  // at most log10|d|
        if !d.isFinite || d == 0 || n > 18 - digitsBeforePoint { return v }
        // The exact binary value rounded at the n-th decimal, ties to even.
        let (digits, point) = FloatText.exactDigits(d)
        let r = FloatText.value(FloatText.roundedInteger(digits, point: point, shift: Int(n)), exponent: -Int(n))
        return try newFloat(d < 0 ? -r : r)
    }

    /// round(float, -k): the exact binary value rounded to a multiple of
    /// 10**k, ties to even, as CPython's correctly rounded conversion does.
    func roundFloat(_ d: Double, toTensPower k: Int64) throws(VMError) -> Double {
        if !d.isFinite { return d }
        let zero = Double(signOf: d, magnitudeOf: 0)
        // |d| < 1 rounds to 0, and so does everything once 10**k > 2 * DBL_MAX.
        if abs(d) < 1 || k > 308 { return zero }
        guard BuiltFeatures.longInts else {
            // A board without long ints rounds in doubles (exact up to 10**22).
            let p = hooks.pow(10, Double(k))
            let r = (d / p).rounded(.toNearestOrEven) * p
            guard r.isFinite else { throw raise(.overflowError, "rounded value too large to represent") }
            return r == 0 ? zero : r
        }
        // |d| = m * 2**e exactly, with m a 53-bit integer.
        let m = BigInt(Int64(d.significandBitPattern | (1 << 52)))
        let e = Int(d.exponent) - 52
        let p = BigInt(10).power(UInt64(k))
        let x = e >= 0 ? m << e : m
        let unit = e >= 0 ? p : p << -e
        guard let (q0, r) = x.floorDivMod(unit) else { return zero }
        var q = q0
        let twice = r + r
        if twice > unit || (twice == unit && (q.magnitude.first ?? 0) & 1 == 1) { q += BigInt(1) }
        guard let result = (q * p).toDouble(), result.isFinite else {
            throw raise(.overflowError, "rounded value too large to represent")
        }
        return result == 0 ? zero : (d < 0 ? -result : result)
    }

    /// round(int, n) for n < 0: to a multiple of 10**-n, ties to even.
    func roundInteger(_ v: Value, decimalPlaces n: Int64) throws(VMError) -> Value {
        let k = n == Int64.min ? Int64.max : -n
        if let i = intOf(v), k <= 18 {
            // 10**18 fits 64 bits; only the product may not.
            var p: Int64 = 1
            for _ in 0..<k { p *= 10 }
            let q = try floorDiv(i, p), r = i - q * p
            var rounded = q
            if r > p - r || (r == p - r && q & 1 == 1) { rounded += 1 }
            let (result, overflow) = rounded.multipliedReportingOverflow(by: p)
            if !overflow { return try newInt(result) }
        }
        // Past 64 bits: long ints, or on a board without them 0 or OverflowError.
        guard BuiltFeatures.longInts else {
            let i = intOf(v)!
            if k >= 20 || (i.magnitude <= 5_000_000_000_000_000_000) { return .smallInt(0) }
            throw overflow()
        }
        let x = bigOf(v)!
        // Once 10**k is more than twice |x| the answer is 0; so 10**k is
        // never much bigger than x, whatever ndigits says.
        if k > Int64(BigInt.bitLength(x.magnitude) / 3 + 1) { return .smallInt(0) }
        let p = BigInt(10).power(UInt64(k))
        guard let (q, r) = x.floorDivMod(p) else { return .smallInt(0) }
        let twice = r + r
        var rounded = q
        if twice > p || (twice == p && (q.magnitude.first ?? 0) & 1 == 1) { rounded += BigInt(1) }
        return try intResult(rounded * p)
    }

    func dirList(_ v: Value) throws(VMError) -> Value {
        // An object's own __dir__ decides, sorted (as CPython's dir()).
        if isType(v, .instance), let hook = classLookup(heap.slot(v.objectOffset, InstanceSlot.klass), internStatic(.__dir__)),
           isType(hook, .function) {
            let l = try newList(of: try call(hook, [v]))
            root(l); defer { unroot() }
            try sortList(l, key: .none, reverse: false)
            return l
        }
        let names = try newDict(.set)
        root(names); defer { unroot() }
        func addKeys(_ d: Value) throws(VMError) {
            try dictForEach(d) { (k, _) throws(VMError) in try dictStore(names, k, .none) }
        }
        // Natives not looked up yet are in the static tables only.
        func addNatives(_ group: Int) throws(VMError) {
            for n in nativeNames(group: group) { try dictStore(names, try newStr(n), .none) }
        }
        func addClasses(_ cls: Value) throws(VMError) {
            for c in tupleItems(heap.slot(cls.objectOffset, ClassSlot.mro).objectOffset) {
                if !heap.slot(c.objectOffset, ClassSlot.namespace).isNull { try addKeys(heap.slot(c.objectOffset, ClassSlot.namespace)) }
                if let kind = builtinKind(ofClass: c) {
                    try addNatives(kind.rawValue)
                    // The special methods a built-in type has as attributes (int.__add__, list.__len__).
                    if kind != .object {
                        for n in slotNames(of: kind) { try dictStore(names, try newStr(n), .none) }
                        if kind.hashIsNone { try dictStore(names, s.__hash__, .none) }
                    }
                    // The number attributes lookupAttribute answers by hand.
                    if kind == .int || kind == .bool || kind == .float {
                        for n: StaticString in kind == .float ? ["real", "imag"] : ["real", "imag", "numerator", "denominator"] {
                            try dictStore(names, internStatic(n), .none)
                        }
                    }
                } else if heap.slot(c.objectOffset, ClassSlot.slots).isNull {
                    try dictStore(names, s.__dict__, .none)  // its instances' dict, as CPython lists it
                }
            }
        }
        if v.isNull {
            let scope = try localsDict()  // a function's own names, a module's or class body's namespace
            if isType(scope, .dict) { try addKeys(scope) }
        } else if isType(v, .instance) {
            try addKeys(instanceDict(v))
            try addClasses(heap.slot(v.objectOffset, InstanceSlot.klass))
        } else if isClass(v) {
            try addClasses(v)
        } else if isType(v, .module) {
            try addKeys(heap.slot(v.objectOffset, ModuleSlot.dict))
            if v == sysModule {
                try addNatives(VM.sysGroup)
                for v in SysValue.allCases { try dictStore(names, try newStr(v.name), .none) }
            } else if let kind = nativeModuleKind(v) {
                try addNatives(VM.moduleGroup(kind))
                if kind == .machine {
                    for c in [TypeKind.pin, .uart, .adc] { try dictStore(names, try newStr(c.name), .none) }
                }
            } else if v == boardModule {
                for n in boardNativeNames() { try dictStore(names, try newStr(n), .none) }
            }
        } else {
            try addClasses(typeOf(v))
            // What getattr finds on functions besides their type's.
            if isType(v, .function) || v.isNativeFunction {
                for n: StaticString in ["__name__", "__qualname__", "__module__", "__doc__"] { try dictStore(names, internStatic(n), .none) }
            }
            if isType(v, .function) {
                for n: StaticString in ["__code__", "__globals__", "__dict__", "__defaults__", "__kwdefaults__", "__closure__", "__annotations__"] {
                    try dictStore(names, internStatic(n), .none)
                }
                let d = heap.slot(v.objectOffset, FunctionSlot.dict)
                if !d.isNull { try addKeys(d) }
            }
        }
        if !v.isNull && !isType(v, .module) { try dictStore(names, internStatic(.__class__), .none) }  // object's, as CPython lists it
        let l = try newList(of: names)
        root(l); defer { unroot() }
        try sortList(l, key: .none, reverse: false)
        return l
    }

    /// locals(): the namespace of the running frame, or a new dict of its bound slots.
    func localsDict() throws(VMError) -> Value {
        guard let f = frames.last else { return .none }
        if !f.namespace.isNull { return f.namespace }
        let c = codes[Int(f.code)]
        if c.flags & CodeFlags.module != 0 { return f.globals }
        let d = try newDict()
        for i in 0..<Int(c.localCount + c.freeCount) {
            var v = stack[Int(f.base) + i]
            if isType(v, .cell) { v = heap.slot(v.objectOffset, CellSlot.contents) }
            if v.isNull { continue }
            try dictStore(d, slotName(c, i), v)
        }
        return d
    }

    // MARK: Constructors of the built-in types

    func constructBuiltin(_ kind: TypeKind, _ cls: Value, _ a: Arguments) throws(VMError) -> Value {
        let n = a.positionalCount
        // int(s), float(s), bytes(s, enc) of a str subclass's instance read its text.
        if n > 0, kind == .int || kind == .float || kind == .bytes || kind == .bytearray,
           let inner = builtinValue(a[0]), isStr(inner) || isType(inner, .bytes) {
            stack[a.base] = inner
        }
        switch kind {
        case .int:
            if a.keywordCount > 0 { try checkKeywords(a, ["base"], of: nil, named: "int") }
            if n == 0 { return .smallInt(0) }
            let base = n > 1 ? a[1] : a.keyword("base")
            return try intFromValue(a[0], base: base)
        case .float:
            guard floatsOn else { throw noFloats() }
            if a.keywordCount > 0 { throw raise(.typeError, "float() takes no keyword arguments") }
            if n == 0 { return try newFloat(0) }
            let v = a[0]
            if isFloat(v) { return v }
            if let i = intOf(v) { return try newFloat(Double(i)) }
            if let b = bigOf(v) { return try newFloat(try longToDouble(b)) }
            if isStr(v) || isType(v, .bytes) {
                if let d = parseFloatText(isStr(v) ? asciiNumberText(strArray(v)) ?? strArray(v) : strArray(v)) { return try newFloat(d) }
                var m = bytes("could not convert string to float: ")
                try appendText(v, &m, repr: true)
                throw raise(.valueError, m)
            }
            if let r = try callDunder0(v, .__float__) { return r }
            throw raiseAboutType(.typeError, "float() argument must be a string or a real number, not '", v, "'")
        case .str:
            if a.keywordCount == 0 && n < 2 {  // str(x), the common call
                return n == 0 ? try newStr("") : try strValue(a[0])
            }
            if a.keywordCount > 0 { try checkKeywords(a, ["object", "encoding", "errors"], of: nil, named: "str") }
            let object = n > 0 ? a[0] : (a.keyword("object") ?? .null)
            if object.isNull { return try newStr("") }
            // str(b, encoding, errors): a decoding (by position or keyword), of bytes-like objects only.
            guard n >= 2 || a.keyword("encoding") != nil || a.keyword("errors") != nil else { return try strValue(object) }
            if isBytesLike(object) { return try decodeBytes(object, a, receiverByKeyword: n == 0) }
            if isStr(object) { throw raise(.typeError, "decoding str is not supported") }
            if let b = try bufferBytes(object) {  // a memoryview, or a bytes subclass's instance: its bytes
                let copy = try newStr(b, type: .bytes)
                root(copy); defer { unroot() }
                return try decodeBytes(copy, a, receiverByKeyword: n == 0)
            }
            throw raiseAboutType(.typeError, "decoding to str: need a bytes-like object, ", object, " found")
        case .bool:
            if a.keywordCount > 0 { throw raise(.typeError, "bool() takes no keyword arguments") }
            return n == 0 ? .false : .bool(try isTruthy(a[0]))
        case .list:
            if a.keywordCount > 0 { throw raise(.typeError, "list() takes no keyword arguments") }
            return n > 0 ? try newList(of: a[0]) : try newList()
        case .tuple:
            if a.keywordCount > 0 { throw raise(.typeError, "tuple() takes no keyword arguments") }
            return n == 0 ? try newTuple(0) : try sequenceToTuple(a[0])
        case .dict:
            let d = try newDict()
            root(d); defer { unroot() }
            if n > 0 { try updateDict(d, with: a[0]) }
            for k in 0..<a.keywordCount { try dictStore(d, tupleItem(a.kwnames.objectOffset, k), a[n + k]) }
            return d
        case .set, .frozenset:
            guard setsOn else { throw leftOut("set", "set") }
            if a.keywordCount > 0 { throw raise(.typeError, kind == .set ? "set() takes no keyword arguments" : "frozenset() takes no keyword arguments") }
            if kind == .frozenset && n > 0 && isType(a[0], .frozenset) { return a[0] }  // as CPython: the same object
            let d = try newDict(kind == .set ? .set : .frozenset)
            if n > 0 {
                root(d); defer { unroot() }
                try updateSet(d, with: a[0])
            }
            return d
        case .range: return try constructRange(a)
        case .type:
            if n == 1 { return try typeOf(a[0]) }
            guard n == 3 else { throw raise(.typeError, "type() takes 1 or 3 arguments") }
            return try classFromArguments(meta: .null, a[0], a[1], a[2], keywords: .null)
        case .bytes:
            return try makeBytes(a)
        case .memoryview:
            return try makeMemoryView(a)
        case .bytearray:
            if n == 0 { return try newByteArray([]) }
            if isStr(a[0]) {
                guard n > 1 || a.keyword("encoding") != nil else { throw raise(.typeError, "string argument without an encoding") }
                return try newByteArray(strBuffer(a[0]))
            }
            if isIntegral(a[0]) {
                let count = try indexArgument(a[0])
                if count < 0 { throw raise(.valueError, "negative count") }
                return try newByteArray([UInt8](repeating: 0, count: try checkedSize(count)))
            }
            return try newByteArray(try bytesFromIterable(a[0]))
        case .slice:
            try argumentCount(a, "slice", min: 1, max: 3)
            let o = try allocSlots(.slice, SliceSlot.slotCount)
            if n == 1 {
                heap.setSlot(o, SliceSlot.start, .none); heap.setSlot(o, SliceSlot.stop, a[0]); heap.setSlot(o, SliceSlot.step, .none)
            } else {
                heap.setSlot(o, SliceSlot.start, a[0]); heap.setSlot(o, SliceSlot.stop, a[1]); heap.setSlot(o, SliceSlot.step, n == 3 ? a[2] : .none)
            }
            return .object(o)
        case .superType:
            return try makeSuper(a)
        case .pin:
            return try makePin(a)
        case .uart:
            return try makeUART(a)
        case .adc:
            return try makeADC(a)
        case .staticMethod, .classMethod:
            try argumentCount(a, kind == .staticMethod ? "staticmethod" : "classmethod", min: 1, max: 1)
            let o = try allocSlots(kind == .staticMethod ? .staticMethod : .classMethod, StaticClassMethodSlot.slotCount)
            heap.setSlot(o, StaticClassMethodSlot.function, a[0])
            return .object(o)
        case .property:
            let o = try allocSlots(.property, PropertySlot.slotCount)
            heap.setSlot(o, PropertySlot.getter, n > 0 ? a[0] : (a.keyword("fget") ?? .none))
            heap.setSlot(o, PropertySlot.setter, n > 1 ? a[1] : (a.keyword("fset") ?? .none))
            heap.setSlot(o, PropertySlot.deleter, n > 2 ? a[2] : (a.keyword("fdel") ?? .none))
            let doc = n > 3 ? a[3] : (a.keyword("doc") ?? .none)
            heap.setSlot(o, PropertySlot.doc, doc.isNone ? .null : doc)
            return .object(o)
        case .iterator:
            let name = heap.slot(cls.objectOffset, ClassSlot.name)
            if let id = VM.iteratorMakers.first(where: { sameText(strBuffer(name), nativeName($0)) }) {
                try checkArity(id, a)
                return try callBuiltin(id, a)
            }
            fallthrough
        default:
            throw raise(.typeError, bytes("cannot create '") + className(cls) + bytes("' instances"))
        }
    }

    /// super(C, obj), or super() inside a method: C from the `__class__`
    /// cell the compiler gives methods that use super, obj from slot 0.
    func makeSuper(_ a: Arguments) throws(VMError) -> Value {
        var start: Value, obj: Value
        if a.positionalCount >= 2 {
            start = a[0]; obj = a[1]
        } else {
            guard let f = frames.last, !f.function.isNone else { throw raise(.runtimeError, "super(): no arguments") }
            let c = codes[Int(f.code)]
            guard c.argCount > 0 || c.flags & CodeFlags.varArgs != 0 else { throw raise(.runtimeError, "super(): no arguments") }
            guard let slot = (0..<Int(c.localCount + c.freeCount)).last(where: { strEqual(slotName(c, $0).objectOffset, s.__class__.objectOffset) }) else {
                throw raise(.runtimeError, "super(): __class__ cell not found")
            }
            let cell = stack[Int(f.base) + slot]
            start = isType(cell, .cell) ? heap.slot(cell.objectOffset, CellSlot.contents) : cell
            obj = stack[Int(f.base)]
            if isType(obj, .cell) { obj = heap.slot(obj.objectOffset, CellSlot.contents) }
        }
        guard isClass(start) else { throw raise(.typeError, "super() argument 1 must be a type") }
        // A class is taken as a subtype of start, else (a metaclass's method) as an instance.
        let objType = isClass(obj) && isSubclass(obj, start) ? obj : try typeOf(obj)
        guard isSubclass(objType, start) else {
            throw raise(.typeError, "super(type, obj): obj must be an instance or subtype of type")
        }
        let o = try allocSlots(.superObject, SuperSlot.slotCount)
        heap.setSlot(o, SuperSlot.start, start)
        heap.setSlot(o, SuperSlot.target, obj)
        return .object(o)
    }

    func intFromValue(_ v: Value, base baseValue: Value?) throws(VMError) -> Value {
        if isType(v, .bytearray) {  // read as the bytes it holds, which an error shows
            let b = try newStr(UnsafeBufferPointer(byteView(v)!), type: .bytes)
            root(b); defer { unroot() }
            return try intFromValue(b, base: baseValue)
        }
        if let base = baseValue {
            guard let b = intOf(base) else { throw raise(.typeError, "'str' object cannot be interpreted as an integer") }
            guard isStr(v) || isType(v, .bytes) else { throw raise(.typeError, "int() can't convert non-string with explicit base") }
            guard b == 0 || (b >= 2 && b <= 36) else { throw raise(.valueError, "int() base must be >= 2 and <= 36, or 0") }
            return try parseInt(v, base: Int(b))
        }
        if let i = intOf(v) { return try newInt(i) }
        if isLong(v) { return v }
        if isFloat(v) {
            let d = floatValue(v)
            if d.isNaN { throw raise(.valueError, "cannot convert float NaN to integer") }
            if d.isInfinite { throw raise(.overflowError, "cannot convert float infinity to integer") }
            return try intResult(BigInt(truncating: d)!)
        }
        if isStr(v) || isType(v, .bytes) { return try parseInt(v, base: 10) }
        if let r = try callDunder0(v, .__int__) { return r }
        if let r = try callDunder0(v, .__index__) { return r }
        throw raiseAboutType(.typeError, "int() argument must be a string, a bytes-like object or a real number, not '", v, "'")
    }

    /// int(text, base) with Python's rules: whitespace, sign, prefixes, underscores.
    func parseInt(_ v: Value, base: Int) throws(VMError) -> Value {
        let text = isStr(v) ? asciiNumberText(strArray(v)) ?? strArray(v) : strArray(v)  // int("١٢"), int("１２")
        func invalid() throws(VMError) -> Never {
            guard BuiltFeatures.errorMessages else { throw raiseBare(.valueError) }
            var m = bytes("invalid literal for int() with base ") + decimal(base) + bytes(": ")
            try appendText(v, &m, repr: true)
            throw raise(.valueError, m)
        }
        var i = 0, end = text.count
        while i < end && isSpace(text[i]) { i += 1 }
        while end > i && isSpace(text[end - 1]) { end -= 1 }
        var negative = false
        if i < end && (text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-")) {
            negative = text[i] == UInt8(ascii: "-"); i += 1
        }
        var b = base
        if end - i >= 2 && text[i] == UInt8(ascii: "0") {
            let p = text[i + 1] | 0x20
            let prefixBase = p == UInt8(ascii: "x") ? 16 : p == UInt8(ascii: "o") ? 8 : p == UInt8(ascii: "b") ? 2 : 0
            if prefixBase != 0 && (b == 0 || b == prefixBase) {
                b = prefixBase
                i += 2
                if i < end && text[i] == UInt8(ascii: "_") { i += 1 }
            }
        }
        if b == 0 {
            b = 10
            // Base 0 refuses leading zeros on non-zero decimals.
            if i < end && text[i] == UInt8(ascii: "0") {
                for c in text[i..<end] where c != UInt8(ascii: "0") && c != UInt8(ascii: "_") { try invalid() }
            }
        }
        guard i < end else { try invalid() }
        let digitsStart = i
        var result: Int64 = 0
        var wide = false
        var previousUnderscore = true
        while i < end {
            let c = text[i]
            if c == UInt8(ascii: "_") {
                if previousUnderscore { try invalid() }
                previousUnderscore = true
                i += 1
                continue
            }
            previousUnderscore = false
            var d: Int
            if c >= 48 && c <= 57 { d = Int(c) - 48 } else if c | 0x20 >= 97 && c | 0x20 <= 122 { d = Int(c | 0x20) - 87 } else { try invalid() }
            if d >= b { try invalid() }
            let (m, o1) = result.multipliedReportingOverflow(by: Int64(b))
            let (s2, o2) = m.addingReportingOverflow(Int64(d))
            if o1 || o2 { wide = true }
            result = s2
            i += 1
        }
        if previousUnderscore { try invalid() }
        if wide {
            guard longIntsOn else { throw overflow() }
            guard var big = BigInt(text: Array(text[digitsStart..<end]), base: b) else { try invalid() }
            big.negative = negative && !big.magnitude.isEmpty
            return try intResult(big)
        }
        return try newInt(negative ? -result : result)
    }

    func parseFloatText(_ text: [UInt8]) -> Double? {
        var t: [UInt8] = []
        var i = 0, end = text.count
        while i < end && isSpace(text[i]) { i += 1 }
        while end > i && isSpace(text[end - 1]) { end -= 1 }
        guard i < end else { return nil }
        var previous: UInt8 = 0
        for c in text[i..<end] {
            if c == UInt8(ascii: "_") {
                guard previous >= 48 && previous <= 57 else { return nil }
            } else {
                if previous == UInt8(ascii: "_") && !(c >= 48 && c <= 57) { return nil }
                t.append(c)
            }
            previous = c
        }
        if previous == UInt8(ascii: "_") { return nil }
        return FloatText.parse(t)
    }

    func makeBytes(_ a: Arguments) throws(VMError) -> Value {
        let n = a.positionalCount
        if n == 0 { return try newStr([], type: .bytes) }
        let v = a[0]
        if let b = try dunderBytes(v) { return b }
        if isStr(v) {
            guard n > 1 || a.keyword("encoding") != nil else { throw raise(.typeError, "string argument without an encoding") }
            return try newStr(strBuffer(v), type: .bytes)
        }
        if isIntegral(v) || hasIndexMethod(v) {
            let count = try indexArgument(v)
            if count < 0 { throw raise(.valueError, "negative count") }
            return try newStr([UInt8](repeating: 0, count: try checkedSize(count)), type: .bytes)
        }
        if isType(v, .bytes) { return v }
        if let view = byteView(v) { return try newStr(UnsafeBufferPointer(view), type: .bytes) }
        let it: Value
        do { it = try getIterator(v) } catch {
            guard isInstance(pendingException, exceptionClass(.typeError)) else { throw error }
            throw raiseAboutType(.typeError, "cannot convert '", v, "' object to bytes")
        }
        root(it); defer { unroot() }
        let items = try newList(of: it)
        root(items); defer { unroot() }
        var out: [UInt8] = []
        for x in listItems(items.objectOffset) {
            guard let b = intOf(x) else {
                throw raiseAboutType(.typeError, "'", x, "' object cannot be interpreted as an integer")
            }
            guard b >= 0 && b < 256 else { throw raise(.valueError, "bytes must be in range(0, 256)") }
            out.append(UInt8(b))
        }
        return try newStr(out, type: .bytes)
    }
}

@inline(__always) func isSpace(_ c: UInt8) -> Bool {
    c == 32 || (c >= 9 && c <= 13)
}
