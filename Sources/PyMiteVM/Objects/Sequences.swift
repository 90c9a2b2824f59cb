// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// tuple, list and the value arrays behind lists, dicts and generators.
// Their layouts (TupleSlot, ListSlot, ValueArraySlot) are in Objects/Layouts.swift.

extension VM {
    // MARK: Tuples

    func newTuple(_ count: Int) throws(VMError) -> Value {
        let o = try allocSlots(.tuple, count + TupleSlot.firstItem)
        heap.setSlot(o, TupleSlot.count, .smallInt(count))
        return .object(o)
    }

    func newTuple(_ items: [Value]) throws(VMError) -> Value {
        let t = try newTuple(items.count)
        for (i, v) in items.enumerated() { heap.setSlot(t.objectOffset, i + TupleSlot.firstItem, v) }
        return t
    }

    /// A tuple of the `count` values on top of the stack (left in place).
    func newTupleFromStack(_ count: Int) throws(VMError) -> Value {
        let t = try newTuple(count)
        for i in 0..<count { heap.setSlot(t.objectOffset, i + TupleSlot.firstItem, stack[sp - count + i]) }
        return t
    }

    @inline(__always) func tupleCount(_ o: UInt32) -> Int { heap.expect(o, .tuple); return Int(heap.slot(o, TupleSlot.count).intValue) }
    @inline(__always) func tupleItem(_ o: UInt32, _ i: Int) -> Value { heap.expect(o, .tuple); return heap.slot(o, i + TupleSlot.firstItem) }
    @inline(__always) func tupleItems(_ o: UInt32) -> UnsafeMutableBufferPointer<Value> {
        UnsafeMutableBufferPointer(start: heap.slotPointer(o, TupleSlot.firstItem), count: tupleCount(o))
    }

    // MARK: Lists

    func newList(capacity: Int = 0) throws(VMError) -> Value {
        let o = try allocSlots(.list, ListSlot.slotCount)
        heap.setSlot(o, ListSlot.count, .smallInt(0))
        if capacity > 0 {
            let items = try allocSlots(.valueArray, capacity)
            heap.setSlot(o, ListSlot.items, .object(items))
        }
        return .object(o)
    }

    func newList(_ items: [Value]) throws(VMError) -> Value {
        let l = try newList(capacity: items.count)
        for v in items { try listAppend(l, v) }
        return l
    }

    @inline(__always) func listCount(_ o: UInt32) -> Int { heap.expect(o, .list); return Int(heap.slot(o, ListSlot.count).intValue) }
    @inline(__always) func listCapacity(_ o: UInt32) -> Int {
        let items = heap.slot(o, ListSlot.items)
        return items.isNull ? 0 : heap.slotCount(items.objectOffset)
    }
    /// The live items; invalid after anything that may grow the list.
    @inline(__always) func listItems(_ o: UInt32) -> UnsafeMutableBufferPointer<Value> {
        let items = heap.slot(o, ListSlot.items)
        if items.isNull { return UnsafeMutableBufferPointer(start: nil, count: 0) }
        return UnsafeMutableBufferPointer(start: heap.slotPointer(items.objectOffset, ValueArraySlot.firstItem), count: listCount(o))
    }
    @inline(__always) func listItem(_ o: UInt32, _ i: Int) -> Value {
        heap.expect(o, .list)
        return heap.slot(heap.slot(o, ListSlot.items).objectOffset, i)
    }
    @inline(__always) func setListItem(_ o: UInt32, _ i: Int, _ v: Value) {
        heap.expect(o, .list)
        heap.setSlot(heap.slot(o, ListSlot.items).objectOffset, i, v)
    }

    func listReserve(_ l: Value, _ needed: Int) throws(VMError) {
        let o = l.objectOffset
        let cap = listCapacity(o)
        if needed <= cap { return }
        let newCap = max(needed, cap < 8 ? 8 : cap + cap / 2)
        let items = try allocSlots(.valueArray, newCap)
        let n = listCount(o)
        if n > 0 {
            heap.slotPointer(items, ValueArraySlot.firstItem).update(from: heap.slotPointer(heap.slot(o, ListSlot.items).objectOffset, ValueArraySlot.firstItem), count: n)
        }
        heap.setSlot(o, ListSlot.items, .object(items))
    }

    func listAppend(_ l: Value, _ v: Value) throws(VMError) {
        let o = l.objectOffset
        let n = listCount(o)
        if n >= listCapacity(o) { try listReserve(l, n + 1) }
        setListItem(o, n, v)
        heap.setSlot(o, ListSlot.count, .smallInt(n + 1))
    }

    func listInsert(_ l: Value, _ index: Int, _ v: Value) throws(VMError) {
        let o = l.objectOffset
        let n = listCount(o)
        try listReserve(l, n + 1)
        let items = heap.slotPointer(heap.slot(o, ListSlot.items).objectOffset, ValueArraySlot.firstItem)
        var i = n
        while i > index { items[i] = items[i - 1]; i -= 1 }
        items[index] = v
        heap.setSlot(o, ListSlot.count, .smallInt(n + 1))
    }

    func listRemove(_ l: Value, at index: Int) -> Value {
        let o = l.objectOffset
        let n = listCount(o)
        let items = heap.slotPointer(heap.slot(o, ListSlot.items).objectOffset, ValueArraySlot.firstItem)
        let v = items[index]
        var i = index
        while i < n - 1 { items[i] = items[i + 1]; i += 1 }
        items[n - 1] = .null
        heap.setSlot(o, ListSlot.count, .smallInt(n - 1))
        return v
    }

    func listSetCount(_ l: Value, _ n: Int) {
        let o = l.objectOffset
        let old = listCount(o)
        if n < old {
            let items = heap.slotPointer(heap.slot(o, ListSlot.items).objectOffset, ValueArraySlot.firstItem)
            for i in n..<old { items[i] = .null }
        }
        heap.setSlot(o, ListSlot.count, .smallInt(n))
    }

    /// Items of a list or tuple as a buffer (valid until the next allocation).
    func sequenceItems(_ v: Value) -> UnsafeMutableBufferPointer<Value>? {
        guard v.isObject else { return nil }
        switch heap.type(v.objectOffset) {
        case .tuple: return tupleItems(v.objectOffset)
        case .list: return listItems(v.objectOffset)
        default: return nil
        }
    }
}
