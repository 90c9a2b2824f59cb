// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// How natives read their arguments. A Value is only a word: taken for
// the wrong kind of object it would read another object's memory. So a
// native never uses an argument as a reference it has not checked; the
// accessors here check the kind and raise TypeError (or OverflowError
// for numbers too big to be a size) with CPython's wording, and hand
// back something that is safe to use.

/// The arguments of a native call: a window on the value stack.
struct Arguments {
    unowned(unsafe) let vm: VM
    let base: Int
    /// All values, keyword ones included.
    let count: Int
    let kwnames: Value

    var keywordCount: Int { kwnames.isNull ? 0 : vm.tupleCount(kwnames.objectOffset) }
    var positionalCount: Int { count - keywordCount }
    /// Argument i; None past the end, so a native that did not count its
    /// arguments reads None, never a slot of the caller's frame.
    @inline(never) subscript(i: Int) -> Value { i >= 0 && i < count ? vm.stack[base + i] : .none }

    /// The keyword argument named `name`, if given.
    func keyword(_ name: StaticString) -> Value? {
        let n = keywordCount
        if n == 0 { return nil }
        let want = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        for k in 0..<n {
            let key = vm.tupleItem(kwnames.objectOffset, k)
            let have = vm.strBuffer(key)
            if have.count == want.count && memEqual(have.baseAddress!, want.baseAddress!, want.count) {
                return vm.stack[base + positionalCount + k]
            }
        }
        return nil
    }

    /// Positional argument i, else the keyword `name`, else nil.
    func value(_ i: Int, _ name: StaticString) -> Value? {
        i < positionalCount ? self[i] : keyword(name)
    }
}

/// The C type CPython converts an integer argument to, which decides
/// the OverflowError's words.
enum IntegerRange {
    /// A sequence index or repeat count (Py_ssize_t through __index__).
    case index
    /// A size or width (Py_ssize_t).
    case ssize
    /// A C int (tab sizes, precisions, chr()).
    case cInt

    func overflow(_ vm: VM) -> VMError {
        switch self {
        case .index: return vm.raise(.overflowError, "cannot fit 'int' into an index-sized integer")
        case .ssize: return vm.raise(.overflowError, "Python int too large to convert to C ssize_t")
        case .cInt: return vm.raise(.overflowError, "Python int too large to convert to C int")
        }
    }
}

extension VM {
    /// A call's keywords naming its positional parameters (`round(number=2.5)`) put in
    /// their places on the stack: the arguments as if all were given by position. The
    /// first `required` parameters must be given; the errors are CPython's, in its order.
    func keywordsInPlace(_ a: Arguments, _ parameters: [StaticString], required: Int, of function: Native) throws(VMError) -> Arguments {
        var values = [Value](repeating: .null, count: parameters.count)
        for i in 0..<min(a.positionalCount, parameters.count) { values[i] = a[i] }
        var twice: (key: Value, at: Int)? = nil, unknown = false
        for k in 0..<a.keywordCount {
            let key = tupleItem(a.kwnames.objectOffset, k)
            guard let p = parameters.firstIndex(where: { sameText(strBuffer(key), $0) }) else { unknown = true; continue }
            if p < a.positionalCount { twice = twice ?? (key, p) } else { values[p] = a[a.positionalCount + k] }
        }
        let name = Array(nativeName(function))
        for p in 0..<required where values[p].isNull {
            throw raise(.typeError, name + bytes("() missing required argument '") + bytes(parameters[p]) + bytes("' (pos ") + decimal(p + 1) + bytes(")"))
        }
        if let twice {
            throw raise(.typeError, bytes("argument for ") + name + bytes("() given by name ('") + strArray(twice.key)
                            + bytes("') and position (") + decimal(twice.at + 1) + bytes(")"))
        }
        if unknown { try checkKeywords(a, parameters, of: function) }
        let count = (values.lastIndex { !$0.isNull } ?? -1) + 1
        // Written where the call's own arguments lie: a gap would need more room than they took.
        guard count <= a.count, !values[..<count].contains(where: { $0.isNull }) else {
            throw raise(.typeError, name + bytes("() missing an argument before the last one given"))
        }
        for i in 0..<count { stack[a.base + i] = values[i] }
        return Arguments(vm: self, base: a.base, count: count, kwnames: .null)
    }

    /// Refuses a keyword argument not in `allowed`, in CPython's words
    /// ("'x' is an invalid keyword argument for print()"). Called when there are keywords.
    func checkKeywords(_ a: Arguments, _ allowed: [StaticString], of function: Native?, named name: StaticString = "") throws(VMError) {
        for k in 0..<a.keywordCount {
            let key = tupleItem(a.kwnames.objectOffset, k)
            if !allowed.contains(where: { sameText(strBuffer(key), $0) }) {
                throw invalidKeyword(key, for: function.map { Array(nativeName($0)) } ?? bytes(name))
            }
        }
    }

    /// "'x' is an invalid keyword argument for f()".
    func invalidKeyword(_ key: Value, for function: @autoclosure () -> [UInt8]) -> VMError {
        raise(.typeError, bytes("'") + strArray(key) + bytes("' is an invalid keyword argument for ") + function() + bytes("()"))
    }

    /// `v` as an object of `kind`, or TypeError "`what` must be KIND, not TYPE".
    func objectArgument(_ v: Value, _ kind: ObjType, _ what: StaticString, _ kindName: StaticString) throws(VMError) -> UInt32 {
        guard isType(v, kind) else {
            if let inner = builtinValue(v), isType(inner, kind) { return inner.objectOffset }  // a subclass's instance
            throw mustBe(what, kindName, v)
        }
        return v.objectOffset
    }

    /// `v` as a str, or TypeError "`what` must be str, not TYPE".
    @inline(__always) func strArgument(_ v: Value, _ what: StaticString) throws(VMError) -> UInt32 {
        try objectArgument(v, .str, what, "str")
    }

    /// A str or None (print's sep and end): nil for None.
    func optionalStrArgument(_ v: Value?, _ what: StaticString) throws(VMError) -> Value? {
        guard let v = v, !v.isNone else { return nil }
        guard isStr(v) else { throw raise(.typeError, bytes(what) + bytes(" must be None or a string, not ") + typeName(v)) }
        return v
    }

    func mustBe(_ what: StaticString, _ kindName: StaticString, _ v: Value) -> VMError {
        raise(.typeError, bytes(what) + bytes(" must be ") + bytes(kindName) + bytes(", not ") + (v.isNone ? bytes("None") : typeName(v)))
    }

    /// Argument i of a str method as text of the receiver's kind (str, or
    /// bytes while a bytes method runs).
    /// `numbered`: CPython's words for the methods it checks by declaration ("replace() argument 1
    /// must be str, not int"; false: "removeprefix() argument must be ..."); nil: "must be str, not int".
    func textArgument(_ a: Arguments, _ i: Int, _ method: @autoclosure () -> NameText, numbered: Bool? = nil) throws(VMError) -> Value {
        let v = a[i]
        guard isType(v, textType) else {
            if let inner = builtinValue(v), isType(inner, textType) { return inner }  // a subclass's instance
            if textType == .bytes {
                // A bytearray or memoryview as its bytes, kept in the argument's slot.
                let b = try newStr(try bytesLike(v), type: .bytes)
                stack[a.base + i] = b
                return b
            }
            guard let numbered, BuiltFeatures.errorMessages else { throw raiseAboutType(.typeError, "must be str, not ", v, "") }
            var m = Array(method()) + bytes("() argument ")
            if numbered { m += decimal(i) + bytes(" ") }
            throw raise(.typeError, m + bytes("must be str, not ") + typeName(v))
        }
        return v
    }

    /// int.to_bytes' and int.from_bytes' byteorder: "big" (also when not given, as in 3.11) or "little".
    func byteOrderIsLittle(_ order: Value?, _ method: StaticString) throws(VMError) -> Bool {
        guard let order else { return false }
        guard isStr(order) else {
            throw raise(.typeError, bytes(method) + bytes("() argument 'byteorder' must be str, not ") + typeName(order))
        }
        if strArray(order) == bytes("little") { return true }
        if strArray(order) == bytes("big") { return false }
        throw raise(.valueError, "byteorder must be either 'little' or 'big'")
    }

    /// An integer argument used as a size, count or position: an int,
    /// a bool or an object with __index__. A number past what `range`
    /// allows raises OverflowError with CPython's words for that C type,
    /// so no caller ever sees a wrapped or clamped number.
    func indexArgument(_ v: Value, _ range: IntegerRange = .index) throws(VMError) -> Int64 {
        if let i = int64Of(v) {
            if range == .cInt && (i < Int64(Int32.min) || i > Int64(Int32.max)) { throw range.overflow(self) }
            return i
        }
        if isLong(v) { throw range.overflow(self) }
        if isType(v, .instance), let r = try callDunder0(v, .__index__) {
            guard isIntegral(r) else {
                throw raiseAboutType(.typeError, "__index__ returned non-int (type ", r, ")")
            }
            return try indexArgument(r, range)
        }
        throw raiseAboutType(.typeError, "'", v, "' object cannot be interpreted as an integer")
    }

    /// The value of an int (small or long) or bool that fits 64 bits.
    func int64Of(_ v: Value) -> Int64? {
        if let i = intOf(v) { return i }
        guard isLong(v) else { return nil }
        let big = longValue(v)
        let bits = BigInt.bitLength(big.magnitude)
        let magnitude = BigInt.extract64(big.magnitude, from: 0)
        if big.negative { return bits <= 64 && magnitude <= UInt64(1) << 63 ? Int64(bitPattern: 0 &- magnitude) : nil }
        return bits <= 63 ? Int64(magnitude) : nil
    }

    /// A slice bound or search position: None is nil; an int past 64 bits
    /// is clamped (it is past either end of any sequence all the same).
    func sliceBound(_ v: Value) throws(VMError) -> Int64? {
        if v.isNone { return nil }
        guard isIntegral(v) || hasIndexMethod(v) else {
            throw raise(.typeError, "slice indices must be integers or None or have an __index__ method")
        }
        return try clampedIndexArgument(v)
    }

    /// Any int, or an object's __index__ result, as an int (a bool as 0 or 1).
    func indexValue(_ v: Value) throws(VMError) -> Value {
        if let i = intOf(v) { return try newInt(i) }
        if isLong(v) { return v }
        if isType(v, .instance), let r = try callDunder0(v, .__index__) {
            guard isIntegral(r) else { throw raiseAboutType(.typeError, "__index__ returned non-int (type ", r, ")") }
            return try indexValue(r)
        }
        throw raiseAboutType(.typeError, "'", v, "' object cannot be interpreted as an integer")
    }

    /// An instance whose class defines __index__.
    func hasIndexMethod(_ v: Value) -> Bool {
        isType(v, .instance) && classLookup(heap.slot(v.objectOffset, InstanceSlot.klass), internStatic(.__index__)) != nil
    }

    /// An integer argument clamped to 64 bits (round's ndigits, as CPython
    /// clamps it to a C ssize_t): a huge count means the same as a big one.
    func clampedIndexArgument(_ v: Value) throws(VMError) -> Int64 {
        var r = v
        if isType(v, .instance), let i = try callDunder0(v, .__index__) { r = i }
        if isLong(r) && int64Of(r) == nil { return longValue(r).negative ? Int64.min : Int64.max }
        return try indexArgument(r)
    }

    /// A count of bytes, characters or items about to be made (negative
    /// counts as 0): MemoryError when it could never fit the heap, checked
    /// before the host allocates anything for it.
    func checkedSize(_ n: Int64, bytesEach: Int = 1) throws(VMError) -> Int {
        guard n > 0 else { return 0 }
        let (total, overflow) = n.multipliedReportingOverflow(by: Int64(bytesEach))
        if overflow || total > Int64(heap.size) { throw memoryError() }
        return Int(n)
    }
}
