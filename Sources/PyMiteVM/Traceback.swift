// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// An uncaught exception: `SystemExit` gives the exit status, any other
// prints its traceback (CPython's layout, with causes and contexts).

extension VM {
    func handleUncaught() -> RunOutcome {
        let exc = pendingException
        pendingException = .null
        frames.removeAll()
        sp = 0
        // Printing can run Python (an exception's __str__, its context's):
        // the exception must outlive the collections that may cause.
        root(exc); defer { unroot() }
        flushOutput()
        if isInstance(exc, exceptionClass(.systemExit)) {
            let args = exceptionArgs(exc)
            let code: Value = (args.map { tupleCount($0.objectOffset) } ?? 0) > 0 ? tupleItem(args!.objectOffset, 0) : .none
            if code.isNone { return .exited(0) }
            if let n = intOf(code) { return .exited(Int32(truncatingIfNeeded: n)) }
            var out: [UInt8] = []
            try? appendText(code, &out, repr: false)
            write(2, out + [10])
            return .exited(1)
        }
        writeTraceback(exc)
        return .exited(1)
    }

    /// The class `name` of plain objects the VM makes when they are read, made once:
    /// every traceback object is of one class, as in CPython.
    func plainClass(_ name: VMName) throws(VMError) -> Value {
        if plainClasses.isNull { plainClasses = try newDict() }
        let key = try internName(name)
        if let cls = dictGetStr(plainClasses, key) { return cls }
        let cls = try newClass(name: key, bases: try newTuple([]), namespace: try newDict())
        root(cls); defer { unroot() }
        try dictStore(plainClasses, key, cls)
        return cls
    }

    /// e.__traceback__: None before it is raised, else a `traceback` object for
    /// the outermost frame it passed through, `tb_next` leading inward, each
    /// with `tb_lineno`. Made when read (the VM keeps only code and line pairs).
    func tracebackObject(_ exc: Value) throws(VMError) -> Value {
        let tb = heap.slot(exc.objectOffset, InstanceSlot.traceback)
        guard !tb.isNull, listCount(tb.objectOffset) >= 2 else { return .none }
        let made = try newList()  // holds what is made, for the collector
        root(made); defer { unroot() }
        let cls = try plainClass(.traceback)
        var next = Value.none
        for pair in stride(from: 0, to: listCount(tb.objectOffset) - 1, by: 2) {  // innermost first
            let o = try newInstance(cls)
            try listAppend(made, o)
            try dictStore(instanceDict(o), try internName(.tb_lineno), listItem(tb.objectOffset, pair + 1))
            try dictStore(instanceDict(o), try internName(.tb_next), next)
            next = o
        }
        return next
    }

    /// A suspended generator's gi_frame: a `frame` object with f_code and
    /// f_lineno (the VM's frames are not objects; this is made when read).
    func generatorFrame(_ g: Value) throws(VMError) -> Value {
        let o = g.objectOffset
        let code = Int(heap.slot(o, GeneratorSlot.code).intValue)
        let frame = try newInstance(try plainClass(.frame))
        root(frame); defer { unroot() }
        let d = instanceDict(frame)
        try dictStore(d, try internName(.f_code), try newCodeObject(code, evaluates: false))
        let ip = Int(heap.slot(o, GeneratorSlot.ip).intValue)
        try dictStore(d, try internName(.f_lineno), try newInt(Int64(codes[code].line(at: max(0, ip - 1)))))
        return frame
    }

    /// A source line as CPython's traceback shows it: without its indentation (spaces, tabs,
    /// form feeds) and line end; what follows the last character stays.
    func strippedLine(_ text: [UInt8]) -> ArraySlice<UInt8> {
        var start = 0, end = text.count
        while start < end && (text[start] == 32 || text[start] == 9 || text[start] == 12) { start += 1 }
        while end > start && (text[end - 1] == 13 || text[end - 1] == 10) { end -= 1 }
        return text[start..<end]
    }

    /// Prints an uncaught exception's traceback to stderr a piece at a time
    /// (a 16 KiB board has no room for the whole text at once): its cause or
    /// context first, the frames outermost first, then the exception and its notes.
    func writeTraceback(_ exc: Value, depth: Int = 0) {
        if isType(exc, .instance) && depth < 16 {
            let d = instanceDict(exc)
            if let cause = dictGetStr(d, internStatic(.__cause__)), isExceptionInstance(cause) {
                writeTraceback(cause, depth: depth + 1)
                write(2, bytes("\nThe above exception was the direct cause of the following exception:\n\n"))
            } else if dictGetStr(d, internStatic(.__suppress_context__)) != .true,
                      let context = dictGetStr(d, internStatic(.__context__)), isExceptionInstance(context) {
                writeTraceback(context, depth: depth + 1)
                write(2, bytes("\nDuring handling of the above exception, another exception occurred:\n\n"))
            }
        }
        if isType(exc, .instance) {
            let tb = heap.slot(exc.objectOffset, InstanceSlot.traceback)
            if !tb.isNull && listCount(tb.objectOffset) > 0 {
                write(2, bytes("Traceback (most recent call last):\n"))
                var pair = listCount(tb.objectOffset) - 2
                while pair >= 0 {  // by index: the list is the exception's own, read as it stands
                    let code = Int(listItem(tb.objectOffset, pair).intValue), line = listItem(tb.objectOffset, pair + 1).intValue
                    let co = codes[code]
                    write(2, bytes("  File \""))
                    hooks.write(2, UnsafeRawBufferPointer(co.filename))
                    write(2, bytes("\", line ") + decimal(line) + bytes(", in "))
                    hooks.write(2, UnsafeRawBufferPointer(co.name))
                    write(2, [10])
                    if let text = hooks.sourceLine?(Array(co.filename), Int(line)) {
                        let shown = strippedLine(text)
                        if !shown.isEmpty { write(2, bytes("    ") + shown + bytes("\n")) }
                    }
                    pair -= 2
                }
            }
        }
        var out: [UInt8] = []
        // Exceptions are instances: their class is never a type still to make.
        if isType(exc, .instance), let m = classModule(heap.slot(exc.objectOffset, InstanceSlot.klass)) {
            let module = strArray(m)
            if module != bytes("builtins") && module != bytes("__main__") { out += module + bytes(".") }
        }
        out += typeName(exc)
        var message: [UInt8] = []
        do { try appendText(exc, &message, repr: false) } catch { message = bytes("<exception str() failed>") }
        if !message.isEmpty { out += bytes(": ") + message }
        out.append(10)
        write(2, out)
        // add_note()'s notes, each on its own line (3.11).
        if isType(exc, .instance), let notes = dictGetStr(instanceDict(exc), internStatic(.__notes__)), isType(notes, .list) {
            var i = 0
            while i < listCount(notes.objectOffset) {  // by index: a note's __str__ may change the list
                var line: [UInt8] = []
                do { try appendText(listItem(notes.objectOffset, i), &line, repr: false) } catch { line = bytes("<note str() failed>") }
                write(2, line + [10])
                i += 1
            }
        }
    }
}
