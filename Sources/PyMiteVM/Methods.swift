// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Methods of the built-in types (list's, dict's and set's are in
// Objects/List.swift, Objects/Dict.swift and Objects/Set.swift).
// Every method receives self as a[0].
// Strings are handled as UTF-8 bytes: searching, splitting and case
// mapping (ASCII letters only, like PyMite) never decode.

extension VM {
    func callMethod(_ id: Native, _ a: Arguments) throws(VMError) -> Value {
        guard a.positionalCount >= 1 else {
            throw raise(.typeError, bytes("descriptor '") + bytes(nativeName(id)) + bytes("' needs an argument"))
        }
        if id.isClassLevel { return try callClassLevelMethod(id, a) }
        if valueSubclassesSeen, case .type(let kind) = id.home, kind != .object { _ = unwrapReceiver(a) }
        let me = a[0]
        switch id.home {
        case .type(let kind):
            let ok: Bool
            switch kind {
            case .int: ok = isIntegral(me)
            case .float: ok = isFloat(me)
            case .str: ok = isStr(me) || ((isType(me, .bytes) || isType(me, .bytearray)) && id.sharedWithBytes)
            case .bytes: ok = isType(me, .bytes)
            case .bytearray: ok = isType(me, .bytearray)
            case .list: ok = isType(me, .list)
            case .tuple: ok = isType(me, .tuple)
            case .dict: ok = isType(me, .dict)
            case .set: ok = isType(me, .set) || (isType(me, .frozenset) && id.sharedWithFrozenset)
            case .generator: ok = isType(me, .generator)
            case .iterator: ok = isType(me, .iterator) || isType(me, .generator)
            case .property: ok = isType(me, .property)
            case .slice: ok = isType(me, .slice)
            case .range: ok = isType(me, .range)
            case .pin: ok = isType(me, .pin)
            case .uart: ok = isType(me, .uart)
            case .adc: ok = isType(me, .adc)
            case .textStream: ok = streamDescriptor(me) != nil
            case .memoryview: ok = isType(me, .memoryview)
            case .dictKeys: ok = isType(me, .iterator) && iteratorKind(me) == .keysView
            case .dictItems: ok = isType(me, .iterator) && iteratorKind(me) == .itemsView
            default: ok = true
            }
            guard ok else {
                throw raise(.typeError, bytes("descriptor '") + bytes(nativeName(id)) + bytes("' for '") + bytes(kind.name) + bytes("' objects doesn't apply to a '") + typeName(me) + bytes("' object"))
            }
            try checkArity(id, a)
            if a.count > 1 && id.takesNoArguments {
                throw raise(.typeError, typeName(me) + bytes(".") + bytes(nativeName(id)) + bytes("() takes no arguments (") + decimal(a.count - 1) + bytes(" given)"))
            }
            switch kind {
            case .str where isType(me, .bytearray): return try callByteArrayAsBytes(id, me, a)
            case .str: return try callStrMethod(id, me, a)
            case .list: return try callListMethod(id, me, a)
            case .dict: return try callDictMethod(id, me, a)
            case .set:
                guard setsOn else { throw leftOut("set", "set") }  // none can be made: its methods are left out too
                return try callSetMethod(id, me, a)
            case .pin: return try callPinMethod(id, me, a)
            case .uart: return try callUARTMethod(id, me, a)
            case .adc: return try callADCMethod(id, me, a)
            case .textStream: return try callStreamMethod(id, me, a)
            case .memoryview: return try callMemoryViewMethod(id, me, a)
            case .type: return try callTypeMethod(id, a)
            case .bytearray where id != .byteArrayDecode && id != .byteArrayHex:
                return try callByteArrayMethod(id, me, a)
            default: break
            }
        case .exception:
            guard isExceptionInstance(me) else {
                var m = bytes("descriptor '") + bytes(nativeName(id))
                m += bytes("' for 'BaseException' objects doesn't apply to a '") + typeName(me) + bytes("' object")
                throw raise(.typeError, m)
            }
            try checkArity(id, a)
            if id == .exceptionAddNote {  // e.add_note(s): appended to e.__notes__, printed after the message
                guard isStr(a[1]) else { throw raiseAboutType(.typeError, "note must be a str, not '", a[1], "'") }
                let d = instanceDict(me)
                let notesName = try internName(.__notes__)
                var notes = dictGetStr(d, notesName) ?? .null
                if notes.isNull {
                    notes = try newList()
                    try dictStore(d, notesName, notes)
                }
                guard isType(notes, .list) else { throw raise(.typeError, "Cannot add note: __notes__ is not a list") }
                try listAppend(notes, a[1])
                return .none
            }
            if id == .exceptionWithTraceback {
                // e.with_traceback(tb): None forgets where it was raised; a traceback object keeps it (the VM
                // keeps only its own record of frames).
                if a[1].isNone { heap.setSlot(me.objectOffset, InstanceSlot.traceback, .null) }
                return me
            }
            try setExceptionArgs(me, try newTupleFromArgs(a, from: 1))
            return .none
        default: break
        }
        switch id {
        case .tupleIndex, .tupleCount:
            var count = 0
            let n = tupleCount(me.objectOffset)
            func bound(_ k: Int, _ dflt: Int) -> Int {
                guard a.positionalCount > k, let i = intOf(a[k]) else { return dflt }
                return Int(i < 0 ? max(0, i + Int64(n)) : min(i, Int64(n)))
            }
            let start = bound(2, 0), stop = bound(3, n)
            var i = start
            while i < stop {
                if try valuesEqual(tupleItem(me.objectOffset, i), a[1]) {
                    if id == .tupleIndex { return .smallInt(i) }
                    count += 1
                }
                i += 1
            }
            if id == .tupleIndex { throw raise(.valueError, "tuple.index(x): x not in tuple") }
            return .smallInt(count)
        case .rangeIndex, .rangeCount:
            let at = try rangePosition(me, of: a[1])
            if id == .rangeCount { return .smallInt(at == nil ? 0 : 1) }
            guard let at else {
                guard isIntegral(a[1]) else { throw raise(.valueError, "sequence.index(x): x not in sequence") }
                var m: [UInt8] = []
                try appendText(a[1], &m, repr: true)
                throw raise(.valueError, m + bytes(" is not in range"))
            }
            return at
        case .bytesDecode, .byteArrayDecode:
            return try decodeBytes(me, a)
        case .bytesHex, .byteArrayHex:
            // hex(sep, bytes_per_sep): sep between groups counted from the right (from the left when negative).
            let sepArg = a.value(1, "sep")
            var sep: [UInt8] = []
            if let s = sepArg, !s.isNone {
                guard isStr(s) || isType(s, .bytes) else { throw raiseAboutType(.typeError, "object of type '", s, "' has no len()") }
                sep = strArray(s)
                guard strCharCount(s.objectOffset) == 1 else { throw raise(.valueError, "sep must be length 1.") }
                guard sep.count == 1, sep[0] < 0x80 else { throw raise(.valueError, "sep must be ASCII.") }
            }
            let group = try a.value(2, "bytes_per_sep").map { v throws(VMError) in try indexArgument(v) } ?? 1
            let view = byteView(me)!
            let n = view.count, every = Int(clamping: group.magnitude)
            var out: [UInt8] = []
            for (i, b) in view.enumerated() {
                if !sep.isEmpty && i > 0 && every > 0 && (group < 0 ? i % every == 0 : (n - i) % every == 0) { out += sep }
                out += hexByte(b)
            }
            return try newStr(out)
        case .intToBytes:
            let length = a.positionalCount > 1 ? a[1] : (a.keyword("length") ?? .smallInt(1))
            let little = try byteOrderIsLittle(a.positionalCount > 2 ? a[2] : a.keyword("byteorder"), "to_bytes")
            let signed = try isTruthy(a.keyword("signed") ?? .false)
            let count = try indexArgument(length, .ssize)
            guard count >= 0 else { throw raise(.valueError, "length argument must be non-negative") }
            let n = try checkedSize(count)  // the bytes go on the heap: no larger than it
            if !longIntsOn {  // `me` is a small int or a bool in such a build
                var out = try int64Bytes(intOf(me) ?? 0, count: n, signed: signed)
                if !little { out.reverse() }
                return try newStr(out, type: .bytes)
            }
            var b = bigOf(me)!
            if b.negative {
                guard signed else { throw raise(.overflowError, "can't convert negative int to unsigned") }
                b = b + (BigInt(1) << (8 * n))
            }
            var out: [UInt8] = []
            var rest = b
            for _ in 0..<n {
                out.append(UInt8(rest.magnitude.first.map { $0 & 0xFF } ?? 0))
                rest = rest >> 8
            }
            let tooBig = !rest.magnitude.isEmpty || (signed && n > 0 && (out.last! >= 0x80) != bigOf(me)!.negative)
            if tooBig { throw raise(.overflowError, "int too big to convert") }
            if !little { out.reverse() }
            return try newStr(out, type: .bytes)
        case .sliceIndicesMethod:
            guard let n = intOf(a[1]), n >= 0 else { throw raise(.valueError, "length should not be negative") }
            let (start, step, _) = try sliceIndices(me, length: Int(n))
            let stop = sliceStop(me, length: Int(n))
            return try newTuple([.smallInt(start), .smallInt(stop), .smallInt(step)])
        case .intBitLength:
            if let i = intOf(me) { return .smallInt(64 - i.magnitude.leadingZeroBitCount) }
            return .smallInt(longValue(me).bitLength)
        case .intBitCount:
            if let i = intOf(me) { return .smallInt(i.magnitude.nonzeroBitCount) }
            return .smallInt(longValue(me).magnitude.reduce(0) { $0 + $1.nonzeroBitCount })
        case .keysIsdisjoint, .itemsIsdisjoint:
            guard setsOn else { throw leftOut("set", "set") }
            let mine = try asSet(me)
            root(mine); defer { unroot() }
            let it = try getIterator(a[1])
            root(it); defer { unroot() }
            while let v = try iteratorNext(it) {
                if try contains(mine, v) { return .false }
            }
            return .true
        case .intConjugate:
            return isLong(me) ? me : try newInt(intOf(me)!)
        case .floatIsInteger:
            let d = floatValue(me)
            return .bool(d.isFinite && d == d.rounded(.towardZero))
        case .intAsIntegerRatio:
            return try newTuple([isLong(me) ? me : try newInt(intOf(me)!), .smallInt(1)])
        case .floatAsIntegerRatio:
            return try floatIntegerRatio(floatValue(me))
        case .floatHex:
            return try newStr(floatHexText(floatValue(me)))
        case .genSend:
            if let v = try resumeGenerator(me, sending: a[1]) { return v }
            throw stopIteration()
        case .objectInit:
            // list.__init__ and its kin, reached through a subclass's super().__init__(...).
            if builtinValue(me) != nil && classKind(heap.slot(me.objectOffset, InstanceSlot.klass)).isFilledByInit {
                try initValueInstance(me, a)
            }
            return .none
        case .iteratorNextMethod:
            if let v = try iteratorNext(me) { return v }
            throw stopIteration()
        case .iteratorIterMethod:
            return me
        case .objectNew:
            // object.__new__(cls): a bare instance of a class whose instances are plain objects.
            guard isClass(me), classKind(me) == .object || classHooksOn && classKind(me).isSubclassableValue && !isTypeClass(me, classKind(me)) else {
                if isClass(me) {
                    throw raise(.typeError, bytes("object.__new__(") + className(me) + bytes(") is not safe, use ") + className(me) + bytes(".__new__()"))
                }
                throw raiseAboutType(.typeError, "object.__new__(X): X is not a type object (", me, ")")
            }
            return classKind(me) == .object ? try newInstance(me) : try newValueInstance(me, from: a)
        case .objectInitSubclass:
            // object.__init_subclass__(cls), which super().__init_subclass__(**kw) ends at: no keywords.
            if a.keywordCount > 0 { throw initSubclassTakesNoKeywords(me) }
            return .none
        case .objectGetattribute:
            let name = try attributeNameArgument(a[1])
            if let v = isType(me, .instance) ? try instanceAttribute(me, name) : try lookupAttribute(me, name) { return v }
            throw attributeError(me, name)
        case .objectSetattr:
            let name = try attributeNameArgument(a[1])
            if isType(me, .instance) {
                try storeInstanceAttribute(me, name, a[2])
            } else if isClass(me) {  // type.__setattr__, which a metaclass's __setattr__ ends at
                try storeClassAttribute(me, name, a[2])
            } else {
                try setAttribute(me, name, a[2])
            }
            return .none
        case .objectDelattr:
            try removeAttribute(me, try attributeNameArgument(a[1]))
            return .none
        case .genThrow:
            // throw(type[, value]) as CPython reads it: a value of the type is the exception,
            // a tuple the arguments, None none, anything else the one argument.
            var exc = a[1]
            let value = a.positionalCount > 2 ? a[2] : Value.none
            let baseException = try exceptionClassMade(.baseException)
            if isClass(exc) && isSubclass(exc, baseException) {
                if isInstance(value, exc) {
                    exc = value
                } else {
                    exc = try call(exc, value.isNone ? [] : (isType(value, .tuple) ? Array(tupleItems(value.objectOffset)) : [value]))
                }
            } else if isExceptionInstance(exc) {
                guard value.isNone else { throw raise(.typeError, "instance exception may not have a separate value") }
            } else {
                throw raiseAboutType(.typeError, "exceptions must be classes or instances deriving from BaseException, not ", exc, "")
            }
            guard isExceptionInstance(exc) else { throw raise(.typeError, "exceptions must derive from BaseException") }
            // A finished generator raises what is thrown into it.
            if heap.slot(me.objectOffset, GeneratorSlot.state).intValue == GeneratorState.done.rawValue {
                pendingException = exc
                throw .exception
            }
            if let v = try resumeGenerator(me, sending: .none, throwing: exc) { return v }
            throw stopIteration()
        case .genClose:
            try closeGenerator(me)
            return .none
        case .propertySetter, .propertyGetter, .propertyDeleter:
            let o = try allocSlots(.property, PropertySlot.slotCount)
            for i in 0..<PropertySlot.slotCount { heap.setSlot(o, i, heap.slot(me.objectOffset, i)) }
            heap.setSlot(o, id == .propertyGetter ? PropertySlot.getter : id == .propertySetter ? PropertySlot.setter : PropertySlot.deleter, a[1])
            return .object(o)
        default:
            throw raise(.runtimeError, "method not available")
        }
    }

    /// bytes.fromhex, dict.fromkeys, int.from_bytes: called on the class (or an instance).
    func callClassLevelMethod(_ id: Native, _ a: Arguments) throws(VMError) -> Value {
        // Through an instance or the class, the real arguments follow it.
        let first = (isClass(a[0]) || id == .strMaketrans || (id == .bytesFromhex && isBytesLike(a[0]))
                     || (id == .dictFromkeys && (isType(a[0], .dict) || builtinValue(a[0]) != nil))
                     || (id == .intFromBytes && isIntegral(builtinValue(a[0]) ?? a[0]))) ? 1 : 0
        let wantsByteArray = isTypeClass(a[0], .bytearray) || isType(a[0], .bytearray)
        func arg(_ i: Int) -> Value? { a.positionalCount > first + i ? a[first + i] : nil }
        switch id {
        case .bytesFromhex:
            guard let text = arg(0), isStr(text) else { throw raiseAboutType(.typeError, "fromhex() argument must be str, not ", arg(0) ?? .none, "") }
            var out: [UInt8] = []
            var pending: UInt8? = nil
            let hex = strBuffer(text)
            // Where the first wrong character is (all before it are ASCII: bytes count as characters).
            func wrong(at i: Int) -> VMError { raise(.valueError, bytes("non-hexadecimal number found in fromhex() arg at position ") + decimal(i)) }
            for (i, c) in hex.enumerated() {
                if isSpace(c) && pending == nil { continue }
                var d: UInt8
                if c >= 48 && c <= 57 { d = c - 48 } else if (c | 0x20) >= 97 && (c | 0x20) <= 102 { d = (c | 0x20) - 87 } else {
                    throw wrong(at: i)
                }
                if let high = pending { out.append(high << 4 | d); pending = nil } else { pending = d }
            }
            if pending != nil { throw wrong(at: hex.count) }
            return wantsByteArray ? try newByteArray(out) : try newStr(out, type: .bytes)
        case .intFromBytes:
            guard let source = arg(0) else { throw raise(.typeError, "from_bytes() missing required argument 'bytes'") }
            var b: [UInt8] = []
            if let view = try bufferBytes(source) {
                b = view
            } else {  // any iterable of ints in range(256), as bytes() takes
                guard !isStr(source) else { throw raise(.typeError, "cannot convert 'str' object to bytes") }
                try forEachItem(of: source) { (x: Value) throws(VMError) in
                    guard let i = intOf(x) else {
                        throw raiseAboutType(.typeError, "'", x, "' object cannot be interpreted as an integer")
                    }
                    guard i >= 0 && i < 256 else { throw raise(.valueError, "bytes must be in range(0, 256)") }
                    b.append(UInt8(i))
                }
            }
            let little = try byteOrderIsLittle(arg(1) ?? a.keyword("byteorder"), "from_bytes")
            let signed = try isTruthy(a.keyword("signed") ?? .false)
            if !little { b.reverse() }
            var n: Value
            if !longIntsOn { n = try int64FromBytes(b, signed: signed) } else {
                var result = BigInt(0)
                for byte in b.reversed() { result = (result << 8) + BigInt(Int64(byte)) }
                if signed, let top = b.last, top >= 0x80 { result = result - (BigInt(1) << (8 * b.count)) }
                n = try intResult(result)
            }
            // On a subclass (or through its instance), as CPython: cls(n).
            let cls = isClass(a[0]) ? a[0] : isType(a[0], .instance) ? heap.slot(a[0].objectOffset, InstanceSlot.klass) : .null
            if cls.isNull || isTypeClass(cls, .int) { return n }
            root(n); defer { unroot() }
            return try call(cls, [n])
        case .floatFromhex:
            guard let text = arg(0), isStr(text) else { throw raise(.typeError, "fromhex() argument must be str") }
            guard floatsOn else { throw noFloats() }
            guard let d = floatFromHexText(Array(strBuffer(text))) else { throw raise(.valueError, "invalid hexadecimal floating-point string") }
            return try newFloat(d)
        case .strMaketrans:
            let kind = isClass(a[0]) ? classKind(a[0]) : typeKind(of: builtinValue(a[0]) ?? a[0])
            let onBytes = kind == .bytes || kind == .bytearray
            guard moreStrMethodsOn else {
                if onBytes { textType = .bytes }  // its name in the message
                defer { textType = .str }
                throw moreStrMethodLeftOut(nativeName(id))
            }
            if onBytes {  // bytes.maketrans(frm, to), bytearray's too: a bytes table
                guard a.positionalCount == 3 else { throw wrongArgumentCount(nativeName(id), a.positionalCount - 1, min: 2, max: 2) }
                return try makeByteTranslation(a[1], a[2])
            }
            return try makeTranslation(arg(0), arg(1), arg(2))
        default:  // dict.fromkeys
            // On a subclass, as CPython: cls(), then d[key] = value through its own __setitem__.
            let cls = isClass(a[0]) ? a[0] : isType(a[0], .instance) ? heap.slot(a[0].objectOffset, InstanceSlot.klass) : .null
            if !cls.isNull, classKind(cls) == .dict, !isTypeClass(cls, .dict) {
                let d = try call(cls, [])
                root(d); defer { unroot() }
                let keys = try newList(of: arg(0) ?? .none)
                root(keys); defer { unroot() }
                for i in 0..<listCount(keys.objectOffset) { try setItem(d, listItem(keys.objectOffset, i), arg(1) ?? .none) }
                return d
            }
            return try dictFromKeys(arg(0) ?? .none, arg(1) ?? .none)
        }
    }

    func newTupleFromArgs(_ a: Arguments, from start: Int) throws(VMError) -> Value {
        let n = max(0, a.positionalCount - start)
        let t = try newTuple(n)
        for i in 0..<n { heap.setSlot(t.objectOffset, i + TupleSlot.firstItem, a[start + i]) }
        return t
    }

    /// A str, or bytes while a bytes method runs.
    func newText(_ b: [UInt8]) throws(VMError) -> Value { try newStr(b, type: textType) }
    func newText(_ s: StaticString) throws(VMError) -> Value { try newStr(bytes(s), type: textType) }
    func newText(_ b: UnsafeBufferPointer<UInt8>) throws(VMError) -> Value { try newStr(b, type: textType) }

    // MARK: str

    /// s.split(sep) or s.split() with no maxsplit, the common cases: each piece made as it
    /// is found, without gathering where they are first. No separator: runs of whitespace
    /// (Python's for a str, ASCII's for bytes) separate, and the ends are trimmed.
    func splitAll(_ text: UnsafeBufferPointer<UInt8>, by sep: UnsafeBufferPointer<UInt8>?, ascii: Bool) throws(VMError) -> Value {
        if let sep, sep.isEmpty { throw raise(.valueError, "empty separator") }
        var start = 0
        if let sep {
            // The pieces are counted first, so the list is made at its size and filled
            // in place, not grown (a one-byte separator is counted eight bytes at a
            // time, countByte): strings 4%.
            var pieces = 1
            if sep.count == 1 {
                pieces &+= countByte(text, sep[0])
            } else {
                while let at = findBytes(text, sep, from: start) { pieces += 1; start = at + sep.count }
                start = 0
            }
            let l = try newList(capacity: pieces)
            root(l); defer { unroot() }
            let o = l.objectOffset
            for i in 0..<pieces {
                let end = i == pieces - 1 ? text.count : findBytes(text, sep, from: start) ?? text.count
                setListItem(o, i, try newStr(UnsafeBufferPointer(rebasing: text[start..<end]), type: textType, ascii: ascii))
                heap.setSlot(o, ListSlot.count, .smallInt(i + 1))
                start = end + sep.count
            }
            return l
        }
        let l = try newList()
        root(l); defer { unroot() }
        let unicode = textType == .str
        while start < text.count {
            while start < text.count, case let n = whitespaceLength(text, start, unicode: unicode), n > 0 { start += n }
            if start >= text.count { break }
            var end = start
            while end < text.count && whitespaceLength(text, end, unicode: unicode) == 0 { end += 1 }
            try listAppend(l, try newStr(UnsafeBufferPointer(rebasing: text[start..<end]), type: textType, ascii: ascii))
            start = end
        }
        return l
    }

    /// str and bytes methods (bytes share them; results keep the receiver's type).
    /// Those that can run Python code (join of a generator; format and
    /// format_map through __format__, __getitem__ or __missing__; translate
    /// through a table's __getitem__) are called from this small frame: under
    /// their nested run of the interpreter loop the other methods' frame (half a
    /// KiB on RV32) is not on a 16 KiB board's C stack.
    func callStrMethod(_ id: Native, _ me: Value, _ a: Arguments) throws(VMError) -> Value {
        guard id == .strJoin || id == .strTranslate || id == .strFormat || id == .strFormatMap else {
            return try otherTextMethod(id, me, a)
        }
        var name: NameText { nativeName(id) }
        textType = heap.type(me.objectOffset)
        defer { textType = .str }
        switch id {
        case .strJoin:
            return try joinText(me, a)
        case .strTranslate:
            guard moreStrMethodsOn else { throw moreStrMethodLeftOut(name) }
            try argumentCount(a, name, min: 2, max: textType == .str ? 2 : 3)  // bytes' takes `delete` too
            return textType == .str ? try translate(me, a[1]) : try translateBytes(me, a)
        case .strFormat:
            guard formatSpecsOn else { throw leftOut("str.format()", "format") }
            return try strFormatMethod(me, a)
        default:  // str.format_map
            guard formatSpecsOn else { throw leftOut("str.format_map()", "format") }
            var numbering = 0
            return try newStr(try expandFormat(Array(strBuffer(me)), a, &numbering, recursion: 2, mapping: a[1]))
        }
    }

    @inline(never) private func joinText(_ me: Value, _ a: Arguments) throws(VMError) -> Value {
        // A list of strs (of bytes, for bytes.join) is joined where it is; anything else
        // first becomes a list, whose items the loop below may replace (strings 4%).
        let given = a[1]
        var joinsAsItIs = isType(given, .list)
        if joinsAsItIs { for v in listItems(given.objectOffset) where !isType(v, textType) { joinsAsItIs = false; break } }
        let items = joinsAsItIs ? given : try newList(of: given)
        root(items); defer { unroot() }
        var total = 0
        let n = listCount(items.objectOffset)
        for i in 0..<n {
            var v = listItem(items.objectOffset, i)
            if !isType(v, textType), let inner = builtinValue(v), isType(inner, textType) {  // a str subclass's instance
                v = inner
                setListItem(items.objectOffset, i, v)
            }
            if textType == .bytes && !isType(v, .bytes), let view = byteView(v) {
                v = try newStr(UnsafeBufferPointer(view), type: .bytes)  // a bytearray joins as its bytes
                setListItem(items.objectOffset, i, v)
            } else if textType == .bytes && isType(v, .memoryview) {
                v = try newStr(try memoryViewBytes(v), type: .bytes)
                setListItem(items.objectOffset, i, v)
            }
            guard isType(v, textType) else {
                throw raise(.typeError, bytes("sequence item ") + decimal(i) + bytes(textType == .bytes ? ": expected a bytes-like object, " : ": expected str instance, ") + typeName(v) + bytes(" found"))
            }
            total += strByteCount(v.objectOffset)
        }
        let sepCount = strByteCount(me.objectOffset)
        total += sepCount * max(0, n - 1)
        let r = try newStrUninitialized(total, type: textType)
        var dst = heap.bytePointer(r, strDataOffset)
        var chars = 0
        for i in 0..<n {
            if i > 0 && sepCount > 0 {
                copyBytes(to: dst, from: heap.bytePointer(me.objectOffset, strDataOffset), count: sepCount)
                dst += sepCount
                chars += strCharCount(me.objectOffset)
            }
            let v = listItem(items.objectOffset, i).objectOffset
            let len = strByteCount(v)
            if len > 0 { copyBytes(to: dst, from: heap.bytePointer(v, strDataOffset), count: len) }
            dst += len
            chars += strCharCount(v)
        }
        heap.setU32(r, StrField.charCount, textType == .str ? UInt32(chars) : UInt32(total))
        return .object(r)
    }

    @inline(never) private func otherTextMethod(_ id: Native, _ me: Value, _ a: Arguments) throws(VMError) -> Value {
        var name: NameText { nativeName(id) }  // for messages: looked up only when one is made
        let text = strBuffer(me)
        textType = heap.type(me.objectOffset)
        defer { textType = .str }
        if id.isMoreStrMethod && !moreStrMethodsOn { throw moreStrMethodLeftOut(name) }
        switch id {
        case .strFind, .strRfind, .strIndex, .strRindex, .strCount:
            var needle = a[1]
            if textType == .str {
                needle = try textArgument(a, 1, name)
            } else if !isType(needle, .bytes) {  // b.find(111) looks for the byte 111; a bytearray for its bytes
                var b = try byteNumber(needle).map { [$0] }
                if b == nil { b = try bufferBytes(needle) }
                guard let b else {
                    throw raiseAboutType(.typeError, "argument should be integer or bytes-like object, not '", needle, "'")
                }
                needle = try newStr(b, type: .bytes)
                stack[a.base + 1] = needle  // kept as the argument
            }
            // Optional start/end are character indexes; map them to bytes.
            let chars = strCharCount(me.objectOffset)
            func clampIndex(_ v: Value?, _ dflt: Int) throws(VMError) -> Int {
                guard let v = v, let i = try sliceBound(v) else { return dflt }
                let x = i < 0 ? max(0, i &+ Int64(chars)) : i
                return Int(min(x, Int64(chars)))
            }
            let startChar = try clampIndex(a.positionalCount > 2 ? a[2] : nil, 0)
            let endChar = try clampIndex(a.positionalCount > 3 ? a[3] : nil, chars)
            let startByte = strByteOffset(me.objectOffset, charIndex: startChar)
            let endByte = strByteOffset(me.objectOffset, charIndex: max(startChar, endChar))
            let hay = UnsafeBufferPointer(rebasing: text[0..<endByte])
            let pat = strBuffer(needle)
            if id == .strCount {
                if startChar > endChar { return .smallInt(0) }
                if pat.isEmpty { return .smallInt(endChar - startChar + 1) }
                var n = 0, from = startByte
                while let at = findBytes(hay, pat, from: from) { n += 1; from = at + pat.count }
                return .smallInt(n)
            }
            var found: Int? = nil
            if startChar <= endChar {
                if id == .strFind || id == .strIndex {
                    found = findBytes(hay, pat, from: startByte)
                } else {
                    found = rfindBytes(hay, pat, from: startByte)
                }
            }
            guard let at = found else {
                if id == .strIndex || id == .strRindex { throw raise(.valueError, textType == .str ? "substring not found" : "subsection not found") }
                return .smallInt(-1)
            }
            return .smallInt(strIsASCII(me.objectOffset) ? at : utf8CharCount(UnsafeBufferPointer(rebasing: text[0..<at])))
        case .strSplit, .strRsplit:
            var sepArg = a.positionalCount > 1 ? a[1] : (a.keyword("sep") ?? .none)
            let converted = textType == .bytes && !sepArg.isNone && !isType(sepArg, .bytes)
            if converted { sepArg = try newStr(try bytesLike(sepArg), type: .bytes); root(sepArg) }  // a bytearray's bytes
            defer { if converted { unroot() } }
            let maxArg = a.positionalCount > 2 ? a[2] : (a.keyword("maxsplit") ?? .smallInt(-1))
            let maxSplit = try indexArgument(maxArg, .ssize)
            if id == .strSplit && maxSplit < 0 {
                let ascii = textType == .str && strIsASCII(me.objectOffset)
                if sepArg.isNone { return try splitAll(text, by: nil, ascii: ascii) }
                if isType(sepArg, textType) { return try splitAll(text, by: strBuffer(sepArg), ascii: ascii) }
            }
            var parts: [(Int, Int)] = []
            let bytesIn = text  // where they lie: the heap does not move, and the receiver is an argument
            if sepArg.isNone {
                // Runs of whitespace separate; ends are trimmed.
                var ranges: [(Int, Int)] = []
                var i = 0
                let unicode = textType == .str  // a str splits on Python's whitespace, bytes on ASCII's
                while i < bytesIn.count {
                    while i < bytesIn.count, case let n = whitespaceLength(bytesIn, i, unicode: unicode), n > 0 { i += n }
                    if i >= bytesIn.count { break }
                    let start = i
                    while i < bytesIn.count && whitespaceLength(bytesIn, i, unicode: unicode) == 0 { i += 1 }
                    ranges.append((start, i))
                }
                if maxSplit >= 0 && ranges.count > Int(clamping: maxSplit) {
                    // The unsplit remainder keeps its whitespace on the far side.
                    if id == .strSplit {
                        let k = Int(clamping: maxSplit)
                        parts = Array(ranges[0..<k]) + [(ranges[k].0, bytesIn.count)]
                    } else {
                        let k = ranges.count - Int(clamping: maxSplit) - 1
                        parts = [(0, ranges[k].1)] + Array(ranges[(k + 1)...])
                    }
                } else {
                    parts = ranges
                }
            } else {
                guard isType(sepArg, textType) else { throw raiseAboutType(.typeError, "must be str or None, not ", sepArg, "") }
                let sep = Array(strBuffer(sepArg))
                if sep.isEmpty { throw raise(.valueError, "empty separator") }
                var cuts: [Int] = []
                var from = 0
                while let at = findBytes(UnsafeBufferPointer(rebasing: text[...]), UnsafeBufferPointer(rebasing: strBuffer(sepArg)[...]), from: from) {
                    cuts.append(at)
                    from = at + sep.count
                }
                if maxSplit >= 0 && cuts.count > Int(clamping: maxSplit) {
                    cuts = id == .strSplit ? Array(cuts[0..<Int(clamping: maxSplit)]) : Array(cuts[(cuts.count - Int(clamping: maxSplit))...])
                }
                var start = 0
                for c in cuts { parts.append((start, c)); start = c + sep.count }
                parts.append((start, bytesIn.count))
            }
            let l = try newList(capacity: parts.count)
            root(l); defer { unroot() }
            for (s0, e0) in parts { try listAppend(l, try newText(UnsafeBufferPointer(rebasing: text[s0..<e0]))) }
            return l
        case .strStrip, .strLstrip, .strRstrip:
            if a.positionalCount > 1 && !a[1].isNone && textType == .str && !isStr(plainValue(a[1])) {
                throw raise(.typeError, Array(name) + bytes(" arg must be None or str"))
            }
            let chars: [UInt8]? = (a.positionalCount > 1 && !a[1].isNone) ? Array(strBuffer(try textArgument(a, 1, name))) : nil
            // A str is stripped by whole characters: Python's whitespace, or the characters given.
            let isText = textType == .str
            var points: [UInt32] = []
            if isText, let chars {
                chars.withUnsafeBufferPointer { c in
                    var k = 0
                    while k < c.count { points.append(decodeUTF8(c, k)); k += utf8Step(c, k) }
                }
            }
            func stripsAt(_ i: Int) -> Int {  // bytes of a character to strip at i, or 0
                guard let chars else { return whitespaceLength(text, i, unicode: isText) }
                guard isText else { return chars.contains(text[i]) ? 1 : 0 }
                return points.contains(decodeUTF8(text, i)) ? utf8Step(text, i) : 0
            }
            var i = 0, end = text.count
            if id != .strRstrip { while i < end, case let n = stripsAt(i), n > 0 { i += n } }
            if id != .strLstrip {
                while end > i {
                    var j = end - 1
                    if isText { while j > i && text[j] & 0xC0 == 0x80 { j -= 1 } }  // the last character's start
                    guard stripsAt(j) == end - j else { break }
                    end = j
                }
            }
            if i == 0 && end == text.count { return me }
            return try newText(UnsafeBufferPointer(rebasing: text[i..<end]))
        case .strReplace:
            let oldValue = try textArgument(a, 1, name, numbered: true), newValue = try textArgument(a, 2, name, numbered: true)
            let new = Array(strBuffer(newValue))
            var limit = try indexArgument(a.value(3, "count") ?? .smallInt(-1), .ssize)
            let b = text
            var out: [UInt8] = []
            // The result is built on the host before it goes to the heap:
            // past the heap's size it could never be kept.
            func grow(_ extra: Int) throws(VMError) { _ = try checkedSize(Int64(out.count) + Int64(extra)) }
            if strByteCount(oldValue.objectOffset) == 0 {
                // Insert between characters.
                var i = 0
                while i <= b.count {
                    if limit != 0 { try grow(new.count); out += new; limit -= 1 }
                    if i == b.count { break }
                    let n = utf8SequenceLength(b[i])
                    try grow(n)
                    out += b[i..<min(b.count, i + n)]
                    i += n
                }
                return try newText(out)
            }
            let old = strBuffer(oldValue)
            var i = 0
            while limit != 0, let at = findBytes(text, old, from: i) {
                try grow(at - i + new.count)
                out += b[i..<at]
                out += new
                i = at + old.count
                limit -= 1
            }
            try grow(b.count - i)
            out += b[i...]
            return try newText(out)
        case .strStartswith, .strEndswith:
            let b = text
            var candidates: [Value] = []
            if isType(a[1], .tuple) { candidates = Array(tupleItems(a[1].objectOffset)) } else { candidates = [a[1]] }
            let startByte = a.positionalCount > 2 && !a[2].isNone ? strByteOffset(me.objectOffset, charIndex: clampChar(a[2], me)) : 0
            let endByte = a.positionalCount > 3 && !a[3].isNone ? strByteOffset(me.objectOffset, charIndex: clampChar(a[3], me)) : b.count
            for c in candidates {
                let p: [UInt8]
                if isType(c, textType) { p = strArray(c) } else if textType == .bytes, let b = try bufferBytes(c) { p = b } else {
                    if isType(a[1], .tuple) {  // an item of the tuple
                        if textType == .bytes { _ = try bytesLike(c) }
                        throw raise(.typeError, bytes("tuple for ") + bytes(name) + bytes(" must only contain str, not ") + typeName(c))
                    }
                    throw raise(.typeError, bytes(name) + bytes(textType == .str ? " first arg must be str or a tuple of str, not "
                                                                 : " first arg must be bytes or a tuple of bytes, not ") + typeName(c))
                }
                if endByte - startByte < p.count { continue }
                let slice = id == .strStartswith ? b[startByte..<(startByte + p.count)] : b[(endByte - p.count)..<endByte]
                if slice.elementsEqual(p) { return .true }
            }
            return .false
        case .strUpper, .strLower, .strSwapcase, .strCapitalize, .strTitle:
            if !strIsASCII(me.objectOffset) { return try changeCaseUnicode(id, text) }
            // ASCII: the result has as many characters as bytes, written where it will live.
            let r = try newStrUninitialized(text.count, type: textType)
            let b = heap.bytePointer(r, strDataOffset)
            var previousLetter = false
            for i in 0..<text.count {
                let c = text[i]
                b[i] = c
                let isLower = c >= 97 && c <= 122, isUpper = c >= 65 && c <= 90
                switch id {
                case .strUpper: if isLower { b[i] = c - 32 }
                case .strLower: if isUpper { b[i] = c + 32 }
                case .strSwapcase: if isLower { b[i] = c - 32 } else if isUpper { b[i] = c + 32 }
                case .strCapitalize:
                    if i == 0 { if isLower { b[i] = c - 32 } } else if isUpper { b[i] = c + 32 }
                default:
                    if previousLetter { if isUpper { b[i] = c + 32 } } else if isLower { b[i] = c - 32 }
                }
                previousLetter = isLower || isUpper || c >= 0x80
            }
            return .object(r)
        case .strIsdigit, .strIsalpha, .strIsspace, .strIsalnum, .strIsnumeric, .strIsdecimal, .strIsidentifier:
            let b = text
            if b.isEmpty { return .false }
            // Past ASCII with more_str_methods; without, as PyMite: non-ASCII bytes are letters.
            if moreStrMethodsOn && textType == .str && !strIsASCII(me.objectOffset) { return .bool(unicodeTextIs(id, b)) }
            for (i, c) in b.enumerated() {
                let digit = c >= 48 && c <= 57
                let alpha = (c | 0x20) >= 97 && (c | 0x20) <= 122
                switch id {
                case .strIsdigit, .strIsnumeric, .strIsdecimal: if !digit { return .false }
                case .strIsalpha: if !alpha && c < 0x80 { return .false }
                case .strIsspace: if !isSpace(c) { return .false }
                case .strIsidentifier: if !(alpha || c == 95 || c >= 0x80 || (digit && i > 0)) { return .false }
                default: if !(alpha || digit) && c < 0x80 { return .false }
                }
            }
            return .true
        case .strEncode:
            return try encodeStr(me, a)
        case .strIsascii:
            return .bool(!text.contains(where: { $0 >= 0x80 }))
        case .strIsprintable:
            var i = 0
            while i < text.count {
                if !isPrintable(decodeUTF8(text, i)) { return .false }
                i += utf8Step(text, i)
            }
            return .true
        case .strIsupper, .strIslower:
            guard moreStrMethodsOn else { throw moreStrMethodLeftOut(name) }  // compiled out without it
            if textType == .str && !strIsASCII(me.objectOffset) { return .bool(unicodeTextIs(id, text)) }
            var cased = false
            for c in text {
                if c >= 65 && c <= 90 { if id == .strIslower { return .false }; cased = true }
                if c >= 97 && c <= 122 { if id == .strIsupper { return .false }; cased = true }
            }
            return .bool(cased)
        case .strCenter, .strLjust, .strRjust:
            guard moreStrMethodsOn else { throw moreStrMethodLeftOut(name) }  // compiled out without it
            let width = try checkedSize(try indexArgument(a[1], .ssize))
            var fill: [UInt8] = [32]
            if a.positionalCount > 2 && textType == .bytes {  // a bytes or bytearray of one byte
                guard let f = byteView(a[2]), f.count == 1 else {
                    throw raise(.typeError, bytes(name) + bytes("() argument 2 must be a byte string of length 1, not ") + typeName(a[2]))
                }
                fill = [f[0]]
            } else if a.positionalCount > 2 {
                let f = try textArgument(a, 2, name)
                guard strCharCount(f.objectOffset) == 1 else { throw raise(.typeError, "The fill character must be exactly one character long") }
                fill = Array(strBuffer(f))
            }
            let len = strCharCount(me.objectOffset)
            let pad = width - len
            if pad <= 0 { return me }
            _ = try checkedSize(Int64(text.count + pad * fill.count))
            var left = 0
            switch id {
            case .strLjust: left = 0
            case .strRjust: left = pad
            default: left = pad / 2 + (pad & width & 1)
            }
            var out: [UInt8] = []
            for _ in 0..<left { out += fill }
            out += text
            for _ in 0..<(pad - left) { out += fill }
            return try newText(out)
        case .strZfill:
            guard moreStrMethodsOn else { throw moreStrMethodLeftOut(name) }  // compiled out without it
            let width = try checkedSize(try indexArgument(a[1], .ssize))
            let b = Array(text)
            let pad = width - strCharCount(me.objectOffset)
            if pad <= 0 { return me }
            var out: [UInt8] = []
            var rest = b[...]
            if let first = b.first, first == 43 || first == 45 { out.append(first); rest = b[1...] }
            out += [UInt8](repeating: 48, count: pad)
            out += rest
            return try newText(out)
        case .strPartition, .strRpartition:
            guard moreStrMethodsOn else { throw moreStrMethodLeftOut(name) }  // compiled out without it
            let sep = try textArgument(a, 1, name)
            if strByteCount(sep.objectOffset) == 0 { throw raise(.valueError, "empty separator") }
            let b = Array(text)
            let sepBytes = Array(strBuffer(sep))
            let found = id == .strPartition ? findBytes(text, strBuffer(sep), from: 0) : rfindBytes(text, strBuffer(sep), from: 0)
            let empty = try newText("")
            root(empty); defer { unroot() }
            guard let at = found else {
                return id == .strPartition ? try newTuple([me, empty, empty]) : try newTuple([empty, empty, me])
            }
            let head = try newText(Array(b[0..<at]))
            root(head); defer { unroot() }
            let tail = try newText(Array(b[(at + sepBytes.count)...]))
            return try newTuple([head, sep, tail])
        case .strSplitlines:
            guard moreStrMethodsOn else { throw moreStrMethodLeftOut(name) }  // compiled out without it
            let keepends = a.positionalCount > 1 ? try isTruthy(a[1]) : try isTruthy(a.keyword("keepends") ?? .false)
            let b = Array(text)
            let l = try newList()
            root(l); defer { unroot() }
            var start = 0, i = 0
            let isText = textType == .str
            while i < b.count {
                let c = b[i]
                // Line ends: \n and \r for bytes; a str's also \v \f \x1c-\x1e and (as UTF-8) \x85, \u2028, \u2029.
                var width = c == 10 || c == 13 ? 1 : 0
                if isText && width == 0 {
                    if c == 11 || c == 12 || c == 28 || c == 29 || c == 30 { width = 1 }
                    else if c == 0xC2 && i + 1 < b.count && b[i + 1] == 0x85 { width = 2 }
                    else if c == 0xE2 && i + 2 < b.count && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) { width = 3 }
                }
                if width > 0 {
                    var end = i + width
                    if c == 13 && i + 1 < b.count && b[i + 1] == 10 { end += 1 }
                    try listAppend(l, try newText(Array(b[start..<(keepends ? end : i)])))
                    start = end
                    i = end
                } else {
                    i += 1
                }
            }
            if start < b.count { try listAppend(l, try newText(Array(b[start...]))) }
            return l
        case .strCasefold:
            guard moreStrMethodsOn else { throw moreStrMethodLeftOut(name) }  // compiled out without it
            return try changeCaseUnicode(.strLower, text)
        case .strExpandtabs:
            guard moreStrMethodsOn else { throw moreStrMethodLeftOut(name) }  // compiled out without it
            let size = Int(try indexArgument(a.value(1, "tabsize") ?? .smallInt(8), .cInt))
            var out: [UInt8] = []
            var column = 0
            for c in text {
                if c == 9 {
                    let n = size > 0 ? size - column % size : 0
                    _ = try checkedSize(Int64(out.count) + Int64(n))
                    out += [UInt8](repeating: 32, count: n)
                    column += n
                } else {
                    out.append(c)
                    column = (c == 10 || c == 13) ? 0 : column + (c & 0xC0 == 0x80 ? 0 : 1)
                }
            }
            return try newText(out)
        case .strIstitle:
            guard moreStrMethodsOn else { throw moreStrMethodLeftOut(name) }  // compiled out without it
            var cased = false, previousCased = false
            var i = 0
            while i < text.count {
                let cp = decodeUTF8(text, i)
                i += utf8Step(text, i)
                if isUpperCase(cp) {
                    if previousCased { return .false }
                    previousCased = true; cased = true
                } else if isLowerCase(cp) {
                    if !previousCased { return .false }
                    previousCased = true; cased = true
                } else {
                    previousCased = false
                }
            }
            return .bool(cased)
        case .strRemoveprefix, .strRemovesuffix:
            guard moreStrMethodsOn else { throw moreStrMethodLeftOut(name) }  // compiled out without it
            let affix = Array(strBuffer(try textArgument(a, 1, name, numbered: false)))
            let b = Array(text)
            if affix.isEmpty || affix.count > b.count { return me }
            if id == .strRemoveprefix {
                return b.starts(with: affix) ? try newText(Array(b[affix.count...])) : me
            }
            return Array(b[(b.count - affix.count)...]) == affix ? try newText(Array(b[0..<(b.count - affix.count)])) : me
        default:
            throw raise(.runtimeError, "method not available")
        }
    }

    /// str.translate(table): each character looked up in the table (by its code
    /// point): a str or code point replaces it, None drops it, a LookupError keeps it.
    func translate(_ me: Value, _ table: Value) throws(VMError) -> Value {
        let text = Array(strBuffer(me))
        var out: [UInt8] = []
        var i = 0
        while i < text.count {
            let n = utf8Step(text, i)
            let cp = text.withUnsafeBufferPointer { decodeUTF8($0, i) }
            var mapped: Value?
            if isType(table, .dict) {
                mapped = try dictGet(table, .smallInt(Int(cp)))
            } else {
                do { mapped = try getItem(table, .smallInt(Int(cp))) } catch {
                    guard isInstance(pendingException, exceptionClass(.lookupError)) else { throw error }
                    pendingException = .null
                }
            }
            if let v = mapped {
                if let c = intOf(v) {
                    guard c >= 0 && c < 0x110000 else { throw raise(.valueError, "character mapping must be in range(0x110000)") }
                    appendUTF8(UInt32(c), to: &out)
                } else if isStr(v) {
                    out += strBuffer(v)
                } else if !v.isNone {
                    throw raise(.typeError, "character mapping must return integer, None or str")
                }
            } else {
                out += text[i..<(i + n)]
            }
            i += n
        }
        return try newStr(out)
    }

    /// str.maketrans(x[, y[, z]]): the dict translate() takes.
    func makeTranslation(_ x: Value?, _ y: Value?, _ z: Value?) throws(VMError) -> Value {
        let d = try newDict()
        root(d); defer { unroot() }
        guard let x else { throw raise(.typeError, "maketrans() takes at least 1 argument (0 given)") }
        func codePoints(_ s: Value) -> [UInt32] {
            let b = strBuffer(s)
            var cps: [UInt32] = [], i = 0
            while i < b.count { cps.append(decodeUTF8(b, i)); i += utf8Step(b, i) }
            return cps
        }
        guard let y else {
            guard isType(x, .dict) else { throw raise(.typeError, "if you give only one argument to maketrans it must be a dict") }
            var failure: VMError? = nil
            try dictForEach(x) { (k, v) throws(VMError) in
                if failure != nil { return }
                if isStr(k) {
                    let cps = codePoints(k)
                    guard cps.count == 1 else { failure = raise(.valueError, "string keys in translate table must be of length 1"); return }
                    try dictStore(d, .smallInt(Int(cps[0])), v)
                } else if intOf(k) != nil {
                    try dictStore(d, k, v)
                } else {
                    failure = raise(.typeError, "keys in translate table must be strings or integers")
                }
            }
            if let failure { throw failure }
            return d
        }
        guard isStr(x), isStr(y) else { throw raise(.typeError, "maketrans() arguments must be str") }
        let from = codePoints(x), to = codePoints(y)
        guard from.count == to.count else { throw raise(.valueError, "the first two maketrans arguments must have equal length") }
        for (f, t) in zip(from, to) { try dictStore(d, .smallInt(Int(f)), .smallInt(Int(t))) }
        if let z {
            guard isStr(z) else { throw raise(.typeError, "maketrans() argument 3 must be str") }
            for c in codePoints(z) { try dictStore(d, .smallInt(Int(c)), .none) }
        }
        return d
    }

    /// One of bytes' str-like methods on a bytearray: run on a bytes copy, and
    /// what comes back as bytes (alone, in a list or in a tuple) made a bytearray.
    func callByteArrayAsBytes(_ id: Native, _ me: Value, _ a: Arguments) throws(VMError) -> Value {
        let copy = try newStr(UnsafeBufferPointer(byteView(me)!), type: .bytes)
        stack[a.base] = copy  // the receiver's slot: rooted as an argument
        let r = try callStrMethod(id, copy, a)
        func converted(_ v: Value) throws(VMError) -> Value {
            isType(v, .bytes) ? try newByteArray(UnsafeBufferPointer(byteView(v)!)) : v
        }
        if isType(r, .list) || isType(r, .tuple) {
            root(r); defer { unroot() }
            let o = r.objectOffset
            let n = isType(r, .list) ? listCount(o) : tupleCount(o)
            for i in 0..<n {
                if isType(r, .list) { setListItem(o, i, try converted(listItem(o, i))) }
                else { heap.setSlot(o, i + TupleSlot.firstItem, try converted(tupleItem(o, i))) }
            }
            return r
        }
        return try converted(r)
    }

    /// str.isdigit() and the other predicates on text past ASCII, code point by code point.
    func unicodeTextIs(_ id: Native, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0, cased = false
        while i < text.count {
            let first = i == 0
            let cp = decodeUTF8(text, i)
            i += utf8Step(text, i)
            let decimal = decimalValue(cp) != nil
            let digit = decimal || isOtherDigit(cp), numeric = digit || isOtherNumeric(cp)
            // A letter is what is none of the others (the VM has no full letter table).
            let alpha = cp < 0x80 ? (cp | 0x20) >= 97 && (cp | 0x20) <= 122 : !numeric && !isWhitespace(cp)
            switch id {
            case .strIsdecimal: if !decimal { return false }
            case .strIsdigit: if !digit { return false }
            case .strIsnumeric: if !numeric { return false }
            case .strIsspace: if !isWhitespace(cp) { return false }
            case .strIsalpha: if !alpha { return false }
            case .strIsupper, .strIslower:
                let upper = cp < 0x80 ? cp >= 65 && cp <= 90 : isUpperCase(cp)
                let lower = cp < 0x80 ? cp >= 97 && cp <= 122 : isLowerCase(cp)
                if id == .strIsupper ? lower : upper { return false }
                if upper || lower { cased = true }
            case .strIsidentifier: if !(alpha || cp == 95 || (decimal && !first)) { return false }
            default: if !(alpha || numeric) { return false }
            }
        }
        return id == .strIsupper || id == .strIslower ? cased : true
    }

    /// One of the less common str and bytes methods, in a build or run without `more_str_methods`.
    func moreStrMethodLeftOut(_ name: NameText) -> VMError {
        raise(.notImplementedError, (textType == .str ? bytes("str.") : bytes("bytes.")) + bytes(name)
              + bytes("() is not available in this build (more_str_methods is off)"))
    }

    /// Case changes on text with non-ASCII characters, code point by code point.
    func changeCaseUnicode(_ id: Native, _ text: UnsafeBufferPointer<UInt8>) throws(VMError) -> Value {
        var out: [UInt8] = []
        var i = 0
        var previousCased = false
        var first = true
        while i < text.count {
            let n = utf8Step(text, i)
            let cp = decodeUTF8(text, i)
            i += n
            let upper = isUpperCase(cp), lower = isLowerCase(cp)
            let toUpper: Bool?
            switch id {
            case .strUpper: toUpper = true
            case .strLower: toUpper = false
            case .strSwapcase: toUpper = upper ? false : (lower ? true : nil)
            case .strCapitalize: toUpper = first
            default: toUpper = !previousCased
            }
            first = false
            previousCased = upper || lower
            if cp == 0xDF && toUpper == true { out += bytes("SS"); continue }
            appendUTF8(toUpper.map { caseMapped(cp, toUpper: $0) } ?? cp, to: &out)
        }
        return try newStr(out)
    }

    func clampChar(_ v: Value, _ s: Value) -> Int {
        let chars = strCharCount(s.objectOffset)
        var x = Int(clamping: intOf(v) ?? 0)
        if x < 0 { x = max(0, x + chars) }
        return min(x, chars)
    }
}
