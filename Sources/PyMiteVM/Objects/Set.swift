// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// set: filling a set from an iterable, subsets, the set operators, and
// the set methods. The hash table itself (a set is a dict with None
// values) is in Objects/Dict.swift.

extension VM {
    func updateSet(_ set: Value, with iterable: Value) throws(VMError) {
        try forEachItem(of: iterable) { (v) throws(VMError) in try dictStore(set, v, .none) }
    }

    func setIsSubset(_ a: Value, _ b: Value) throws(VMError) -> Bool {
        var result = true
        try dictForEach(a) { (k, _) throws(VMError) in
            if result, try dictFind(b, k, hash: try hashValue(k)) < 0 { result = false }
        }
        return result
    }

    /// A set or a frozenset.
    @inline(__always) func isAnySet(_ v: Value) -> Bool { isType(v, .set) || isType(v, .frozenset) }

    /// A dict's keys, values or items view.
    func isDictView(_ v: Value) -> Bool {
        guard isType(v, .iterator) else { return false }
        let kind = iteratorKind(v)
        return kind == .keysView || kind == .valuesView || kind == .itemsView
    }

    /// A dict's keys or items view: set-like, so it takes the set operators.
    func isSetLikeView(_ v: Value) -> Bool { isDictView(v) && iteratorKind(v) != .valuesView }

    /// A new set of an iterable's items.
    func newSet(from iterable: Value) throws(VMError) -> Value {
        let s = try newDict(.set)
        root(s); defer { unroot() }
        try updateSet(s, with: iterable)
        return s
    }

    /// A set of `v`'s items when it is a set-like view (else `v` itself), for the set operators.
    func asSet(_ v: Value) throws(VMError) -> Value { isSetLikeView(v) ? try newSet(from: v) : v }

    /// `view op other` for a dict's keys or items view: a new set, as CPython gives.
    func viewSetOperation(_ op: BinaryOperator, _ a: Value, _ b: Value) throws(VMError) -> Value {
        let left = try newSet(from: a)
        root(left); defer { unroot() }
        let right = isAnySet(b) ? b : try newSet(from: b)
        root(right); defer { unroot() }
        return try setOperation(op, left, right, inplace: true)
    }

    /// `a op b` for sets: the result has `a`'s type (frozenset | set is a frozenset).
    func setOperation(_ op: BinaryOperator, _ a: Value, _ b: Value, inplace: Bool) throws(VMError) -> Value {
        let r = inplace ? a : try newDict(heap.type(a.objectOffset))
        root(r); defer { unroot() }
        switch op {
        case .or:
            if !inplace { try dictForEach(a) { (k, _) throws(VMError) in try dictStore(r, k, .none) } }
            try dictForEach(b) { (k, _) throws(VMError) in try dictStore(r, k, .none) }
        case .and:
            let src = inplace ? try dictCopy(a) : a
            if inplace { dictClear(r) }
            try dictForEach(src) { (k, _) throws(VMError) in
                if try dictFind(b, k, hash: try hashValue(k)) >= 0 { try dictStore(r, k, .none) }
            }
        case .subtract:
            if inplace {
                try dictForEach(b) { (k, _) throws(VMError) in _ = try dictRemove(r, k) }
            } else {
                try dictForEach(a) { (k, _) throws(VMError) in
                    if try dictFind(b, k, hash: try hashValue(k)) < 0 { try dictStore(r, k, .none) }
                }
            }
        default:  // xor
            let src = inplace ? try dictCopy(a) : a
            if inplace { dictClear(r) }
            try dictForEach(src) { (k, _) throws(VMError) in
                if try dictFind(b, k, hash: try hashValue(k)) < 0 { try dictStore(r, k, .none) }
            }
            try dictForEach(b) { (k, _) throws(VMError) in
                if try dictFind(src, k, hash: try hashValue(k)) < 0 { try dictStore(r, k, .none) }
            }
        }
        return r
    }

    // MARK: Methods

    func callSetMethod(_ id: Native, _ me: Value, _ a: Arguments) throws(VMError) -> Value {
        let name = nativeName(id)
        switch id {
        case .setAdd:
            try dictStore(me, a[1], .none)
        case .setRemove:
            if try dictRemove(me, a[1]) == nil { throw raiseValue(.keyError, a[1]) }
        case .setDiscard:
            _ = try dictRemove(me, a[1])
        case .setPop:
            guard let e = dictNextEntry(me, from: 0) else { throw raise(.keyError, "pop from an empty set") }
            let k = dictEntryKey(me, e)
            _ = try dictRemove(me, k)
            return k
        case .setClear:
            dictClear(me)
        case .setCopy:
            return isType(me, .frozenset) ? me : try dictCopy(me)
        case .setUpdate:
            for i in 1..<a.positionalCount { try updateSet(me, with: a[i]) }
        case .setUnion, .setIntersection, .setDifference, .setSymmetricDifference:
            var result = try dictCopy(me)
            root(result); defer { unroot() }
            for i in 1..<max(1, a.positionalCount) {
                let other = try newSet(from: a[i])
                root(other); defer { unroot() }
                let op: BinaryOperator = id == .setUnion ? .or : id == .setIntersection ? .and : id == .setDifference ? .subtract : .xor
                result = try setOperation(op, result, other, inplace: false)
                extraRoots[extraRoots.count - 2] = result
            }
            return result
        case .setIntersectionUpdate, .setDifferenceUpdate, .setSymmetricDifferenceUpdate:
            if id == .setSymmetricDifferenceUpdate { try argumentCount(a, name, min: 2, max: 2) }
            let op: BinaryOperator = id == .setIntersectionUpdate ? .and : id == .setDifferenceUpdate ? .subtract : .xor
            for i in 1..<max(1, a.positionalCount) {
                let other = try newSet(from: a[i])
                root(other); defer { unroot() }
                _ = try setOperation(op, me, other, inplace: true)
            }
        case .setIssubset, .setIssuperset, .setIsdisjoint:
            let other = try newSet(from: a[1])
            root(other); defer { unroot() }
            switch id {
            case .setIssubset: return .bool(try setIsSubset(me, other))
            case .setIssuperset: return .bool(try setIsSubset(other, me))
            default:
                let both = try setOperation(.and, me, other, inplace: false)
                return .bool(dictCount(both) == 0)
            }
        default:
            throw raise(.runtimeError, "method not available")
        }
        return .none
    }
}
