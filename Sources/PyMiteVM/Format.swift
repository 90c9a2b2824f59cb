// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// String formatting: the `%` operator, format() and str.format().
// Integers are laid out here; floats go through FloatText's printf, whose
// C rules Python's float formatting shares.

struct FormatSpec {
    var fill: UInt8 = 32
    var align: UInt8 = 0        // '<', '>', '^', '=' or 0 for the type's default
    var sign: UInt8 = 0         // '+', '-', ' ' or 0
    var alternate = false
    var zeroPad = false
    var width = 0
    var grouping: UInt8 = 0     // ',' or '_'
    var precision = -1
    var type: UInt8 = 0
}

extension VM {
    // MARK: printf-style

    /// `format % args` for str, and for bytes and bytearray (PEP 461: %s and
    /// %b take bytes-like objects, %r and %a give ascii(), %c one byte).
    func percentFormat(_ format: Value, _ args: Value) throws(VMError) -> Value {
        let resultType = heap.type(format.objectOffset)
        let binary = resultType != .str
        let f = binary ? Array(byteView(format)!) : Array(strBuffer(format))
        var out: [UInt8] = []
        let argTuple: Value? = isType(args, .tuple) ? args : nil
        let mapping: Value? = (isType(args, .dict) || (isType(args, .instance) && classLookup(heap.slot(args.objectOffset, InstanceSlot.klass), s.__getitem__) != nil)) ? args : nil
        var next = 0
        var usedMapping = false
        func nextArg() throws(VMError) -> Value {
            if let t = argTuple {
                guard next < tupleCount(t.objectOffset) else { throw raise(.typeError, "not enough arguments for format string") }
                next += 1
                return tupleItem(t.objectOffset, next - 1)
            }
            guard next == 0 else { throw raise(.typeError, "not enough arguments for format string") }
            next = 1
            return args
        }
        var i = 0
        while i < f.count {
            let c = f[i]
            if c != UInt8(ascii: "%") { out.append(c); i += 1; continue }
            i += 1
            guard i < f.count else { throw raise(.valueError, "incomplete format") }
            var value: Value = .null
            if f[i] == UInt8(ascii: "(") {
                guard let m = mapping else { throw raise(.typeError, "format requires a mapping") }
                var depth = 1
                let start = i + 1
                i += 1
                while i < f.count && depth > 0 {
                    if f[i] == UInt8(ascii: "(") { depth += 1 } else if f[i] == UInt8(ascii: ")") { depth -= 1 }
                    i += 1
                }
                guard depth == 0 else { throw raise(.valueError, "incomplete format key") }
                let key = try newStr(Array(f[start..<(i - 1)]), type: binary ? .bytes : .str)
                value = try getItem(m, key)
                usedMapping = true
            }
            var spec = FormatSpec()
            var leftAlign = false
            while i < f.count {
                switch f[i] {
                case UInt8(ascii: "-"): leftAlign = true
                case UInt8(ascii: "+"): spec.sign = UInt8(ascii: "+")
                case UInt8(ascii: " "): if spec.sign == 0 { spec.sign = UInt8(ascii: " ") }
                case UInt8(ascii: "#"): spec.alternate = true
                case UInt8(ascii: "0"): spec.zeroPad = true
                default: break
                }
                if [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: " "), UInt8(ascii: "#"), UInt8(ascii: "0")].contains(f[i]) { i += 1 } else { break }
            }
            if i < f.count && f[i] == UInt8(ascii: "*") {
                let star = try nextArg()
                guard isIntegral(star) else { throw raise(.typeError, "* wants int") }
                let w = try indexArgument(star, .ssize)
                if w < 0 { leftAlign = true }
                spec.width = try checkedSize(w == Int64.min ? Int64.max : abs(w))
                i += 1
            }
            if let w = try decimalField(f, &i, tooBig: "width too big") { spec.width = try checkedSize(w) }
            if i < f.count && f[i] == UInt8(ascii: ".") {
                i += 1
                spec.precision = 0
                if i < f.count && f[i] == UInt8(ascii: "*") {
                    let star = try nextArg()
                    guard isIntegral(star) else { throw raise(.typeError, "* wants int") }
                    spec.precision = Int(max(0, try indexArgument(star, .cInt)))
                    i += 1
                }
                if let p = try decimalField(f, &i, tooBig: "precision too big") {
                    guard p <= Int64(Int32.max) else { throw raise(.valueError, "precision too big") }
                    spec.precision = Int(p)
                }
            }
            while i < f.count && (f[i] == UInt8(ascii: "l") || f[i] == UInt8(ascii: "h") || f[i] == UInt8(ascii: "L")) { i += 1 }
            guard i < f.count else { throw raise(.valueError, "incomplete format") }
            let type = f[i]
            i += 1
            if type == UInt8(ascii: "%") { out.append(type); continue }
            if value.isNull { value = try nextArg() }
            spec.type = type
            spec.align = leftAlign ? UInt8(ascii: "<") : UInt8(ascii: ">")
            if leftAlign { spec.zeroPad = false }
            var body: [UInt8]
            switch type {
            case UInt8(ascii: "s") where binary, UInt8(ascii: "b") where binary:
                var found = try bufferBytes(value)
                if found == nil, let r = try dunderBytes(value) { found = strArray(r) }
                guard let b = found else {
                    throw raiseAboutType(.typeError, "%b requires a bytes-like object, or an object that implements __bytes__, not '", value, "'")
                }
                body = b
                if spec.precision >= 0 && body.count > spec.precision { body = Array(body[..<spec.precision]) }
                spec.zeroPad = false
            case UInt8(ascii: "r") where binary, UInt8(ascii: "a") where binary:
                body = strArray(try asciiRepr(value))
                if spec.precision >= 0 && body.count > spec.precision { body = Array(body[..<spec.precision]) }
                spec.zeroPad = false
            case UInt8(ascii: "c") where binary:
                if let n = intOf(value) {
                    guard n >= 0 && n <= 255 else { throw raise(.overflowError, "%c arg not in range(256)") }
                    body = [UInt8(n)]
                } else if let view = byteView(value), view.count == 1 {
                    body = [view[0]]
                } else {
                    throw raise(.typeError, "%c requires an integer in range(256) or a single byte")
                }
                spec.zeroPad = false
            case UInt8(ascii: "s"), UInt8(ascii: "r"), UInt8(ascii: "a"):
                if type == UInt8(ascii: "a") {
                    body = strArray(try asciiRepr(value))
                } else {
                    body = []
                    try appendText(value, &body, repr: type != UInt8(ascii: "s"))
                }
                if spec.precision >= 0 { body = truncateChars(body, spec.precision) }
                spec.zeroPad = false
            case UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "u"):
                var n = value
                if isFloat(value) {
                    n = try intFromValue(value, base: nil)
                } else if isType(value, .instance), let i = try intDunder(value), isIntegral(i) {
                    n = i  // an object that says which int it is
                } else if !isIntegral(value) {
                    throw raise(.typeError, bytes("%") + [type] + bytes(" format: a real number is required, not ") + typeName(value))
                }
                root(n); defer { unroot() }
                body = try formatInteger(n, spec: spec, radix: 10)
            case UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "o"):
                if isType(value, .instance), let i = try callDunder0(value, .__index__), isIntegral(i) { value = i }
                guard isIntegral(value) else {
                    throw raise(.typeError, bytes("%") + [type] + bytes(" format: an integer is required, not ") + typeName(value))
                }
                body = try formatInteger(value, spec: spec, radix: type == UInt8(ascii: "o") ? 8 : 16)
            case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "g"), UInt8(ascii: "G"):
                // An object that says which float it is, else which int (__float__, then __index__).
                if isType(value, .instance) {
                    if let f = try callDunder0(value, .__float__), isFloat(f) {
                        value = f
                    } else if let i = try callDunder0(value, .__index__), isIntegral(i) {
                        value = i
                    }
                }
                guard let d = try realToDouble(value) else {
                    throw raiseAboutType(.typeError, "must be real number, not ", value, "")
                }
                body = try formatFloat(d, spec: spec)
            case UInt8(ascii: "c"):
                if isType(value, .instance), let i = try callDunder0(value, .__index__), isIntegral(i) { value = i }
                if let n = intOf(value) {
                    guard n >= 0 && n <= 0x10FFFF else { throw raise(.overflowError, "%c arg not in range(0x110000)") }
                    body = []
                    appendUTF8(UInt32(n), to: &body)
                } else if isStr(value) && strCharCount(value.objectOffset) == 1 {
                    body = Array(strBuffer(value))
                } else {
                    throw raise(.typeError, "%c requires int or char")
                }
                spec.zeroPad = false
            default:
                guard BuiltFeatures.errorMessages else { throw raiseBare(.valueError) }
                var m = bytes("unsupported format character '") + [type] + bytes("' (0x") + hexDigits(UInt64(type), upper: false)
                m += bytes(") at index ") + decimal(i - 1)
                throw raise(.valueError, m)
            }
            out += try pad(body, spec: spec, numeric: spec.zeroPad)
            if out.count > heap.size { throw memoryError() }
        }
        if let t = argTuple, next < tupleCount(t.objectOffset) {
            throw notAllConverted(binary)
        }
        if argTuple == nil && next == 0 && !usedMapping && mapping == nil { throw notAllConverted(binary) }
        if resultType == .bytearray { return try newByteArray(out) }
        return try newStr(out, type: binary ? .bytes : .str)
    }

    /// The decimal number at f[i...] (a width or precision), nil when there
    /// is none; ValueError `tooBig` past 63 bits.
    func decimalField(_ f: [UInt8], _ i: inout Int, tooBig: StaticString) throws(VMError) -> Int64? {
        guard i < f.count && f[i] >= 48 && f[i] <= 57 else { return nil }
        var n: Int64 = 0
        while i < f.count && f[i] >= 48 && f[i] <= 57 {
            let (times10, o1) = n.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int64(f[i] - 48))
            if o1 || o2 { throw raise(.valueError, tooBig) }
            n = sum
            i += 1
        }
        return n
    }

    /// printf's %e, %f or %g of a double, for `precision` digits:
    /// MemoryError when the text could not fit the heap, checked first.
    func notAllConverted(_ binary: Bool) -> VMError {
        raise(.typeError, bytes("not all arguments converted during ") + bytes(binary ? "bytes" : "string") + bytes(" formatting"))
    }

    /// What `__int__`, else `__index__`, of an instance gives (%d's int, as int() finds it), or nil.
    func intDunder(_ v: Value) throws(VMError) -> Value? {
        if let i = try callDunder0(v, .__int__) { return i }
        return try callDunder0(v, .__index__)
    }

    func printfFloat(_ d: Double, _ conversion: UInt8, precision: Int, alternate: Bool) throws(VMError) -> [UInt8] {
        // %f of 1e308 has 309 digits before the point.
        _ = try checkedSize(Int64(precision) + 320)
        return FloatText.printf(d, conversion, precision: precision, alternate: alternate)
    }

    func truncateChars(_ b: [UInt8], _ n: Int) -> [UInt8] {
        var chars = 0, i = 0
        while i < b.count && chars < n { i += utf8SequenceLength(b[i]); chars += 1 }
        return Array(b[0..<min(i, b.count)])
    }

    /// Sign, prefix and digits of an integer (no padding to width).
    func formatInteger(_ v: Value, spec: FormatSpec, radix: Int) throws(VMError) -> [UInt8] {
        let upper = spec.type == UInt8(ascii: "X")
        let (negative, text) = intDigits(v, base: radix, upper: upper) ?? (false, [UInt8(ascii: "0")])
        var digits = text
        if spec.precision > digits.count {
            digits = [UInt8](repeating: 48, count: try checkedSize(Int64(spec.precision - digits.count))) + digits
        }
        var prefix: [UInt8] = []
        if negative { prefix.append(UInt8(ascii: "-")) } else if spec.sign == UInt8(ascii: "+") || spec.sign == UInt8(ascii: " ") { prefix.append(spec.sign) }
        if spec.alternate {
            if radix == 16 { prefix += upper ? bytes("0X") : bytes("0x") }
            if radix == 8 { prefix += bytes("0o") }
            if radix == 2 { prefix += bytes("0b") }
        }
        // Only format specs group (% never does), so a build without them
        // leaves this out; '_' groups b, o, x, X every 4 digits (PEP 515).
        if formatSpecsOn && spec.grouping != 0 {
            digits = try groupDigits(digits, spec, every: radix == 10 ? 3 : 4, besides: prefix.count)
        }
        return prefix + digits
    }

    /// The digits with the spec's separators; when zeros pad to the width
    /// ('0' fill, '=' align), the padding is grouped too ('0,001,234'), as
    /// CPython's: it grows until it reaches the width less `besides` chars,
    /// and never begins with a separator.
    func groupDigits(_ digits: [UInt8], _ spec: FormatSpec, every: Int, besides: Int) throws(VMError) -> [UInt8] {
        var width = spec.fill == 48 && spec.align == UInt8(ascii: "=") ? spec.width - besides : 0
        _ = try checkedSize(Int64(max(width, digits.count)) * 2)
        var out: [UInt8] = []  // reversed
        var left = digits.count
        while true {
            let n = min(every, max(left, width, 1))
            if !out.isEmpty { out.append(spec.grouping) }
            for _ in 0..<n {
                if left > 0 { left -= 1; out.append(digits[left]) } else { out.append(48) }
            }
            width -= n
            if left <= 0 && width <= 0 { break }
            width -= 1
        }
        return out.reversed()
    }

    func formatFloat(_ d: Double, spec: FormatSpec) throws(VMError) -> [UInt8] {
        guard floatsOn else { throw noFloats() }
        var body = try floatBody(d, spec: spec)
        var prefix: [UInt8] = []
        if d.sign == .minus && !d.isNaN { prefix.append(UInt8(ascii: "-")) } else if spec.sign == UInt8(ascii: "+") || spec.sign == UInt8(ascii: " ") { prefix.append(spec.sign) }
        if formatSpecsOn && spec.grouping != 0 {
            var intEnd = 0
            while intEnd < body.count && body[intEnd] >= 48 && body[intEnd] <= 57 { intEnd += 1 }
            // inf and nan have no digits to group (nor to pad with grouped zeros).
            if intEnd > 0 {
                body = try groupDigits(Array(body[0..<intEnd]), spec, every: 3, besides: prefix.count + body.count - intEnd) + body[intEnd...]
            }
        }
        return prefix + body
    }

    /// A float's text without its sign or grouping.
    func floatBody(_ d: Double, spec: FormatSpec) throws(VMError) -> [UInt8] {
        var type = spec.type
        var precision = spec.precision < 0 ? 6 : spec.precision
        var repr = false
        if type == 0 {
            if spec.precision < 0 { repr = true } else { type = UInt8(ascii: "g"); precision = max(1, precision) }
            // Unlike 'g', no type goes to exponent notation already when the
            // exponent is precision - 1 ('123' would lose its '.0').
            if !repr && d.isFinite && FloatText.significant(abs(d), precision).exponent == precision - 1 {
                var e = spec
                e.type = UInt8(ascii: "e")
                e.precision = precision - 1
                let text = try floatBody(d, spec: e)
                return spec.alternate ? text : FloatText.withoutTrailingZeros(text)
            }
        }
        if type == UInt8(ascii: "%") {
            var s2 = spec
            s2.type = UInt8(ascii: "f")
            return try floatBody(d * 100, spec: s2) + bytes("%")
        }
        var body: [UInt8]
        if repr {
            body = floatRepr(d)
            if d.sign == .minus && !d.isNaN { body.removeFirst() }
        } else {
            body = try printfFloat(abs(d), type, precision: precision, alternate: spec.alternate)
            if d.isNaN { body = type < 97 ? bytes("NAN") : bytes("nan") }
            if spec.type == 0 && !body.contains(UInt8(ascii: ".")) && !body.contains(UInt8(ascii: "e")) && d.isFinite {
                body += bytes(".0")
            }
        }
        return body
    }

    /// Pads to the width; numeric zero padding goes after the sign and prefix.
    func pad(_ body: [UInt8], spec: FormatSpec, numeric: Bool) throws(VMError) -> [UInt8] {
        let len = utf8CharCount(body.withUnsafeBufferPointer { $0 })
        if len >= spec.width { return body }
        let n = spec.width - len
        _ = try checkedSize(Int64(body.count) + Int64(n) * (spec.fill < 0x80 ? 1 : 4))
        // Zeros, or '=' alignment's fill, go after the sign and any 0x, 0o or 0b.
        var signEnd = 0
        if signEnd < body.count && (body[0] == 45 || body[0] == 43 || body[0] == 32) { signEnd = 1 }
        if body.count >= signEnd + 2 && body[signEnd] == 48 && [UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "o"), UInt8(ascii: "b")].contains(body[signEnd + 1]) {
            signEnd += 2
        }
        if numeric { return Array(body[0..<signEnd]) + [UInt8](repeating: 48, count: n) + body[signEnd...] }
        var fillBytes: [UInt8] = []
        appendUTF8(UInt32(spec.fill), to: &fillBytes)
        if spec.fill >= 0x80 { fillBytes = [spec.fill] }
        func fill(_ k: Int) -> [UInt8] {
            var r: [UInt8] = []
            for _ in 0..<k { r += fillBytes }
            return r
        }
        switch spec.align {
        case UInt8(ascii: "<"): return body + fill(n)
        case UInt8(ascii: "^"): return fill(n / 2) + body + fill(n - n / 2)
        case UInt8(ascii: "="):
            return Array(body[0..<signEnd]) + fill(n) + body[signEnd...]
        default: return fill(n) + body
        }
    }

    // MARK: format() and str.format()

    /// The spec for formatting `v` (named in errors; not a number: its type is 's').
    func parseFormatSpec(_ s: [UInt8], _ v: Value) throws(VMError) -> FormatSpec {
        var spec = FormatSpec()
        var i = 0
        func isAlign(_ c: UInt8) -> Bool { c == 60 || c == 62 || c == 94 || c == 61 }
        var fillGiven = false
        if s.count >= 2 && isAlign(s[1]) && s[0] < 0x80 {
            spec.fill = s[0]; spec.align = s[1]; i = 2
            fillGiven = true
        } else if s.count >= 1 && isAlign(s[0]) {
            spec.align = s[0]; i = 1
        }
        if i < s.count && (s[i] == 43 || s[i] == 45 || s[i] == 32) { spec.sign = s[i]; i += 1 }
        if i < s.count && s[i] == 35 { spec.alternate = true; i += 1 }
        // '0' fills with zeros unless a fill is given (then it begins the
        // width); formatValue makes it '=' alignment for numbers only.
        if i < s.count && s[i] == 48 && !fillGiven {
            spec.zeroPad = true
            spec.fill = 48
            i += 1
        }
        let tooMany: StaticString = "Too many decimal digits in format string"
        if let w = try decimalField(s, &i, tooBig: tooMany) { spec.width = try checkedSize(w) }
        if i < s.count && s[i] == 44 { spec.grouping = 44; i += 1 }
        if i < s.count && s[i] == 95 {
            guard spec.grouping == 0 else { throw raise(.valueError, "Cannot specify both ',' and '_'.") }
            spec.grouping = 95; i += 1
        }
        if i < s.count && s[i] == 44 && spec.grouping == 95 { throw raise(.valueError, "Cannot specify both ',' and '_'.") }
        if i < s.count && s[i] == 46 {
            i += 1
            guard let p = try decimalField(s, &i, tooBig: tooMany) else { throw raise(.valueError, "Format specifier missing precision") }
            guard p <= Int64(Int32.max) else { throw raise(.valueError, "precision too big") }
            spec.precision = Int(p)
        }
        if i < s.count { spec.type = s[i]; i += 1 }
        guard i == s.count else {
            throw raise(.valueError, bytes("Invalid format specifier '") + s + bytes("' for object of type '") + typeName(v) + bytes("'"))
        }
        let type = spec.type == 0 && !isIntegral(v) && !isFloat(v) ? UInt8(ascii: "s") : spec.type
        // Grouping is for decimal digits; '_' also every 4 digits of b, o, x, X (PEP 515).
        switch spec.grouping == 0 ? 0 : type {
        case 0, 100, 101, 102, 103, 69, 70, 71, 37: return spec  // d e f g E F G %
        case 98, 111, 120, 88:  // b o x X
            if spec.grouping == 95 { return spec }
            fallthrough
        default:
            var m = bytes("Cannot specify '") + [spec.grouping] + bytes("' with '")
            m += type > 32 && type < 128 ? [type] : bytes("\\x") + hexDigits(UInt64(type), upper: false)
            throw raise(.valueError, m + bytes("'."))
        }
    }

    func formatValue(_ v: Value, spec specValue: Value) throws(VMError) -> Value {
        if !specValue.isNull { _ = try strArgument(specValue, "format() argument 2") }
        let specBytes = specValue.isNull ? [] : strArray(specValue)
        if isType(v, .instance), let m = classLookup(heap.slot(v.objectOffset, InstanceSlot.klass), internStatic(.__format__)) {
            let r = try call(m, [v, specValue.isNull ? try newStr("") : specValue])
            guard isStr(r) else { throw raiseAboutType(.typeError, "__format__ must return a str, not ", r, "") }
            return r
        }
        if specBytes.isEmpty { return try strValue(v) }
        guard formatSpecsOn else { throw leftOut("a format spec", "format") }
        let plain = plainValue(v)  // an int, float or str subclass's instance formats as its value
        // Anything else has object's __format__, which takes no spec.
        guard isIntegral(plain) || isFloat(plain) || isStr(plain) else {
            throw raise(.typeError, bytes("unsupported format string passed to ") + typeName(v) + bytes(".__format__"))
        }
        let v = plain
        var spec = try parseFormatSpec(specBytes, v)
        let numeric = isIntegral(v) || isFloat(v)
        // Numbers align right, after the sign and prefix with the '0' flag.
        if spec.align == 0 { spec.align = !numeric ? UInt8(ascii: "<") : spec.zeroPad ? UInt8(ascii: "=") : UInt8(ascii: ">") }
        var body: [UInt8]
        if isIntegral(v) {  // a bool too: format(True, "^5") is '  1  '
            if spec.precision >= 0 && [0, 98, 99, 100, 110, 111, 120, 88].contains(spec.type) {  // b c d n o x X
                throw raise(.valueError, "Precision not allowed in integer format specifier")
            }
            switch spec.type {
            case 0, UInt8(ascii: "d"), UInt8(ascii: "n"): body = try formatInteger(v, spec: spec, radix: 10)
            case UInt8(ascii: "x"), UInt8(ascii: "X"): body = try formatInteger(v, spec: spec, radix: 16)
            case UInt8(ascii: "o"): body = try formatInteger(v, spec: spec, radix: 8)
            case UInt8(ascii: "b"): body = try formatInteger(v, spec: spec, radix: 2)
            case UInt8(ascii: "c"):
                guard spec.sign == 0 else { throw raise(.valueError, "Sign not allowed with integer format specifier 'c'") }
                guard !spec.alternate else { throw raise(.valueError, "Alternate form (#) not allowed with integer format specifier 'c'") }
                guard let code = intOf(v) else { throw raise(.overflowError, "Python int too large to convert to C long") }
                guard code >= 0 && code <= 0x10FFFF else { throw raise(.overflowError, "%c arg not in range(0x110000)") }
                body = []
                appendUTF8(UInt32(code), to: &body)
            case UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "%"):
                body = try formatFloat(try realToDouble(v)!, spec: spec)
            default: throw badFormatCode(spec.type, v)
            }
        } else if isFloat(v) {
            switch spec.type {
            case 0, UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "%"), UInt8(ascii: "n"):
                if spec.type == UInt8(ascii: "n") { spec.type = UInt8(ascii: "g") }
                body = try formatFloat(floatValue(v), spec: spec)
            default: throw badFormatCode(spec.type, v)
            }
        } else {
            guard spec.type == 0 || spec.type == UInt8(ascii: "s") else { throw badFormatCode(spec.type, v) }
            if spec.sign == 32 { throw raise(.valueError, "Space not allowed in string format specifier") }
            guard spec.sign == 0 else { throw raise(.valueError, "Sign not allowed in string format specifier") }
            guard !spec.alternate else { throw raise(.valueError, "Alternate form (#) not allowed in string format specifier") }
            guard spec.align != UInt8(ascii: "=") else { throw raise(.valueError, "'=' alignment not allowed in string format specifier") }
            body = []
            try appendText(v, &body, repr: false)
            if spec.precision >= 0 { body = truncateChars(body, spec.precision) }
        }
        return try newStr(try pad(body, spec: spec, numeric: false))
    }

    func badFormatCode(_ code: UInt8, _ v: Value) -> VMError {
        raise(.valueError, bytes("Unknown format code '") + [code] + bytes("' for object of type '") + typeName(v) + bytes("'"))
    }

    /// The error for a field that the format string ends in, in CPython's words.
    func unclosedField(_ rest: ArraySlice<UInt8>) -> VMError {
        guard let mark = rest.firstIndex(where: { $0 == UInt8(ascii: "!") || $0 == UInt8(ascii: ":") }) else {
            return raise(.valueError, rest.isEmpty ? "Single '{' encountered in format string" : "expected '}' before end of string")
        }
        if rest[mark] == UInt8(ascii: "!") && mark + 1 == rest.endIndex {
            return raise(.valueError, "end of string while looking for conversion specifier")
        }
        return raise(.valueError, "unmatched '{' in format spec")
    }

    /// str.format: {} {0} {name} {0.attr} {0[key]} with !r/!s and a spec.
    func strFormatMethod(_ me: Value, _ a: Arguments) throws(VMError) -> Value {
        var numbering = 0
        return try newStr(try expandFormat(Array(strBuffer(me)), a, &numbering, recursion: 2))
    }

    /// The text of format string `f`. `numbering` is 0 until a field is
    /// numbered, then -1 for manual numbers or the next automatic argument;
    /// the fields in a spec share it ("{:>{}}"), and a `recursion` of 2 (as
    /// CPython's) allows one level of them. With a `mapping` (str.format_map),
    /// a named field is `mapping[name]` and there are no positional ones.
    func expandFormat(_ f: [UInt8], _ a: Arguments, _ numbering: inout Int, recursion: Int,
                      mapping: Value = .null) throws(VMError) -> [UInt8] {
        guard recursion > 0 else { throw raise(.valueError, "Max string recursion exceeded") }
        var out: [UInt8] = []
        var i = 0
        while i < f.count {
            let c = f[i]
            if c == UInt8(ascii: "}") {
                guard i + 1 < f.count && f[i + 1] == c else { throw raise(.valueError, "Single '}' encountered in format string") }
                out.append(c); i += 2; continue
            }
            if c != UInt8(ascii: "{") { out.append(c); i += 1; continue }
            if i + 1 < f.count && f[i + 1] == c { out.append(c); i += 2; continue }
            var depth = 1
            var j = i + 1
            while j < f.count && depth > 0 {
                if f[j] == UInt8(ascii: "{") { depth += 1 } else if f[j] == UInt8(ascii: "}") { depth -= 1 }
                if depth > 0 { j += 1 }
            }
            guard j < f.count else { throw unclosedField(f[(i + 1)...]) }
            let field = Array(f[(i + 1)..<j])
            i = j + 1
            var nameEnd = 0
            while nameEnd < field.count && field[nameEnd] != UInt8(ascii: "!") && field[nameEnd] != UInt8(ascii: ":") { nameEnd += 1 }
            let name = Array(field[0..<nameEnd])
            var conversion: UInt8 = 0
            var specStart = nameEnd
            if nameEnd < field.count && field[nameEnd] == UInt8(ascii: "!") {
                // "{!}": the brace is read as the conversion, and the field never ends.
                guard nameEnd + 1 < field.count else { throw raise(.valueError, "unmatched '{' in format spec") }
                conversion = field[nameEnd + 1]
                specStart = nameEnd + 2
                guard conversion == UInt8(ascii: "r") || conversion == UInt8(ascii: "s") || conversion == UInt8(ascii: "a") else {
                    throw raise(.valueError, bytes("Unknown conversion specifier ") + [conversion])
                }
                if specStart < field.count && field[specStart] != UInt8(ascii: ":") {
                    throw raise(.valueError, "expected ':' after conversion specifier")
                }
            }
            var specText: [UInt8] = []
            if specStart < field.count && field[specStart] == UInt8(ascii: ":") { specText = Array(field[(specStart + 1)...]) }
            // Resolve the head: index, keyword or automatic.
            var headEnd = 0
            while headEnd < name.count && name[headEnd] != UInt8(ascii: ".") && name[headEnd] != UInt8(ascii: "[") { headEnd += 1 }
            let head = Array(name[0..<headEnd])
            var value: Value
            if !mapping.isNull {
                if head.isEmpty || head.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                    throw raise(.valueError, "Format string contains positional fields")
                }
                value = try getItem(mapping, try newStr(head))
            } else if head.isEmpty {
                guard numbering >= 0 else { throw raise(.valueError, "cannot switch from manual field specification to automatic field numbering") }
                if numbering == 0 { numbering = 1 }
                let k = numbering
                numbering += 1
                guard k < a.positionalCount else {
                    throw raise(.indexError, bytes("Replacement index ") + decimal(k - 1) + bytes(" out of range for positional args tuple"))
                }
                value = a[k]
            } else if head.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                guard numbering <= 0 else { throw raise(.valueError, "cannot switch from automatic field numbering to manual field specification") }
                numbering = -1
                var k = 0
                for d in head {
                    // An index past Int is refused as CPython refuses one past ssize_t (fuzz-vm found the overflow).
                    let (tens, o1) = k.multipliedReportingOverflow(by: 10)
                    let (sum, o2) = tens.addingReportingOverflow(Int(d - 48))
                    guard !o1 && !o2 else { throw raise(.valueError, "Too many decimal digits in format string") }
                    k = sum
                }
                guard k < a.positionalCount - 1 else {
                    throw raise(.indexError, bytes("Replacement index ") + decimal(k) + bytes(" out of range for positional args tuple"))
                }
                value = a[k + 1]
            } else {
                var found: Value? = nil
                for k in 0..<a.keywordCount where strArray(tupleItem(a.kwnames.objectOffset, k)) == head {
                    found = a[a.positionalCount + k]
                }
                guard let v = found else { throw raiseValue(.keyError, try newStr(head)) }
                value = v
            }
            var p = headEnd
            while p < name.count {
                if name[p] == UInt8(ascii: ".") {
                    var e = p + 1
                    while e < name.count && name[e] != UInt8(ascii: ".") && name[e] != UInt8(ascii: "[") { e += 1 }
                    root(value); defer { unroot() }
                    value = try getAttribute(value, try internBytes(Array(name[(p + 1)..<e])))
                    p = e
                } else {
                    var e = p + 1
                    while e < name.count && name[e] != UInt8(ascii: "]") { e += 1 }
                    let keyText = Array(name[(p + 1)..<min(e, name.count)])
                    root(value); defer { unroot() }
                    let key: Value = keyText.allSatisfy({ $0 >= 48 && $0 <= 57 }) && !keyText.isEmpty ? try parseInt(try newStr(keyText), base: 10) : try newStr(keyText)
                    value = try getItem(value, key)
                    p = e + 1
                }
            }
            root(value); defer { unroot() }
            if conversion == UInt8(ascii: "r") {
                value = try reprValue(value)
            } else if conversion == UInt8(ascii: "a") {
                value = try asciiRepr(value)
            } else if conversion == UInt8(ascii: "s") {
                value = try strValue(value)
            }
            extraRoots[extraRoots.count - 1] = value
            // A spec may itself hold replacement fields.
            var specValue: Value = .null
            if !specText.isEmpty {
                specValue = try newStr(specText.contains(UInt8(ascii: "{"))
                                       ? try expandFormat(specText, a, &numbering, recursion: recursion - 1, mapping: mapping) : specText)
            }
            root(specValue); defer { unroot() }
            out += strBuffer(try formatValue(value, spec: specValue))
            if out.count > heap.size { throw memoryError() }
        }
        return out
    }
}
