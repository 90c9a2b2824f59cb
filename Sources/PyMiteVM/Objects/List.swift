// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// list: making, growing and editing lists, slice assignment, extending
// from an iterable, sorting, and the list methods. Its layout (ListSlot)
// is in Objects/Layouts.swift.

extension VM {
    func newList(capacity: Int = 0) throws(VMError) -> Value {
        let o = try allocSlots(.list, ListSlot.slotCount)
        heap.setSlot(o, ListSlot.count, .smallInt(0))
        if capacity > 0 {
            let items = try allocSlots(.valueArray, capacity)
            heap.setSlot(o, ListSlot.items, .object(items))
        }
        return .object(o)
    }

    /// list(iterable): a new list of the items `iterable` yields.
    func newList(of iterable: Value) throws(VMError) -> Value {
        let l = try newList()
        root(l); defer { unroot() }
        try extendList(l, with: iterable)
        return l
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

    func assignListSlice(_ l: Value, _ key: Value, _ value: Value) throws(VMError) {
        let o = l.objectOffset
        let (start, step, count) = try sliceIndices(key, length: listCount(o))
        guard isIterable(value) else { throw raise(.typeError, "can only assign an iterable") }
        let items = try newList(of: value)
        root(items); defer { unroot() }
        let n = listCount(items.objectOffset)
        if step != 1 {
            guard n == count else {
                throw raise(.valueError, bytes("attempt to assign sequence of size ") + decimal(n) + bytes(" to extended slice of size ") + decimal(count))
            }
            for k in 0..<count { setListItem(o, start + k * step, listItem(items.objectOffset, k)) }
            return
        }
        // Contiguous: rebuild the tail.
        let old = listCount(o)
        let stop = start + count
        var tail: [Value] = []
        for i in stop..<max(stop, old) { tail.append(listItem(o, i)) }
        let tailList = try newList(tail)
        root(tailList); defer { unroot() }
        listSetCount(l, start)
        for k in 0..<n { try listAppend(l, listItem(items.objectOffset, k)) }
        for k in 0..<listCount(tailList.objectOffset) { try listAppend(l, listItem(tailList.objectOffset, k)) }
    }

    func extendList(_ l: Value, with iterable: Value) throws(VMError) {
        if let items = sequenceItems(iterable) {
            let n = items.count
            try listReserve(l, listCount(l.objectOffset) + n)
            for i in 0..<n { try listAppend(l, sequenceItems(iterable)![i]) }
            return
        }
        try forEachItem(of: iterable) { (v) throws(VMError) in try listAppend(l, v) }
    }

    // MARK: Sorting

    /// A stable merge sort; `key` is None or a callable. As in CPython the
    /// list is empty while it is sorted (its items are taken out), so a key
    /// or comparison that changes it cannot pull items from under the sort;
    /// such a change is dropped and raises ValueError.
    func sortList(_ l: Value, key: Value, reverse: Bool) throws(VMError) {
        let o = l.objectOffset
        let n = listCount(o)
        if n < 2 { return }
        let items = heap.slot(o, ListSlot.items)
        heap.setSlot(o, ListSlot.count, .smallInt(0))
        heap.setSlot(o, ListSlot.items, .null)
        root(items)
        var order = Array(0..<n)
        var sorted = false
        defer {
            // The items go back whatever happened (a change made meanwhile is
            // dropped), sorted if the sort finished.
            if sorted {
                let values = order.map { heap.slot(items.objectOffset, $0) }
                for i in 0..<n { heap.setSlot(items.objectOffset, i, values[i]) }
            }
            heap.setSlot(o, ListSlot.items, items)
            heap.setSlot(o, ListSlot.count, .smallInt(n))
            unroot()
        }
        // Keys live in a value array so a collection during a key call keeps them.
        let keys = key.isNone ? items : .object(try allocSlots(.valueArray, n))
        if !key.isNone { root(keys) }
        defer { if !key.isNone { unroot() } }
        if !key.isNone {
            for i in 0..<n { heap.setSlot(keys.objectOffset, i, try call(key, [heap.slot(items.objectOffset, i)])) }
        }
        try mergeSort(&order, keys: keys, reverse: reverse)
        sorted = true
        if listCount(o) != 0 || !heap.slot(o, ListSlot.items).isNull { throw raise(.valueError, "list modified during sort") }
    }

    /// Sorts `order` (indexes into `keys`, a value array) by the keys, stably.
    /// Keys that are all small ints sort as (key, index) pairs without a call each
    /// (`sortIntKeys`); strs compare byte by byte (UTF-8 order is code point order).
    /// `reverse` keeps equal keys in their order, as CPython's does.
    private func mergeSort(_ order: inout [Int], keys: Value, reverse: Bool) throws(VMError) {
        let n = order.count
        let ko = keys.objectOffset
        // A speed path only: a board built for flash first (P14P_FLASH_FIRST) sorts ints below.
        #if !P14P_FLASH_FIRST
        if try sortIntKeys(&order, keys: keys, reverse: reverse) { return }
        #endif
        var strs = true
        for i in 0..<n where !isType(heap.slot(ko, i), .str) { strs = false; break }
        func less(_ i: Int, _ j: Int) throws(VMError) -> Bool {
            let a = heap.slot(ko, reverse ? j : i), b = heap.slot(ko, reverse ? i : j)
            if strs { return strCompare(a.objectOffset, b.objectOffset) < 0 }
            if a.isInt && b.isInt { return a.intValue < b.intValue }
            return try isTruthy(try compareOperation(.less, a, b))
        }
        // An index buffer of its own: no copy-on-write checks in the loop.
        let indexes = UnsafeMutablePointer<Int>.allocate(capacity: n)
        defer { indexes.deallocate() }
        for i in 0..<n { indexes[i] = order[i] }
        try stableMergeSort(indexes, count: n) { (right, left) throws(VMError) in try less(right, left) }
        for i in 0..<n { order[i] = indexes[i] }
    }

    /// All small-int keys: (key, index) pairs merged where they lie, no call and no
    /// indirection per comparison. False, untouched, for any other keys.
    #if !P14P_FLASH_FIRST
    private func sortIntKeys(_ order: inout [Int], keys: Value, reverse: Bool) throws(VMError) -> Bool {
        let n = order.count, ko = keys.objectOffset
        for i in 0..<n where !heap.slot(ko, i).isInt { return false }
        let pairs = UnsafeMutablePointer<(key: Int64, index: Int)>.allocate(capacity: n)
        defer { pairs.deallocate() }
        // Reversed, the keys are negated (small ints have bits to spare: no overflow); equal keys
        // then keep their order, as `reverse` does.
        for i in 0..<n {
            let k = heap.slot(ko, order[i]).intValue
            pairs[i] = (reverse ? -k : k, order[i])
        }
        try stableMergeSort(pairs, count: n) { right, left in right.key < left.key }
        for i in 0..<n { order[i] = pairs[i].index }
        return true
    }
    #endif

    /// A bottom-up merge sort of the `count` items at `items`, stable: an item of the
    /// right run goes first only when `before(it, the left run's)`. Sorted in place.
    @inline(__always)
    private func stableMergeSort<T>(_ items: UnsafeMutablePointer<T>, count n: Int,
                                    _ before: (T, T) throws(VMError) -> Bool) throws(VMError) {
        // Runs of `sortedRun` items sorted in place by insertion first: the merge passes
        // below then start at that width (three copying passes fewer; 8 measured
        // best against 4 and 16 on bench/sorting.py).
        let sortedRun = 8
        var start = 0
        while start < n {
            let end = min(start + sortedRun, n)
            var i = start + 1
            while i < end {
                let item = items[i]
                var j = i
                while j > start, try before(item, items[j - 1]) { items[j] = items[j - 1]; j -= 1 }
                items[j] = item
                i += 1
            }
            start = end
        }
        let scratch = UnsafeMutablePointer<T>.allocate(capacity: n)
        defer { scratch.deallocate() }
        var from = items, to = scratch
        var width = sortedRun
        while width < n {
            var lo = 0
            while lo < n {
                let mid = min(lo + width, n), hi = min(lo + 2 * width, n)
                var i = lo, j = mid, k = lo
                while i < mid && j < hi {
                    if try before(from[j], from[i]) { to[k] = from[j]; j += 1 } else { to[k] = from[i]; i += 1 }
                    k += 1
                }
                while i < mid { to[k] = from[i]; i += 1; k += 1 }
                while j < hi { to[k] = from[j]; j += 1; k += 1 }
                lo = hi
            }
            swap(&from, &to)
            width *= 2
        }
        if from != items { items.update(from: from, count: n) }
    }

    // MARK: Methods

    func callListMethod(_ id: Native, _ me: Value, _ a: Arguments) throws(VMError) -> Value {
        let o = me.objectOffset
        switch id {
        case .listAppend:
            try listAppend(me, a[1])
        case .listExtend:
            if a[1] == me {
                let copy = try newList(Array(listItems(o)))
                root(copy); defer { unroot() }
                try extendList(me, with: copy)
            } else {
                try extendList(me, with: a[1])
            }
        case .listInsert:
            guard var i = intOf(a[1]) else { throw raise(.typeError, "'str' object cannot be interpreted as an integer") }
            let n = Int64(listCount(o))
            if i < 0 { i = max(0, i + n) }
            try listInsert(me, Int(min(i, n)), a[2])
        case .listPop:
            let n = listCount(o)
            if n == 0 { throw raise(.indexError, "pop from empty list") }
            var i = n - 1
            if a.positionalCount > 1 {
                guard let k = try normalizeIndex(a[1], count: n, what: "list") else { throw raise(.indexError, "pop index out of range") }
                i = k
            }
            return listRemove(me, at: i)
        case .listRemove:
            var i = 0
            while i < listCount(o) {
                if try valuesEqual(listItem(o, i), a[1]) { _ = listRemove(me, at: i); return .none }
                i += 1
            }
            throw raise(.valueError, "list.remove(x): x not in list")
        case .listIndex:
            let n = listCount(o)
            var start = a.positionalCount > 2 ? Int(clamping: intOf(a[2]) ?? 0) : 0
            var stop = a.positionalCount > 3 ? Int(clamping: intOf(a[3]) ?? Int64(n)) : n
            if start < 0 { start = max(0, start + n) }
            if stop < 0 { stop = max(0, stop + n) }
            var i = start
            while i < min(stop, listCount(o)) {
                if try valuesEqual(listItem(o, i), a[1]) { return .smallInt(i) }
                i += 1
            }
            var m: [UInt8] = []
            try appendText(a[1], &m, repr: true)
            throw raise(.valueError, m + bytes(" is not in list"))
        case .listCount:
            var count = 0, i = 0
            while i < listCount(o) {
                if try valuesEqual(listItem(o, i), a[1]) { count += 1 }
                i += 1
            }
            return .smallInt(count)
        case .listReverse:
            let items = listItems(o)
            var i = 0, j = items.count - 1
            while i < j { items.swapAt(i, j); i += 1; j -= 1 }
        case .listSort:
            try sortList(me, key: a.keyword("key") ?? .none, reverse: try isTruthy(a.keyword("reverse") ?? .false))
        case .listClear:
            listSetCount(me, 0)
        case .listCopy:
            return try newList(Array(listItems(o)))
        default:
            throw raise(.runtimeError, "method not available")
        }
        return .none
    }
}
