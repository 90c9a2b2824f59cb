// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// bytearray: a mutable byte sequence; its layout (ByteArraySlot) is in
// Objects/Layouts.swift.
// bytes and bytearray share read access through `byteView`.

extension VM {
    func newByteArray(_ bytes: UnsafeBufferPointer<UInt8>) throws(VMError) -> Value {
        // Without bytearrays the name is undefined, so no program gets here; a guard all the same.
        guard byteArraysOn else { throw raise(.nameError, "name 'bytearray' is not defined") }
        let o = try allocSlots(.bytearray, ByteArraySlot.slotCount)
        heap.setSlot(o, ByteArraySlot.count, .smallInt(0))
        let b = Value.object(o)
        if bytes.count > 0 {
            root(b); defer { unroot() }
            try byteArrayReserve(b, bytes.count)
            heap.bytePointer(heap.slot(o, ByteArraySlot.buffer).objectOffset, rawDataOffset).update(from: bytes.baseAddress!, count: bytes.count)
            heap.setSlot(o, ByteArraySlot.count, .smallInt(bytes.count))
        }
        return b
    }

    func newByteArray(_ bytes: [UInt8]) throws(VMError) -> Value {
        try bytes.withUnsafeBufferPointer { (b) throws(VMError) -> Value in try newByteArray(b) }
    }

    @inline(__always) func byteArrayCount(_ o: UInt32) -> Int {
        // Unreachable without bytearrays built in (none can be made); the code that would use one goes too.
        if !BuiltFeatures.byteArrays { fatalError() }
        return Int(heap.slot(o, ByteArraySlot.count).intValue)
    }

    func byteArrayCapacity(_ o: UInt32) -> Int {
        let buf = heap.slot(o, ByteArraySlot.buffer)
        return buf.isNull ? 0 : heap.blockSize(buf.objectOffset) - 8
    }

    func byteArrayReserve(_ b: Value, _ needed: Int) throws(VMError) {
        let o = b.objectOffset
        let cap = byteArrayCapacity(o)
        if needed <= cap { return }
        let newCap = max(needed, cap < 16 ? 16 : cap + cap / 2)
        let buf = try allocBytes(.rawArray, rawDataOffset + newCap)
        let n = byteArrayCount(o)
        if n > 0 { heap.bytePointer(buf, rawDataOffset).update(from: heap.bytePointer(heap.slot(o, ByteArraySlot.buffer).objectOffset, rawDataOffset), count: n) }
        heap.setSlot(o, ByteArraySlot.buffer, .object(buf))
    }

    /// The bytes of a bytes or bytearray object; valid until the next allocation.
    func byteView(_ v: Value) -> UnsafeMutableBufferPointer<UInt8>? {
        guard v.isObject else { return nil }
        let o = v.objectOffset
        switch heap.type(o) {
        case .bytes: return UnsafeMutableBufferPointer(start: heap.bytePointer(o, strDataOffset), count: strByteCount(o))
        case .bytearray:
            let buf = heap.slot(o, ByteArraySlot.buffer)
            if buf.isNull { return UnsafeMutableBufferPointer(start: nil, count: 0) }
            return UnsafeMutableBufferPointer(start: heap.bytePointer(buf.objectOffset, rawDataOffset), count: byteArrayCount(o))
        default: return nil
        }
    }

    func isBytesLike(_ v: Value) -> Bool { isType(v, .bytes) || (BuiltFeatures.byteArrays && isType(v, .bytearray)) }

    /// Replaces the whole contents (used by slice assignment and deletion).
    func byteArraySetContents(_ b: Value, _ bytes: [UInt8]) throws(VMError) {
        try byteArrayReserve(b, bytes.count)
        if !bytes.isEmpty {
            bytes.withUnsafeBufferPointer { src in
                heap.bytePointer(heap.slot(b.objectOffset, ByteArraySlot.buffer).objectOffset, rawDataOffset).update(from: src.baseAddress!, count: bytes.count)
            }
        }
        heap.setSlot(b.objectOffset, ByteArraySlot.count, .smallInt(bytes.count))
    }

    /// One byte from a Python int, with CPython's errors.
    func byteValue(_ v: Value) throws(VMError) -> UInt8 {
        guard let i = intOf(v) else {
            throw raiseAboutType(.typeError, "'", v, "' object cannot be interpreted as an integer")
        }
        guard i >= 0 && i < 256 else { throw raise(.valueError, "byte must be in range(0, 256)") }
        return UInt8(i)
    }

    /// An int (or an object with __index__) as the one byte bytes' find() and `in` take
    /// in place of a needle; nil for any other object.
    func byteNumber(_ v: Value) throws(VMError) -> UInt8? {
        guard isIntegral(v) || hasIndexMethod(v) else { return nil }
        let i = try clampedIndexArgument(v)
        guard i >= 0 && i < 256 else { throw raise(.valueError, "byte must be in range(0, 256)") }
        return UInt8(i)
    }

    /// obj.__bytes__(), for bytes(obj) and b"%b" % obj: bytes (a subclass's gives its
    /// value), or nil when obj has no __bytes__.
    func dunderBytes(_ v: Value) throws(VMError) -> Value? {
        guard let r = try callDunder0(v, .__bytes__) else { return nil }
        if isType(r, .bytes) { return r }
        if let inner = builtinValue(r), isType(inner, .bytes) { return inner }
        throw raiseAboutType(.typeError, "__bytes__ returned non-bytes (type ", r, ")")
    }

    /// bytes.translate(table, delete=b""): each byte through the 256-byte table (None
    /// keeps it), the bytes in `delete` dropped.
    func translateBytes(_ me: Value, _ a: Arguments) throws(VMError) -> Value {
        var map = (0..<256).map { UInt8($0) }, dropped = [Bool](repeating: false, count: 256)
        if !a[1].isNone {
            map = try bytesLike(a[1])
            guard map.count == 256 else { throw raise(.valueError, "translation table must be 256 characters long") }
        }
        if let d = a.value(2, "delete") { for c in try bytesLike(d) { dropped[Int(c)] = true } }
        var out: [UInt8] = []
        for c in strBuffer(me) where !dropped[Int(c)] { out.append(map[Int(c)]) }
        return try newStr(out, type: .bytes)
    }

    /// bytes.maketrans(frm, to): the 256-byte table that maps each byte of frm to to's.
    func makeByteTranslation(_ from: Value, _ to: Value) throws(VMError) -> Value {
        let f = try bytesLike(from), t = try bytesLike(to)
        guard f.count == t.count else { throw raise(.valueError, "maketrans arguments must have same length") }
        var map = (0..<256).map { UInt8($0) }
        for (x, y) in zip(f, t) { map[Int(x)] = y }
        return try newStr(map, type: .bytes)
    }

    /// `bufferBytes`, or CPython's TypeError for an object that is not bytes-like.
    func bytesLike(_ v: Value) throws(VMError) -> [UInt8] {
        guard let b = try bufferBytes(v) else { throw raiseAboutType(.typeError, "a bytes-like object is required, not '", v, "'") }
        return b
    }

    /// The bytes an iterable of ints (or a bytes-like object) stands for.
    func bytesFromIterable(_ v: Value) throws(VMError) -> [UInt8] {
        if let view = byteView(v) { return Array(view) }
        if isStr(v) { throw raise(.typeError, "can't extend bytearray with str") }
        let items = try newList(of: v)
        root(items); defer { unroot() }
        var out: [UInt8] = []
        for x in listItems(items.objectOffset) { out.append(try byteValue(x)) }
        return out
    }

    func callByteArrayMethod(_ id: Native, _ me: Value, _ a: Arguments) throws(VMError) -> Value {
        if !BuiltFeatures.byteArrays { fatalError() }  // only a bytearray reaches its methods
        var contents = Array(byteView(me)!)
        switch id {
        case .byteArrayAppend:
            contents.append(try byteValue(a[1]))
        case .byteArrayExtend:
            contents += try bytesFromIterable(a[1])
        case .byteArrayInsert:
            guard var i = intOf(a[1]) else { throw raise(.typeError, "an integer is required") }
            let n = Int64(contents.count)
            if i < 0 { i = max(0, i + n) }
            contents.insert(try byteValue(a[2]), at: Int(min(i, n)))
        case .byteArrayPop:
            if contents.isEmpty { throw raise(.indexError, "pop from empty bytearray") }
            var i = contents.count - 1
            if a.positionalCount > 1 {
                guard let k = try normalizeIndex(a[1], count: contents.count, what: "bytearray") else {
                    throw raise(.indexError, "pop index out of range")
                }
                i = k
            }
            let v = contents.remove(at: i)
            try byteArraySetContents(me, contents)
            return .smallInt(Int(v))
        case .byteArrayRemove:
            let b = try byteValue(a[1])
            guard let i = contents.firstIndex(of: b) else { throw raise(.valueError, "value not found in bytearray") }
            contents.remove(at: i)
        case .byteArrayClear:
            contents = []
        case .byteArrayReverse:
            contents.reverse()
        case .byteArrayCopy:
            return try newByteArray(contents)
        default:
            throw raise(.runtimeError, "method not available")
        }
        try byteArraySetContents(me, contents)
        return .none
    }

    func byteArraySubscriptAssign(_ b: Value, _ key: Value, _ value: Value) throws(VMError) {
        let o = b.objectOffset
        var contents = Array(byteView(b)!)
        if isType(key, .slice) {
            let (start, step, count) = try sliceIndices(key, length: contents.count)
            let new = try bytesFromIterable(value)
            if step == 1 {
                contents.replaceSubrange(start..<(start + count), with: new)
            } else {
                guard new.count == count else {
                    throw raise(.valueError, bytes("attempt to assign bytes of size ") + decimal(new.count) + bytes(" to extended slice of size ") + decimal(count))
                }
                for k in 0..<count { contents[start + k * step] = new[k] }
            }
            try byteArraySetContents(b, contents)
            return
        }
        guard let i = try normalizeIndex(key, count: byteArrayCount(o), what: "bytearray") else {
            throw raise(.indexError, "bytearray index out of range")
        }
        byteView(b)![i] = try byteValue(value)
    }

    func byteArrayDelete(_ b: Value, _ key: Value) throws(VMError) {
        var contents = Array(byteView(b)!)
        if isType(key, .slice) {
            let (start, step, count) = try sliceIndices(key, length: contents.count)
            var drop = [Bool](repeating: false, count: contents.count)
            for k in 0..<count { drop[start + k * step] = true }
            var kept: [UInt8] = []
            for (i, c) in contents.enumerated() where !drop[i] { kept.append(c) }
            contents = kept
        } else {
            guard let i = try normalizeIndex(key, count: contents.count, what: "bytearray") else {
                throw raise(.indexError, "bytearray index out of range")
            }
            contents.remove(at: i)
        }
        try byteArraySetContents(b, contents)
    }
}
