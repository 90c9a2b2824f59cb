// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// str and bytes: raw objects holding UTF-8 (str) or arbitrary bytes.
// Layout after the header: byte count (u32), character count (u32),
// cached hash (u32, 0 = not yet computed), then, from the next multiple
// of 8, the bytes.
// A str whose character count equals its byte count is ASCII, and
// indexes in O(1); other text walks its UTF-8.

/// Byte offsets of a str's fields.
enum StrField {
    static let byteCount = Heap.headerBytes
    static let charCount = Heap.headerBytes + 4
    static let hash = Heap.headerBytes + 8
}
let strDataOffset = (Heap.headerBytes + 12 + 7) & ~7
/// Where a rawArray's (and a float's) bytes begin.
let rawDataOffset = Heap.headerBytes

extension VM {
    /// `ascii`: the bytes are known to be ASCII (a piece of an ASCII str), so not counted.
    func newStr(_ bytes: UnsafeBufferPointer<UInt8>, type: ObjType = .str, ascii: Bool = false) throws(VMError) -> Value {
        let o = try allocBytes(type, strDataOffset + bytes.count, clearing: strDataOffset - Heap.headerBytes)
        heap.setU32(o, StrField.byteCount, UInt32(bytes.count))
        heap.setU32(o, StrField.charCount, type == .str && !ascii ? UInt32(utf8CharCount(bytes)) : UInt32(bytes.count))
        if bytes.count > 0 {
            copyBytes(to: heap.bytePointer(o, strDataOffset), from: bytes.baseAddress!, count: bytes.count)
        }
        return .object(o)
    }

    func newStr(_ bytes: [UInt8], type: ObjType = .str) throws(VMError) -> Value {
        try bytes.withUnsafeBufferPointer { (b) throws(VMError) -> Value in try newStr(b, type: type) }
    }

    func newStr(_ s: StaticString) throws(VMError) -> Value {
        try newStr(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// A str (or bytes) object of `count` bytes to be filled by the caller;
    /// call `finishStr` afterwards to count characters.
    func newStrUninitialized(_ count: Int, type: ObjType = .str) throws(VMError) -> UInt32 {
        let o = try allocBytes(type, strDataOffset + count, clearing: strDataOffset - Heap.headerBytes)
        heap.setU32(o, StrField.byteCount, UInt32(count))
        heap.setU32(o, StrField.charCount, UInt32(count))
        return o
    }

    func finishStr(_ o: UInt32) {
        if heap.typeByte(o) == ObjType.str.rawValue {
            heap.setU32(o, StrField.charCount, UInt32(utf8CharCount(strBuffer(o))))
        }
    }

    @inline(__always) func strBuffer(_ o: UInt32) -> UnsafeBufferPointer<UInt8> {
        heap.expect(o, .str, or: .bytes)
        return UnsafeBufferPointer(start: heap.bytePointer(o, strDataOffset), count: Int(heap.u32(o, StrField.byteCount)))
    }
    @inline(__always) func strBuffer(_ v: Value) -> UnsafeBufferPointer<UInt8> { strBuffer(v.objectOffset) }
    @inline(__always) func strByteCount(_ o: UInt32) -> Int { Int(heap.u32(o, StrField.byteCount)) }
    @inline(__always) func strCharCount(_ o: UInt32) -> Int { Int(heap.u32(o, StrField.charCount)) }
    @inline(__always) func strIsASCII(_ o: UInt32) -> Bool { heap.u32(o, StrField.byteCount) == heap.u32(o, StrField.charCount) }
    @inline(never) func strArray(_ v: Value) -> [UInt8] { Array(strBuffer(v)) }

    @inline(__always) func textHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 { hashText(bytes) }

    /// A name or str constant of the image being loaded, interned: on a
    /// 32-bit board the image's own str object where it lies (flash;
    /// `ImageStr`), which costs no heap; elsewhere, or when the object is out
    /// of reach, a copy (none for one of the VM's own names).
    func internImageStr(_ text: UnsafeBufferPointer<UInt8>, object: UnsafeRawPointer?) throws(VMError) -> Value {
        if let object, let o = staticStrOffset(of: object) { return try intern(.object(o)) }
        return try internBytes(text)
    }

    /// The offset by which the heap reaches a str object laid out as
    /// `ImageStr` outside it (an image's name, the VM's names in flash):
    /// on a 32-bit board, while this heap lays a str out the same way
    /// (constant-folded); nil elsewhere, or out of reach.
    @inline(__always) func staticStrOffset(of object: UnsafeRawPointer) -> UInt32? {
        #if _pointerBitWidth(_32) || P14P_VALUE32
        let sameLayout = strDataOffset == ImageStr.fieldBytes && StrField.hash == 12 && HeaderLayout.sizeShift == 8
        return sameLayout ? heap.staticOffset(of: object) : nil
        #else
        return nil
        #endif
    }

    func strHash(_ o: UInt32) -> Int64 {
        let cached = heap.u32(o, StrField.hash)
        if cached != 0 { return Int64(cached) }
        let h = textHash(strBuffer(o))
        heap.setU32(o, StrField.hash, h)
        return Int64(h)
    }

    @inline(__always) func strEqual(_ a: UInt32, _ b: UInt32) -> Bool {
        if a == b { return true }
        let n = heap.u32(a, StrField.byteCount)
        guard n == heap.u32(b, StrField.byteCount) else { return false }
        let ha = heap.u32(a, StrField.hash), hb = heap.u32(b, StrField.hash)
        if ha != 0 && hb != 0 && ha != hb { return false }
        return memEqual(heap.bytePointer(a, strDataOffset), heap.bytePointer(b, strDataOffset), Int(n))
    }

    /// Three-way comparison of byte strings (UTF-8 order is code point order).
    func strCompare(_ a: UInt32, _ b: UInt32) -> Int {
        let x = strBuffer(a), y = strBuffer(b)
        let n = min(x.count, y.count)
        var i = 0
        while i < n {
            if x[i] != y[i] { return x[i] < y[i] ? -1 : 1 }
            i += 1
        }
        return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
    }

    /// The interned copy of a str: names compare by identity first. A name
    /// the VM has in its own table (VMNameTable.swift) is that table's str.
    func intern(_ v: Value) throws(VMError) -> Value {
        let h = Int(strHash(v.objectOffset))
        if let k = vmNameOrdinal(strBuffer(v.objectOffset), hash: UInt32(h)) { return try vmName(k) }
        return try internOther(v, hash: h)
    }

    /// Interns a str that is not one of the VM's own names: the intern table.
    private func internOther(_ v: Value, hash h: Int) throws(VMError) -> Value {
        if internCapacity > 0 {
            var i = h & (internCapacity - 1)
            while true {
                let entry = heap.u32(internTable, rawDataOffset + 4 * i)
                if entry == 0 { break }
                if strEqual(entry, v.objectOffset) { return .object(entry) }
                i = (i + 1) & (internCapacity - 1)
            }
        }
        if (internCount + 1) * 3 > internCapacity * 2 {
            root(v); defer { unroot() }
            try reserveInterned(1)
        }
        internInsert(internTable, internCapacity, v.objectOffset)
        internCount += 1
        return v
    }

    /// Room in the intern table for `more` names.
    func reserveInterned(_ more: Int) throws(VMError) {
        var newCapacity = max(32, internCapacity)
        while (internCount + more) * 3 > newCapacity * 2 { newCapacity *= 2 }
        if newCapacity == internCapacity { return }
        let table = try allocBytes(.rawArray, rawDataOffset + 4 * newCapacity)
        for k in 0..<internCapacity {
            let entry = heap.u32(internTable, rawDataOffset + 4 * k)
            if entry != 0 { internInsert(table, newCapacity, entry) }
        }
        internTable = table
        internCapacity = newCapacity
    }

    private func internInsert(_ table: UInt32, _ capacity: Int, _ entry: UInt32) {
        var i = Int(strHash(entry)) & (capacity - 1)
        while heap.u32(table, rawDataOffset + 4 * i) != 0 { i = (i + 1) & (capacity - 1) }
        heap.setU32(table, rawDataOffset + 4 * i, entry)
    }

    func internBytes(_ bytes: [UInt8]) throws(VMError) -> Value {
        try bytes.withUnsafeBufferPointer { (b) throws(VMError) -> Value in try internBytes(b) }
    }

    func internBytes(_ bytes: UnsafeBufferPointer<UInt8>) throws(VMError) -> Value {
        if let k = vmNameOrdinal(bytes, hash: hashText(bytes)) { return try vmName(k) }
        return try intern(try newStr(bytes))
    }

    /// The interned str of a name the VM uses by itself: from its table
    /// (VMNameTable.swift, which VMNameTableTests keeps holding every such
    /// name), or made in the heap for a name the table lacks.
    func internName(_ s: StaticString) throws(VMError) -> Value {
        try internName(NameText(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    func internName(_ text: NameText) throws(VMError) -> Value {
        if let k = vmNameOrdinal(text, hash: hashText(text)) { return try vmName(k) }
        return try intern(try newStr(text))
    }

    /// A name of the VM's own by its number: nothing to hash or look up, and no text
    /// beside the table's.
    func internName(_ n: VMName) throws(VMError) -> Value { try vmName(Int(n.ordinal)) }

    /// internName where a failure cannot be raised: when the heap is full
    /// (only the host copies names into it) it is the empty name, with which
    /// a lookup finds nothing, and nothing breaks.
    func internStatic(_ n: VMName) -> Value {
        let pending = pendingException  // a failure here must not replace an exception in flight
        do {
            return try internName(n)
        } catch {
            pendingException = pending
            return emptyName
        }
    }

    /// internStatic of a name passed on as text (one of a list, a parameter).
    func internStatic(_ s: StaticString) -> Value {
        let pending = pendingException
        do {
            return try internName(s)
        } catch {
            pendingException = pending
            return emptyName
        }
    }


    /// The VM's own name number `k` (vmNameOrdinal): on a 32-bit board the
    /// str where it lies in flash, which costs no heap; elsewhere (or out of
    /// the heap's reach) a copy, made once and kept in the intern table.
    func vmName(_ k: Int) throws(VMError) -> Value {
        let start = Int(vmNameStart[k])
        #if P14P_VALUE32 && _pointerBitWidth(_64)
        if let o = staticStrOffset(of: heap.vmNames + 4 * start) { return .object(o) }
        #else
        if let o = vmNameWords.withUnsafeBytes({ staticStrOffset(of: $0.baseAddress! + 4 * start) }) { return .object(o) }
        #endif
        if vmNameCopies.isEmpty { vmNameCopies = [Value](repeating: .null, count: vmNameStart.count) }
        if !vmNameCopies[k].isNull { return vmNameCopies[k] }
        let copy = try newStr(vmNameText(k))
        let v = try internOther(copy, hash: Int(strHash(copy.objectOffset)))
        vmNameCopies[k] = v
        return v
    }

    /// Byte offset of character `index` in a str (index in 0...charCount).
    func strByteOffset(_ o: UInt32, charIndex index: Int) -> Int {
        if strIsASCII(o) { return index }
        let buf = strBuffer(o)
        var chars = 0
        var i = 0
        while i < buf.count {
            if chars == index { return i }
            i += utf8SequenceLength(buf[i])
            chars += 1
        }
        return buf.count
    }

    func concatStr(_ a: Value, _ b: Value, type: ObjType = .str) throws(VMError) -> Value {
        let na = strByteCount(a.objectOffset), nb = strByteCount(b.objectOffset)
        let o = try newStrUninitialized(na + nb, type: type)
        let dst = heap.bytePointer(o, strDataOffset)
        if na > 0 { copyBytes(to: dst, from: heap.bytePointer(a.objectOffset, strDataOffset), count: na) }
        if nb > 0 { copyBytes(to: dst + na, from: heap.bytePointer(b.objectOffset, strDataOffset), count: nb) }
        heap.setU32(o, StrField.charCount, heap.u32(a.objectOffset, StrField.charCount) + heap.u32(b.objectOffset, StrField.charCount))
        return .object(o)
    }

    /// Character `i` (already in range) of a str as a new one-character str.
    func strCharAt(_ o: UInt32, _ i: Int) throws(VMError) -> Value {
        let start = strByteOffset(o, charIndex: i)
        let buf = strBuffer(o)
        let len = utf8Step(buf, start)
        return try newStr(UnsafeBufferPointer(rebasing: buf[start..<(start + len)]))
    }
}

/// Bytes of the character that starts at `i` (below `b.count`), cut at the end of
/// `b`: a step through text that always moves on and never passes the end.
@inline(__always) func utf8Step<Bytes: RandomAccessCollection>(_ b: Bytes, _ i: Int) -> Int
    where Bytes.Element == UInt8, Bytes.Index == Int {
    min(utf8SequenceLength(b[i]), b.count - i)
}

@inline(__always) func utf8SequenceLength(_ lead: UInt8) -> Int {
    if lead < 0x80 { return 1 }
    if lead >= 0xF0 { return 4 }
    if lead >= 0xE0 { return 3 }
    if lead >= 0xC0 { return 2 }
    return 1
}

/// A str's hash: FNV-1a, folded to 31 bits so the str's hash cache can use
/// 0 as "unknown". The compiler writes it into an image's names (`ImageStr`).
@inline(__always) func hashText(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
    var h: UInt32 = 2166136261
    for b in bytes { h = (h ^ UInt32(b)) &* 16777619 }
    h &= 0x7FFF_FFFF
    return h == 0 ? 1 : h
}

func utf8CharCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    var n = 0
    for byte in b where byte & 0xC0 != 0x80 { n += 1 }
    return n
}

/// Copies `n` bytes. On a host, up to 16 of them (a separator, a word)
/// go as two overlapping loads and stores, not a call to memcpy: joining
/// and splitting words spent a third of their copying time in the calls.
/// A board, which may not load unaligned words, always calls it.
@inline(__always) func copyBytes(to dst: UnsafeMutablePointer<UInt8>, from src: UnsafePointer<UInt8>, count n: Int) {
    #if (arch(x86_64) || arch(arm64)) && !hasFeature(Embedded)
    if n <= 16 {
        let d = UnsafeMutableRawPointer(dst), s = UnsafeRawPointer(src)
        if n >= 8 {
            let head = s.loadUnaligned(as: UInt64.self), tail = s.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            d.storeBytes(of: head, as: UInt64.self)
            d.storeBytes(of: tail, toByteOffset: n - 8, as: UInt64.self)
        } else if n >= 4 {
            let head = s.loadUnaligned(as: UInt32.self), tail = s.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
            d.storeBytes(of: head, as: UInt32.self)
            d.storeBytes(of: tail, toByteOffset: n - 4, as: UInt32.self)
        } else if n > 0 {
            let first = src[0], middle = src[n >> 1], last = src[n - 1]
            dst[0] = first; dst[n >> 1] = middle; dst[n - 1] = last
        }
        return
    }
    #endif
    dst.update(from: src, count: n)
}

/// Encodes a code point as UTF-8.
func appendUTF8(_ codePoint: UInt32, to out: inout [UInt8]) {
    // Callers check their ranges; past Unicode this writes U+FFFD rather than trap.
    let cp = codePoint <= 0x10FFFF ? codePoint : 0xFFFD
    if cp < 0x80 {
        out.append(UInt8(cp))
    } else if cp < 0x800 {
        out.append(UInt8(0xC0 | (cp >> 6))); out.append(UInt8(0x80 | (cp & 0x3F)))
    } else if cp < 0x10000 {
        out.append(UInt8(0xE0 | (cp >> 12))); out.append(UInt8(0x80 | ((cp >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (cp & 0x3F)))
    } else {
        out.append(UInt8(0xF0 | (cp >> 18))); out.append(UInt8(0x80 | ((cp >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((cp >> 6) & 0x3F))); out.append(UInt8(0x80 | (cp & 0x3F)))
    }
}

/// Decodes the code point starting at `i`.
func decodeUTF8(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt32 {
    let lead = b[i]
    let n = min(utf8SequenceLength(lead), b.count - i)
    if n == 1 { return UInt32(lead) }
    var cp = UInt32(lead) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
    for k in 1..<n { cp = (cp << 6) | (UInt32(b[i + k]) & 0x3F) }
    return cp
}

/// The number of the VM's own name with this text and hash, if it is one (VMNameTable.swift).
/// The names are numbered in order of their hashes: the first with this hash is found by
/// halving, then it and those after it with the same hash are compared (no hash table to
/// keep: 1 KB of a board's flash).
func vmNameOrdinal(_ text: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
    @inline(__always) func hashOf(_ k: Int) -> UInt32 { vmNameWords[Int(vmNameStart[k]) + 3] }
    var low = 0, high = vmNameStart.count
    while low < high {
        let middle = (low + high) / 2
        if hashOf(middle) < hash { low = middle + 1 } else { high = middle }
    }
    var k = low
    while k < vmNameStart.count && hashOf(k) == hash {
        let start = Int(vmNameStart[k])
        if Int(vmNameWords[start + 1]) == text.count {
            let same = text.isEmpty || vmNameWords.withUnsafeBytes {
                memEqual(($0.baseAddress! + 4 * (start + 4)).assumingMemoryBound(to: UInt8.self), text.baseAddress!, text.count)
            }
            if same { return k }
        }
        k += 1
    }
    return nil
}

@inline(__always) func memEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
