// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// str.encode and bytes.decode: UTF-8 (a str's own bytes), ASCII and
// Latin-1, with the errors handlers "strict", "ignore" and "replace".
// Any other encoding is refused with LookupError, never silently taken as
// UTF-8; a UnicodeError carries encoding, object, start, end and reason.

enum Codec {
    case utf8, ascii, latin1

    var name: StaticString {
        switch self {
        case .utf8: return "utf-8"
        case .ascii: return "ascii"
        case .latin1: return "latin-1"
        }
    }

    /// The highest code point the codec holds plus one ("ordinal not in range(N)").
    var limit: UInt32 { self == .ascii ? 128 : 256 }
}

enum CodecErrors { case strict, ignore, replace, unknown }

extension VM {
    /// The codec and errors handler a call names (arguments 1 and 2, or keywords;
    /// `receiverByKeyword`: the bytes came as `object=`, as str() takes them).
    func codecArguments(_ a: Arguments, _ method: StaticString, receiverByKeyword: Bool = false) throws(VMError) -> (Codec, CodecErrors, Value) {
        try argumentCount(a, method, min: receiverByKeyword ? 0 : 1, max: 3)
        let encoding = a.value(1, "encoding"), errors = a.value(2, "errors")
        var codec = Codec.utf8
        if let e = encoding {
            guard isStr(e) else { throw raiseAboutType(.typeError, "encode() argument 'encoding' must be str, not ", e, "") }
            // Python's normalisation: case and the separators do not matter.
            var key: [UInt8] = []
            for c in strBuffer(e) where c != UInt8(ascii: "-") && c != UInt8(ascii: "_") && c != UInt8(ascii: " ") {
                key.append(c >= 65 && c <= 90 ? c + 32 : c)
            }
            if isOneOf(key, "utf8 u8 utf cp65001") { codec = .utf8 }
            else if isOneOf(key, "ascii usascii 646") { codec = .ascii }
            else if isOneOf(key, "latin1 latin iso88591 l1 cp819 8859") { codec = .latin1 }
            else { throw raise(.lookupError, bytes("unknown encoding: ") + strArray(e)) }
        }
        var handler = CodecErrors.strict
        let errorsName = errors ?? .none
        if let h = errors {
            guard isStr(h) else { throw raiseAboutType(.typeError, "encode() argument 'errors' must be str, not ", h, "") }
            let text = strBuffer(h)
            handler = sameText(text, "strict") ? .strict : sameText(text, "ignore") ? .ignore
                : sameText(text, "replace") ? .replace : .unknown
        }
        // Without more_str_methods a board has UTF-8 alone, strict (PyMite's text was bytes).
        if !moreStrMethodsOn && (codec != .utf8 || handler != .strict) {
            throw raise(.notImplementedError, bytes("only UTF-8, strict, is available in this build (more_str_methods is off)"))
        }
        return (codec, handler, errorsName)
    }

    /// Whether `key` is one of the space-separated `names`.
    func isOneOf(_ key: [UInt8], _ names: StaticString) -> Bool {
        let all = UnsafeBufferPointer(start: names.utf8Start, count: names.utf8CodeUnitCount)
        var start = 0
        for i in 0...all.count where i == all.count || all[i] == 32 {
            if i - start == key.count && (0..<key.count).allSatisfy({ all[start + $0] == key[$0] }) { return true }
            start = i + 1
        }
        return false
    }

    /// An error handler named by nothing Python knows is refused only when it is needed, as CPython does.
    func unknownHandler(_ name: Value) -> VMError {
        raise(.lookupError, bytes("unknown error handler name '") + strArray(name) + bytes("'"))
    }

    /// str.encode(encoding="utf-8", errors="strict").
    func encodeStr(_ me: Value, _ a: Arguments) throws(VMError) -> Value {
        let (codec, handler, handlerName) = try codecArguments(a, "encode")
        let text = strBuffer(me)
        if !moreStrMethodsOn || codec == .utf8 || strIsASCII(me.objectOffset) { return try newStr(text, type: .bytes) }
        var out: [UInt8] = []
        var i = 0, position = 0
        while i < text.count {
            let c = decodeUTF8(text, i)
            if c < codec.limit {
                out.append(UInt8(c))
            } else {
                switch handler {
                case .ignore: break
                case .replace: out.append(UInt8(ascii: "?"))
                case .unknown: throw unknownHandler(handlerName)
                case .strict:
                    throw try unicodeError(.unicodeEncodeError, codec, me, position, position + 1,
                                             codec == .ascii ? "ordinal not in range(128)" : "ordinal not in range(256)")
                }
            }
            i += utf8Step(text, i)
            position += 1
        }
        return try newStr(out, type: .bytes)
    }

    /// bytes.decode(encoding="utf-8", errors="strict") and bytearray's.
    func decodeBytes(_ me: Value, _ a: Arguments, receiverByKeyword: Bool = false) throws(VMError) -> Value {
        let (named, namedHandler, handlerName) = try codecArguments(a, "decode", receiverByKeyword: receiverByKeyword)
        // Constants where more_str_methods is compiled out: the other codecs' code folds away.
        let codec = moreStrMethodsOn ? named : .utf8, handler = moreStrMethodsOn ? namedHandler : .strict
        let b = Array(byteView(me)!)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let (length, reason) = codec == .utf8 ? validUTF8Length(b, i) : (b[i] < codec.limit ? 1 : 0, "ordinal not in range(128)")
            if length > 0 {
                if codec == .latin1 { appendUTF8(UInt32(b[i]), to: &out) } else { out += b[i..<(i + length)] }
                i += length
                continue
            }
            // The bad part: one byte, or a sequence cut short (by a bad byte or the end).
            let bad = codec == .utf8 ? max(1, invalidUTF8Length(b, i)) : 1
            switch handler {
            case .ignore: break
            case .replace: appendUTF8(0xFFFD, to: &out)
            case .unknown: throw unknownHandler(handlerName)
            case .strict:
                throw try unicodeError(.unicodeDecodeError, codec, me, i, i + bad, reason)
            }
            i += bad
        }
        return try newStr(out)
    }

    /// The length of the well-formed UTF-8 sequence at `i`, or 0 and why it is not one.
    func validUTF8Length(_ b: [UInt8], _ i: Int) -> (Int, StaticString) {
        let lead = b[i]
        if lead < 0x80 { return (1, "") }
        let n = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
        if n == 0 { return (0, "invalid start byte") }
        let valid = invalidUTF8Length(b, i)
        if valid == n { return (n, "") }
        return (0, i + valid >= b.count ? "unexpected end of data" : "invalid continuation byte")
    }

    /// How many bytes from `i` form a well-formed sequence or its longest valid start (the
    /// part CPython replaces with one U+FFFD); 0 for a byte that cannot start one.
    func invalidUTF8Length(_ b: [UInt8], _ i: Int) -> Int {
        let lead = b[i]
        let n = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0
        if n == 0 { return 0 }
        var k = 1
        while k < n && i + k < b.count {
            let c = b[i + k]
            // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
            let low: UInt8 = k == 1 && lead == 0xE0 ? 0xA0 : k == 1 && lead == 0xF0 ? 0x90 : 0x80
            let high: UInt8 = k == 1 && lead == 0xED ? 0x9F : k == 1 && lead == 0xF4 ? 0x8F : 0xBF
            if c < low || c > high { break }
            k += 1
        }
        return k
    }

    /// A UnicodeEncodeError or UnicodeDecodeError with `message` and CPython's attributes.
    /// The error a strict codec raises: its arguments are (encoding, object, start, end,
    /// reason), as CPython's, and str() of it says the rest (`unicodeErrorText`).
    func unicodeError(_ kind: ExceptionKind, _ codec: Codec, _ object: Value,
                      _ start: Int, _ end: Int, _ reason: StaticString) throws(VMError) -> VMError {
        let encoding = try newStr(codec.name)
        root(encoding); defer { unroot() }
        let why = try newStr(reason)
        root(why); defer { unroot() }
        let e = try newException(kind, args: [encoding, object, .smallInt(start), .smallInt(end), why])
        // Without the VM's texts its errors have no arguments; the attributes stay.
        if !(BuiltFeatures.errorMessages && config.errorMessages) { try dictStore(instanceDict(e), s.args, try newTuple(0)) }
        pendingException = e
        return .exception
    }

    /// str() of a UnicodeDecodeError or UnicodeEncodeError made of its five arguments
    /// (stored as attributes by setExceptionArgs); false when it is not such a one.
    func unicodeErrorText(_ e: Value, _ out: inout [UInt8]) throws(VMError) -> Bool {
        let d = instanceDict(e)
        guard let encoding = dictGetStr(d, internStatic(.encoding)), isStr(encoding),
              let object = dictGetStr(d, internStatic(.object)), let start = dictGetStr(d, internStatic(.start)).flatMap(intOf),
              let end = dictGetStr(d, internStatic(.end)).flatMap(intOf), let reason = dictGetStr(d, internStatic(.reason)), isStr(reason)
        else { return false }
        let decoding = isBytesLike(object)
        out += bytes("'") + strBuffer(encoding) + bytes(decoding ? "' codec can't decode " : "' codec can't encode ")
        if decoding, end == start + 1, let b = byteView(object), start >= 0, start < b.count {
            out += bytes("byte 0x") + hexByte(b[Int(start)])
        } else if !decoding, end == start + 1, isStr(object), start >= 0, start < strCharCount(object.objectOffset) {
            let at = strByteOffset(object.objectOffset, charIndex: Int(start))
            out += bytes("character '") + escapedCodePoint(decodeUTF8(strBuffer(object), at)) + bytes("'")
        } else {
            out += bytes(decoding ? "bytes" : "characters") + bytes(" in position ") + decimal(Int(start)) + bytes("-") + decimal(Int(end) - 1)
            out += bytes(": ") + strBuffer(reason)
            return true
        }
        out += bytes(" in position ") + decimal(Int(start)) + bytes(": ") + strBuffer(reason)
        return true
    }
}

@inline(__always) func hexDigit(_ d: Int) -> UInt8 { d < 10 ? UInt8(48 + d) : UInt8(87 + d) }
