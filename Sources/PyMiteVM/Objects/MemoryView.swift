// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// memoryview: a window on the bytes of a bytes or bytearray object, sharing
// them: a slice of a view (steps too) is another view of the same bytes, and
// a write through a view of a bytearray changes the bytearray. Its layout is
// MemoryViewSlot (Objects/Layouts.swift). CPython stops a bytearray from
// changing size while a view of it exists; here a view reads the bytearray
// as it is now, and a byte that is no longer there is an IndexError, never a
// read outside it.

extension VM {
    /// memoryview(obj): a view of all of a bytes, bytearray or memoryview object.
    func makeMemoryView(_ a: Arguments) throws(VMError) -> Value {
        guard memoryViewsOn else { throw raise(.nameError, "name 'memoryview' is not defined") }
        try argumentCount(a, "memoryview", min: 1, max: 1)
        let v = a[0]
        if isType(v, .memoryview) {
            let p = try memoryViewParts(v)
            return try newMemoryView(p.source, start: p.start, count: p.count, step: p.step)
        }
        guard let bytes = byteView(v) else {
            throw raiseAboutType(.typeError, "memoryview: a bytes-like object is required, not '", v, "'")
        }
        return try newMemoryView(v, start: 0, count: bytes.count, step: 1)
    }

    func newMemoryView(_ source: Value, start: Int, count: Int, step: Int) throws(VMError) -> Value {
        root(source); defer { unroot() }
        let o = try allocSlots(.memoryview, MemoryViewSlot.slotCount)
        heap.setSlot(o, MemoryViewSlot.source, source)
        heap.setSlot(o, MemoryViewSlot.start, .smallInt(start))
        heap.setSlot(o, MemoryViewSlot.count, .smallInt(count))
        heap.setSlot(o, MemoryViewSlot.step, .smallInt(step))
        return .object(o)
    }

    /// What a view shows; a released view raises ValueError, as it does in CPython. Every
    /// use of a view starts here: without `memoryview` in the build, none is left.
    func memoryViewParts(_ v: Value) throws(VMError) -> (source: Value, start: Int, count: Int, step: Int) {
        guard memoryViewsOn else { throw leftOut("memoryview", "memoryview") }
        let o = v.objectOffset
        let source = heap.slot(o, MemoryViewSlot.source)
        guard !source.isNone else { throw raise(.valueError, "operation forbidden on released memoryview object") }
        return (source, Int(heap.slot(o, MemoryViewSlot.start).intValue), Int(heap.slot(o, MemoryViewSlot.count).intValue),
                Int(heap.slot(o, MemoryViewSlot.step).intValue))
    }

    /// Where the view's `k`th byte is in its source's bytes now (checked against their length now).
    func memoryViewByte(_ v: Value, _ k: Int) throws(VMError) -> (bytes: UnsafeMutableBufferPointer<UInt8>, at: Int) {
        let p = try memoryViewParts(v)
        let bytes = byteView(p.source)!
        let at = p.start + k * p.step
        guard at >= 0 && at < bytes.count else { throw shrunkView() }
        return (bytes, at)
    }

    /// A copy of the bytes a view shows (the source's bytes read once: nothing allocates meanwhile).
    func memoryViewBytes(_ v: Value) throws(VMError) -> [UInt8] {
        let p = try memoryViewParts(v)
        let bytes = byteView(p.source)!
        var out: [UInt8] = []
        out.reserveCapacity(p.count)
        for k in 0..<p.count {
            let at = p.start + k * p.step
            guard at >= 0 && at < bytes.count else { throw shrunkView() }
            out.append(bytes[at])
        }
        return out
    }

    func shrunkView() -> VMError { raise(.indexError, "memoryview: the bytearray it shows has shrunk") }

    /// The bytes of a bytes-like object (bytes, bytearray, a view, a bytes subclass's
    /// instance), copied, for == and bytes' methods; nil for anything else.
    func bufferBytes(_ v: Value) throws(VMError) -> [UInt8]? {
        if isType(v, .memoryview) { return try memoryViewBytes(v) }
        if let inner = builtinValue(v) { return byteView(inner).map { Array($0) } }
        return byteView(v).map { Array($0) }
    }

    /// m[i] and m[i:j:k] (a view of the same bytes).
    func memoryViewItem(_ v: Value, _ key: Value) throws(VMError) -> Value {
        let p = try memoryViewParts(v)
        if isType(key, .slice) {
            let (start, step, count) = try sliceIndices(key, length: p.count)
            return try newMemoryView(p.source, start: p.start + start * p.step, count: count, step: p.step * step)
        }
        guard let i = try normalizeIndex(key, count: p.count, what: "memoryview") else {
            throw raise(.indexError, "index out of bounds on dimension 1")
        }
        let (bytes, at) = try memoryViewByte(v, i)
        return .smallInt(Int(bytes[at]))
    }

    /// m[i] = byte and m[i:j:k] = bytes of the same length, through a view of a bytearray.
    func memoryViewAssign(_ v: Value, _ key: Value, _ value: Value) throws(VMError) {
        let p = try memoryViewParts(v)
        guard isType(p.source, .bytearray) else { throw raise(.typeError, "cannot modify read-only memory") }
        if isType(key, .slice) {
            let (start, step, count) = try sliceIndices(key, length: p.count)
            guard let new = try bufferBytes(value) else {
                throw raiseAboutType(.typeError, "a bytes-like object is required, not '", value, "'")
            }
            guard new.count == count else {
                throw raise(.valueError, "memoryview assignment: lvalue and rvalue have different structures")
            }
            for k in 0..<count {
                let (bytes, at) = try memoryViewByte(v, start + k * step)
                bytes[at] = new[k]
            }
            return
        }
        guard let i = try normalizeIndex(key, count: p.count, what: "memoryview") else {
            throw raise(.indexError, "index out of bounds on dimension 1")
        }
        guard isIntegral(value) else { throw raise(.typeError, "memoryview: invalid type for format 'B'") }
        guard let b = intOf(value), b >= 0 && b <= 255 else { throw raise(.valueError, "memoryview: invalid value for format 'B'") }
        let (bytes, at) = try memoryViewByte(v, i)
        bytes[at] = UInt8(b)
    }

    /// The hash of a view of bytes is theirs; a view of a bytearray has none.
    func memoryViewHash(_ v: Value) throws(VMError) -> Int64 {
        guard isType(try memoryViewParts(v).source, .bytes) else { throw raise(.valueError, "cannot hash writable memoryview object") }
        return try hashValue(try newStr(try memoryViewBytes(v), type: .bytes))
    }

    /// readonly, nbytes, itemsize, format, ndim, shape, strides and obj.
    func memoryViewAttribute(_ v: Value, _ name: Value) throws(VMError) -> Value? {
        let text = strBuffer(name.objectOffset)
        if sameText(text, "itemsize") || sameText(text, "ndim") { return .smallInt(1) }
        if sameText(text, "format") { return try newStr("B") }
        let p = try memoryViewParts(v)
        if sameText(text, "readonly") { return .bool(!isType(p.source, .bytearray)) }
        if sameText(text, "nbytes") { return .smallInt(p.count) }
        if sameText(text, "obj") { return p.source }
        if sameText(text, "shape") { return try newTuple([.smallInt(p.count)]) }
        if sameText(text, "strides") { return try newTuple([.smallInt(1)]) }
        return nil
    }

    func callMemoryViewMethod(_ id: Native, _ me: Value, _ a: Arguments) throws(VMError) -> Value {
        switch id {
        case .memoryViewTobytes:
            return try newStr(try memoryViewBytes(me), type: .bytes)
        case .memoryViewTolist:
            let bytes = try memoryViewBytes(me)
            let l = try newList(capacity: bytes.count)
            root(l); defer { unroot() }
            for b in bytes { try listAppend(l, .smallInt(Int(b))) }
            return l
        case .memoryViewHex:
            var out: [UInt8] = []
            for b in try memoryViewBytes(me) { out += hexByte(b) }
            return try newStr(out)
        case .memoryViewRelease, .memoryViewExit:
            heap.setSlot(me.objectOffset, MemoryViewSlot.source, .none)
            return id == .memoryViewExit ? .false : .none
        case .memoryViewEnter:
            _ = try memoryViewParts(me)
            return me
        default:
            throw raise(.runtimeError, "native not available")
        }
    }
}
