// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// range objects (layout: RangeSlot in Layouts.swift). A range whose bounds
// are small ints takes Int64 arithmetic: its length and every item fit. A
// range with a bound past the small ints (only with long ints built in) is
// a "long range" and takes BigInt arithmetic, as CPython's does. To keep
// firmware small, each operation has one path per build: the hot ones
// (iteration, len, r[i], `int in r`) keep an Int64 path beside the BigInt
// one; the rare ones (construction, slicing, index/count, ==) use BigInt
// alone where long ints are built in and Int64 alone where they are not.

extension VM {
    /// A range of small-int bounds (a slice of one without long ints).
    func newRange(_ start: Int64, _ stop: Int64, _ step: Int64) throws(VMError) -> Value {
        guard let a = Value.int(start), let b = Value.int(stop), let c = Value.int(step) else {
            throw IntegerRange.ssize.overflow(self)
        }
        return try rangeObject(a, b, c)
    }

    func rangeObject(_ start: Value, _ stop: Value, _ step: Value) throws(VMError) -> Value {
        let o = try allocSlots(.range, RangeSlot.slotCount)
        heap.setSlot(o, RangeSlot.start, start)
        heap.setSlot(o, RangeSlot.stop, stop)
        heap.setSlot(o, RangeSlot.step, step)
        return .object(o)
    }

    /// range(...) from its arguments: ints or objects with __index__.
    func constructRange(_ a: Arguments) throws(VMError) -> Value {
        try argumentCount(a, "range", min: 1, max: 3)
        let n = a.positionalCount
        var parts: [Value] = []
        defer { for _ in parts { unroot() } }  // rooted while the next __index__ runs
        for i in 0..<n {
            let v = try indexValue(a[i])
            // Without long ints a range holds small ints only (PyMite's ranges).
            if !BuiltFeatures.longInts && !v.isInt { throw IntegerRange.ssize.overflow(self) }
            root(v)
            parts.append(v)
        }
        if n == 1 { return try rangeObject(.smallInt(0), parts[0], .smallInt(1)) }
        let step = n == 3 ? parts[2] : .smallInt(1)
        if step.isInt && step.intValue == 0 { throw raise(.valueError, "range() arg 3 must not be zero") }
        return try rangeObject(parts[0], parts[1], step)
    }

    /// Any int, or an object's __index__ result, as a BigInt.
    func bigIndexArgument(_ v: Value) throws(VMError) -> BigInt {
        bigOf(try indexValue(v)) ?? BigInt()
    }

    /// A range from BigInt bounds: small-int slots when they fit.
    func newLongRange(_ start: BigInt, _ stop: BigInt, _ step: BigInt) throws(VMError) -> Value {
        if step.isZero { throw raise(.valueError, "range() arg 3 must not be zero") }
        let a = try intResult(start)
        root(a); defer { unroot() }
        let b = try intResult(stop)
        root(b); defer { unroot() }
        let c = try intResult(step)
        root(c); defer { unroot() }
        return try rangeObject(a, b, c)
    }

    /// Whether `r` has a bound past the small ints. Transparent, so that a
    /// build without long ints folds every long-range path away (boards
    /// build with -ignore-always-inline).
    @_transparent func isLongRange(_ r: Value) -> Bool {
        guard BuiltFeatures.longInts else { return false }
        let o = r.objectOffset
        return !(heap.slot(o, RangeSlot.start).isInt && heap.slot(o, RangeSlot.stop).isInt && heap.slot(o, RangeSlot.step).isInt)
    }

    /// A small range's bounds (not for a long range).
    func rangeParts(_ r: Value) -> (Int64, Int64, Int64) {
        (heap.slot(r.objectOffset, RangeSlot.start).intValue, heap.slot(r.objectOffset, RangeSlot.stop).intValue, heap.slot(r.objectOffset, RangeSlot.step).intValue)
    }

    /// Any range's bounds as BigInts.
    func longRangeParts(_ r: Value) -> (start: BigInt, stop: BigInt, step: BigInt) {
        let o = r.objectOffset
        return (bigOf(heap.slot(o, RangeSlot.start)) ?? BigInt(), bigOf(heap.slot(o, RangeSlot.stop)) ?? BigInt(),
                bigOf(heap.slot(o, RangeSlot.step)) ?? BigInt(1))
    }

    /// A small range's length (not for a long range).
    func rangeLength(_ r: Value) -> Int {
        let (start, stop, step) = rangeParts(r)
        if step > 0 { return start < stop ? Int(clamping: (stop - start - 1) / step + 1) : 0 }
        return start > stop ? Int(clamping: (start - stop - 1) / (-step) + 1) : 0
    }

    /// Any range's length, exactly.
    func longRangeLength(_ r: Value) -> BigInt {
        let (start, stop, step) = longRangeParts(r)
        let one = BigInt(1)
        if step.signum > 0 { return start < stop ? ((stop - start - one).floorDivMod(step)?.0 ?? BigInt()) + one : BigInt() }
        return start > stop ? ((start - stop - one).floorDivMod(-step)?.0 ?? BigInt()) + one : BigInt()
    }

    /// len(range): OverflowError when the length passes the host's Int.
    func rangeCount(_ r: Value) throws(VMError) -> Int {
        if isLongRange(r) {
            guard let n = longRangeLength(r).int64, let i = Int(exactly: n) else { throw IntegerRange.ssize.overflow(self) }
            return i
        }
        // Bounds of 63 bits can make a length past 63 bits (or past a board's Int).
        let (start, stop, step) = rangeParts(r)
        let span = step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
        if span.overflow || span.partialValue > Int64(Int.max) { throw IntegerRange.ssize.overflow(self) }
        return rangeLength(r)
    }

    func rangeIsEmpty(_ r: Value) -> Bool {
        isLongRange(r) ? longRangeLength(r).isZero : rangeLength(r) == 0
    }

    /// Where `x` is in range `r` (range.index and range.count): by
    /// arithmetic for ints and floats; any other value can equal an
    /// element only through its own __eq__, so it is compared with each.
    func rangePosition(_ r: Value, of x: Value) throws(VMError) -> Value? {
        if BuiltFeatures.longInts { return try longRangePosition(r, of: x) }
        let (start, _, step) = rangeParts(r)
        let n = rangeLength(r)
        var k: Int64? = intOf(x)
        if k == nil, isFloat(x) {
            let d = floatValue(x)
            guard d.rounded() == d, let i = Int64(exactly: d) else { return nil }
            k = i
        }
        if let k {
            let (offset, o) = k.subtractingReportingOverflow(start)
            guard !o, offset % step == 0 else { return nil }
            let at = offset / step
            return at >= 0 && at < Int64(n) ? .smallInt(Int(at)) : nil
        }
        guard isType(x, .instance) else { return nil }
        for i in 0..<n where try valuesEqual(try newInt(start + Int64(i) * step), x) { return .smallInt(i) }
        return nil
    }

    func longRangePosition(_ r: Value, of x: Value) throws(VMError) -> Value? {
        var k = bigOf(x)
        if k == nil, isFloat(x) { k = BigInt(exactly: floatValue(x)) }
        let (start, _, step) = longRangeParts(r)
        if let k {
            guard let (at, rest) = (k - start).floorDivMod(step), rest.isZero,
                  at.signum >= 0, at < longRangeLength(r) else { return nil }
            return try intResult(at)
        }
        guard isType(x, .instance) else { return nil }
        let it = try getIterator(r)
        root(it); defer { unroot() }
        var at = BigInt()
        while let v = try iteratorNext(it) {
            if try valuesEqual(v, x) { return try intResult(at) }
            at += BigInt(1)
        }
        return nil
    }

    /// `x in r`: arithmetic for ints and floats; other values compare with each item.
    func rangeContains(_ r: Value, _ x: Value) throws(VMError) -> Bool {
        if !isLongRange(r), let n = intOf(x) {
            let (start, stop, step) = rangeParts(r)
            if step > 0 ? (n < start || n >= stop) : (n > start || n <= stop) { return false }
            return (n - start) % step == 0
        }
        return try rangePosition(r, of: x) != nil
    }

    /// r[i] and r[slice].
    func rangeItem(_ r: Value, _ key: Value) throws(VMError) -> Value {
        if isType(key, .slice) {
            if BuiltFeatures.longInts { return try longRangeSlice(r, key) }
            let (start, _, step) = rangeParts(r)
            let (s0, st, _) = try sliceIndices(key, length: rangeLength(r))
            let stopIndex = sliceStop(key, length: rangeLength(r))
            // A huge slice step gives a step past what a range holds without long ints.
            let (newStep, overflow) = step.multipliedReportingOverflow(by: Int64(st))
            if overflow { throw IntegerRange.ssize.overflow(self) }
            return try newRange(start + Int64(s0) * step, start + Int64(stopIndex) * step, newStep)
        }
        if isLongRange(r) {
            var i = try bigIndexArgument(key)
            let n = longRangeLength(r)
            if i.signum < 0 { i += n }
            guard i.signum >= 0, i < n else { throw raise(.indexError, "range object index out of range") }
            let (start, _, step) = longRangeParts(r)
            return try intResult(start + i * step)
        }
        let (start, _, step) = rangeParts(r)
        guard let i = try normalizeIndex(key, count: rangeLength(r), what: "range") else {
            throw raise(.indexError, "range object index out of range")
        }
        return try newInt(start + Int64(i) * step)
    }

    /// A slice of any range, in BigInts: CPython's slice.indices rules.
    func longRangeSlice(_ r: Value, _ key: Value) throws(VMError) -> Value {
        let so = key.objectOffset
        let n = longRangeLength(r)
        let stepValue = heap.slot(so, SliceSlot.step)
        let st = stepValue.isNone ? BigInt(1) : try bigSliceBound(stepValue)
        if st.isZero { throw raise(.valueError, "slice step cannot be zero") }
        let lower = st.signum < 0 ? BigInt(-1) : BigInt(), upper = st.signum < 0 ? n - BigInt(1) : n
        func clamp(_ v: Value, _ dflt: BigInt) throws(VMError) -> BigInt {
            if v.isNone { return dflt }
            var x = try bigSliceBound(v)
            if x.signum < 0 { x += n; if x < lower { x = lower } } else if x > upper { x = upper }
            return x
        }
        let s0 = try clamp(heap.slot(so, SliceSlot.start), st.signum < 0 ? upper : lower)
        let s1 = try clamp(heap.slot(so, SliceSlot.stop), st.signum < 0 ? lower : upper)
        let (start, _, step) = longRangeParts(r)
        return try newLongRange(start + s0 * step, start + s1 * step, step * st)
    }

    func bigSliceBound(_ v: Value) throws(VMError) -> BigInt {
        guard isIntegral(v) || hasIndexMethod(v) else {
            throw raise(.typeError, "slice indices must be integers or None or have an __index__ method")
        }
        return try bigIndexArgument(v)
    }

    /// What decides a range's items: its length, then its start unless it
    /// is empty, then its step if it has two items or more (as CPython).
    func rangeKey(_ r: Value) throws(VMError) -> (count: Value, start: Value, step: Value) {
        let o = r.objectOffset
        let count = isLongRange(r) ? try intResult(longRangeLength(r)) : try newInt(Int64(rangeLength(r)))
        let empty = count.isInt && count.intValue == 0, single = count.isInt && count.intValue == 1
        return (count, empty ? .none : heap.slot(o, RangeSlot.start), empty || single ? .none : heap.slot(o, RangeSlot.step))
    }

    /// range == range: the same items, as CPython compares them.
    func rangesEqual(_ a: Value, _ b: Value) throws(VMError) -> Bool {
        let x = try rangeKey(a)
        root(x.count); defer { unroot() }
        let y = try rangeKey(b)
        root(y.count); defer { unroot() }
        guard try valuesEqual(x.count, y.count), try valuesEqual(x.start, y.start) else { return false }
        return try valuesEqual(x.step, y.step)
    }

    /// Equal ranges hash alike: the hash of their keys.
    func rangeHash(_ r: Value) throws(VMError) -> Int64 {
        let key = try rangeKey(r)
        root(key.count); defer { unroot() }
        var h: Int64 = 0x345678
        for p in [key.count, key.start, key.step] { h = (h ^ (try hashValue(p))) &* 1000003 }
        h &= 0x3FFF_FFFF_FFFF_FFFF
        return h == -1 ? -2 : h
    }

    /// iter(range): a long range steps with BigInts.
    func rangeIterator(_ r: Value) throws(VMError) -> Value {
        let o = r.objectOffset
        if isLongRange(r) {
            return try newIterator(.longRange, heap.slot(o, RangeSlot.start), .smallInt(0),
                                   heap.slot(o, RangeSlot.stop), heap.slot(o, RangeSlot.step))
        }
        let (start, stop, step) = rangeParts(r)
        return try newIterator(.range, .none, try newInt(start), try newInt(stop), try newInt(step))
    }

    /// The next item of a long range's iterator (its current item is in `source`).
    func longRangeNext(_ it: Value) throws(VMError) -> Value? {
        let o = it.objectOffset
        let cur = heap.slot(o, IteratorSlot.source)
        let c = bigOf(cur) ?? BigInt(), stop = bigOf(heap.slot(o, IteratorSlot.extra)) ?? BigInt()
        let step = bigOf(heap.slot(o, IteratorSlot.extra2)) ?? BigInt(1)
        if step.signum > 0 ? c >= stop : c <= stop { return nil }
        root(cur); defer { unroot() }
        heap.setSlot(o, IteratorSlot.source, try intResult(c + step))
        return cur
    }

    /// reversed(range) for a long range: the same items as a range run backwards.
    func reversedLongRange(_ r: Value) throws(VMError) -> Value {
        let n = longRangeLength(r)
        let (start, _, step) = longRangeParts(r)
        if n.isZero { return try rangeIterator(try newLongRange(start, start, BigInt(1))) }
        return try rangeIterator(try newLongRange(start + (n - BigInt(1)) * step, start - step, -step))
    }

    func appendRangeRepr(_ r: Value, _ out: inout [UInt8]) throws(VMError) {
        let o = r.objectOffset
        out += bytes("range(")
        try appendText(heap.slot(o, RangeSlot.start), &out, repr: true)
        out += bytes(", ")
        try appendText(heap.slot(o, RangeSlot.stop), &out, repr: true)
        let step = heap.slot(o, RangeSlot.step)
        if !(step.isInt && step.intValue == 1) {
            out += bytes(", ")
            try appendText(step, &out, repr: true)
        }
        out += bytes(")")
    }
}
