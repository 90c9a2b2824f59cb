// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// dict and set: an insertion-ordered hash table.
// Its layout (DictSlot) and that of its entries (DictEntry) are in
// Objects/Layouts.swift. Sets use the same table with None values
// (the set functions are in Objects/Set.swift). Also here: filling a
// dict from a mapping or pairs (dict.update), and the dict methods.

private let emptySlot: Int32 = -1
private let deletedSlot: Int32 = -2

/// CPython's probe sequence for `hash` over an index of `cap` slots (a
/// power of two): `slot`, then `next()` until the entry or a free slot.
private struct DictProbe {
    let mask: Int
    var perturb: UInt64
    var slot: Int

    @inline(__always) init(hash: Int64, cap: Int) {
        mask = cap - 1
        perturb = UInt64(bitPattern: hash)
        slot = Int(truncatingIfNeeded: hash) & mask
    }

    @inline(__always) mutating func next() {
        perturb >>= 5
        slot = (slot &* 5 &+ 1 &+ Int(truncatingIfNeeded: perturb)) & mask
    }
}

extension VM {
    func newDict(_ type: ObjType = .dict, capacity: Int = 0) throws(VMError) -> Value {
        let o = try allocSlots(type, DictSlot.slotCount)
        heap.setSlot(o, DictSlot.count, .smallInt(0))
        heap.setSlot(o, DictSlot.used, .smallInt(0))
        heap.setSlot(o, DictSlot.indexCapacity, .smallInt(0))
        let d = Value.object(o)
        if capacity > VM.linearDictLimit {
            try dictResize(d, minEntries: capacity)
        } else if capacity > 0 {
            // A small table (an instance's dict at its class's size): its entries alone, no index,
            // and nothing to copy, so not dictResize's way (the dict is young: rooted meanwhile).
            let entries = try allocSlots(.valueArray, VM.smallEntryCapacity(capacity) * DictEntry.stride)
            heap.setSlot(o, DictSlot.entries, .object(entries))
        }
        return d
    }

    /// Entries a table of up to `linearDictLimit` gets: 2, 4 or 8.
    @inline(__always) static func smallEntryCapacity(_ minEntries: Int) -> Int {
        minEntries <= 2 ? 2 : (minEntries <= 4 ? 4 : VM.linearDictLimit)
    }

    @inline(__always) func dictCount(_ d: Value) -> Int { heap.expect(d.objectOffset, .dict, or: .set); return Int(heap.slot(d.objectOffset, DictSlot.count).intValue) }
    @inline(__always) func dictUsed(_ d: Value) -> Int { heap.expect(d.objectOffset, .dict, or: .set); return Int(heap.slot(d.objectOffset, DictSlot.used).intValue) }
    @inline(__always) func dictEntryKey(_ d: Value, _ i: Int) -> Value {
        heap.slot(heap.slot(d.objectOffset, DictSlot.entries).objectOffset, i * DictEntry.stride + DictEntry.key)
    }
    @inline(__always) func dictEntryValue(_ d: Value, _ i: Int) -> Value {
        heap.slot(heap.slot(d.objectOffset, DictSlot.entries).objectOffset, i * DictEntry.stride + DictEntry.value)
    }
    @inline(__always) func setDictEntryValue(_ d: Value, _ i: Int, _ v: Value) {
        heap.setSlot(heap.slot(d.objectOffset, DictSlot.entries).objectOffset, i * DictEntry.stride + DictEntry.value, v)
    }
    @inline(__always) private func indexPointer(_ d: Value) -> UnsafeMutablePointer<Int32> {
        UnsafeMutableRawPointer(heap.bytePointer(heap.slot(d.objectOffset, DictSlot.index).objectOffset, rawDataOffset))
            .assumingMemoryBound(to: Int32.self)
    }

    /// Keys equal by identity, as strs, or by Python equality.
    @inline(__always) func keysEqual(_ a: Value, _ b: Value) throws(VMError) -> Bool {
        if a.raw == b.raw { return true }
        if a.isObject && b.isObject, heap.type(a.objectOffset) == .str, heap.type(b.objectOffset) == .str {
            return strEqual(a.objectOffset, b.objectOffset)
        }
        if a.isInt && b.isInt { return false }
        return try valuesEqual(a, b)
    }

    /// Entries of a table, used ones and free ones.
    @inline(__always) func dictEntryCapacity(_ d: Value) -> Int {
        let entries = heap.slot(d.objectOffset, DictSlot.entries)
        return entries.isNull ? 0 : heap.slotCount(entries.objectOffset) / DictEntry.stride
    }

    /// Entry number of `key`, or -1.
    func dictFind(_ d: Value, _ key: Value, hash: Int64) throws(VMError) -> Int {
        let hash = Value.storedHash(hash)
        heap.expect(d.objectOffset, .dict, or: .set)
        let cap = Int(heap.slot(d.objectOffset, DictSlot.indexCapacity).intValue)
        let entries = heap.slot(d.objectOffset, DictSlot.entries).objectOffset
        if cap == 0 {
            // Small tables have no index: a scan is cheaper than the memory.
            var e = 0
            while e < dictUsed(d) {
                let k = heap.slot(entries, e * DictEntry.stride + DictEntry.key)
                if !k.isNull && heap.slot(entries, e * DictEntry.stride + DictEntry.hash).intValue == hash, try keysEqual(k, key) { return e }
                e += 1
            }
            return -1
        }
        let index = indexPointer(d)
        var probe = DictProbe(hash: hash, cap: cap)
        while true {
            let e = index[probe.slot]
            if e == emptySlot { return -1 }
            if e >= 0 {
                let k = heap.slot(entries, Int(e) * DictEntry.stride + DictEntry.key)
                if heap.slot(entries, Int(e) * DictEntry.stride + DictEntry.hash).intValue == hash, try keysEqual(k, key) { return Int(e) }
            }
            probe.next()
        }
    }

    /// Lookup for str keys (names): never runs Python code.
    @inline(__always) func dictLookup(_ d: Value, _ key: Value, hash: Int64) -> Value? {
        let e = dictFindStr(d, key, hash: hash)
        return e < 0 ? nil : heap.slot(heap.slot(d.objectOffset, DictSlot.entries).objectOffset, e * DictEntry.stride + DictEntry.value)
    }

    /// Whether entry `e` of `entries` holds the str `key` (`hash` its stored hash): by identity first.
    @inline(__always) func strKeyMatches(_ entries: UInt32, _ e: Int, _ key: Value, hash: Int64) -> Bool {
        let k = heap.slot(entries, e * DictEntry.stride + DictEntry.key)
        if k.raw == key.raw { return true }
        return heap.slot(entries, e * DictEntry.stride + DictEntry.hash).intValue == hash && k.isObject
            && heap.type(k.objectOffset) == .str && strEqual(k.objectOffset, key.objectOffset)
    }

    /// dictStoreStrAt for a dict with no index and room for one more entry
    /// (an instance's, as `__init__` fills it) in one function: the scan and
    /// the append without the three calls and the resize check (mixed: an
    /// attribute store into a fresh instance took 200 instructions).
    /// Any other dict goes to dictStoreStrAt.
    func dictStoreStrSmall(_ d: Value, _ key: Value, _ value: Value) throws(VMError) -> Int {
        let o = d.objectOffset
        let used = dictUsed(d)
        guard heap.slot(o, DictSlot.indexCapacity).intValue == 0, used < dictEntryCapacity(d) else {
            return try dictStoreStrAt(d, key, value)
        }
        let h = Value.storedHash(strHash(key.objectOffset))
        let entries = heap.slot(o, DictSlot.entries).objectOffset
        var e = 0
        while e < used {
            if strKeyMatches(entries, e, key, hash: h) { setDictEntryValue(d, e, value); return e }
            e += 1
        }
        appendEntry(d, entries, used, key, value, hash: h)
        return used
    }

    /// Writes entry `used` (the next free one, with room for it) and counts it; no index.
    @inline(__always) private func appendEntry(_ d: Value, _ entries: UInt32, _ used: Int, _ key: Value, _ value: Value, hash h: Int64) {
        heap.setSlot(entries, used * DictEntry.stride + DictEntry.hash, .smallInt(Int(h)))
        heap.setSlot(entries, used * DictEntry.stride + DictEntry.key, key)
        heap.setSlot(entries, used * DictEntry.stride + DictEntry.value, value)
        heap.setSlot(d.objectOffset, DictSlot.used, .smallInt(used + 1))
        heap.setSlot(d.objectOffset, DictSlot.count, .smallInt(dictCount(d) + 1))
    }

    /// dictFind for a str key (a name), by identity first: never runs Python code.
    func dictFindStr(_ d: Value, _ key: Value, hash: Int64) -> Int {
        let hash = Value.storedHash(hash)
        let cap = Int(heap.slot(d.objectOffset, DictSlot.indexCapacity).intValue)
        let entries = heap.slot(d.objectOffset, DictSlot.entries).objectOffset
        @inline(__always) func matches(_ e: Int) -> Bool { strKeyMatches(entries, e, key, hash: hash) }
        if cap == 0 {
            var e = 0
            let used = dictUsed(d)
            while e < used {
                if matches(e) { return e }
                e += 1
            }
            return -1
        }
        let index = indexPointer(d)
        var probe = DictProbe(hash: hash, cap: cap)
        while true {
            let e = index[probe.slot]
            if e == emptySlot { return -1 }
            if e >= 0 && matches(Int(e)) { return Int(e) }
            probe.next()
        }
    }

    /// dictStore for a str key (attribute and global names): no generic hashing or equality.
    func dictStoreStr(_ d: Value, _ key: Value, _ value: Value) throws(VMError) {
        _ = try dictStoreStrAt(d, key, value)
    }

    /// dictStoreStr, saying at which entry the key now is (an append goes last, after any compaction).
    @discardableResult func dictStoreStrAt(_ d: Value, _ key: Value, _ value: Value) throws(VMError) -> Int {
        let h = Value.storedHash(strHash(key.objectOffset))
        let e = dictFindStr(d, key, hash: h)
        if e >= 0 { setDictEntryValue(d, e, value); return e }
        try dictAppend(d, key, value, hash: h)
        return dictUsed(d) - 1
    }

    /// Lookup by a str key.
    @inline(__always) func dictGetStr(_ d: Value, _ key: Value) -> Value? {
        dictLookup(d, key, hash: strHash(key.objectOffset))
    }

    func dictGet(_ d: Value, _ key: Value) throws(VMError) -> Value? {
        let h = try hashValue(key)
        let e = try dictFind(d, key, hash: h)
        return e < 0 ? nil : dictEntryValue(d, e)
    }

    func dictStore(_ d: Value, _ key: Value, _ value: Value) throws(VMError) {
        let h = try hashValue(key)
        try dictStore(d, key, value, hash: h)
    }

    func dictStore(_ d: Value, _ key: Value, _ value: Value, hash: Int64) throws(VMError) {
        let h = Value.storedHash(hash)
        let e = try dictFind(d, key, hash: h)
        if e >= 0 { setDictEntryValue(d, e, value); return }
        try dictAppend(d, key, value, hash: h)
    }

    /// Adds a key the dict does not hold (`h` a stored hash).
    private func dictAppend(_ d: Value, _ key: Value, _ value: Value, hash h: Int64) throws(VMError) {
        let o = d.objectOffset
        var used = dictUsed(d)
        if used >= dictEntryCapacity(d) {
            root(key, value); defer { unroot(2) }
            try dictResize(d, minEntries: dictCount(d) + 1)
            used = dictUsed(d)
        }
        let cap = Int(heap.slot(o, DictSlot.indexCapacity).intValue)
        if cap > 0 { insertIndex(d, entry: used, hash: h, cap: cap) }
        appendEntry(d, heap.slot(o, DictSlot.entries).objectOffset, used, key, value, hash: h)
    }

    private func insertIndex(_ d: Value, entry: Int, hash: Int64, cap: Int) {
        let index = indexPointer(d)
        var probe = DictProbe(hash: hash, cap: cap)
        while index[probe.slot] >= 0 { probe.next() }
        index[probe.slot] = Int32(entry)
    }

    static let linearDictLimit = 8

    /// Rebuilds the table with room for `minEntries` (and some to grow),
    /// dropping deleted entries. Up to `linearDictLimit` entries need no index.
    func dictResize(_ d: Value, minEntries: Int) throws(VMError) {
        var cap = 0
        var entryCapacity: Int
        if minEntries <= VM.linearDictLimit {
            entryCapacity = VM.smallEntryCapacity(minEntries)
        } else {
            // Entries grow by half; the index stays at most two thirds full.
            entryCapacity = minEntries + minEntries / 2
            cap = 16
            while cap * 2 < entryCapacity * 3 { cap *= 2 }
        }
        let o = d.objectOffset
        let newEntries = try allocSlots(.valueArray, entryCapacity * DictEntry.stride)
        let newIndex = cap > 0 ? try allocBytes(.rawArray, rawDataOffset + cap * 4) : 0
        let old = heap.slot(o, DictSlot.entries)
        let used = dictUsed(d)
        var n = 0
        if !old.isNull {
            for i in 0..<used {
                let k = heap.slot(old.objectOffset, i * DictEntry.stride + DictEntry.key)
                if k.isNull { continue }
                heap.setSlot(newEntries, n * DictEntry.stride + DictEntry.hash, heap.slot(old.objectOffset, i * DictEntry.stride + DictEntry.hash))
                heap.setSlot(newEntries, n * DictEntry.stride + DictEntry.key, k)
                heap.setSlot(newEntries, n * DictEntry.stride + DictEntry.value, heap.slot(old.objectOffset, i * DictEntry.stride + DictEntry.value))
                n += 1
            }
        }
        heap.setSlot(o, DictSlot.entries, .object(newEntries))
        heap.setSlot(o, DictSlot.index, cap > 0 ? .object(newIndex) : .null)
        heap.setSlot(o, DictSlot.indexCapacity, .smallInt(cap))
        heap.setSlot(o, DictSlot.used, .smallInt(n))
        heap.setSlot(o, DictSlot.count, .smallInt(n))
        if cap > 0 {
            let index = indexPointer(d)
            for i in 0..<cap { index[i] = emptySlot }
            for i in 0..<n { insertIndex(d, entry: i, hash: heap.slot(newEntries, i * DictEntry.stride + DictEntry.hash).intValue, cap: cap) }
        }
    }

    /// Removes `key`; returns its value, or nil when absent.
    func dictRemove(_ d: Value, _ key: Value) throws(VMError) -> Value? {
        let h = try hashValue(key)
        let e = try dictFind(d, key, hash: h)
        if e < 0 { return nil }
        let o = d.objectOffset
        let cap = Int(heap.slot(o, DictSlot.indexCapacity).intValue)
        if cap > 0 {
            let index = indexPointer(d)
            var probe = DictProbe(hash: h, cap: cap)
            while index[probe.slot] != Int32(e) { probe.next() }
            index[probe.slot] = deletedSlot
        }
        let entries = heap.slot(o, DictSlot.entries).objectOffset
        let v = heap.slot(entries, e * DictEntry.stride + DictEntry.value)
        heap.setSlot(entries, e * DictEntry.stride + DictEntry.key, .null)
        heap.setSlot(entries, e * DictEntry.stride + DictEntry.value, .null)
        heap.setSlot(o, DictSlot.count, .smallInt(dictCount(d) - 1))
        return v
    }

    func dictClear(_ d: Value) {
        let o = d.objectOffset
        for i in 0..<DictSlot.slotCount { heap.setSlot(o, i, .null) }
        heap.setSlot(o, DictSlot.count, .smallInt(0))
        heap.setSlot(o, DictSlot.used, .smallInt(0))
        heap.setSlot(o, DictSlot.indexCapacity, .smallInt(0))
    }

    /// Calls `body` with each live (key, value) in insertion order. The
    /// body may allocate but must not change this dict.
    func dictForEach(_ d: Value, _ body: (Value, Value) throws(VMError) -> Void) throws(VMError) {
        var i = 0
        while i < dictUsed(d) {
            let k = dictEntryKey(d, i)
            if !k.isNull { try body(k, dictEntryValue(d, i)) }
            i += 1
        }
    }

    /// The next live entry at or after `i`, or nil.
    func dictNextEntry(_ d: Value, from i: Int) -> Int? {
        var j = i
        let used = dictUsed(d)
        while j < used {
            if !dictEntryKey(d, j).isNull { return j }
            j += 1
        }
        return nil
    }

    func dictCopy(_ d: Value, type: ObjType? = nil) throws(VMError) -> Value {
        let copy = try newDict(type ?? heap.type(d.objectOffset), capacity: dictCount(d))
        try dictForEach(d) { (k, v) throws(VMError) in try dictStore(copy, k, v) }
        return copy
    }

    // MARK: Filling from an iterable

    func updateDict(_ d: Value, with other: Value) throws(VMError) {
        if let inner = builtinValue(other), isType(inner, .dict) { return try updateDict(d, with: inner) }
        if isType(other, .dict) {
            try dictForEach(other) { (k, v) throws(VMError) in try dictStore(d, k, v) }
            return
        }
        // A mapping: an object with keys() gives other[key] for each, as CPython reads it.
        if isType(other, .instance), let keys = try lookupAttribute(other, internStatic(.keys)) {
            let ks = try call(keys, [])
            root(ks); defer { unroot() }
            try forEachItem(of: ks) { (k) throws(VMError) in try dictStore(d, k, try getItem(other, k)) }
            return
        }
        var index = 0
        try forEachItem(of: other) { (pair) throws(VMError) in
            guard isIterable(pair) else {
                throw raise(.typeError, bytes("cannot convert dictionary update sequence element #") + decimal(index) + bytes(" to a sequence"))
            }
            let kv = try collect(pair)
            guard kv.count == 2 else {
                throw raise(.valueError, bytes("dictionary update sequence element #") + decimal(index) + bytes(" has length ")
                                + decimal(kv.count) + bytes("; 2 is required"))
            }
            try dictStore(d, kv[0], kv[1])
            index += 1
        }
    }

    // MARK: Methods

    func callDictMethod(_ id: Native, _ me: Value, _ a: Arguments) throws(VMError) -> Value {
        switch id {
        case .dictKeys: return try newIterator(.keysView, me)
        case .dictValues: return try newIterator(.valuesView, me)
        case .dictItems: return try newIterator(.itemsView, me)
        case .dictGet:
            return try dictGet(me, a[1]) ?? (a.positionalCount > 2 ? a[2] : .none)
        case .dictPop:
            if let v = try dictRemove(me, a[1]) { return v }
            if a.positionalCount > 2 { return a[2] }
            throw raiseValue(.keyError, a[1])
        case .dictPopitem:
            var last = dictUsed(me) - 1
            while last >= 0 && dictEntryKey(me, last).isNull { last -= 1 }
            guard last >= 0 else { throw raise(.keyError, "popitem(): dictionary is empty") }
            let k = dictEntryKey(me, last), v = dictEntryValue(me, last)
            let t = try newTuple([k, v])
            _ = try dictRemove(me, k)
            return t
        case .dictUpdate:
            if a.positionalCount > 1 { try updateDict(me, with: a[1]) }
            for k in 0..<a.keywordCount { try dictStore(me, tupleItem(a.kwnames.objectOffset, k), a[a.positionalCount + k]) }
            return .none
        case .dictSetdefault:
            if let v = try dictGet(me, a[1]) { return v }
            let d = a.positionalCount > 2 ? a[2] : .none
            try dictStore(me, a[1], d)
            return d
        case .dictClear:
            dictClear(me)
            return .none
        case .dictCopy:
            return try dictCopy(me)
        case .dictFromkeys:
            // Called on the class (dict.fromkeys) or an instance.
            let source = a.positionalCount > 1 ? a[1] : .none
            let value = a.positionalCount > 2 ? a[2] : .none
            return try dictFromKeys(source, value)
        default:
            throw raise(.runtimeError, "method not available")
        }
    }

    /// dict.fromkeys(iterable, value): a new dict mapping each key to `value`.
    func dictFromKeys(_ iterable: Value, _ value: Value) throws(VMError) -> Value {
        let d = try newDict()
        root(d); defer { unroot() }
        let keys = try newList(of: iterable)
        root(keys); defer { unroot() }
        for k in listItems(keys.objectOffset) { try dictStore(d, k, value) }
        return d
    }
}
