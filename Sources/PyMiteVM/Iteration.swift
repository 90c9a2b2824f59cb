// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Iterators, ranges, dict views, subscripts and slices.
// The iterator, range and slice layouts are in Objects/Layouts.swift
// (IteratorSlot, RangeSlot, SliceSlot).

enum IteratorKind: Int {
    case sequence = 0, range, dictKeys, dictValues, dictItems, map, filter, zip, enumerate, reversed
    case callable
    case longRange  // a range past the small ints: the current item in `source`
    case sentinel   // iter(f, sentinel): `source` is f (null once exhausted), `extra` the sentinel
    // Dict views: iterable, sized, never exhausted.
    case keysView = 20, valuesView, itemsView
}

extension VM {
    func newIterator(_ kind: IteratorKind, _ source: Value, _ pos: Value = .smallInt(0),
                     _ extra: Value = .none, _ extra2: Value = .none) throws(VMError) -> Value {
        let o = try allocSlots(.iterator, IteratorSlot.slotCount)
        heap.setSlot(o, IteratorSlot.kind, .smallInt(kind.rawValue))
        heap.setSlot(o, IteratorSlot.source, source)
        heap.setSlot(o, IteratorSlot.position, pos)
        heap.setSlot(o, IteratorSlot.extra, extra)
        heap.setSlot(o, IteratorSlot.extra2, extra2)
        return .object(o)
    }

    /// An iterator over a dict or set that remembers its size.
    func dictIterator(_ kind: IteratorKind, _ table: Value) throws(VMError) -> Value {
        try newIterator(kind, table, .smallInt(0), .smallInt(dictCount(table)))
    }

    /// The name of an iterator's type, as CPython's (list_iterator, dict_keyiterator, zip, ...).
    /// All are one type here, `iterator`, but each kind shows as CPython's type (`typeOf`).
    func iteratorTypeName(_ v: Value) -> StaticString {
        let source = heap.slot(v.objectOffset, IteratorSlot.source)
        switch iteratorKind(v) {
        case .sequence:
            guard source.isObject else { return "iterator" }
            switch heap.type(source.objectOffset) {
            case .list: return "list_iterator"
            case .tuple: return "tuple_iterator"
            case .str: return strIsASCII(source.objectOffset) ? "str_ascii_iterator" : "str_iterator"
            case .bytes: return "bytes_iterator"
            case .bytearray: return "bytearray_iterator"
            default: return "iterator"
            }
        case .range: return "range_iterator"
        case .longRange: return "longrange_iterator"
        case .dictKeys: return isType(source, .dict) ? "dict_keyiterator" : "set_iterator"
        case .dictValues: return "dict_valueiterator"
        case .dictItems: return "dict_itemiterator"
        case .map: return "map"
        case .filter: return "filter"
        case .zip: return "zip"
        case .enumerate: return "enumerate"
        case .reversed:
            // A dict or view in reverse is its list read backwards; extra2 says which view.
            let view = heap.slot(v.objectOffset, IteratorSlot.extra2)
            if view == .smallInt(IteratorKind.keysView.rawValue) { return "dict_reversekeyiterator" }
            if view == .smallInt(IteratorKind.valuesView.rawValue) { return "dict_reversevalueiterator" }
            if view == .smallInt(IteratorKind.itemsView.rawValue) { return "dict_reverseitemiterator" }
            return isType(source, .list) ? "list_reverseiterator" : "reversed"
        case .sentinel: return "callable_iterator"
        case .callable: return "iterator"
        case .keysView: return "dict_keys"
        case .valuesView: return "dict_values"
        case .itemsView: return "dict_items"
        }
    }

    /// The class an iterator shows as (`iteratorTypeName`): iterator's type under that
    /// name (its methods are iterator's: `builtinKind(ofClass:)`), one per name, made once
    /// (`plainClasses`).
    func iteratorClass(_ v: Value) throws(VMError) -> Value {
        try iteratorClass(named: try internName(iteratorTypeName(v)))
    }

    /// zip, map, filter, enumerate and reversed are classes, as in CPython: calling one
    /// runs the built-in that makes such an iterator (`constructBuiltin`).
    static let iteratorMakers: [Native] = [.zip, .map, .filter, .enumerate, .reversed]

    func iteratorClass(named name: Value) throws(VMError) -> Value {
        if plainClasses.isNull { plainClasses = try newDict() }
        if let cls = dictGetStr(plainClasses, name) { return cls }
        if objectBases.isNull { objectBases = try newTuple([try typeClass(.object)]) }
        let cls = try newClassRaw(name: name, bases: objectBases, namespace: .null, kind: .iterator)
        root(cls); defer { unroot() }
        try dictStore(plainClasses, name, cls)
        return cls
    }

    @inline(__always) func iteratorKind(_ v: Value) -> IteratorKind {
        IteratorKind(rawValue: Int(heap.slot(v.objectOffset, IteratorSlot.kind).intValue))!
    }

    func getIterator(_ v: Value) throws(VMError) -> Value {
        guard v.isObject else { throw notIterable(v) }
        let o = v.objectOffset
        switch heap.type(o) {
        case .list, .tuple, .str, .bytes, .bytearray: return try newIterator(.sequence, v)
        case .memoryview: return try newIterator(.sequence, try newStr(try memoryViewBytes(v), type: .bytes))
        case .range: return try rangeIterator(v)
        case .dict, .set, .frozenset: return try dictIterator(.dictKeys, v)
        case .generator: return v
        case .klass where metaclassOf(v) != nil:
            if let r = try callMetaclassDunder(v, "__iter__") { return try getIterator(r) }
            throw notIterable(v)
        case .iterator:
            switch iteratorKind(v) {
            case .keysView: return try dictIterator(.dictKeys, heap.slot(o, IteratorSlot.source))
            case .valuesView: return try dictIterator(.dictValues, heap.slot(o, IteratorSlot.source))
            case .itemsView: return try dictIterator(.dictItems, heap.slot(o, IteratorSlot.source))
            default: return v
            }
        case .instance:
            if let m = classLookup(heap.slot(o, InstanceSlot.klass), s.__iter__) { return try call(m, [v]) }
            if classLookup(heap.slot(o, InstanceSlot.klass), s.__getitem__) != nil {
                return try newIterator(.callable, v)
            }
            throw notIterable(v)
        default: throw notIterable(v)
        }
    }

    /// Whether getIterator takes `v` by its type (an instance's or metaclass's `__iter__` may
    /// still fail), for messages that name what is not a sequence before iterating it.
    func isIterable(_ v: Value) -> Bool {
        guard v.isObject else { return false }
        switch heap.type(v.objectOffset) {
        case .list, .tuple, .str, .bytes, .bytearray, .memoryview, .range, .dict, .set, .frozenset, .generator, .iterator:
            return true
        case .klass: return metaclassOf(v) != nil
        case .instance:
            let cls = heap.slot(v.objectOffset, InstanceSlot.klass)
            return classLookup(cls, s.__iter__) != nil || classLookup(cls, s.__getitem__) != nil
        default: return false
        }
    }

    func notIterable(_ v: Value) -> VMError {
        raiseAboutType(.typeError, "'", v, "' object is not iterable")
    }

    /// The next item, or nil when the iterator is exhausted.
    func iteratorNext(_ it: Value) throws(VMError) -> Value? {
        // A generator resumes from this small frame: a native that loops over one
        // (list(), all(), sum()) nests a run of the interpreter for each item, and
        // the frame of the other kinds' code below would be on the C stack under it.
        if it.isObject && heap.type(it.objectOffset) == .generator { return try resumeGenerator(it, sending: .none) }
        return try anyIteratorNext(it)
    }

    /// The next item of any iterator: what the interpreter's for loop calls,
    /// one call per item.
    @inline(never) func anyIteratorNext(_ it: Value) throws(VMError) -> Value? {
        guard it.isObject else { throw notAnIterator(it) }
        let o = it.objectOffset
        switch heap.type(o) {
        case .generator: return try resumeGenerator(it, sending: .none)
        case .iterator: break
        case .instance:
            guard let m = classLookup(heap.slot(o, InstanceSlot.klass), s.__next__) else { throw notAnIterator(it) }
            do {
                return try call(m, [it])
            } catch {
                if isInstance(pendingException, exceptionClass(.stopIteration)) {
                    pendingException = .null
                    return nil
                }
                throw error
            }
        default: throw notAnIterator(it)
        }
        let source = heap.slot(o, IteratorSlot.source)
        let pos = Int(heap.slot(o, IteratorSlot.position).intValue)
        switch iteratorKind(it) {
        case .sequence:
            let so = source.objectOffset
            switch heap.type(so) {
            case .list:
                guard pos < listCount(so) else { return nil }
                heap.setSlot(o, IteratorSlot.position, .smallInt(pos + 1))
                return listItem(so, pos)
            case .tuple:
                guard pos < tupleCount(so) else { return nil }
                heap.setSlot(o, IteratorSlot.position, .smallInt(pos + 1))
                return tupleItem(so, pos)
            case .bytes, .bytearray:
                let view = byteView(source)!
                guard pos < view.count else { return nil }
                heap.setSlot(o, IteratorSlot.position, .smallInt(pos + 1))
                return .smallInt(Int(view[pos]))
            default:  // str: position is a byte offset
                let buf = strBuffer(so)
                guard pos < buf.count else { return nil }
                let len = utf8Step(buf, pos)
                heap.setSlot(o, IteratorSlot.position, .smallInt(pos + len))
                if len == 1 { return try singleByteStr(buf[pos]) }
                return try newStr(UnsafeBufferPointer(rebasing: buf[pos..<(pos + len)]))
            }
        case .range:
            let cur = heap.slot(o, IteratorSlot.position).intValue, stop = heap.slot(o, IteratorSlot.extra).intValue, step = heap.slot(o, IteratorSlot.extra2).intValue
            if step > 0 ? cur >= stop : cur <= stop { return nil }
            let (next, overflowed) = cur.addingReportingOverflow(step)
            heap.setSlot(o, IteratorSlot.position, overflowed ? heap.slot(o, IteratorSlot.extra) : (Value.int(next) ?? heap.slot(o, IteratorSlot.extra)))
            return .int(cur)!
        case .longRange:  // made only where long ints are built in
            return BuiltFeatures.longInts ? try longRangeNext(it) : nil
        case .dictKeys, .dictValues, .dictItems:
            // As CPython: a dict or set that grew or shrank under the loop
            // ends it with RuntimeError, and every later step too.
            if dictCount(source) != Int(heap.slot(o, IteratorSlot.extra).intValue) {
                heap.setSlot(o, IteratorSlot.extra, .smallInt(-1))
                throw raise(.runtimeError, heap.type(source.objectOffset) == .set
                    ? "Set changed size during iteration" : "dictionary changed size during iteration")
            }
            guard let e = dictNextEntry(source, from: pos) else {
                heap.setSlot(o, IteratorSlot.position, .smallInt(dictUsed(source)))
                return nil
            }
            heap.setSlot(o, IteratorSlot.position, .smallInt(e + 1))
            switch iteratorKind(it) {
            case .dictKeys: return dictEntryKey(source, e)
            case .dictValues: return dictEntryValue(source, e)
            default: return try newTuple([dictEntryKey(source, e), dictEntryValue(source, e)])
            }
        case .map:
            let iters = heap.slot(o, IteratorSlot.extra)
            let n = tupleCount(iters.objectOffset)
            try ensureStack(n + 2)
            let fi = sp
            push(source)
            for i in 0..<n {
                guard let v = try iteratorNext(tupleItem(iters.objectOffset, i)) else { sp = fi; return nil }
                push(v)
            }
            return try callPushed(fi, argc: n)
        case .filter:
            let inner = heap.slot(o, IteratorSlot.extra)
            while let v = try iteratorNext(inner) {
                root(v); defer { unroot() }
                let keep = source.isNone ? try isTruthy(v) : try isTruthy(try call(source, [v]))
                if keep { return v }
            }
            return nil
        case .zip:
            let n = tupleCount(source.objectOffset)
            if n == 0 { return nil }
            let t = try newTuple(n)
            root(t); defer { unroot() }
            for i in 0..<n {
                guard let v = try iteratorNext(tupleItem(source.objectOffset, i)) else {
                    if heap.slot(o, IteratorSlot.extra).raw == Value.true.raw { try zipStrictCheck(source, stoppedAt: i) }
                    return nil
                }
                heap.setSlot(t.objectOffset, i + TupleSlot.firstItem, v)
            }
            return t
        case .enumerate:
            guard let v = try iteratorNext(source) else { return nil }
            root(v); defer { unroot() }
            let count = heap.slot(o, IteratorSlot.position)
            let (next, overflowed) = count.intValue.addingReportingOverflow(1)
            if overflowed { throw overflow() }
            heap.setSlot(o, IteratorSlot.position, try newInt(next))
            return try newTuple([count, v])
        case .reversed:
            guard pos > 0 else { return nil }
            heap.setSlot(o, IteratorSlot.position, .smallInt(pos - 1))
            if isType(source, .list) {
                guard pos - 1 < listCount(source.objectOffset) else { return nil }
                return listItem(source.objectOffset, pos - 1)
            }
            return try getItem(source, .smallInt(pos - 1))
        case .sentinel:
            if source.isNull { return nil }
            let v: Value
            do {
                v = try call(source, [])
            } catch {
                guard isInstance(pendingException, exceptionClass(.stopIteration)) else { throw error }
                pendingException = .null
                heap.setSlot(o, IteratorSlot.source, .null)
                return nil
            }
            if try valuesEqual(v, heap.slot(o, IteratorSlot.extra)) {
                heap.setSlot(o, IteratorSlot.source, .null)
                return nil
            }
            return v
        case .callable:
            // The old sequence protocol: __getitem__(0), (1), ... until IndexError.
            do {
                let v = try getItem(source, .smallInt(pos))
                heap.setSlot(o, IteratorSlot.position, .smallInt(pos + 1))
                return v
            } catch {
                if isInstance(pendingException, exceptionClass(.indexError)) || isInstance(pendingException, exceptionClass(.stopIteration)) {
                    pendingException = .null
                    return nil
                }
                throw error
            }
        case .keysView, .valuesView, .itemsView:
            throw notAnIterator(it)
        }
    }

    /// zip(strict=True) ends only when every iterator ends together.
    func zipStrictCheck(_ iters: Value, stoppedAt i: Int) throws(VMError) {
        var longer = -1
        if i == 0 {
            for j in 1..<tupleCount(iters.objectOffset) where try iteratorNext(tupleItem(iters.objectOffset, j)) != nil {
                longer = j
                break
            }
            if longer < 0 { return }
        }
        let k = i == 0 ? longer : i
        var m = bytes("zip() argument ") + decimal(k + 1) + bytes(i == 0 ? " is longer than argument" : " is shorter than argument")
        m += k == 1 ? bytes(" 1") : bytes("s 1-") + decimal(k)
        throw raise(.valueError, m)
    }

    func notAnIterator(_ v: Value) -> VMError {
        raiseAboutType(.typeError, "'", v, "' object is not an iterator")
    }

    func singleByteStr(_ b: UInt8) throws(VMError) -> Value {
        let o = try newStrUninitialized(1)
        heap.bytePointer(o, strDataOffset)[0] = b
        finishStr(o)
        return .object(o)
    }

    // MARK: Subscripts

    /// Normalises a Python index against `count`; nil when out of range.
    func normalizeIndex(_ key: Value, count: Int, what: StaticString) throws(VMError) -> Int? {
        let i: Int64
        if let k = int64Of(key) {
            i = k
        } else if isLong(key) || hasIndexMethod(key) {
            // As CPython: an index past 64 bits is an IndexError of its own.
            do { i = try indexArgument(key) } catch {
                guard isInstance(pendingException, exceptionClass(.overflowError)) else { throw error }
                throw raise(.indexError, "cannot fit 'int' into an index-sized integer")
            }
        } else {
            if sameText(UnsafeBufferPointer(start: what.utf8Start, count: what.utf8CodeUnitCount), "string") {  // CPython words str's apart
                throw raise(.typeError, bytes("string indices must be integers, not '") + typeName(key) + bytes("'"))
            }
            throw raise(.typeError, bytes(what) + bytes(" indices must be integers or slices, not ") + typeName(key))
        }
        let j = i < 0 ? i &+ Int64(count) : i
        return (j >= 0 && j < Int64(count)) ? Int(j) : nil
    }

    /// start, step and item count of a slice over a sequence of `length`.
    func sliceIndices(_ slice: Value, length: Int) throws(VMError) -> (start: Int, step: Int, count: Int) {
        let o = slice.objectOffset
        func part(_ v: Value) throws(VMError) -> Int64? { try sliceBound(v) }
        // Int64.max steps (and -Int64.max) mean the same as any step past the length.
        let step = max(-Int64.max, try part(heap.slot(o, SliceSlot.step)) ?? 1)
        if step == 0 { throw raise(.valueError, "slice step cannot be zero") }
        let len = Int64(length)
        func clamp(_ v: Int64?, _ dflt: Int64) -> Int64 { v.map { VM.clampSliceIndex($0, length: len, step: step) } ?? dflt }
        let start = clamp(try part(heap.slot(o, SliceSlot.start)), step < 0 ? len - 1 : 0)
        let stop = clamp(try part(heap.slot(o, SliceSlot.stop)), step < 0 ? -1 : len)
        var count: Int64 = 0
        if step > 0 { if start < stop { count = (stop - start - 1) / step + 1 } } else if stop < start { count = (start - stop - 1) / (-step) + 1 }
        return (Int(start), Int(step), Int(clamping: count))
    }

    /// The clamped stop index of a slice over `length` items (slice.indices).
    func sliceStop(_ slice: Value, length: Int) -> Int {
        let stepValue = heap.slot(slice.objectOffset, SliceSlot.step)
        let step = stepValue.isNone ? 1 : (int64Of(stepValue) ?? 1)
        let v = heap.slot(slice.objectOffset, SliceSlot.stop)
        guard !v.isNone, let s = int64Of(v) else { return step < 0 ? -1 : length }
        return Int(VM.clampSliceIndex(s, length: Int64(length), step: step))
    }

    /// A slice bound over `len` items as Python clamps it: counted from the end when
    /// negative, then into 0...len (-1...len-1 for a negative step).
    @inline(__always) static func clampSliceIndex(_ x: Int64, length len: Int64, step: Int64) -> Int64 {
        if x < 0 {
            let y = x &+ len
            return y < 0 ? (step < 0 ? -1 : 0) : y
        }
        return x >= len ? (step < 0 ? len - 1 : len) : x
    }

    func getItem(_ c: Value, _ key: Value) throws(VMError) -> Value {
        guard c.isObject else { throw notSubscriptable(c) }
        let o = c.objectOffset
        let isSlice = isType(key, .slice)
        switch heap.type(o) {
        case .list:
            if isSlice {
                let (start, step, count) = try sliceIndices(key, length: listCount(o))
                return try sliceOf(c, start, step, count)
            }
            guard let i = try normalizeIndex(key, count: listCount(o), what: "list") else {
                throw raise(.indexError, "list index out of range")
            }
            return listItem(o, i)
        case .tuple:
            if isSlice {
                let (start, step, count) = try sliceIndices(key, length: tupleCount(o))
                return try sliceOf(c, start, step, count)
            }
            guard let i = try normalizeIndex(key, count: tupleCount(o), what: "tuple") else {
                throw raise(.indexError, "tuple index out of range")
            }
            return tupleItem(o, i)
        case .str:
            if isSlice {
                let (start, step, count) = try sliceIndices(key, length: strCharCount(o))
                return try sliceOf(c, start, step, count)
            }
            guard let i = try normalizeIndex(key, count: strCharCount(o), what: "string") else {
                throw raise(.indexError, "string index out of range")
            }
            if strIsASCII(o) { return try singleByteStr(strBuffer(o)[i]) }
            return try strCharAt(o, i)
        case .bytes:
            if isSlice {
                let (start, step, count) = try sliceIndices(key, length: strByteCount(o))
                return try sliceOf(c, start, step, count)
            }
            guard let i = try normalizeIndex(key, count: strByteCount(o), what: "byte") else {
                throw raise(.indexError, "index out of range")
            }
            return .smallInt(Int(strBuffer(o)[i]))
        case .dict:
            guard let v = try dictGet(c, key) else { throw raiseValue(.keyError, key) }
            return v
        case .memoryview:
            return try memoryViewItem(c, key)
        case .bytearray:
            if isSlice {
                let view = Array(byteView(c)!)
                let (start, step, count) = try sliceIndices(key, length: view.count)
                var out: [UInt8] = []
                for k in 0..<count { out.append(view[start + k * step]) }
                return try newByteArray(out)
            }
            guard let i = try normalizeIndex(key, count: byteArrayCount(o), what: "bytearray") else {
                throw raise(.indexError, "bytearray index out of range")
            }
            return .smallInt(Int(byteView(c)![i]))
        case .range:
            return try rangeItem(c, key)
        case .instance:
            if let m = classLookup(heap.slot(o, InstanceSlot.klass), s.__getitem__) { return try call(m, [c, key]) }
            throw notSubscriptable(c)
        case .klass:
            if let r = try callMetaclassDunder(c, "__getitem__", [key]) { return r }
            // Generic aliases such as list[int] in annotations: the built-in class itself.
            if builtinKind(ofClass: c) != nil { return c }
            if var hook = classLookup(c, internStatic(.__class_getitem__)) {  // a class method, declared or not
                if isType(hook, .classMethod) { hook = heap.slot(hook.objectOffset, StaticClassMethodSlot.function) }
                return try call(hook, [c, key])
            }
            throw raise(.typeError, bytes("type '") + className(c) + bytes("' is not subscriptable"))
        default:
            throw notSubscriptable(c)
        }
    }

    func notSubscriptable(_ c: Value) -> VMError {
        raiseAboutType(.typeError, "'", c, "' object is not subscriptable")
    }

    /// The items (characters, bytes) start, start + step, ... (`count` of them, all in range)
    /// of a list, tuple, str or bytes, as a new one of its type.
    func sliceOf(_ c: Value, _ start: Int, _ step: Int, _ count: Int) throws(VMError) -> Value {
        let o = c.objectOffset
        switch heap.type(o) {
        case .list:
            let r = try newList(capacity: count)
            for k in 0..<count { setListItem(r.objectOffset, k, listItem(o, start + k * step)) }  // made at its size
            heap.setSlot(r.objectOffset, ListSlot.count, .smallInt(count))
            return r
        case .tuple:
            let t = try newTuple(count)
            for k in 0..<count { heap.setSlot(t.objectOffset, k + TupleSlot.firstItem, tupleItem(o, start + k * step)) }
            return t
        default:  // a str by characters, bytes by bytes
            let type = heap.type(o)
            if type == .bytes || strIsASCII(o) {
                let r = try newStrUninitialized(count, type: type)
                let src = strBuffer(o)
                let dst = heap.bytePointer(r, strDataOffset)
                if step == 1, count > 0 {
                    copyBytes(to: dst, from: src.baseAddress! + start, count: count)
                } else {
                    for k in 0..<count { dst[k] = src[start + k * step] }
                }
                return .object(r)
            }
            // Non-ASCII: find each character's byte range.
            var starts: [Int] = []
            let buf = strBuffer(o)
            var i = 0
            while i < buf.count { starts.append(i); i += utf8SequenceLength(buf[i]) }
            starts.append(buf.count)
            var out: [UInt8] = []
            for k in 0..<count {
                let ci = start + k * step
                out += buf[starts[ci]..<starts[ci + 1]]
            }
            return try newStr(out)
        }
    }

    /// BINARY_SLICE: `c[lo:hi]` of a list, tuple, str or bytes with small-int or None
    /// bounds, made without a slice object; nil for anything else (made the long way).
    @inline(__always) func plainSlice(_ c: Value, _ lo: Value, _ hi: Value) throws(VMError) -> Value? {
        guard c.isObject, lo.isInt || lo.isNone, hi.isInt || hi.isNone else { return nil }
        let o = c.objectOffset
        let length: Int
        switch heap.type(o) {
        case .list: length = listCount(o)
        case .tuple: length = tupleCount(o)
        case .str: length = strCharCount(o)
        case .bytes: length = strByteCount(o)
        default: return nil
        }
        @inline(__always) func bound(_ v: Value, _ absent: Int) -> Int {
            v.isNone ? absent : Int(VM.clampSliceIndex(Int64(v.intValue), length: Int64(length), step: 1))
        }
        let start = bound(lo, 0), stop = bound(hi, length)
        return try sliceOf(c, start, 1, max(0, stop - start))
    }

    func setItem(_ c: Value, _ key: Value, _ value: Value) throws(VMError) {
        guard c.isObject else { throw noItemAssignment(c) }
        let o = c.objectOffset
        switch heap.type(o) {
        case .list:
            if isType(key, .slice) { return try assignListSlice(c, key, value) }
            guard let i = try normalizeIndex(key, count: listCount(o), what: "list") else {
                throw raise(.indexError, "list assignment index out of range")
            }
            setListItem(o, i, value)
        case .dict:
            try dictStore(c, key, value)
        case .bytearray:
            try byteArraySubscriptAssign(c, key, value)
        case .memoryview:
            try memoryViewAssign(c, key, value)
        case .instance:
            guard let m = classLookup(heap.slot(o, InstanceSlot.klass), s.__setitem__) else { throw noItemAssignment(c) }
            _ = try call(m, [c, key, value])
        default:
            throw noItemAssignment(c)
        }
    }

    func noItemAssignment(_ c: Value) -> VMError {
        raiseAboutType(.typeError, "'", c, "' object does not support item assignment")
    }

    func deleteItem(_ c: Value, _ key: Value) throws(VMError) {
        guard c.isObject else { throw noItemDeletion(c) }
        let o = c.objectOffset
        switch heap.type(o) {
        case .list:
            if isType(key, .slice) {
                let (start, step, count) = try sliceIndices(key, length: listCount(o))
                if count == 0 { return }
                // Index i goes when it is start + k * step for some k in 0..<count.
                func dropped(_ i: Int) -> Bool {
                    let offset = i - start
                    return offset % step == 0 && offset / step >= 0 && offset / step < count
                }
                var keep: [Value] = []
                for i in 0..<listCount(o) where !dropped(i) { keep.append(listItem(o, i)) }
                listSetCount(c, 0)
                for v in keep { try listAppend(c, v) }
                return
            }
            guard let i = try normalizeIndex(key, count: listCount(o), what: "list") else {
                throw raise(.indexError, "list assignment index out of range")
            }
            _ = listRemove(c, at: i)
        case .dict:
            if try dictRemove(c, key) == nil { throw raiseValue(.keyError, key) }
        case .bytearray:
            try byteArrayDelete(c, key)
        case .instance:
            guard let m = classLookup(heap.slot(o, InstanceSlot.klass), s.__delitem__) else { throw noItemDeletion(c) }
            _ = try call(m, [c, key])
        default:
            throw noItemDeletion(c)
        }
    }

    func noItemDeletion(_ c: Value) -> VMError {
        raiseAboutType(.typeError, "'", c, "' object does not support item deletion")
    }

    // MARK: Filling containers from iterables

    /// Calls `body` with each item of an iterable; the iterator and the
    /// current item stay rooted while `body` allocates.
    func forEachItem(of iterable: Value, _ body: (Value) throws(VMError) -> Void) throws(VMError) {
        let it = try getIterator(iterable)
        root(it); defer { unroot() }
        while let v = try iteratorNext(it) {
            root(v); defer { unroot() }
            try body(v)
        }
    }

    func sequenceToTuple(_ v: Value) throws(VMError) -> Value {
        if isType(v, .tuple) { return v }
        let l = try newList(of: v)
        root(l); defer { unroot() }
        let n = listCount(l.objectOffset)
        let t = try newTuple(n)
        for i in 0..<n { heap.setSlot(t.objectOffset, i + TupleSlot.firstItem, listItem(l.objectOffset, i)) }
        return t
    }
}
