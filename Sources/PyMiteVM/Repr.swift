// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// str() and repr() of every value, written into a byte buffer. Floats
// use the shortest digits that read back to the same double (FloatText),
// laid out as Python 3 does.

extension VM {
    func strValue(_ v: Value) throws(VMError) -> Value {
        if isStr(v) { return v }
        if v.isInt { return try decimalStr(v.intValue) }
        var out: [UInt8] = []
        try appendText(v, &out, repr: false)
        return try newStr(out)
    }

    /// str(n) of a small int, its digits written where the str lives.
    func decimalStr(_ n: Int64) throws(VMError) -> Value {
        let count = decimalCount(n)
        let o = try newStrUninitialized(count)
        writeDecimal(n, into: heap.bytePointer(o, strDataOffset), count: count)
        return .object(o)
    }

    func reprValue(_ v: Value) throws(VMError) -> Value {
        var out: [UInt8] = []
        try appendText(v, &out, repr: true)
        return try newStr(out)
    }

    /// Appends str(v) or repr(v). Text past the heap's size could never be
    /// kept, so the host buffer stops there (MemoryError), one item over at most.
    func appendText(_ v: Value, _ out: inout [UInt8], repr: Bool) throws(VMError) {
        if out.count > heap.size { throw memoryError() }
        if let i = v.isInt ? v.intValue : nil { out += decimal(i); return }
        switch v.raw {
        case Value.none.raw: out += bytes("None"); return
        case Value.true.raw: out += bytes("True"); return
        case Value.false.raw: out += bytes("False"); return
        case Value.ellipsis.raw: out += bytes("Ellipsis"); return
        case Value.notImplemented.raw: out += bytes("NotImplemented"); return
        default: break
        }
        if v.isNativeFunction {
            out += bytes("<built-in function ") + bytes(nativeFunctionName(v)) + bytes(">")
            return
        }
        guard v.isObject else { out += bytes("<null>"); return }
        let o = v.objectOffset
        if heap.isBeingPrinted(o) {
            switch heap.type(o) {
            case .list: out += bytes("[...]")
            case .dict: out += bytes("{...}")
            default: out += bytes("...")
            }
            return
        }
        // Nested containers recurse here in C: deep nesting ends in RecursionError.
        try enterNested("maximum recursion depth exceeded while getting the repr of an object")
        defer { leaveNested() }
        switch heap.type(o) {
        case .str:
            if repr { appendStrRepr(strBuffer(o), &out) } else { out += strBuffer(o) }
        case .tuple, .list:
            let isList = heap.type(o) == .list
            heap.setBeingPrinted(o, true)
            defer { heap.setBeingPrinted(o, false) }
            out.append(isList ? UInt8(ascii: "[") : UInt8(ascii: "("))
            var i = 0
            while let items = sequenceItems(v), i < items.count {
                if i > 0 { out += bytes(", ") }
                try appendText(items[i], &out, repr: true)
                i += 1
            }
            if !isList && i == 1 { out.append(UInt8(ascii: ",")) }
            out.append(isList ? UInt8(ascii: "]") : UInt8(ascii: ")"))
        case .dict, .set, .frozenset:
            let isDict = heap.type(o) == .dict, frozen = heap.type(o) == .frozenset
            if !isDict && dictCount(v) == 0 { out += bytes(frozen ? "frozenset()" : "set()"); return }
            if frozen { out += bytes("frozenset(") }
            defer { if frozen { out.append(UInt8(ascii: ")")) } }
            heap.setBeingPrinted(o, true)
            defer { heap.setBeingPrinted(o, false) }
            out.append(UInt8(ascii: "{"))
            var first = true
            try dictForEach(v) { (k, val) throws(VMError) in
                if !first { out += bytes(", ") }
                first = false
                try appendText(k, &out, repr: true)
                if isDict {
                    out += bytes(": ")
                    try appendText(val, &out, repr: true)
                }
            }
            out.append(UInt8(ascii: "}"))
        case .instance:
            try appendInstanceText(v, &out, repr: repr)
        case .klass where metaclassOf(v) != nil:
            // The metaclass's __str__ or __repr__ (str() falls back on repr, as object.__str__ does).
            var r = repr ? nil : try callMetaclassDunder(v, "__str__")
            if r == nil { r = try callMetaclassDunder(v, "__repr__") }
            if let r {
                guard isStr(r) else { throw raiseAboutType(.typeError, "__repr__ returned non-string (type ", r, ")") }
                out += strBuffer(r)
            } else {
                try appendOtherText(v, &out)
            }
        default:
            try appendOtherText(v, &out)
        }
    }

    /// The text of the objects that hold no others to print but themselves
    /// (numbers, bytes, classes, functions, iterators, ...). Apart from
    /// `appendText`, so that the recursion through nested containers runs
    /// in small C stack frames (about 1 KiB each on a Cortex-M0 otherwise).
    @inline(never)
    func appendOtherText(_ v: Value, _ out: inout [UInt8]) throws(VMError) {
        let o = v.objectOffset
        switch heap.type(o) {
        case .float: out += floatRepr(floatValue(v))
        case .longInt, .boxedInt:
            let (negative, digits) = intDigits(v, base: 10)!
            if negative { out.append(UInt8(ascii: "-")) }
            out += digits
        case .bytes: appendBytesRepr(strBuffer(o), &out)
        case .bytearray:
            out += bytes("bytearray(")
            appendBytesRepr(UnsafeBufferPointer(byteView(v)!), &out)
            out += bytes(")")
        case .range:
            try appendRangeRepr(v, &out)
        case .klass:
            out += bytes("<class '")
            if builtinKind(ofClass: v) == nil, let m = classModule(v), strArray(m) != bytes("builtins") {
                out += strBuffer(m)
                out.append(UInt8(ascii: "."))
            }
            // Its __qualname__ (Outer.Inner), which the class statement put in its namespace.
            let ns = heap.slot(o, ClassSlot.namespace)
            if builtinKind(ofClass: v) == nil, ns.isObject, let q = dictGetStr(ns, s.__qualname__), isStr(q) {
                out += strBuffer(q)
            } else {
                out += className(v)
            }
            out += bytes("'>")
        case .function:
            out += bytes("<function ") + strArray(heap.slot(o, FunctionSlot.qualname)) + bytes(" at ") + address(o) + bytes(">")
        case .boundMethod:
            let f = heap.slot(o, BoundMethodSlot.function)
            if f.isNativeFunction {  // <built-in method append of list object at 0x...>
                let receiver = heap.slot(o, BoundMethodSlot.receiver)
                out += bytes("<built-in method ") + Array(nativeFunctionName(f)) + bytes(" of ") + typeName(receiver) + bytes(" object at ")
                out += address(receiver.isObject ? receiver.objectOffset : UInt32(truncatingIfNeeded: receiver.raw >> 3)) + bytes(">")
                return
            }
            out += bytes("<bound method ")
            if isType(f, .function) { out += strArray(heap.slot(f.objectOffset, FunctionSlot.qualname)) }
            out += bytes(" of ")
            try appendText(heap.slot(o, BoundMethodSlot.receiver), &out, repr: true)
            out += bytes(">")
        case .module:
            out += bytes("<module '") + strArray(heap.slot(o, ModuleSlot.name))
            out += v == sysModule || nativeModuleKind(v) != nil ? bytes("' (built-in)>") : bytes("'>")
        case .generator:
            out += bytes("<generator object ") + strArray(heap.slot(heap.slot(o, GeneratorSlot.function).objectOffset, FunctionSlot.name)) + bytes(" at ") + address(o) + bytes(">")
        case .iterator:
            let kind = iteratorKind(v)
            switch kind {
            case .keysView, .valuesView, .itemsView:
                out += bytes(kind == .keysView ? "dict_keys([" : kind == .valuesView ? "dict_values([" : "dict_items([")
                let it = try getIterator(v)
                root(it); defer { unroot() }
                var first = true
                while let x = try iteratorNext(it) {
                    if !first { out += bytes(", ") }
                    first = false
                    try appendText(x, &out, repr: true)
                }
                out += bytes("])")
            default:
                out += bytes("<") + bytes(iteratorTypeName(v)) + bytes(" object at ") + address(o) + bytes(">")
            }
        case .slice:
            out += bytes("slice(")
            try appendText(heap.slot(o, SliceSlot.start), &out, repr: true); out += bytes(", ")
            try appendText(heap.slot(o, SliceSlot.stop), &out, repr: true); out += bytes(", ")
            try appendText(heap.slot(o, SliceSlot.step), &out, repr: true); out += bytes(")")
        case .cell:
            out += bytes("<cell at ") + address(o) + bytes(">")
        case .code:
            appendCodeObjectText(v, &out)
        case .memoryview:
            let released = heap.slot(o, MemoryViewSlot.source).isNone
            out += bytes(released ? "<released memory at " : "<memory at ") + address(o) + bytes(">")
        case .pin:
            out += bytes("Pin(") + decimal(pinNumber(v)) + bytes(")")
        case .uart:
            out += bytes("UART(0, baudrate=") + decimal(Int(hooks.board.uartBaud())) + bytes(")")
        case .adc:
            out += bytes("ADC(") + decimal(adcChannel(v)) + bytes(")")
        default:
            out += bytes("<") + typeName(v) + bytes(" object at ") + address(o) + bytes(">")
        }
    }

    func appendInstanceText(_ v: Value, _ out: inout [UInt8], repr: Bool) throws(VMError) {
        let o = v.objectOffset
        let cls = heap.slot(o, InstanceSlot.klass)
        let strMethod = repr ? nil : classLookup(cls, s.__str__)
        if let m = strMethod ?? classLookup(cls, s.__repr__) {
            let r = try call(m, [v])
            guard isStr(r) else {
                throw raise(.typeError, bytes(repr ? "__repr__" : "__str__") + bytes(" returned non-string (type ") + typeName(r) + bytes(")"))
            }
            out += strBuffer(r)
            return
        }
        try appendPlainInstanceText(v, &out, repr: repr)
    }

    /// An instance's text without its class's __str__ or __repr__: an exception's
    /// message or repr, else `<module.Class object at 0x...>` (object's and BaseException's own).
    func appendPlainInstanceText(_ v: Value, _ out: inout [UInt8], repr: Bool) throws(VMError) {
        let o = v.objectOffset
        let cls = heap.slot(o, InstanceSlot.klass)
        if isExceptionInstance(v) {
            let args = exceptionArgs(v)
            let n = args.map { tupleCount($0.objectOffset) } ?? 0
            if repr {
                out += className(cls)
                if n == 1 {
                    out += bytes("(")
                    try appendText(tupleItem(args!.objectOffset, 0), &out, repr: true)
                    out += bytes(")")
                } else if let a = args {
                    try appendText(a, &out, repr: true)
                } else {
                    out += bytes("()")
                }
                return
            }
            if BuiltFeatures.errorMessages && config.errorMessages, n == 5, isSubclass(cls, exceptionClass(.unicodeError)), try unicodeErrorText(v, &out) { return }
            if n >= 2, isSubclass(cls, exceptionClass(.osError)), let errno = dictGetStr(instanceDict(v), internStatic(.errno)),
               !errno.isNone, let strerror = dictGetStr(instanceDict(v), internStatic(.strerror)) {
                // [Errno 2] No such file or directory: 'name'
                out += bytes("[Errno ")
                try appendText(errno, &out, repr: false)
                out += bytes("] ")
                try appendText(strerror, &out, repr: false)
                if let filename = dictGetStr(instanceDict(v), internStatic(.filename)), !filename.isNone {
                    out += bytes(": ")
                    try appendText(filename, &out, repr: true)
                    if let second = dictGetStr(instanceDict(v), internStatic(.filename2)), !second.isNone {
                        out += bytes(" -> ")
                        try appendText(second, &out, repr: true)
                    }
                }
                return
            }
            if n == 2, case let place = tupleItem(args!.objectOffset, 1), isType(place, .tuple), tupleCount(place.objectOffset) >= 2,
               isSubclass(cls, try exceptionClassMade(.syntaxError)) {
                // invalid syntax (<string>, line 1)
                try appendText(tupleItem(args!.objectOffset, 0), &out, repr: false)
                out += bytes(" (")
                try appendText(tupleItem(place.objectOffset, 0), &out, repr: false)
                out += bytes(", line ")
                try appendText(tupleItem(place.objectOffset, 1), &out, repr: false)
                out += bytes(")")
                return
            }
            if n == 1 {
                // KeyError shows its key as a repr.
                let keyError = isSubclass(cls, exceptionClass(.keyError))
                try appendText(tupleItem(args!.objectOffset, 0), &out, repr: keyError)
            } else if n > 1 {
                try appendText(args!, &out, repr: true)
            }
            return
        }
        out += bytes("<")
        if let m = classModule(cls) {
            out += strBuffer(m)
            out.append(UInt8(ascii: "."))
        }
        out += className(cls) + bytes(" object at ") + address(o) + bytes(">")
    }

    func address(_ o: UInt32) -> [UInt8] { bytes("0x") + hexDigits(UInt64(o) + 0x10000, upper: false) }

    /// ascii(): repr with every non-ASCII character escaped.
    func asciiRepr(_ v: Value) throws(VMError) -> Value {
        var text: [UInt8] = []
        try appendText(v, &text, repr: true)
        var out: [UInt8] = []
        text.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                if b[i] < 0x80 { out.append(b[i]); i += 1; continue }
                let cp = decodeUTF8(b, i)
                i += utf8Step(b, i)
                out += escapedCodePoint(cp)
            }
        }
        return try newStr(out)
    }

    func appendStrRepr(_ b: UnsafeBufferPointer<UInt8>, _ out: inout [UInt8]) {
        let quote = reprQuote(b)
        out.append(quote)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c >= 0x80 {
                let n = utf8Step(b, i)
                let cp = decodeUTF8(b, i)
                if isPrintable(cp) { out += b[i..<(i + n)] } else { out += escapedCodePoint(cp) }
                i += n
                continue
            }
            if !appendSimpleEscape(c, quote: quote, &out) {
                if c < 0x20 || c == 0x7F { out += bytes("\\x") + hexByte(c) } else { out.append(c) }
            }
            i += 1
        }
        out.append(quote)
    }

    func appendBytesRepr(_ b: UnsafeBufferPointer<UInt8>, _ out: inout [UInt8]) {
        let quote = reprQuote(b)
        out.append(UInt8(ascii: "b"))
        out.append(quote)
        for c in b {
            if !appendSimpleEscape(c, quote: quote, &out) {
                if c < 0x20 || c >= 0x7F { out += bytes("\\x") + hexByte(c) } else { out.append(c) }
            }
        }
        out.append(quote)
    }

    /// The quote repr() puts around a str or bytes: ' unless the text holds
    /// a ' and no ".
    func reprQuote(_ b: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var hasSingle = false, hasDouble = false
        for c in b {
            if c == UInt8(ascii: "'") { hasSingle = true }
            if c == UInt8(ascii: "\"") { hasDouble = true }
        }
        return hasSingle && !hasDouble ? UInt8(ascii: "\"") : UInt8(ascii: "'")
    }

    /// Appends repr()'s escape for a backslash, newline, return, tab or the
    /// quote; false (appending nothing) for any other byte.
    func appendSimpleEscape(_ c: UInt8, quote: UInt8, _ out: inout [UInt8]) -> Bool {
        switch c {
        case UInt8(ascii: "\\"): out += bytes("\\\\")
        case UInt8(ascii: "\n"): out += bytes("\\n")
        case UInt8(ascii: "\r"): out += bytes("\\r")
        case UInt8(ascii: "\t"): out += bytes("\\t")
        case quote: out.append(UInt8(ascii: "\\")); out.append(c)
        default: return false
        }
        return true
    }

    // MARK: Floats

    /// Python's repr of a float: shortest round-tripping digits.
    func floatRepr(_ d: Double) -> [UInt8] {
        if d.isNaN { return bytes("nan") }
        if d.isInfinite { return d < 0 ? bytes("-inf") : bytes("inf") }
        if d == 0 { return d.sign == .minus ? bytes("-0.0") : bytes("0.0") }
        var (digits, exponent) = FloatText.shortest(d)
        let negative = d.sign == .minus
        while digits.count > 1 && digits.last == UInt8(ascii: "0") { digits.removeLast() }
        var out: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        if exponent >= -4 && exponent < 16 {
            if exponent >= 0 {
                for i in 0...exponent { out.append(i < digits.count ? digits[i] : UInt8(ascii: "0")) }
                out.append(UInt8(ascii: "."))
                if digits.count > exponent + 1 { out += digits[(exponent + 1)...] } else { out.append(UInt8(ascii: "0")) }
            } else {
                out += bytes("0.")
                for _ in 0..<(-exponent - 1) { out.append(UInt8(ascii: "0")) }
                out += digits
            }
        } else {
            out.append(digits[0])
            if digits.count > 1 { out.append(UInt8(ascii: ".")); out += digits[1...] }
            out.append(UInt8(ascii: "e"))
            out.append(exponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let e = decimal(Int64(abs(exponent)))
            if e.count < 2 { out.append(UInt8(ascii: "0")) }
            out += e
        }
        return out
    }
}

// MARK: - Integer text

func decimal(_ n: Int64) -> [UInt8] {
    let count = decimalCount(n)
    return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
        writeDecimal(n, into: buffer.baseAddress!, count: count)
        initialized = count
    }
}

/// How many characters n's decimal text has (its sign included).
func decimalCount(_ n: Int64) -> Int {
    var digits = 1, m = n.magnitude
    while m >= 10 { m /= 10; digits += 1 }
    return digits + (n < 0 ? 1 : 0)
}

/// n's decimal text, `count` (decimalCount) characters at `out`, written from the end.
func writeDecimal(_ n: Int64, into out: UnsafeMutablePointer<UInt8>, count: Int) {
    var m = n.magnitude, i = count
    repeat { i -= 1; out[i] = UInt8(48 + m % 10); m /= 10 } while m > 0
    if n < 0 { out[0] = UInt8(ascii: "-") }
}

func decimal(_ n: Int) -> [UInt8] { decimal(Int64(n)) }

func hexDigits(_ n: UInt64, upper: Bool) -> [UInt8] {
    if n == 0 { return [UInt8(ascii: "0")] }
    let table: StaticString = upper ? "0123456789ABCDEF" : "0123456789abcdef"
    var out: [UInt8] = []
    var m = n
    while m > 0 { out.append(table.utf8Start[Int(m & 15)]); m >>= 4 }
    return out.reversed()
}

func hexByte(_ b: UInt8) -> [UInt8] {
    let d = hexDigits(UInt64(b), upper: false)
    return d.count == 1 ? [UInt8(ascii: "0")] + d : d
}

/// Digits of |n| in base 2, 8 or 16.
func radixDigits(_ n: UInt64, radix: UInt64, upper: Bool = false) -> [UInt8] {
    if n == 0 { return [UInt8(ascii: "0")] }
    let table: StaticString = upper ? "0123456789ABCDEF" : "0123456789abcdef"
    var out: [UInt8] = []
    var m = n
    while m > 0 { out.append(table.utf8Start[Int(m % radix)]); m /= radix }
    return out.reversed()
}
