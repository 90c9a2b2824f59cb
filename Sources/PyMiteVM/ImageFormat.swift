// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// The code image format (docs/image-format.md): written by the compiler,
// read by the VM. The reader never trusts its input: every count, index,
// opcode and jump is checked, and each code's stack use is verified, so
// the interpreter can run a loaded image without further checks.

public enum ImageError: Error {
    case badMagic
    case unsupportedVersion(UInt16)
    case truncated
    case checksumMismatch
    case malformed(StaticString)
    case badInstruction(code: Int, index: Int, StaticString)

    /// One readable line for the user, as UTF-8 (firmware prints it without Swift's String).
    public var messageBytes: [UInt8] {
        switch self {
        case .badMagic: return bytes("not a p14p code image (bad magic)")
        case .unsupportedVersion(let v):
            return bytes("unsupported image format version ") + decimal(Int(v)) + bytes(" (this VM reads version ")
                + decimal(Int(ImageFormat.version)) + bytes("; compile the program again)")
        case .truncated: return bytes("truncated code image")
        case .checksumMismatch: return bytes("corrupt code image (checksum mismatch)")
        case .malformed(let why): return bytes("malformed code image: ") + bytes(why)
        case .badInstruction(let code, let index, let why):
            return bytes("malformed code image: code ") + decimal(code) + bytes(", instruction ") + decimal(index)
                + bytes(": ") + bytes(why)
        }
    }

    public var message: String { String(decoding: messageBytes, as: UTF8.self) }
}

public enum ImageFormat {
    public static let magic: [UInt8] = [0x50, 0x31, 0x34, 0x50]  // "P14P"
    /// 2: instruction arrays start on a multiple of 4 bytes (zero padding
    /// after their count), so a board runs them where they lie in flash.
    /// 3: names and slot names are str objects in a 32-bit board's heap
    /// layout (`ImageStr`), so a board uses them where they lie too.
    /// 4: so are str constants: a board's heap holds none of the program's text.
    /// 5: fused pairs of instructions (`Opcode.loadFastLoadFast` and the six after it).
    /// 6: every str once, in a pool before the code objects; names, slot names, str
    /// constants and file names refer to it (images of many functions and classes
    /// were a third names and file names, each repeated where it was used).
    public static let version: UInt16 = 6
    static let maxStack = 4096
    /// A code's names count with this bit: its names are the image's first ones (no list follows).
    static let namesPrefix: UInt32 = 1 << 31
    /// The longest str an image holds (`ImageStr`'s header gives a block 24 bits).
    public static let maxStrBytes = (1 << 24) - 1 - ImageStr.fieldBytes - 3

    // Constant tags.
    static let tagNone: UInt8 = 0, tagTrue: UInt8 = 1, tagFalse: UInt8 = 2, tagEllipsis: UInt8 = 3
    static let tagInt: UInt8 = 4, tagBigInt: UInt8 = 5, tagFloat: UInt8 = 6, tagStr: UInt8 = 7
    static let tagBytes: UInt8 = 8, tagCode: UInt8 = 9, tagTuple: UInt8 = 10

    // MARK: Writing

    public static func encode(_ image: Image) -> [UInt8] {
        // Every str the image holds (names, slot names, str constants, file names) is
        // written once, in the pool; each use is a reference to it.
        var pool = StrPool()
        // The image's names: every code's names, each once, in the order they first come.
        // A code whose names begin this table (all the compiler makes) is written as a count.
        var names = ImageNames()
        for c in image.codes {
            pool.add(c.name)
            pool.add(c.filename)
            for k in c.constants { pool.addStrs(in: k) }
            for n in c.names { pool.add(n); names.add(n) }
            for n in c.slotNames { pool.add(n) }
        }
        var w = ByteWriter()
        w.bytes(magic)
        w.u16(version)
        w.u16(0)
        w.u32(UInt32(image.modules.count))
        w.u32(UInt32(image.codes.count))
        for m in image.modules {
            w.string(m.name)
            w.u32(m.code)
        }
        w.u32(UInt32(pool.bytes.data.count))
        while w.data.count % 4 != 0 { w.u8(0) }
        let poolStart = w.data.count
        w.bytes(pool.bytes.data)
        func ref(_ s: [UInt8], _ w: inout ByteWriter) { w.ref(to: poolStart + pool.offset(of: s)) }
        w.u32(UInt32(names.list.count))
        for n in names.list { ref(n, &w) }
        for c in image.codes {
            ref(c.name, &w)
            ref(c.filename, &w)
            w.u32(c.flags)
            w.u16(c.argCount); w.u16(c.kwOnlyCount); w.u16(c.localCount)
            w.u16(c.freeCount); w.u16(c.stackSize)
            w.u32(c.firstLine)
            w.u32(UInt32(c.constants.count))
            for k in c.constants { writeConstant(k, &w) { poolStart + pool.offset(of: $0) } }
            if names.begin(with: c.names) {
                w.u32(UInt32(c.names.count) | namesPrefix)
            } else {
                w.u32(UInt32(c.names.count))
                for n in c.names { w.u32(UInt32(names.index(of: n))) }
            }
            w.u32(UInt32(c.slotNames.count))
            for n in c.slotNames { ref(n, &w) }
            w.u32(UInt32(c.instructions.count))
            while w.data.count % 4 != 0 { w.u8(0) }
            for i in c.instructions { w.u32(i) }
            w.u32(UInt32(c.lineTable.count))
            for e in c.lineTable { w.u32(e.start); w.u32(e.line) }
            w.u32(UInt32(c.exceptionTable.count))
            for e in c.exceptionTable { w.u32(e.start); w.u32(e.end); w.u32(e.target); w.u32(e.depth) }
        }
        w.u32(crc32(w.data[...]))
        return w.data
    }

    /// `strAt` gives where a str lies in the image (in its pool).
    static func writeConstant(_ k: Constant, _ w: inout ByteWriter, _ strAt: ([UInt8]) -> Int) {
        switch k {
        case .none: w.u8(tagNone)
        case .true: w.u8(tagTrue)
        case .false: w.u8(tagFalse)
        case .ellipsis: w.u8(tagEllipsis)
        case .int(let v): w.u8(tagInt); w.u64(UInt64(bitPattern: v))
        case .bigInt(let digits): w.u8(tagBigInt); w.string(digits)
        case .float(let d): w.u8(tagFloat); w.u64(d.bitPattern)
        case .str(let s): w.u8(tagStr); w.ref(to: strAt(s))
        case .bytes(let b): w.u8(tagBytes); w.string(b)
        case .code(let i): w.u8(tagCode); w.u32(i)
        case .tuple(let items):
            w.u8(tagTuple); w.u32(UInt32(items.count))
            for item in items { writeConstant(item, &w, strAt) }
        }
    }

    // MARK: Reading

    public static func decode(_ bytes: [UInt8]) throws(ImageError) -> Image {
        let result = bytes.withUnsafeBufferPointer { buffer -> Result<Image, ImageError> in
            do throws(ImageError) { return .success(try decode(buffer: buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Decodes an image where it lies (a board reads it from flash, without a copy in RAM).
    public static func decode(buffer bytes: UnsafeBufferPointer<UInt8>) throws(ImageError) -> Image {
        var builder = ImageBuilder()
        defer { builder.scratch.deallocate() }
        let modules = try read(buffer: bytes, into: &builder)
        return Image(modules: modules, codes: builder.codes)
    }

    /// Checks a whole image where it lies and counts what loading it takes,
    /// decoding no more than one code object's instructions at a time: a
    /// board then loads it with `VM.load(_:from:)` in little RAM.
    public static func scan(buffer bytes: UnsafeBufferPointer<UInt8>) throws(ImageError) -> ImageLayout {
        var counter = CodeLoader(vm: nil)
        defer { counter.scratch.deallocate() }
        counter.layout.modules = try read(buffer: bytes, into: &counter)
        return counter.layout
    }

    /// Reads the image in `bytes`, handing each code object's parts to
    /// `sink` in order and checking each one when its parts are read;
    /// returns the modules. A damaged image is refused with the first error
    /// found, and the sink is given nothing of an image whose checksum is wrong.
    /// `scanned`: `scan` has checked this image already, so the code objects'
    /// stack proofs are not made again (only the checksum and structure), and
    /// the modules, which its layout holds, are not returned.
    static func read<Sink: CodeSink>(buffer bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink,
                                     scanned: Bool = false) throws(ImageError) -> [ImageModule] {
        guard bytes.count >= 4 else { throw .truncated }
        guard bytes[0] == magic[0], bytes[1] == magic[1], bytes[2] == magic[2], bytes[3] == magic[3]
        else { throw .badMagic }
        guard bytes.count >= 20 else { throw .truncated }
        var r = ByteReader(bytes: bytes, end: bytes.count - 4)
        r.offset = 4
        let version = try r.u16()
        guard version == ImageFormat.version else { throw .unsupportedVersion(version) }
        let stored = UInt32(bytes[bytes.count - 4]) | UInt32(bytes[bytes.count - 3]) << 8
            | UInt32(bytes[bytes.count - 2]) << 16 | UInt32(bytes[bytes.count - 1]) << 24
        // A scanned image had its checksum checked then (a board loads its flash twice).
        let intact = scanned || crc32(bytes[0..<(bytes.count - 4)]) == stored
        do throws(ImageError) {
            guard intact else {
                // Read on only to tell a cut-off file from other damage.
                var nothing = CodeLoader(vm: nil)
                defer { nothing.scratch.deallocate() }
                _ = try readBody(&r, into: &nothing)
                throw ImageError.checksumMismatch
            }
            return try readBody(&r, into: &sink, verifyCode: !scanned)
        } catch {
            // A cut-off file reads as truncated; any other damage shows in the checksum.
            if case .truncated = error { throw .truncated }
            if !intact { throw .checksumMismatch }
            throw error
        }
    }

    /// Everything after the version: modules, code objects, and their checks.
    static func readBody<Sink: CodeSink>(_ r: inout ByteReader, into sink: inout Sink,
                                         verifyCode: Bool = true) throws(ImageError) -> [ImageModule] {
        _ = try r.u16()  // flags, reserved
        let moduleCount = try r.count(minBytesEach: 8)
        let codeCount = try r.count(minBytesEach: 40)
        // A scanned image's modules are in its layout already: loading it
        // does not copy them again (RAM the size check does not count twice).
        var modules: [ImageModule] = []
        for _ in 0..<moduleCount {
            let name = try r.stringBuffer()
            let code = try r.u32()
            guard Int(code) < codeCount else { throw .malformed("module refers to a missing code object") }
            if verifyCode { modules.append(ImageModule(name: Array(name), code: code)) }
        }
        guard moduleCount > 0 else { throw .malformed("no modules") }
        let poolBytes = try r.count(minBytesEach: 1)
        try r.skipPadding(toMultipleOf: 4)
        guard poolBytes <= r.end - r.offset else { throw .truncated }
        r.pool = r.offset..<(r.offset + poolBytes)
        r.offset += poolBytes
        let imageNameCount = try r.count(minBytesEach: 4)
        for _ in 0..<imageNameCount {
            let (text, object) = try r.strRef()
            sink.imageName(text, object: object)
        }
        let inPlace = sink.takesInstructionsInPlace
        for index in 0..<codeCount {
            let nameText = try r.strRef().text, fileText = try r.strRef().text
            guard let header = r.pointer else { throw .truncated }  // no buffer: nothing was read
            var c = CodeObject(name: inPlace ? [] : Array(nameText), filename: inPlace ? [] : Array(fileText))
            c.flags = try r.u32()
            c.argCount = try r.u16(); c.kwOnlyCount = try r.u16(); c.localCount = try r.u16()
            c.freeCount = try r.u16(); c.stackSize = try r.u16()
            c.firstLine = try r.u32()
            var shape = CodeShape(of: c)
            shape.constantCount = try r.count(minBytesEach: 1)
            sink.begin(c, constants: shape.constantCount)
            for _ in 0..<shape.constantCount { try sink.constant(&r, codeCount: codeCount) }
            let names = try r.u32()
            shape.nameCount = Int(names & ~namesPrefix)
            if names & namesPrefix != 0 {
                guard shape.nameCount <= imageNameCount else { throw .malformed("a code's names past the image's") }
                sink.imageNamesPrefix(shape.nameCount)
            } else {
                guard shape.nameCount <= (r.end - r.offset) / 4 else { throw .truncated }
                for _ in 0..<shape.nameCount {
                    let index = try r.u32()
                    guard index < imageNameCount else { throw .malformed("a name index past the image's names") }
                    sink.name(Int(index))
                }
            }
            shape.slotNameCount = try r.count(minBytesEach: 4)
            for _ in 0..<shape.slotNameCount {
                let ref = r.pointer
                let (text, object) = try r.strRef()
                sink.slotName(text, object: object, ref: ref)
            }
            let ninstr = try r.count(minBytesEach: 4)
            try r.skipPadding(toMultipleOf: 4)
            let instructions: UnsafePointer<UInt32>
            if inPlace, let words = try r.wordsInPlace(ninstr) {
                sink.instructionsInPlace(words, ninstr)
                instructions = words
            } else {
                let storage = sink.instructionStorage(ninstr)
                for i in 0..<ninstr { storage[i] = try r.u32() }
                instructions = UnsafePointer(storage)
            }
            var tables = CodeTables(header: header)
            tables.lineCount = try r.count(minBytesEach: 8)
            tables.lineWords = inPlace ? try r.wordsInPlace(2 * tables.lineCount) : nil
            if tables.lineWords == nil {
                tables.lineTable.reserveCapacity(tables.lineCount)  // exact sizes: a board loads this in little RAM
                for _ in 0..<tables.lineCount { tables.lineTable.append(LineEntry(start: try r.u32(), line: try r.u32())) }
            }
            tables.handlerCount = try r.count(minBytesEach: 16)
            tables.handlerWords = inPlace ? try r.wordsInPlace(4 * tables.handlerCount) : nil
            if let w = tables.handlerWords {
                if verifyCode { tables.exceptionTable = (0..<tables.handlerCount).map { ExceptionEntry(words: w + 4 * $0) } }
            } else {
                tables.exceptionTable.reserveCapacity(tables.handlerCount)
                for _ in 0..<tables.handlerCount {
                    tables.exceptionTable.append(ExceptionEntry(start: try r.u32(), end: try r.u32(), target: try r.u32(), depth: try r.u32()))
                }
            }
            if verifyCode {
                try verify(shape, UnsafeBufferPointer(start: instructions, count: ninstr), tables.exceptionTable, index: index)
            }
            sink.end(tables)
        }
        guard r.offset == r.end else { throw .malformed("trailing bytes") }
        return modules
    }

    /// Reads and checks one constant, handing its parts to `maker` as they
    /// come: strings where they lie in the image, a tuple's start before its
    /// items, so a maker need copy nothing (a board loads into little RAM).
    static func readConstant<Maker: ConstantMaker>(_ r: inout ByteReader, codeCount: Int, depth: Int,
                                                   into maker: inout Maker) throws(ImageError) -> Maker.Made {
        switch try r.u8() {
        case tagNone: return maker.make(.none)
        case tagTrue: return maker.make(.true)
        case tagFalse: return maker.make(.false)
        case tagEllipsis: return maker.make(.ellipsis)
        case tagInt: return maker.make(.int(Int64(bitPattern: try r.u64())))
        case tagBigInt:
            let digits = try r.stringBuffer()
            var sawDigit = false
            for (i, ch) in digits.enumerated() {
                if ch == UInt8(ascii: "-") && i == 0 { continue }
                guard ch >= 0x30 && ch <= 0x39 else { throw .malformed("bad digits in an integer constant") }
                sawDigit = true
            }
            guard sawDigit else { throw .malformed("empty integer constant") }
            return maker.text(.bigIntDigits, digits)
        case tagFloat: return maker.make(.float(Double(bitPattern: try r.u64())))
        case tagStr:
            let (text, object) = try r.strRef()
            return maker.str(text, object: object)
        case tagBytes: return maker.text(.bytes, try r.stringBuffer())
        case tagCode:
            let i = try r.u32()
            guard Int(i) < codeCount else { throw .malformed("constant refers to a missing code object") }
            return maker.make(.code(i))
        case tagTuple:
            guard depth < 32 else { throw .malformed("constant tuples nested too deeply") }
            let n = try r.count(minBytesEach: 1)
            var tuple = maker.beginTuple(n)
            for i in 0..<n { maker.add(try readConstant(&r, codeCount: codeCount, depth: depth + 1, into: &maker), to: &tuple, at: i) }
            return maker.endTuple(tuple)
        default: throw .malformed("unknown constant tag")
        }
    }

    /// Checks every operand and proves the value stack stays within
    /// 0...stackSize on every path, with the same depth wherever paths meet.
    public static func verify(_ c: CodeObject, index: Int) throws(ImageError) {
        try c.instructions.withUnsafeBufferPointer { (instructions) throws(ImageError) in
            try verify(CodeShape(of: c), instructions, c.exceptionTable, index: index)
        }
    }

    static func verify(_ c: CodeShape, _ instructions: UnsafeBufferPointer<UInt32>, _ exceptionTable: [ExceptionEntry],
                       index: Int) throws(ImageError) {
        let n = instructions.count
        let slots = Int(c.localCount) + Int(c.freeCount)
        guard n > 0 else { throw .malformed("empty code object") }
        guard Int(c.stackSize) <= maxStack else { throw .malformed("stack size too large") }
        let starSlots = (c.flags & CodeFlags.varArgs != 0 ? 1 : 0) + (c.flags & CodeFlags.varKeywords != 0 ? 1 : 0)
        guard Int(c.argCount) + Int(c.kwOnlyCount) + starSlots <= Int(c.localCount) else {
            throw .malformed("more parameters than local slots")
        }
        guard c.flags & CodeFlags.docstring == 0 || c.constantCount > 0 else {
            throw .malformed("a docstring flag without constants")
        }
        guard c.flags >> CodeFlags.positionalOnlyShift <= UInt32(c.argCount) else {
            throw .malformed("more positional-only parameters than positional ones")
        }
        guard c.slotNameCount == slots else { throw .malformed("slot names do not match slot count") }
        for e in exceptionTable {
            guard e.start <= e.end, Int(e.end) <= n, Int(e.target) < n, Int(e.depth) < Int(c.stackSize)
            else { throw .malformed("bad exception table entry") }
        }
        /// An operand (or a fused operand's part) of instruction `i` names what is there.
        func check(_ kind: OperandKind, _ arg: Int, at i: Int) throws(ImageError) {
            switch kind {
            case .constant: guard arg < c.constantCount else { throw .badInstruction(code: index, index: i, "constant index out of range") }
            case .name: guard arg < c.nameCount else { throw .badInstruction(code: index, index: i, "name index out of range") }
            case .local: guard arg < slots else { throw .badInstruction(code: index, index: i, "local slot out of range") }
            case .jumpTarget: guard arg < n else { throw .badInstruction(code: index, index: i, "jump target out of range") }
            case .binaryOperator: guard arg < 256, BinaryOperator(rawValue: UInt8(truncatingIfNeeded: arg)) != nil else { throw .badInstruction(code: index, index: i, "unknown operator") }
            case .compareOperator: guard arg < 256, CompareOperator(rawValue: UInt8(truncatingIfNeeded: arg)) != nil else { throw .badInstruction(code: index, index: i, "unknown comparison") }
            default: break
            }
        }
        for (i, raw) in instructions.enumerated() {
            let ins = Instruction(raw: raw)
            guard let op = ins.opcode else { throw .badInstruction(code: index, index: i, "unknown opcode") }
            let arg = Int(ins.arg)
            let kind = op.operandKind
            if let parts = kind.fusedParts {
                let (low, high) = FusedOperand.split(ins.arg, lowBits: parts.lowBits)
                try check(parts.low, low, at: i)
                try check(parts.high, high, at: i)
            } else if kind == .count {
                if op == .buildSlice { guard arg == 2 || arg == 3 else { throw .badInstruction(code: index, index: i, "bad slice arity") } }
                if op == .raiseVarargs { guard arg <= 2 else { throw .badInstruction(code: index, index: i, "bad raise arity") } }
                if op == .raiseAssertion { guard arg <= 1 else { throw .badInstruction(code: index, index: i, "bad assert arity") } }
                if op == .listAppend || op == .setAdd || op == .mapAdd { guard arg >= 1 else { throw .badInstruction(code: index, index: i, "bad depth") } }
            } else {
                try check(kind, arg, at: i)
            }
        }
        // Stack depth by abstract interpretation over the control-flow graph
        // (depths fit in 16 bits: stackSize is at most maxStack).
        let unknown: Int16 = -1
        var depthAt = [Int16](repeating: unknown, count: n)
        var work: [Int] = [0]
        depthAt[0] = 0
        let limit = Int(c.stackSize)
        func reach(_ target: Int, _ depth: Int, from i: Int) throws(ImageError) {
            guard depth >= 0 else { throw .badInstruction(code: index, index: i, "stack underflow") }
            guard depth <= limit else { throw .badInstruction(code: index, index: i, "stack deeper than declared") }
            guard target < n else { throw .badInstruction(code: index, index: i, "falls off the end of the code") }
            if depthAt[target] == unknown {
                depthAt[target] = Int16(depth)
                work.append(target)
            } else if Int(depthAt[target]) != depth {
                throw .badInstruction(code: index, index: target, "inconsistent stack depth")
            }
        }
        while let i = work.popLast() {
            let ins = Instruction(raw: instructions[i])
            let op = ins.opcode!
            let arg = ins.arg
            let d = Int(depthAt[i])
            // Items an instruction reads must be there before it runs.
            let needs = op.stackInputs(arg)
            guard d >= needs else { throw .badInstruction(code: index, index: i, "stack underflow") }
            for e in exceptionTable where UInt32(i) >= e.start && UInt32(i) < e.end {
                guard d >= Int(e.depth) else { throw .badInstruction(code: index, index: i, "handler depth above the stack") }
                try reach(Int(e.target), Int(e.depth) + 1, from: i)
            }
            let after = d + op.stackEffect(arg)
            switch op {
            case .jump: try reach(Int(arg), after, from: i)
            case .popJumpIfFalse, .popJumpIfTrue:
                try reach(Int(arg), after, from: i); try reach(i + 1, after, from: i)
            case .compareJumpIfFalse:
                try reach(Int(arg >> FusedOperand.comparisonBits), after, from: i); try reach(i + 1, after, from: i)
            case .jumpIfFalseOrPop, .jumpIfTrueOrPop:
                try reach(Int(arg), d, from: i); try reach(i + 1, after, from: i)
            case .forIter:
                try reach(Int(arg), d - 1, from: i); try reach(i + 1, after, from: i)
            case .returnValue, .raiseVarargs, .raiseAssertion, .reraise, .popExceptReraise:
                guard after >= 0 else { throw .badInstruction(code: index, index: i, "stack underflow") }
            default:
                try reach(i + 1, after, from: i)
            }
        }
    }
}

// MARK: - Byte helpers

struct ByteWriter {
    var data: [UInt8] = []
    mutating func u8(_ v: UInt8) { data.append(v) }
    mutating func u16(_ v: UInt16) { data.append(UInt8(v & 0xFF)); data.append(UInt8(v >> 8)) }
    mutating func u32(_ v: UInt32) { for s in stride(from: 0, to: 32, by: 8) { data.append(UInt8((v >> UInt32(s)) & 0xFF)) } }
    mutating func u64(_ v: UInt64) { for s in stride(from: 0, to: 64, by: 8) { data.append(UInt8((v >> UInt64(s)) & 0xFF)) } }
    mutating func bytes(_ b: [UInt8]) { data.append(contentsOf: b) }
    mutating func string(_ s: [UInt8]) { u32(UInt32(s.count)); data.append(contentsOf: s) }
    /// A reference to the str object at `target` (in the image's pool, before this word):
    /// how many bytes before the reference it starts.
    mutating func ref(to target: Int) { u32(UInt32(data.count - target)) }
    /// `s` as a str object of a 32-bit board's heap (`ImageStr`), 4-aligned.
    mutating func objectString(_ s: [UInt8]) {
        while data.count % 4 != 0 { u8(0) }
        let (chars, hash) = s.withUnsafeBufferPointer { (utf8CharCount($0), hashText($0)) }
        u32(ImageStr.header(byteCount: s.count) ?? 0)  // a 16 MB name: no reader takes it
        u32(UInt32(s.count)); u32(UInt32(chars)); u32(hash)
        data.append(contentsOf: s)
        while data.count % 4 != 0 { u8(0) }
    }
}

/// The image's strs, each once (format 6): their `ImageStr` objects back to back, and
/// where each starts. Only the writer makes one (the compiler, the host's exec).
struct StrPool {
    var bytes = ByteWriter()
    private var starts: [[UInt8]: Int] = [:]

    mutating func add(_ s: [UInt8]) {
        if starts[s] != nil { return }
        starts[s] = bytes.data.count
        bytes.objectString(s)
    }

    mutating func addStrs(in k: Constant) {
        switch k {
        case .str(let s): add(s)
        case .tuple(let items): for item in items { addStrs(in: item) }
        default: break
        }
    }

    /// Where `s` starts, from the pool's start (it was added).
    func offset(of s: [UInt8]) -> Int { starts[s] ?? 0 }
}

/// The image's table of names (format 6), for the writer: each name once, in the order
/// the code objects first use them.
struct ImageNames {
    private(set) var list: [[UInt8]] = []
    private var indexes: [[UInt8]: Int] = [:]

    mutating func add(_ n: [UInt8]) {
        if indexes[n] != nil { return }
        indexes[n] = list.count
        list.append(n)
    }

    func index(of n: [UInt8]) -> Int { indexes[n] ?? 0 }

    /// Whether `names` are the table's first entries, in its order.
    func begin(with names: [[UInt8]]) -> Bool {
        names.count <= list.count && names.indices.allSatisfy { list[$0] == names[$0] }
    }
}

/// A name (format 3) or str constant (format 4) in an image is laid out as a str object of a 32-bit
/// board's heap: the header word (block size << 8 | type), the byte count,
/// the character count, the hash, the UTF-8 bytes, zero padding to a
/// multiple of 4; it starts on a multiple of 4 from the image's start. A
/// board's VM uses it where it lies in flash as a str that is never
/// collected or written (`Heap.isStatic`); the reader checks every field
/// against the text, so a doctored image cannot pass off other bytes as a str.
enum ImageStr {
    /// Header, byte count, character count, hash: a 32-bit board's `strDataOffset`.
    static let fieldBytes = 16
    /// The header word of a str of `byteCount` bytes (a 32-bit board's
    /// `HeaderLayout`); nil past the largest block that header describes.
    static func header(byteCount: Int) -> UInt32? {
        let block = (fieldBytes + byteCount + 3) & ~3
        guard byteCount >= 0, block < 1 << 24 else { return nil }
        return UInt32(block) << 8 | UInt32(ObjType.str.rawValue)
    }
}

struct ByteReader {
    let bytes: UnsafeBufferPointer<UInt8>
    let end: Int
    var offset = 0
    /// Where the image's strs lie (format 6): every reference must lead into it.
    var pool = 0..<0
    init(bytes: UnsafeBufferPointer<UInt8>, end: Int) { self.bytes = bytes; self.end = end }

    mutating func u8() throws(ImageError) -> UInt8 {
        guard offset < end else { throw .truncated }
        defer { offset += 1 }
        return bytes[offset]
    }
    mutating func u16() throws(ImageError) -> UInt16 {
        guard end - offset >= 2 else { throw .truncated }
        defer { offset += 2 }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }
    mutating func u32() throws(ImageError) -> UInt32 { try littleEndian() }
    /// Zero bytes up to the next multiple of `n` from the image's start.
    mutating func skipPadding(toMultipleOf n: Int) throws(ImageError) {
        while offset % n != 0 {
            guard try u8() == 0 else { throw .malformed("padding that is not zero") }
        }
    }
    /// `count` little-endian u32 words where they lie, when this machine is
    /// little-endian and they are aligned in memory (nil: read them one by one).
    mutating func wordsInPlace(_ count: Int) throws(ImageError) -> UnsafePointer<UInt32>? {
        guard let start = bytes.baseAddress, UInt32(1).littleEndian == 1 else { return nil }
        let address = start + offset
        guard UInt(bitPattern: address) % 4 == 0 else { return nil }
        guard (end - offset) / 4 >= count else { throw .truncated }
        offset += 4 * count
        return UnsafeRawPointer(address).assumingMemoryBound(to: UInt32.self)
    }
    mutating func u64() throws(ImageError) -> UInt64 { try littleEndian() }
    /// The next `T.bitWidth / 8` bytes as a little-endian `T`.
    mutating func littleEndian<T: FixedWidthInteger & UnsignedInteger>() throws(ImageError) -> T {
        let size = T.bitWidth / 8
        guard end - offset >= size else { throw .truncated }
        var v: T = 0
        for k in 0..<size { v |= T(bytes[offset + k]) << (8 * k) }
        offset += size
        return v
    }
    /// A count of items that each take at least `minBytesEach` bytes: a count
    /// the rest of the image cannot hold is refused before anything is allocated.
    mutating func count(minBytesEach: Int) throws(ImageError) -> Int {
        let n = Int(try u32())
        guard n <= (end - offset) / max(1, minBytesEach) else { throw .truncated }
        return n
    }
    /// A string's bytes where they lie in the image.
    mutating func stringBuffer() throws(ImageError) -> UnsafeBufferPointer<UInt8> {
        let n = try count(minBytesEach: 1)
        defer { offset += n }
        return UnsafeBufferPointer(rebasing: bytes[offset..<(offset + n)])
    }
    mutating func string() throws(ImageError) -> [UInt8] {
        let n = try count(minBytesEach: 1)
        defer { offset += n }
        return Array(bytes[offset..<(offset + n)])
    }
    /// Where the next byte lies (nil for an empty buffer).
    var pointer: UnsafePointer<UInt8>? { bytes.baseAddress.map { $0 + offset } }
    /// A reference to a str object in the pool (`ByteWriter.ref`): the object's text, and where
    /// it starts when that is 4-aligned in memory. What it leads to is checked as a str
    /// where it lies, inside the pool, so no reference can reach other bytes.
    mutating func strRef() throws(ImageError) -> (text: UnsafeBufferPointer<UInt8>, object: UnsafeRawPointer?) {
        let at = offset
        let distance = try u32()
        guard distance <= UInt32(clamping: at - pool.lowerBound), case let target = at - Int(distance),
              pool.contains(target), target % 4 == 0
        else { throw .malformed("a str reference outside the image's strs") }
        var object = ByteReader(bytes: bytes, end: pool.upperBound)
        object.offset = target
        do throws(ImageError) {
            return try object.objectString()
        } catch {
            // Past the pool's end is not past the file's: the image is damaged, not cut off.
            if case .truncated = error { throw .malformed("a str runs past the image's strs") }
            throw error
        }
    }
    /// A str object (`ImageStr`): its text, and where the object starts
    /// when it is 4-aligned in memory (nil: only the text can be used).
    mutating func objectString() throws(ImageError) -> (text: UnsafeBufferPointer<UInt8>, object: UnsafeRawPointer?) {
        try skipPadding(toMultipleOf: 4)
        let start = offset
        let header = try u32(), byteCount = try u32(), chars = try u32(), hash = try u32()
        // Below 2^24 before Int(): a 32-bit board's Int.
        guard byteCount < 1 << 24, header == ImageStr.header(byteCount: Int(byteCount)) else {
            throw .malformed("a str's header does not match its length")
        }
        guard byteCount <= UInt32(clamping: end - offset) else { throw .truncated }
        let n = Int(byteCount)
        let text = UnsafeBufferPointer(rebasing: bytes[offset..<(offset + n)])
        offset += n
        guard chars == UInt32(utf8CharCount(text)), hash == hashText(text) else {
            throw .malformed("a str's character count or hash does not match its text")
        }
        try skipPadding(toMultipleOf: 4)
        guard let base = bytes.baseAddress else { return (text, nil) }
        let object = UnsafeRawPointer(base + start)
        return (text, UInt(bitPattern: object) % 4 == 0 ? object : nil)
    }
}

/// CRC-32 (IEEE 802.3), bitwise: images are small and this keeps no table in RAM.
public func crc32<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for b in bytes {
        crc ^= UInt32(b)
        for _ in 0..<8 { crc = (crc >> 1) ^ (0xEDB8_8320 & (0 &- (crc & 1))) }
    }
    return ~crc
}

/// The fields of a code object its checks read; names and constants only counted.
struct CodeShape {
    var flags: UInt32
    var argCount: UInt16, kwOnlyCount: UInt16, localCount: UInt16, freeCount: UInt16, stackSize: UInt16
    var constantCount = 0, nameCount = 0, slotNameCount = 0

    init(of c: CodeObject) {
        flags = c.flags
        argCount = c.argCount; kwOnlyCount = c.kwOnlyCount; localCount = c.localCount
        freeCount = c.freeCount; stackSize = c.stackSize
        constantCount = c.constants.count; nameCount = c.names.count; slotNameCount = c.slotNames.count
    }
}

/// What reading an image does with each code object's parts, in the
/// order of the format: build `CodeObject`s (`ImageBuilder`), only count
/// them (`CodeLoader` without a VM, for `scan`), or load them into a VM
/// (`CodeLoader`, for `VM.load(_:from:)`). A board links one reader: the
/// count and the load are one sink type.
protocol CodeSink {
    /// A code object's fixed fields (its arrays still empty).
    mutating func begin(_ code: CodeObject, constants: Int)
    /// Reads the code's next constant from `r` (`ImageFormat.readConstant`, with a maker of its own).
    mutating func constant(_ r: inout ByteReader, codeCount: Int) throws(ImageError)
    /// The image's names (before its code objects), and slot names, where they lie in the
    /// image: the text, and the str object around it when that is aligned in memory.
    mutating func imageName(_ text: UnsafeBufferPointer<UInt8>, object: UnsafeRawPointer?)
    /// A code's names: the image's first `count`, or one by one (index in the image's).
    mutating func imageNamesPrefix(_ count: Int)
    mutating func name(_ index: Int)
    /// `ref`: where the slot name's reference lies (a code's are back to back).
    mutating func slotName(_ text: UnsafeBufferPointer<UInt8>, object: UnsafeRawPointer?, ref: UnsafePointer<UInt8>?)
    /// Room for `count` instructions, which the reader then fills and checks.
    mutating func instructionStorage(_ count: Int) -> UnsafeMutablePointer<UInt32>
    /// Whether the sink keeps instructions where they lie in the image (a
    /// board's flash) when they can be used there: then `instructionsInPlace`
    /// is called instead of `instructionStorage`.
    var takesInstructionsInPlace: Bool { get }
    mutating func instructionsInPlace(_ words: UnsafePointer<UInt32>, _ count: Int)
    /// The code object is read and checked.
    mutating func end(_ tables: CodeTables)
}

/// A code object's name, file name, line table and exception table as the
/// reader found them: the names where they lie in the image; the tables as
/// words in the image when the sink takes them in place and they are
/// aligned (`lineWords`: start, line pairs; `handlerWords`: start, end,
/// target, depth), else read into the arrays.
struct CodeTables {
    /// Where the code's flags lie, after the references to its name and file name.
    var header: UnsafePointer<UInt8>
    var lineCount = 0, handlerCount = 0
    var lineWords: UnsafePointer<UInt32>? = nil
    var handlerWords: UnsafePointer<UInt32>? = nil
    var lineTable: [LineEntry] = []
    var exceptionTable: [ExceptionEntry] = []

    init(header: UnsafePointer<UInt8>) { self.header = header }
}

extension ExceptionEntry {
    init(words w: UnsafePointer<UInt32>) { self.init(start: w[0], end: w[1], target: w[2], depth: w[3]) }
}

extension CodeSink {
    var takesInstructionsInPlace: Bool { false }
    mutating func instructionsInPlace(_ words: UnsafePointer<UInt32>, _ count: Int) {}
}

/// Builds the whole `Image` (the host, the tools and the tests).
struct ImageBuilder: CodeSink {
    var codes: [CodeObject] = []
    var imageNames: [[UInt8]] = []
    var current = CodeObject(name: [], filename: [])
    var scratch = InstructionScratch()
    var instructionCount = 0

    mutating func begin(_ code: CodeObject, constants: Int) {
        current = code
        current.constants.reserveCapacity(constants)
    }
    mutating func constant(_ r: inout ByteReader, codeCount: Int) throws(ImageError) {
        var tree = ConstantTree()
        current.constants.append(try ImageFormat.readConstant(&r, codeCount: codeCount, depth: 0, into: &tree))
    }
    mutating func imageName(_ text: UnsafeBufferPointer<UInt8>, object: UnsafeRawPointer?) { imageNames.append(Array(text)) }
    mutating func imageNamesPrefix(_ count: Int) { current.names = Array(imageNames[0..<count]) }
    mutating func name(_ index: Int) { current.names.append(imageNames[index]) }
    mutating func slotName(_ text: UnsafeBufferPointer<UInt8>, object: UnsafeRawPointer?, ref: UnsafePointer<UInt8>?) {
        current.slotNames.append(Array(text))
    }
    mutating func instructionStorage(_ count: Int) -> UnsafeMutablePointer<UInt32> {
        instructionCount = count
        return scratch.room(for: count)
    }
    mutating func end(_ tables: CodeTables) {
        current.instructions = Array(UnsafeBufferPointer(start: scratch.words, count: instructionCount))
        current.lineTable = tables.lineTable
        current.exceptionTable = tables.exceptionTable
        codes.append(current)
    }
}

/// What a constant's text is (`ConstantMaker.text`; a str is `ConstantMaker.str`).
enum ConstantText { case bytes, bigIntDigits }

/// What `ImageFormat.readConstant` makes of a constant's parts, in the
/// image's order: a scalar (`make`: none, True, False, Ellipsis, an int,
/// a float, a code index), a text where it lies in the image, a str (its
/// text, and the `ImageStr` object where it lies when that is 4-aligned), or a tuple
/// (`beginTuple` with its item count, then `add` for each item as it is
/// made, then `endTuple`). `ConstantTree` makes a `Constant`; a VM's loader
/// makes the value in its heap, or (counting, for `scan`) nothing.
protocol ConstantMaker {
    associatedtype Made
    associatedtype Tuple
    mutating func make(_ scalar: Constant) -> Made
    mutating func text(_ kind: ConstantText, _ bytes: UnsafeBufferPointer<UInt8>) -> Made
    mutating func str(_ text: UnsafeBufferPointer<UInt8>, object: UnsafeRawPointer?) -> Made
    mutating func beginTuple(_ count: Int) -> Tuple
    mutating func add(_ item: Made, to tuple: inout Tuple, at index: Int)
    mutating func endTuple(_ tuple: Tuple) -> Made
}

/// Makes the `Constant` (the host, the tools and the tests).
struct ConstantTree: ConstantMaker {
    func make(_ scalar: Constant) -> Constant { scalar }
    func text(_ kind: ConstantText, _ bytes: UnsafeBufferPointer<UInt8>) -> Constant {
        switch kind {
        case .bytes: return .bytes(Array(bytes))
        case .bigIntDigits: return .bigInt(Array(bytes))
        }
    }
    func str(_ text: UnsafeBufferPointer<UInt8>, object: UnsafeRawPointer?) -> Constant { .str(Array(text)) }
    func beginTuple(_ count: Int) -> [Constant] {
        var items: [Constant] = []
        items.reserveCapacity(count)
        return items
    }
    func add(_ item: Constant, to tuple: inout [Constant], at index: Int) { tuple.append(item) }
    func endTuple(_ tuple: [Constant]) -> Constant { .tuple(tuple) }
}

/// Room for one code object's instructions while they are read and checked,
/// reused for the next (it grows, never shrinks); deallocate when done.
/// Nothing is allocated until it is first needed: a loader whose image
/// lends its instructions in place never needs it.
struct InstructionScratch {
    private(set) var words: UnsafeMutablePointer<UInt32>? = nil
    private var capacity = 0

    mutating func room(for count: Int) -> UnsafeMutablePointer<UInt32> {
        if let words, count <= capacity { return words }
        words?.deallocate()
        let fresh = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, count))
        (words, capacity) = (fresh, max(1, count))
        return fresh
    }

    func deallocate() { words?.deallocate() }
}
