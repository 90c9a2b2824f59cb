// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Arithmetic, comparison, truth, hashing and subscripts: the slow paths
// the interpreter loop calls when its small-int fast paths do not apply.
// Integers never wrap: a result that does not fit raises OverflowError.

extension VM {
    // MARK: Numbers

    func newFloat(_ d: Double) throws(VMError) -> Value {
        guard floatsOn else { throw noFloats() }
        let o = try allocBytes(.float, rawDataOffset + 8)
        heap.base.storeBytes(of: d.bitPattern, toByteOffset: Int(o) + rawDataOffset, as: UInt64.self)
        return .object(o)
    }

    @inline(__always) func floatValue(_ v: Value) -> Double {
        // Unreachable without floats built in (newFloat refuses); the code that would use the value goes too.
        if !BuiltFeatures.floats { fatalError() }
        heap.expect(v.objectOffset, .float)
        // 4-byte aligned on a 32-bit board.
        return Double(bitPattern: heap.base.loadUnaligned(fromByteOffset: Int(v.objectOffset) + rawDataOffset, as: UInt64.self))
    }

    /// Without floats built in, no float exists: every float path folds away.
    @inline(__always) func isFloat(_ v: Value) -> Bool { BuiltFeatures.floats && isType(v, .float) }

    /// The integer value of an int or bool.
    @inline(__always) func intOf(_ v: Value) -> Int64? {
        if v.isInt { return v.intValue }
        if v.raw == Value.true.raw { return 1 }
        if v.raw == Value.false.raw { return 0 }
        if BuiltFeatures.boxedInts && v.isObject && heap.type(v.objectOffset) == .boxedInt { return boxedValue(v) }
        return nil
    }

    /// The value of any real number as a double; nil in a build without
    /// floats (whose callers have handled two ints before asking), so no
    /// double arithmetic is compiled into it.
    func doubleOf(_ v: Value) -> Double? {
        if !BuiltFeatures.floats { return nil }
        if let i = intOf(v) { return Double(i) }
        if isFloat(v) { return floatValue(v) }
        return nil
    }

    /// An Int64 result: a small int, or a long when it needs more bits than
    /// a small int has (63 on a 64-bit host, 31 on a 32-bit board). Without
    /// long ints: boxed up to 32 bits on a 32-bit board, else OverflowError.
    func newInt(_ n: Int64) throws(VMError) -> Value {
        if let v = Value.int(n) { return v }
        if longIntsOn { return try intResult(BigInt(n)) }
        if BuiltFeatures.boxedInts, let w = Int32(exactly: n) { return try newBoxedInt(w) }
        throw overflow()
    }

    func noFloats() -> VMError { raise(.notImplementedError, "float is not available in this build (HAVE_FLOAT is off)") }
    /// A feature this build or run leaves out (a board recipe's [features] switch).
    func leftOut(_ what: StaticString, _ feature: StaticString) -> VMError {
        raise(.notImplementedError, bytes(what) + bytes(" is not available in this build (") + bytes(feature) + bytes(" is off)"))
    }

    func overflow() -> VMError { raise(.overflowError, "integer result too large for this VM") }

    func floorDiv(_ x: Int64, _ y: Int64) throws(VMError) -> Int64 {
        if y == 0 { throw raise(.zeroDivisionError, "integer division or modulo by zero") }
        if x == Int64.min && y == -1 { throw overflow() }
        let q = x / y
        return (x % y != 0 && (x < 0) != (y < 0)) ? q - 1 : q
    }

    func floorMod(_ x: Int64, _ y: Int64) throws(VMError) -> Int64 {
        if y == 0 { throw raise(.zeroDivisionError, "integer modulo by zero") }
        if y == -1 { return 0 }
        let r = x % y
        return (r != 0 && (r < 0) != (y < 0)) ? r + y : r
    }

    func intPow(_ base: Int64, _ exp: Int64) throws(VMError) -> Int64 {
        var result: Int64 = 1
        var b = base
        var e = exp
        while e > 0 {
            if e & 1 == 1 {
                let (r, o) = result.multipliedReportingOverflow(by: b)
                if o { throw overflow() }
                result = r
            }
            e >>= 1
            if e > 0 {
                let (sq, o) = b.multipliedReportingOverflow(by: b)
                if o { throw overflow() }
                b = sq
            }
        }
        return result
    }

    func floatFloorMod(_ x: Double, _ y: Double) -> Double {
        var m = x.truncatingRemainder(dividingBy: y)
        if m != 0 {
            if (y < 0) != (m < 0) { m += y }
        } else {
            m = y < 0 ? -0.0 : 0.0
        }
        return m
    }

    func floatFloorDiv(_ x: Double, _ y: Double) -> Double {
        let m = x.truncatingRemainder(dividingBy: y)
        var div = (x - m) / y
        if m != 0 && (y < 0) != (m < 0) { div -= 1 }
        if div != 0 {
            let floored = div.rounded(.down)
            if div - floored > 0.5 { return floored + 1 }
            return floored
        }
        return x / y < 0 ? -0.0 : 0.0
    }

    func intBinary(_ op: BinaryOperator, _ x: Int64, _ y: Int64) throws(VMError) -> Value {
        // Any overflow is redone exactly with long ints (or raises without them).
        switch op {
        case .add:
            let (r, o) = x.addingReportingOverflow(y)
            if !o, let v = Value.int(r) { return v }
            return o ? try intBinaryWide(op, x, y) : try newInt(r)
        case .subtract:
            let (r, o) = x.subtractingReportingOverflow(y)
            if !o, let v = Value.int(r) { return v }
            return o ? try intBinaryWide(op, x, y) : try newInt(r)
        case .multiply:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if !o, let v = Value.int(r) { return v }
            return o ? try intBinaryWide(op, x, y) : try newInt(r)
        case .trueDivide:
            if y == 0 { throw raise(.zeroDivisionError, "division by zero") }
            // Doubles hold ints up to 2**53 exactly; beyond, divide exactly.
            if longIntsOn && (x.magnitude > 1 << 53 || y.magnitude > 1 << 53) { return try longBinary(op, BigInt(x), BigInt(y)) }
            if !floatsOn { throw noFloats() }  // and a build without floats carries no double division
            return try newFloat(Double(x) / Double(y))
        case .floorDivide:
            if x == Int64.min && y == -1 { return try intBinaryWide(op, x, y) }
            return try newInt(try floorDiv(x, y))
        case .modulo: return try newInt(try floorMod(x, y))
        case .power:
            if y < 0 {
                if x == 0 { throw raise(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
                if !floatsOn { throw noFloats() }
                return try newFloat(hooks.pow(Double(x), Double(y)))
            }
            do throws(VMError) {
                return try newInt(try intPow(x, y))
            } catch {
                guard longIntsOn else { throw error }
                pendingException = .null
                return try intBinaryWide(op, x, y)
            }
        case .lshift:
            if y < 0 { throw raise(.valueError, "negative shift count") }
            if x == 0 { return .smallInt(0) }
            if y >= 62 { return try intBinaryWide(op, x, y) }
            let r = x << y
            if r >> y != x { return try intBinaryWide(op, x, y) }
            return try newInt(r)
        case .rshift:
            if y < 0 { throw raise(.valueError, "negative shift count") }
            return try newInt(y >= 63 ? (x < 0 ? -1 : 0) : x >> y)
        case .and: return try newInt(x & y)
        case .or: return try newInt(x | y)
        case .xor: return try newInt(x ^ y)
        case .matrixMultiply: throw unsupported(op, .smallInt(0), .smallInt(0))
        }
    }

    func floatBinary(_ op: BinaryOperator, _ x: Double, _ y: Double, _ a: Value, _ b: Value) throws(VMError) -> Value {
        guard floatsOn else { throw noFloats() }
        switch op {
        case .add: return try newFloat(x + y)
        case .subtract: return try newFloat(x - y)
        case .multiply: return try newFloat(x * y)
        case .trueDivide:
            if y == 0 { throw raise(.zeroDivisionError, "float division by zero") }
            return try newFloat(x / y)
        case .floorDivide:
            if y == 0 { throw raise(.zeroDivisionError, "float floor division by zero") }
            return try newFloat(floatFloorDiv(x, y))
        case .modulo:
            if y == 0 { throw raise(.zeroDivisionError, "float modulo") }
            return try newFloat(floatFloorMod(x, y))
        case .power:
            if x == 0 && y < 0 { throw raise(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
            if x < 0 && y != y.rounded(.towardZero) {
                throw raise(.valueError, "complex results are not supported")
            }
            let r = hooks.pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw raise(.overflowError, "(34, 'Numerical result out of range')") }
            return try newFloat(r)
        default: throw unsupported(op, a, b)
        }
    }

    func unsupported(_ op: BinaryOperator, _ a: Value, _ b: Value, inplace: Bool = false) -> VMError {
        unsupported(bytes(op.symbol) + (inplace ? bytes("=") : []), a, b)
    }

    /// "unsupported operand type(s) for OP: 'A' and 'B'" (OP `+`, `|=`, `divmod()`).
    func unsupported(_ operation: @autoclosure () -> [UInt8], _ a: Value, _ b: Value) -> VMError {
        guard BuiltFeatures.errorMessages else { return raiseBare(.typeError) }
        return raise(.typeError, bytes("unsupported operand type(s) for ") + operation() + bytes(": '") + typeName(a)
                        + bytes("' and '") + typeName(b) + bytes("'"))
    }

    func binaryOperation(_ op: BinaryOperator, _ a: Value, _ b: Value, inplace: Bool) throws(VMError) -> Value {
        if let x = intOf(a), let y = intOf(b) {
            // bool & | ^ bool stays a bool, as CPython's bool type defines them.
            if a.isBool && b.isBool && (op == .and || op == .or || op == .xor) {
                return .bool(op == .and ? x & y != 0 : op == .or ? x | y != 0 : x ^ y != 0)
            }
            return try intBinary(op, x, y)
        }
        if let x = doubleOf(a), let y = doubleOf(b) { return try floatBinary(op, x, y, a, b) }
        if isLong(a) || isLong(b) {
            if let x = bigOf(a), let y = bigOf(b) { return try longBinary(op, x, y) }
            if isFloat(a) || isFloat(b), let x = try realToDouble(a), let y = try realToDouble(b) {
                return try floatBinary(op, x, y, a, b)
            }
        }
        if op == .multiply, b.isObject, isIntegral(a) {
            let tb = heap.type(b.objectOffset)
            if tb == .str || tb == .list || tb == .tuple || tb == .bytes { return try repeatSequence(b, try repeatCount(a), inplace: false) }
        }
        guard a.isObject else {
            if isType(b, .instance), let r = try callDunder(b, binaryDunder(op, reflected: true, inplace: false), a) { return r }
            throw unsupported(op, a, b)
        }
        let ta = heap.type(a.objectOffset)
        var rightAsked = false
        if b.isObject && heap.typeByte(b.objectOffset) == ObjType.instance.rawValue {
            if let r = try subclassAnswersFirst(a, b, binaryDunder(op, reflected: true, inplace: false)) {
                if r != .notImplemented { return r }
                rightAsked = true
            }
            // An instance of a subclass of a's built-in type (or its kin): a's operation on the value it holds.
            if ta != .instance, let inner = builtinValue(b),
               inner.isObject ? sameFamily(ta, heap.type(inner.objectOffset)) || (isNumber(a) && isFloat(inner)) : isNumber(a) {
                return try binaryOperation(op, a, inner, inplace: inplace)
            }
            // A built-in's operation takes no other instance (but `%` formats one):
            // its reflected method is asked first, as CPython comes to it.
            if ta != .instance && !(op == .modulo && (ta == .str || ta == .bytes || ta == .bytearray)) && !rightAsked {
                if let r = try callDunder(b, binaryDunder(op, reflected: true, inplace: false), a) { return r }
                rightAsked = true
            }
        }
        switch (ta, op) {
        case (.bytes, .add), (.bytearray, .add):
            guard let y = byteView(b) else {
                throw raise(.typeError, bytes("can't concat ") + typeName(b) + bytes(" to ") + typeName(a))
            }
            let joined = Array(byteView(a)!) + Array(y)
            return ta == .bytes ? try newStr(joined, type: .bytes) : try newByteArray(joined)
        case (.bytearray, .multiply):
            guard isIntegral(b) else { throw unsupported(op, a, b) }
            let n = try repeatCount(b)
            let part = Array(byteView(a)!)
            _ = try checkedSize(n, bytesEach: max(1, part.count))
            var out: [UInt8] = []
            for _ in 0..<max(0, n) { out += part }
            if inplace { try byteArraySetContents(a, out); return a }
            return try newByteArray(out)
        case (.str, .add):
            guard isType(b, ta) else {
                if ta == .str {
                    throw raise(.typeError, bytes("can only concatenate str (not \"") + typeName(b) + bytes("\") to str"))
                }
                throw raiseAboutType(.typeError, "can't concat ", b, " to bytes")
            }
            return try concatStr(a, b, type: ta)
        case (.str, .modulo), (.bytes, .modulo), (.bytearray, .modulo):
            return try percentFormat(a, b)
        case (.str, .multiply), (.bytes, .multiply), (.list, .multiply), (.tuple, .multiply):
            guard isIntegral(plainValue(b)) else {
                if !rightAsked, isType(b, .instance), let r = try callDunder(b, binaryDunder(op, reflected: true, inplace: false), a) { return r }
                guard hasIndexMethod(b) else {
                    throw raiseAboutType(.typeError, "can't multiply sequence by non-int of type '", b, "'")
                }
                return try repeatSequence(a, try repeatCount(b), inplace: inplace)
            }
            return try repeatSequence(a, try repeatCount(b), inplace: inplace)
        case (.list, .add):
            if inplace { try extendList(a, with: b); return a }
            guard isType(b, .list) else {
                throw raise(.typeError, bytes("can only concatenate list (not \"") + typeName(b) + bytes("\") to list"))
            }
            let r = try newList(capacity: listCount(a.objectOffset) + listCount(b.objectOffset))
            try extendList(r, with: a)
            try extendList(r, with: b)
            return r
        case (.tuple, .add):
            guard isType(b, .tuple) else {
                throw raise(.typeError, bytes("can only concatenate tuple (not \"") + typeName(b) + bytes("\") to tuple"))
            }
            let na = tupleCount(a.objectOffset), nb = tupleCount(b.objectOffset)
            let t = try newTuple(na + nb)
            for i in 0..<na { heap.setSlot(t.objectOffset, TupleSlot.firstItem + i, tupleItem(a.objectOffset, i)) }
            for i in 0..<nb { heap.setSlot(t.objectOffset, TupleSlot.firstItem + na + i, tupleItem(b.objectOffset, i)) }
            return t
        case (.set, .or), (.set, .and), (.set, .subtract), (.set, .xor):
            guard setsOn, isAnySet(b) || isSetLikeView(b) else { throw unsupported(op, a, b, inplace: inplace) }
            return try setOperation(op, a, try asSet(b), inplace: inplace)
        case (.iterator, .or), (.iterator, .and), (.iterator, .subtract), (.iterator, .xor):
            // A keys or items view with any iterable: a new set.
            guard isSetLikeView(a) else { break }
            guard setsOn else { throw leftOut("set", "set") }
            return try viewSetOperation(op, a, b)
        case (.dict, .or):
            // d1 | d2 is a new dict; d1 |= d2 updates d1 (PEP 584).
            // |= takes what update() takes: any mapping, or pairs.
            guard isType(b, .dict) || inplace else { throw unsupported(op, a, b) }
            let r = inplace ? a : try dictCopy(a)
            root(r); defer { unroot() }
            try updateDict(r, with: b)
            return r
        case (.frozenset, .or), (.frozenset, .and), (.frozenset, .subtract), (.frozenset, .xor):
            guard setsOn, isAnySet(b) || isSetLikeView(b) else { throw unsupported(op, a, b, inplace: inplace) }
            return try setOperation(op, a, try asSet(b), inplace: false)  // |= on a frozenset makes a new one
        case (.instance, _):
            if let r = try callDunder(a, binaryDunder(op, reflected: false, inplace: inplace), b) { return r }
            // l += x on a list (bytearray, set, dict) subclass's instance changes its value in place, as
            // the built-in's __iadd__ would; the instance stays what the name holds.
            if inplace, let inner = builtinValue(a), isType(inner, .list) || isType(inner, .bytearray) || isAnySet(inner) || isType(inner, .dict),
               try binaryOperation(op, inner, b, inplace: true) == inner {
                return a
            }
            if inplace, let r = try callDunder(a, binaryDunder(op, reflected: false, inplace: false), b) { return r }
            // A built-in's subclass whose method declined (int's __add__ takes no float): the right
            // operand's built-in operation on the value it holds, as its reflected method would.
            if !isType(b, .instance), let inner = builtinValue(a) { return try binaryOperation(op, inner, b, inplace: false) }
        default:
            break
        }
        if !rightAsked, isType(b, .instance), let r = try callDunder(b, binaryDunder(op, reflected: true, inplace: false), a) {
            return r
        }
        // Any iterable with a keys or items view on the right: a new set, as the view's reflected operation gives.
        if setsOn && (op == .or || op == .and || op == .subtract || op == .xor) && isSetLikeView(b) && isIterable(a) {
            return try viewSetOperation(op, a, b)
        }
        throw unsupported(op, a, b, inplace: inplace)
    }

    /// A comparison by special methods, in CPython's order: a subclass's
    /// reflected method, the left's method, the right's reflected one. nil when
    /// none answers (each is missing or returned NotImplemented).
    func richCompare(_ a: Value, _ b: Value, _ name: Value, _ reflected: Value) throws(VMError) -> Value? {
        let first = try subclassAnswersFirst(a, b, reflected)
        if let r = first, r != .notImplemented { return r }
        if let r = try callDunder(a, name, b) { return r }
        if first == nil, let r = try callDunder(b, reflected, a) { return r }
        return nil
    }

    /// CPython asks the right operand first when its class derives from the
    /// left operand's and defines the reflected method `name` anew. nil when
    /// that is not so; NotImplemented when its method declined.
    func subclassAnswersFirst(_ a: Value, _ b: Value, _ name: Value) throws(VMError) -> Value? {
        guard isType(b, .instance) else { return nil }
        let cb = heap.slot(b.objectOffset, InstanceSlot.klass), ca = try typeOf(a)
        guard cb != ca, isSubclass(cb, ca), let m = classLookup(cb, name), m != (classLookup(ca, name) ?? .null) else { return nil }
        return try call(m, [b, a])
    }

    /// An int (of any size), bool or float.
    func isNumber(_ v: Value) -> Bool { isIntegral(v) || isFloat(v) }

    /// Built-in types whose operations take each other's values: str with str,
    /// bytes with bytearray, set with frozenset, list with list, ...
    func sameFamily(_ a: ObjType, _ b: ObjType) -> Bool {
        a == b || ((a == .bytes || a == .bytearray) && (b == .bytes || b == .bytearray))
            || ((a == .set || a == .frozenset) && (b == .set || b == .frozenset))
    }

    /// Calls a special method if the instance's class defines it; nil when
    /// it does not, or when it returns NotImplemented.
    func callDunder(_ obj: Value, _ name: Value, _ arg: Value) throws(VMError) -> Value? {
        guard isType(obj, .instance), let m = classLookup(heap.slot(obj.objectOffset, InstanceSlot.klass), name) else { return nil }
        let r = try call(m, [obj, arg])
        return r == .notImplemented ? nil : r
    }

    func binaryDunder(_ op: BinaryOperator, reflected: Bool, inplace: Bool) -> Value {
        let variant = inplace ? 2 : (reflected ? 1 : 0)
        let index = Int(op.rawValue) * 3 + variant
        if binaryDunderNames.isEmpty { binaryDunderNames = [Value](repeating: .null, count: BinaryOperator.allCases.count * 3) }
        if !binaryDunderNames[index].isNull { return binaryDunderNames[index] }
        let names: (StaticString, StaticString, StaticString)
        switch op {
        case .add: names = ("__add__", "__radd__", "__iadd__")
        case .subtract: names = ("__sub__", "__rsub__", "__isub__")
        case .multiply: names = ("__mul__", "__rmul__", "__imul__")
        case .trueDivide: names = ("__truediv__", "__rtruediv__", "__itruediv__")
        case .floorDivide: names = ("__floordiv__", "__rfloordiv__", "__ifloordiv__")
        case .modulo: names = ("__mod__", "__rmod__", "__imod__")
        case .power: names = ("__pow__", "__rpow__", "__ipow__")
        case .lshift: names = ("__lshift__", "__rlshift__", "__ilshift__")
        case .rshift: names = ("__rshift__", "__rrshift__", "__irshift__")
        case .and: names = ("__and__", "__rand__", "__iand__")
        case .or: names = ("__or__", "__ror__", "__ior__")
        case .xor: names = ("__xor__", "__rxor__", "__ixor__")
        case .matrixMultiply: names = ("__matmul__", "__rmatmul__", "__imatmul__")
        }
        let text = variant == 0 ? names.0 : (variant == 1 ? names.1 : names.2)
        guard let name = try? internName(text) else { return s.__init__ }
        binaryDunderNames[index] = name
        return name
    }

    /// The count of `seq * n` (an int): a negative one is 0, one past 64
    /// bits OverflowError, as CPython.
    func repeatCount(_ n: Value) throws(VMError) -> Int64 {
        if let i = intOf(n) { return max(0, i) }
        if let inner = builtinValue(n) { return try repeatCount(inner) }
        guard isLong(n) else { return max(0, try indexArgument(n)) }  // an object with __index__
        let big = longValue(n)
        if big.negative { return 0 }
        guard BigInt.bitLength(big.magnitude) <= 63 else { throw IntegerRange.index.overflow(self) }
        return Int64(BigInt.extract64(big.magnitude, from: 0))
    }

    func repeatSequence(_ a: Value, _ n: Int64, inplace: Bool) throws(VMError) -> Value {
        let o = a.objectOffset
        // An empty sequence repeated any number of times is empty: no loop of n empty copies.
        let count = sequenceIsEmpty(o) ? 0 : Int(clamping: max(0, n))
        switch heap.type(o) {
        case .str, .bytes:
            let len = strByteCount(o)
            let (bytesNeeded, ov) = Int64(len).multipliedReportingOverflow(by: max(0, n))
            if ov {
                throw raise(.overflowError, heap.type(o) == .str ? "repeated string is too long" : "repeated bytes are too long")
            }
            let total = try checkedSize(bytesNeeded)
            let r = try newStrUninitialized(total, type: heap.type(o))
            let dst = heap.bytePointer(r, strDataOffset)
            for i in 0..<count { (dst + i * len).update(from: heap.bytePointer(o, strDataOffset), count: len) }
            heap.setU32(r, StrField.charCount, UInt32(strCharCount(o) * count))
            return .object(r)
        case .list:
            let len = listCount(o)
            let (slots, over) = len.multipliedReportingOverflow(by: count)
            if over || slots > heap.size / 8 { throw memoryError() }
            let r = inplace ? a : try newList(capacity: len * count)
            if inplace { try listReserve(a, len * count) }
            for k in 0..<count {
                for i in 0..<len {
                    if inplace && k == 0 { break }
                    try listAppend(r, listItem(o, i))
                }
            }
            if inplace && count == 0 { listSetCount(a, 0) }
            return r
        default:
            let len = tupleCount(o)
            let (slots, over) = len.multipliedReportingOverflow(by: count)
            if over || slots > heap.size / 8 { throw memoryError() }
            let t = try newTuple(len * count)
            for k in 0..<count {
                for i in 0..<len { heap.setSlot(t.objectOffset, TupleSlot.firstItem + k * len + i, tupleItem(o, i)) }
            }
            return t
        }
    }

    private func sequenceIsEmpty(_ o: UInt32) -> Bool {
        switch heap.type(o) {
        case .str, .bytes: return strByteCount(o) == 0
        case .list: return listCount(o) == 0
        default: return tupleCount(o) == 0
        }
    }

    func memoryError() -> VMError {
        pendingException = memoryErrorInstance
        return .exception
    }

    func unaryNegative(_ v: Value) throws(VMError) -> Value {
        if let i = intOf(v) {
            if i != Int64.min { return try newInt(-i) }
            // A board's boxed int can be -2**63, whose negation needs a long int.
            guard longIntsOn else { throw overflow() }
            return try intResult(-BigInt(i))
        }
        // isLong, not bigOf: a build without long ints then links no BigInt code for this.
        if isLong(v) { return try intResult(-longValue(v)) }
        if isFloat(v) { return try newFloat(-floatValue(v)) }
        if let r = try callDunder0(v, .__neg__) { return r }
        throw raiseAboutType(.typeError, "bad operand type for unary -: '", v, "'")
    }

    func unaryPositive(_ v: Value) throws(VMError) -> Value {
        if let i = intOf(v) { return try newInt(i) }
        if isLong(v) { return v }
        if isFloat(v) { return v }
        if let r = try callDunder0(v, .__pos__) { return r }
        throw raiseAboutType(.typeError, "bad operand type for unary +: '", v, "'")
    }

    func unaryInvert(_ v: Value) throws(VMError) -> Value {
        if let i = intOf(v) { return try newInt(~i) }
        if isLong(v) { return try intResult(~longValue(v)) }
        if let r = try callDunder0(v, .__invert__) { return r }
        throw raiseAboutType(.typeError, "bad operand type for unary ~: '", v, "'")
    }

    func callDunder0(_ obj: Value, _ name: VMName) throws(VMError) -> Value? {
        guard isType(obj, .instance), let m = classLookup(heap.slot(obj.objectOffset, InstanceSlot.klass), internStatic(name)) else { return nil }
        return try call(m, [obj])
    }

    // MARK: Truth

    /// What a __len__ returned, as len() and bool() take it, with CPython's errors.
    func lengthReturned(_ r: Value) throws(VMError) -> Int {
        var r = r
        if isType(r, .instance), let i = try callDunder0(r, .__index__), isIntegral(i) { r = i }
        if isLong(r) { throw raise(.overflowError, "cannot fit 'int' into an index-sized integer") }
        guard let n = intOf(r) else { throw raiseAboutType(.typeError, "'", r, "' object cannot be interpreted as an integer") }
        if n < 0 { throw raise(.valueError, "__len__() should return >= 0") }
        guard let length = Int(exactly: n) else { throw raise(.overflowError, "cannot fit 'int' into an index-sized integer") }
        return length
    }

    func isTruthy(_ v: Value) throws(VMError) -> Bool {
        if v.isInt { return v.intValue != 0 }
        switch v.raw {
        case Value.true.raw: return true
        case Value.false.raw, Value.none.raw: return false
        default: break
        }
        guard v.isObject else { return true }
        let o = v.objectOffset
        switch heap.type(o) {
        case .float: return floatValue(v) != 0
        case .longInt, .boxedInt: return true  // never zero: zero is a small int
        case .str, .bytes: return strByteCount(o) != 0
        case .bytearray: return byteArrayCount(o) != 0
        case .memoryview: return try memoryViewParts(v).count != 0
        case .tuple: return tupleCount(o) != 0
        case .list: return listCount(o) != 0
        case .dict, .set, .frozenset: return dictCount(v) != 0
        case .iterator where isDictView(v): return dictCount(heap.slot(o, IteratorSlot.source)) != 0
        case .range: return !rangeIsEmpty(v)
        case .instance:
            let cls = heap.slot(o, InstanceSlot.klass)
            if let m = classLookup(cls, s.__bool__) {
                let r = try call(m, [v])
                guard r.isBool else { throw raiseAboutType(.typeError, "__bool__ should return bool, returned ", r, "") }
                return r == .true
            }
            if let m = classLookup(cls, s.__len__) { return try lengthReturned(try call(m, [v])) != 0 }
            return true
        default: return true
        }
    }

    // MARK: Equality, ordering, hashing

    /// Equality of items in a container, as CPython's PyObject_RichCompareBool:
    /// an object equals itself (a NaN in a list, an instance whatever its __eq__).
    func valuesEqual(_ a: Value, _ b: Value) throws(VMError) -> Bool {
        if a.raw == b.raw { return true }
        return try equalByValue(a, b)
    }

    /// `a == b` as the operator: an instance's __eq__ runs even on itself,
    /// and a NaN is unequal to itself.
    func operatorEqual(_ a: Value, _ b: Value) throws(VMError) -> Bool {
        if a.raw == b.raw && !(a.isObject && (heap.type(a.objectOffset) == .instance || heap.type(a.objectOffset) == .float)) {
            return true
        }
        return try equalByValue(a, b)
    }

    func equalByValue(_ a: Value, _ b: Value) throws(VMError) -> Bool {
        if a.raw == b.raw && !a.isObject { return true }
        if let x = intOf(a), let y = intOf(b) { return x == y }
        if let x = doubleOf(a), let y = doubleOf(b) {
            if let i = intOf(a) { return exactIntFloatEqual(i, y) }
            if let j = intOf(b) { return exactIntFloatEqual(j, x) }
            return x == y
        }
        if isLong(a) || isLong(b) {
            if let x = bigOf(a), let y = bigOf(b) { return x == y }
            let d = isFloat(a) ? floatValue(a) : (isFloat(b) ? floatValue(b) : Double.nan)
            if let x = bigOf(isFloat(a) ? b : a), let y = BigInt(exactly: d) { return x == y }
            if !d.isNaN { return false }
        }
        guard a.isObject && b.isObject else {
            if isType(a, .instance) || isType(b, .instance) { return try instanceEquality(a, b) }
            return false
        }
        let ta = heap.type(a.objectOffset), tb = heap.type(b.objectOffset)
        if ta == .instance || tb == .instance { return try instanceEquality(a, b) }
        if ta == .memoryview || tb == .memoryview {  // with bytes-like objects, by the bytes shown
            guard let x = try bufferBytes(a), let y = try bufferBytes(b) else { return false }
            return x == y
        }
        if let x = byteView(a), let y = byteView(b) {
            return x.count == y.count && (x.count == 0 || memEqual(x.baseAddress!, y.baseAddress!, x.count))
        }
        if (ta == .set || ta == .frozenset || isSetLikeView(a)) && (tb == .set || tb == .frozenset || isSetLikeView(b)) {
            guard setsOn else { throw leftOut("set", "set") }
            // Sets, frozensets and keys or items views compare as sets.
            let x = try asSet(a)
            root(x); defer { unroot() }
            let y = try asSet(b)
            return dictCount(x) == dictCount(y) ? try setIsSubset(x, y) : false
        }
        guard ta == tb else { return false }
        if ta == .str || ta == .bytes { return strEqual(a.objectOffset, b.objectOffset) }
        try enterNested("maximum recursion depth exceeded in comparison")
        defer { leaveNested() }
        switch ta {
        case .tuple, .list:
            let x = sequenceItems(a)!, y = sequenceItems(b)!
            if x.count != y.count { return false }
            var i = 0
            while i < sequenceItems(a)!.count && i < sequenceItems(b)!.count {
                if try !valuesEqual(sequenceItems(a)![i], sequenceItems(b)![i]) { return false }
                i += 1
            }
            return sequenceItems(a)!.count == sequenceItems(b)!.count
        case .slice:  // as the tuples (start, stop, step)
            for i in 0..<SliceSlot.slotCount where try !valuesEqual(heap.slot(a.objectOffset, i), heap.slot(b.objectOffset, i)) { return false }
            return true
        case .dict:
            if dictCount(a) != dictCount(b) { return false }
            var equal = true
            try dictForEach(a) { (k, v) throws(VMError) in
                guard equal else { return }
                guard let w = try dictGet(b, k), try valuesEqual(v, w) else { equal = false; return }
            }
            return equal
        case .set where setsOn:
            if dictCount(a) != dictCount(b) { return false }
            return try setIsSubset(a, b)
        case .range:
            return try rangesEqual(a, b)
        default: return false
        }
    }

    func exactIntFloatEqual(_ i: Int64, _ d: Double) -> Bool {
        guard d.isFinite, d == d.rounded(.towardZero) else { return false }
        guard d >= -9.223372036854775808e18 && d < 9.223372036854775808e18 else { return false }
        return Int64(d) == i
    }

    func instanceEquality(_ a: Value, _ b: Value) throws(VMError) -> Bool {
        if let r = try richCompare(a, b, s.__eq__, s.__eq__) { return try isTruthy(r) }
        return try declinedEquality(a, b)
    }

    /// == when every __eq__ declined: identity, or for instances of subclasses of
    /// built-in types the values they hold (I(1) == 1.0, as float's __eq__ would say).
    func declinedEquality(_ a: Value, _ b: Value) throws(VMError) -> Bool {
        let x = plainValue(a), y = plainValue(b)
        if x.raw != a.raw || y.raw != b.raw { return try equalByValue(x, y) }
        return a.raw == b.raw
    }

    /// Three-way comparison for ordering; nil when the types do not order.
    func orderCompare(_ a: Value, _ b: Value) throws(VMError) -> Int? {
        if let x = intOf(a), let y = intOf(b) { return x < y ? -1 : (x == y ? 0 : 1) }
        if let x = doubleOf(a), let y = doubleOf(b) {
            if x.isNaN || y.isNaN { return 2 }  // unordered: every comparison false
            return x < y ? -1 : (x == y ? 0 : 1)
        }
        if isLong(a) || isLong(b) {
            if let x = bigOf(a), let y = bigOf(b) { return x < y ? -1 : (x == y ? 0 : 1) }
            if isFloat(a) || isFloat(b) {
                let d = isFloat(a) ? floatValue(a) : floatValue(b)
                let big = bigOf(isFloat(a) ? b : a)!
                if d.isNaN { return 2 }
                // Compare the int with the float's integer part, then its fraction.
                var c: Int
                if d.isInfinite {
                    c = d > 0 ? -1 : 1
                } else {
                    let t = BigInt(truncating: d)!
                    c = big < t ? -1 : (big == t ? 0 : 1)
                    if c == 0 && d != d.rounded(.towardZero) { c = d > 0 ? -1 : 1 }
                }
                return isFloat(a) ? -c : c
            }
        }
        guard a.isObject && b.isObject else { return nil }
        if let x = byteView(a), let y = byteView(b) {
            let n = min(x.count, y.count)
            for i in 0..<n where x[i] != y[i] { return x[i] < y[i] ? -1 : 1 }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        }
        let ta = heap.type(a.objectOffset), tb = heap.type(b.objectOffset)
        guard ta == tb else { return nil }
        switch ta {
        case .str, .bytes: return strCompare(a.objectOffset, b.objectOffset)
        case .slice:  // as the tuples (start, stop, step)
            func fields(_ v: Value) throws(VMError) -> Value {
                try newTuple([heap.slot(v.objectOffset, SliceSlot.start), heap.slot(v.objectOffset, SliceSlot.stop), heap.slot(v.objectOffset, SliceSlot.step)])
            }
            let x = try fields(a)
            root(x); defer { unroot() }
            let y = try fields(b)
            root(y); defer { unroot() }
            return try orderCompare(x, y)
        case .tuple, .list:
            try enterNested("maximum recursion depth exceeded in comparison")
            defer { leaveNested() }
            var i = 0
            while true {
                let na = sequenceItems(a)!.count, nb = sequenceItems(b)!.count
                if i >= na || i >= nb { return na == nb ? 0 : (na < nb ? -1 : 1) }
                let x = sequenceItems(a)![i], y = sequenceItems(b)![i]
                if try !valuesEqual(x, y) {
                    guard let c = try orderCompare(x, y) else { throw unorderable("<", x, y) }
                    return c
                }
                i += 1
            }
        default: return nil
        }
    }

    func unorderable(_ op: StaticString, _ a: Value, _ b: Value) -> VMError {
        guard BuiltFeatures.errorMessages else { return raiseBare(.typeError) }
        var m = bytes("'") + bytes(op) + bytes("' not supported between instances of '")
        m += typeName(a) + bytes("' and '") + typeName(b) + bytes("'")
        return raise(.typeError, m)
    }

    func compareOperation(_ op: CompareOperator, _ a: Value, _ b: Value) throws(VMError) -> Value {
        // Two strs (not a subclass's instances, which are .instance) compare here, before
        // the checks for the other types (mixed 2%).
        if a.isObject && b.isObject && heap.type(a.objectOffset) == .str && heap.type(b.objectOffset) == .str {
            let x = a.objectOffset, y = b.objectOffset
            switch op {
            case .equal: return .bool(strEqual(x, y))
            case .notEqual: return .bool(!strEqual(x, y))
            case .less: return .bool(strCompare(x, y) < 0)
            case .lessEqual: return .bool(strCompare(x, y) <= 0)
            case .greater: return .bool(strCompare(x, y) > 0)
            case .greaterEqual: return .bool(strCompare(x, y) >= 0)
            default: break
            }
        }
        switch op {
        case .equal:
            // An instance's __eq__ may return any object, and == gives it as it is.
            if isType(a, .instance) || isType(b, .instance) {
                if let r = try richCompare(a, b, s.__eq__, s.__eq__) { return r }
                return .bool(try declinedEquality(a, b))
            }
            return .bool(try operatorEqual(a, b))
        case .notEqual:
            if isType(a, .instance) || isType(b, .instance), let r = try richCompare(a, b, internStatic(.__ne__), internStatic(.__ne__)) { return r }
            return .bool(try !operatorEqual(a, b))
        case .isIdentical: return .bool(a.raw == b.raw)
        case .isNotIdentical: return .bool(a.raw != b.raw)
        case .contains: return .bool(try contains(b, a))
        case .notContains: return .bool(try !contains(b, a))
        default: break
        }
        if (isAnySet(a) || isSetLikeView(a)) && (isAnySet(b) || isSetLikeView(b)) {
            // Keys and items views order as the sets they hold.
            let a = try asSet(a)
            root(a); defer { unroot() }
            let b = try asSet(b)
            root(b); defer { unroot() }
            switch op {
            case .lessEqual: return .bool(try setIsSubset(a, b))
            case .less: return dictCount(a) < dictCount(b) ? .bool(try setIsSubset(a, b)) : .false
            case .greaterEqual: return .bool(try setIsSubset(b, a))
            default: return dictCount(b) < dictCount(a) ? .bool(try setIsSubset(b, a)) : .false
            }
        }
        if isType(a, .instance) || isType(b, .instance) {
            let (name, reflected): (StaticString, StaticString)
            switch op {
            case .less: (name, reflected) = ("__lt__", "__gt__")
            case .lessEqual: (name, reflected) = ("__le__", "__ge__")
            case .greater: (name, reflected) = ("__gt__", "__lt__")
            default: (name, reflected) = ("__ge__", "__le__")
            }
            if let r = try richCompare(a, b, internStatic(name), internStatic(reflected)) { return r }
        }
        // Instances of subclasses of built-in types whose methods declined (int's with a float)
        // order as the values they hold, as the other operand's reflected method would.
        var order = try orderCompare(a, b)
        if order == nil && (isType(a, .instance) || isType(b, .instance)) { order = try orderCompare(plainValue(a), plainValue(b)) }
        guard let c = order else { throw unorderable(op.symbol, a, b) }
        if c == 2 { return .false }
        switch op {
        case .less: return .bool(c < 0)
        case .lessEqual: return .bool(c <= 0)
        case .greater: return .bool(c > 0)
        default: return .bool(c >= 0)
        }
    }

    func hashValue(_ v: Value) throws(VMError) -> Int64 {
        if let i = intOf(v) { return hashInt(i) }
        if v.isNone { return 0x5EED }
        guard v.isObject else { return Int64(v.raw >> 3) }  // a singleton's or native's number
        let o = v.objectOffset
        switch heap.type(o) {
        case .str, .bytes: return strHash(o)
        case .longInt: return longValue(v).pythonHash()
        case .float:
            let d = floatValue(v)
            if d.isFinite && d == d.rounded(.towardZero) && abs(d) < 9.2e18 { return hashInt(Int64(d)) }
            if d.isNaN { return Int64(o) }  // as CPython 3.10: by identity
            return hashDouble(d)
        case .tuple:
            try enterNested("maximum recursion depth exceeded")
            defer { leaveNested() }
            var h: Int64 = 0x345678
            for item in tupleItems(o) {
                h = (h ^ (try hashValue(item))) &* 1000003
            }
            h &= 0x3FFF_FFFF_FFFF_FFFF
            return h == -1 ? -2 : h
        case .list, .dict, .set, .bytearray, .slice:  // slices became hashable only in 3.12
            throw raiseAboutType(.typeError, "unhashable type: '", v, "'")
        case .iterator where isDictView(v):
            throw raiseAboutType(.typeError, "unhashable type: '", v, "'")
        case .memoryview:
            return try memoryViewHash(v)
        case .range:
            return try rangeHash(v)
        case .frozenset:
            // Equal frozensets hash the same whatever their order: a sum of mixed element hashes.
            var h: Int64 = 1927868237 &* Int64(dictCount(v) + 1)
            try dictForEach(v) { (k, _) throws(VMError) in
                let e = try hashValue(k)
                h = h &+ ((e ^ (e << 16) ^ 89869747) &* 3644798167)
            }
            h &= 0x3FFF_FFFF_FFFF_FFFF
            return h == -1 ? -2 : h
        case .instance:
            let cls = heap.slot(o, InstanceSlot.klass)
            if let m = classLookup(cls, s.__hash__) {
                if m.isNone { throw raiseAboutType(.typeError, "unhashable type: '", v, "'") }
                let r = try call(m, [v])
                // As CPython: an int that fits 64 bits is the hash itself, a larger one's hash is used.
                if let h = int64Of(r) { return h == -1 ? -2 : h }
                guard isLong(r) else { throw raise(.typeError, "__hash__ method should return an integer") }
                return longValue(r).pythonHash()
            }
            return Int64(o >> 3)
        default:
            return Int64(o >> 3)
        }
    }

    /// hash(v) and v.__hash__() as an int object.
    func hashObject(_ v: Value) throws(VMError) -> Value {
        let h = try hashValue(v)
        // Without long ints a 32-bit board's hashes have 32 bits, as on a 32-bit CPython.
        if BuiltFeatures.boxedInts && !longIntsOn {
            let h32 = Int64(Int32(truncatingIfNeeded: h))
            return try newInt(h32 == -1 ? -2 : h32)
        }
        return try newInt(h)
    }

    /// CPython's int hash for values within 63 bits: the value modulo 2**61 - 1, -1 becoming -2.
    /// CPython's hash of a float: the number modulo 2**61 - 1, so that a
    /// float equal to an int, of any size, hashes as the int does.
    func hashDouble(_ d: Double) -> Int64 {
        if d.isInfinite { return d > 0 ? 314159 : -314159 }
        if d == 0 { return 0 }
        let p: UInt64 = (1 << 61) - 1
        var m = d.magnitude.significand / 2  // d = m * 2**e, m in [0.5, 1)
        var e = Int(d.exponent) + 1
        var x: UInt64 = 0
        while m != 0 {
            // 28 bits of the mantissa at a time, the sum rotated within 61 bits.
            x = ((x << 28) & p) | (x >> 33)
            m *= 268_435_456.0
            e -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= p { x -= p }
        }
        e = e >= 0 ? e % 61 : 60 - ((-1 - e) % 61)
        x = ((x << UInt64(e)) & p) | (x >> UInt64(61 - e))
        var h = Int64(x)
        if d < 0 { h = -h }
        return h == -1 ? -2 : h
    }

    func hashInt(_ i: Int64) -> Int64 {
        let p: Int64 = (1 << 61) - 1
        var h = i % p
        if h == -1 { h = -2 }
        return h
    }

    // MARK: Containment

    func contains(_ container: Value, _ item: Value) throws(VMError) -> Bool {
        guard container.isObject else {
            throw raiseAboutType(.typeError, "argument of type '", container, "' is not iterable")
        }
        let o = container.objectOffset
        switch heap.type(o) {
        case .klass where metaclassOf(container) != nil:
            if let r = try callMetaclassDunder(container, "__contains__", [item]) { return try isTruthy(r) }
            let it = try getIterator(container)  // the metaclass's __iter__, as CPython falls back on
            root(it); defer { unroot() }
            while let x = try iteratorNext(it) { if try valuesEqual(x, item) { return true } }
            return false
        case .bytes, .bytearray:
            if let n = try byteNumber(item) { return byteView(container)!.contains(n) }
            let needle = try bytesLike(item)
            return needle.withUnsafeBufferPointer { findBytes(UnsafeBufferPointer(byteView(container)!), $0, from: 0) != nil }
        case .str:
            let item = plainValue(item)
            guard isType(item, heap.type(o)) else {
                throw raiseAboutType(.typeError, "'in <string>' requires string as left operand, not ", item, "")
            }
            return findBytes(strBuffer(o), strBuffer(item), from: 0) != nil
        case .tuple, .list:
            var i = 0
            while let items = sequenceItems(container), i < items.count {
                if try valuesEqual(items[i], item) { return true }
                i += 1
            }
            return false
        case .dict, .set, .frozenset:
            let h = try hashValue(item)
            return try dictFind(container, item, hash: h) >= 0
        case .range:
            return try rangeContains(container, item)
        case .instance:
            if let m = classLookup(heap.slot(o, InstanceSlot.klass), s.__contains__) { return try isTruthy(try call(m, [container, item])) }
            fallthrough
        default:
            let it = try getIterator(container)
            root(it); defer { unroot() }
            while let v = try iteratorNext(it) {
                if try valuesEqual(v, item) { return true }
            }
            return false
        }
    }

    // MARK: Exceptions as values

    func exceptionMatches(_ exc: Value, _ type: Value) throws(VMError) -> Bool {
        if isType(type, .tuple) {
            for t in tupleItems(type.objectOffset) where try exceptionMatches(exc, t) { return true }
            return false
        }
        guard isClass(type), isSubclass(type, exceptionClass(.baseException)) else {
            throw raise(.typeError, "catching classes that do not inherit from BaseException is not allowed")
        }
        return isInstance(exc, type)
    }

    /// What `raise X` raises: an instance as is, a class instantiated.
    func makeExceptionToRaise(_ v: Value) throws(VMError) -> Value {
        if isClass(v) && isSubclass(v, exceptionClass(.baseException)) {
            let e = try call(v, [])
            guard isExceptionInstance(e) else { throw raise(.typeError, "exceptions must derive from BaseException") }
            return e
        }
        guard isExceptionInstance(v) else { throw raise(.typeError, "exceptions must derive from BaseException") }
        return v
    }

    // MARK: Unpacking

    func unpackSequence(count n: Int) throws(VMError) {
        let seq = stack[sp - 1]
        if let items = sequenceItems(seq) {
            guard items.count == n else { throw unpackCountError(expected: n, got: items.count, atLeast: false) }
            sp -= 1
            try ensureStack(n)
            for i in 0..<n { stack[sp + n - 1 - i] = items[i] }
            sp += n
            return
        }
        guard isIterable(seq) else { throw raiseAboutType(.typeError, "cannot unpack non-iterable ", seq, " object") }
        let values = try collect(seq)
        guard values.count == n else { throw unpackCountError(expected: n, got: values.count, atLeast: false) }
        sp -= 1
        try ensureStack(n)
        for i in 0..<n { stack[sp + n - 1 - i] = values[i] }
        sp += n
    }

    func unpackStarred(before: Int, after: Int) throws(VMError) {
        guard isIterable(stack[sp - 1]) else { throw raiseAboutType(.typeError, "cannot unpack non-iterable ", stack[sp - 1], " object") }
        let all = try newList(of: stack[sp - 1])
        root(all); defer { unroot() }
        let values = Array(listItems(all.objectOffset))
        guard values.count >= before + after else {
            throw unpackCountError(expected: before + after, got: values.count, atLeast: true)
        }
        let middle = try newList(Array(values[before..<(values.count - after)]))
        sp -= 1
        try ensureStack(before + after + 1)
        var out: [Value] = Array(values[0..<before])
        out.append(middle)
        out += values[(values.count - after)...]
        for v in out.reversed() { push(v) }
    }

    func unpackCountError(expected: Int, got: Int, atLeast: Bool) -> VMError {
        guard BuiltFeatures.errorMessages else { return raiseBare(.valueError) }
        if got < expected {
            var m = bytes("not enough values to unpack (expected ")
            if atLeast { m += bytes("at least ") }
            m += decimal(expected) + bytes(", got ") + decimal(got) + bytes(")")
            return raise(.valueError, m)
        }
        return raise(.valueError, bytes("too many values to unpack (expected ") + decimal(expected) + bytes(")"))
    }

    /// All items of an iterable. The items are rooted while collecting but
    /// not afterwards: allocate nothing before they are stored somewhere.
    func collect(_ iterable: Value) throws(VMError) -> [Value] {
        if let items = sequenceItems(iterable) { return Array(items) }
        let l = try newList(of: iterable)
        root(l); defer { unroot() }
        return Array(listItems(l.objectOffset))
    }
}
