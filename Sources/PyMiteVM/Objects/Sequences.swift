// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// tuple, and the items of a list or tuple as one buffer (lists are in
// Objects/List.swift). The layouts (TupleSlot, ListSlot, ValueArraySlot)
// are in Objects/Layouts.swift.

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
