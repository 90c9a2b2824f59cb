// SPDX-License-Identifier: LGPL-2.1-only
import PyMiteCompiler
import XCTest
@testable import PyMiteVM

final class ImageFormatTests: XCTestCase {
    func sampleImage() throws -> Image {
        try Compiler.compile(source: """
            def f(n, k=2):
                total = 0
                for i in range(n):
                    try:
                        total += i // k
                    except ZeroDivisionError as e:
                        total = -1
                return total
            class C:
                def g(self):
                    return [x * 2 for x in range(3)]
            print(f(10), C().g(), 2 ** 70 if False else "x", 1.5, b"\\x00", (1, "a"))
            """, filename: "sample.py", moduleName: "__main__")
    }

    func testRoundTrip() throws {
        var code = CodeObject(name: Array("<module>".utf8), filename: Array("t.py".utf8))
        code.flags = CodeFlags.module
        code.stackSize = 1
        code.constants = [.none, .int(-5), .str(Array("hé".utf8)), .float(1.5),
                          .bigInt(Array("123456789012345678901234567890".utf8)), .tuple([.true, .bytes([0, 255])])]
        code.instructions = [Instruction(.loadConst, 0).raw, Instruction(.returnValue).raw]
        code.lineTable = [LineEntry(start: 0, line: 1)]
        let image = Image(modules: [ImageModule(name: Array("__main__".utf8), code: 0)], codes: [code])
        XCTAssertEqual(try ImageFormat.decode(ImageFormat.encode(image)), image)
        let compiled = try sampleImage()
        XCTAssertEqual(try ImageFormat.decode(ImageFormat.encode(compiled)), compiled)
    }

    /// A board checks the image with `scan`, then loads it from its bytes
    /// one code object at a time; the program runs as if loaded decoded.
    func testBoardLoadsFromTheImageBytes() throws {
        let image = try sampleImage()
        let bytes = ImageFormat.encode(image)
        let layout = try bytes.withUnsafeBufferPointer { try ImageFormat.scan(buffer: $0) }
        XCTAssertEqual(layout.modules, image.modules)
        XCTAssertEqual(layout.codeCount, image.codes.count)
        XCTAssertEqual(layout.constantCount, image.codes.reduce(0) { $0 + $1.constants.count })
        // The compiler gives every code's names as the start of one table: they count once.
        XCTAssertEqual(layout.nameCount, image.codes.map(\.names.count).max()! + image.codes.reduce(0) { $0 + $1.slotNames.count })
        XCTAssertTrue(image.codes.allSatisfy { $0.names == Array(image.codes[0].names.prefix($0.names.count)) })
        func run(_ load: (VM) throws -> Void, floats: Bool) throws -> String {
            var out: [UInt8] = []
            var hooks = silentHooks()
            hooks.write = { _, b in out += b }
            let vm = try VM(config: VMConfig(heapSize: 64 * 1024, floats: floats), hooks: hooks)
            try load(vm)
            _ = vm.runMain()
            return String(decoding: out, as: UTF8.self)
        }
        for floats in [true, false] {
            let decoded = try run({ try $0.load(image) }, floats: floats)
            let fromBytes = try run({ vm in try bytes.withUnsafeBufferPointer { try vm.load(layout, from: $0) } }, floats: floats)
            XCTAssertEqual(fromBytes, decoded)
        }
        XCTAssertEqual(try run({ try $0.load(image) }, floats: true), "20 [0, 2, 4] x 1.5 b'\\x00' (1, 'a')\n")
        // Without floats, the float constant stays unmade and loading it raises what making one would.
        XCTAssertTrue(try run({ try $0.load(image) }, floats: false).contains("NotImplementedError"))
        var broken = bytes
        broken[broken.count / 2] ^= 0x40
        XCTAssertThrowsError(try broken.withUnsafeBufferPointer { try ImageFormat.scan(buffer: $0) }) {
            XCTAssertTrue(($0 as! ImageError).message.contains("checksum"))
        }
    }

    /// Instruction arrays are aligned in the image, and a board's VM runs
    /// them where they lie (flash) instead of copying them to RAM, with the
    /// names, line and exception tables; the host loads a decoded Image the
    /// same way from an aligned copy it keeps. An unaligned buffer gets a copy
    /// of the instructions and tables, laid out as in the image.
    func testBoardRunsInstructionsWhereTheyLie() throws {
        let image = try sampleImage()
        let bytes = ImageFormat.encode(image)
        try bytes.withUnsafeBufferPointer { buffer in
            let layout = try ImageFormat.scan(buffer: buffer)
            let vm = try VM(config: VMConfig(heapSize: 64 * 1024), hooks: silentHooks())
            try vm.load(layout, from: buffer)
            let range = UInt(bitPattern: buffer.baseAddress!)..<UInt(bitPattern: buffer.baseAddress! + buffer.count)
            XCTAssertEqual(vm.codes.count, image.codes.count)
            for (code, decoded) in zip(vm.codes, image.codes) {
                for p in [UnsafeRawPointer(code.instructions), UnsafeRawPointer(code.lines), UnsafeRawPointer(code.name.baseAddress!)] {
                    XCTAssertTrue(range.contains(UInt(bitPattern: p)))
                }
                XCTAssertEqual(Array(UnsafeBufferPointer(start: code.instructions, count: Int(code.count))), decoded.instructions)
                XCTAssertEqual(Array(code.name), decoded.name)
                XCTAssertEqual((0..<Int(code.lineCount)).map { LineEntry(start: code.lines[2 * $0], line: code.lines[2 * $0 + 1]) }, decoded.lineTable)
                XCTAssertEqual((0..<Int(code.handlerCount)).map { ExceptionEntry(words: code.handlers + 4 * $0) }, decoded.exceptionTable)
            }
            XCTAssertTrue(vm.ownedTables.isEmpty)
            XCTAssertEqual(vm.runMain(), .finished)
        }
        let host = try VM(config: VMConfig(heapSize: 64 * 1024), hooks: silentHooks())
        try host.load(image)
        XCTAssertTrue(host.ownedTables.isEmpty)
        let kept = UInt(bitPattern: host.ownedImage!.baseAddress!)..<UInt(bitPattern: host.ownedImage!.baseAddress! + host.ownedImage!.count)
        XCTAssertTrue(host.codes.allSatisfy { kept.contains(UInt(bitPattern: $0.instructions)) })
        // One byte off alignment: the tables are copied, and the program runs the same.
        var shifted = [UInt8](repeating: 0, count: bytes.count + 1)
        shifted[1...] = bytes[...]
        try shifted.withUnsafeBufferPointer { all in
            let buffer = UnsafeBufferPointer(rebasing: all[1...])
            let layout = try ImageFormat.scan(buffer: buffer)
            let vm = try VM(config: VMConfig(heapSize: 64 * 1024), hooks: silentHooks())
            try vm.load(layout, from: buffer)
            XCTAssertFalse(vm.ownedTables.isEmpty)
            for (code, decoded) in zip(vm.codes, image.codes) {
                XCTAssertEqual(Array(UnsafeBufferPointer(start: code.instructions, count: Int(code.count))), decoded.instructions)
                // Copied as the image lays them out: the record finds each table after the one before.
                XCTAssertEqual((0..<Int(code.lineCount)).map { LineEntry(start: code.lines[2 * $0], line: code.lines[2 * $0 + 1]) }, decoded.lineTable)
                XCTAssertEqual(Array(code.name), decoded.name)
                XCTAssertEqual(code.firstLine, decoded.firstLine)
                XCTAssertEqual((0..<Int(code.handlerCount)).map { ExceptionEntry(words: code.handlers + 4 * $0) }, decoded.exceptionTable)
            }
            XCTAssertEqual(vm.runMain(), .finished)
        }
    }

    /// Loading makes a tuple constant in the heap as the image is read: the
    /// tuple first, then each item into it as it is made (strings interned
    /// from where they lie), with no Swift copy of the constant on the way
    /// (a 16 KiB board has no room for one). Its items survive the
    /// collections made while it loads; a tuple holding a value the build
    /// lacks stays unmade, and loading it raises what making it would.
    func testTupleConstantsAreMadeInTheHeapAsTheyLoad() throws {
        let words = (0..<60).map { "word\($0)" }
        let source = "t = (" + words.map { "'\($0)'" }.joined(separator: ", ") + ", (1, 'x', (b'y', None)), -7)\n"
            + "print(len(t), t[0], t[59], t[60], t[61])\nprint(''.join(t[:60]) == '" + words.joined() + "')\n"
        let image = try Compiler.compile(source: source, filename: "t.py", moduleName: "__main__")
        XCTAssertTrue(image.codes[0].constants.contains { if case .tuple(let items) = $0 { return items.count == 62 } else { return false } })
        let bytes = ImageFormat.encode(image)
        let layout = try bytes.withUnsafeBufferPointer { try ImageFormat.scan(buffer: $0) }
        func run(_ bytes: [UInt8], _ config: VMConfig, loaded: (VM) -> Void = { _ in }) throws -> String? {
            var out: [UInt8] = []
            var hooks = silentHooks()
            hooks.write = { _, b in out += b }
            guard let vm = try? VM(config: config, hooks: hooks) else { return nil }
            let layout = try bytes.withUnsafeBufferPointer { try ImageFormat.scan(buffer: $0) }
            do { try bytes.withUnsafeBufferPointer { try vm.load(layout, from: $0) } } catch { return nil }
            loaded(vm)
            _ = vm.runMain()
            return String(decoding: out, as: UTF8.self)
        }
        let expected = "62 word0 word59 (1, 'x', (b'y', None)) -7\nTrue\n"
        XCTAssertEqual(try run(bytes, VMConfig(heapSize: 64 * 1024)), expected)
        var collectedWhileLoading = 0
        for heapSize in stride(from: 2048, through: 12 * 1024, by: 256) {
            guard let out = try run(bytes, VMConfig(heapSize: heapSize), loaded: { collectedWhileLoading += $0.collections })
            else { continue }  // too small to start or to load: MemoryError, never a wrong value
            XCTAssertTrue(out == expected || out.contains("MemoryError"), "heap \(heapSize): \(out)")
        }
        XCTAssertGreaterThan(collectedWhileLoading, 0, "no heap size made the loader collect")
        _ = layout

        let floatInTuple = ImageFormat.encode(try Compiler.compile(source: "print('start')\nt = ((1, 'a'), (2.5,))\nprint(t)\n",
                                                                   filename: "t.py", moduleName: "__main__"))
        XCTAssertEqual(try run(floatInTuple, VMConfig(heapSize: 64 * 1024)), "start\n((1, 'a'), (2.5,))\n")
        let floatless = try XCTUnwrap(try run(floatInTuple, VMConfig(heapSize: 64 * 1024, floats: false)))
        XCTAssertTrue(floatless.hasPrefix("start\n") && floatless.contains("NotImplementedError"), floatless)
        let wideInTuple = ImageFormat.encode(try Compiler.compile(source: "print('start')\nt = ('a', 123456789012345678901234567890)\nprint(t)\n",
                                                                  filename: "t.py", moduleName: "__main__"))
        XCTAssertEqual(try run(wideInTuple, VMConfig(heapSize: 64 * 1024)), "start\n('a', 123456789012345678901234567890)\n")
        let narrow = try XCTUnwrap(try run(wideInTuple, VMConfig(heapSize: 64 * 1024, longInts: false)))
        XCTAssertTrue(narrow.hasPrefix("start\n") && narrow.contains("OverflowError"), narrow)
    }

    /// Padding before instructions must be zero; a version 1 image is refused by name.
    func testPaddingAndVersionOneAreChecked() throws {
        var code = CodeObject(name: Array("<module>".utf8), filename: Array("t.py".utf8))
        code.flags = CodeFlags.module
        code.stackSize = 1
        code.constants = [.none]
        code.instructions = [Instruction(.loadConst, 0).raw, Instruction(.returnValue).raw]
        let image = Image(modules: [ImageModule(name: Array("__main__".utf8), code: 0)], codes: [code])
        var bytes = ImageFormat.encode(image)
        // Header 8, counts 8, the module 16, the pool's size 4 and its strs ("<module>" 24,
        // "t.py" 20), no image names 4, the references to the code's name and file name 8,
        // fixed fields 18, one constant 4 + 1, no names or slot names 4 + 4: the instruction
        // count is at 123, one byte of padding at 127, the instructions from 128.
        XCTAssertEqual(Array(bytes[123..<128]), [2, 0, 0, 0, 0])
        XCTAssertEqual(Array(bytes[128..<132]), withUnsafeBytes(of: Instruction(.loadConst, 0).raw.littleEndian, Array.init))
        bytes[127] = 7
        let crc = crc32(bytes[0..<(bytes.count - 4)])
        for k in 0..<4 { bytes[bytes.count - 4 + k] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(k))) }
        XCTAssertThrowsError(try ImageFormat.decode(bytes)) { XCTAssertTrue(($0 as! ImageError).message.contains("padding"), "\($0)") }
        var old = ImageFormat.encode(image)
        old[4] = 1
        XCTAssertThrowsError(try ImageFormat.decode(old)) { XCTAssertTrue(($0 as! ImageError).message.contains("version 1")) }
    }

    /// Names are str objects of a 32-bit board's heap, 4-aligned, with
    /// their fields; a doctored header, length, character count or hash is
    /// refused, so a board never takes other bytes for a str.
    func testNamesAreCheckedStrObjects() throws {
        var code = CodeObject(name: Array("<module>".utf8), filename: Array("t.py".utf8))
        code.flags = CodeFlags.module
        code.stackSize = 1
        code.constants = [.none]
        code.names = [Array("héllo".utf8)]
        code.instructions = [Instruction(.loadConst, 0).raw, Instruction(.returnValue).raw]
        let image = Image(modules: [ImageModule(name: Array("__main__".utf8), code: 0)], codes: [code])
        let bytes = ImageFormat.encode(image)
        XCTAssertEqual(try ImageFormat.decode(bytes).codes[0].names, code.names)
        // Header 8, counts 8, the module 16, the pool's size 4, then the pool: "<module>" at 36
        // (24 bytes), "t.py" at 60 (20), the object at 80. Then the image's names: their count
        // at 104 and the name's reference at 108, how far before it the object starts. The
        // code's names are the image's first one: after the references to its name and file
        // name 8, fixed fields 18 and one constant 4 + 1, its name count at 143 says so.
        XCTAssertEqual(word(bytes, 32), 68)
        XCTAssertEqual(word(bytes, 104), 1)
        XCTAssertEqual(word(bytes, 108), 108 - 80)
        XCTAssertEqual(word(bytes, 143), 1 | ImageFormat.namesPrefix)
        try checkStrObject(bytes, at: 80)
    }

    /// Image format 6: every str is in the pool once, however often it is used; a
    /// reference that leads outside the pool, or not to a str's start, is refused. The
    /// image's names are one table: a code whose names begin it gives their count, another
    /// its names' places in it, each checked.
    func testStrsAreKeptOnceAndReferencesChecked() throws {
        var code = CodeObject(name: Array("<module>".utf8), filename: Array("t.py".utf8))
        code.flags = CodeFlags.module
        code.stackSize = 1
        code.localCount = 1
        code.constants = [.str(Array("héllo".utf8)), .tuple([.str(Array("héllo".utf8))])]
        code.names = [Array("héllo".utf8), Array("t.py".utf8)]
        code.slotNames = [Array("héllo".utf8)]
        code.instructions = [Instruction(.loadConst, 0).raw, Instruction(.returnValue).raw]
        var other = code
        other.flags = 0
        other.names.reverse()
        let image = Image(modules: [ImageModule(name: Array("__main__".utf8), code: 0)], codes: [code, other])
        let bytes = ImageFormat.encode(image)
        XCTAssertEqual(try ImageFormat.decode(bytes), image)
        let text = Array("héllo".utf8)
        XCTAssertEqual((0...(bytes.count - text.count)).filter { Array(bytes[$0..<($0 + text.count)]) == text }, [96],
                       "the str is written once, in the pool")
        XCTAssertEqual(word(bytes, 32), 68, "the pool holds \"<module>\", \"t.py\" and \"héllo\"")
        // The image's names (two references from 108), then the first code's first
        // constant: the tag at 146, then its reference.
        XCTAssertEqual(word(bytes, 104), 2)
        XCTAssertEqual(bytes[146], ImageFormat.tagStr)
        XCTAssertEqual(word(bytes, 147), 147 - 80)
        // Its names are the image's two first ones (at 161); the other code's the same two the
        // other way round: their places in the image's table (at 241).
        XCTAssertEqual(word(bytes, 161), 2 | ImageFormat.namesPrefix)
        XCTAssertEqual([word(bytes, 241), word(bytes, 245), word(bytes, 249)], [2, 1, 0])
        func refused(_ distance: UInt32, _ why: String, at: Int = 147) {
            var doctored = bytes
            for k in 0..<4 { doctored[at + k] = UInt8(truncatingIfNeeded: distance >> (8 * UInt32(k))) }
            let crc = crc32(doctored[0..<(doctored.count - 4)])
            for k in 0..<4 { doctored[doctored.count - 4 + k] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(k))) }
            XCTAssertThrowsError(try ImageFormat.decode(doctored), why) {
                XCTAssertTrue(($0 as! ImageError).message.contains(why.isEmpty ? "str reference outside" : why), "\($0)")
            }
        }
        refused(147 - 20, "")            // before the pool: the module's name
        refused(0, "")                   // the reference itself, after the pool
        refused(147 - 82, "")            // inside the pool, not on a multiple of 4
        refused(UInt32.max, "")          // before the image's start
        refused(147 - 84, "header")      // on a multiple of 4 inside the str's fields: not a str
        refused(3 | ImageFormat.namesPrefix, "a code's names past the image's", at: 161)
        refused(2, "a name index past the image's names", at: 249)
    }

    /// Image format 4: str constants are str objects too (a board's heap
    /// holds none of the program's text), checked as names are.
    func testStrConstantsAreCheckedStrObjects() throws {
        var code = CodeObject(name: Array("<module>".utf8), filename: Array("t.py".utf8))
        code.flags = CodeFlags.module
        code.stackSize = 1
        code.constants = [.str(Array("héllo".utf8)), .tuple([.none, .str(Array("héllo".utf8))])]
        code.instructions = [Instruction(.loadConst, 0).raw, Instruction(.returnValue).raw]
        let image = Image(modules: [ImageModule(name: Array("__main__".utf8), code: 0)], codes: [code])
        let bytes = ImageFormat.encode(image)
        XCTAssertEqual(try ImageFormat.decode(bytes).codes[0].constants, code.constants)
        // Header 8, counts 8, the module 16, the pool's size 4, the pool ("<module>" at 36,
        // "t.py" at 60, the object at 80), no image names 4, the references to the code's name
        // and file name 8, fixed fields 18: the constant count at 134, the str's tag at 138 and
        // its reference at 139; then the tuple's tag at 143, its count, None's tag at 148, the
        // str's tag at 149 and its reference at 150, to the same object.
        XCTAssertEqual(word(bytes, 134), 2)
        XCTAssertEqual(bytes[138], ImageFormat.tagStr)
        XCTAssertEqual(word(bytes, 139), 139 - 80)
        XCTAssertEqual(Array(bytes[143..<150]), [ImageFormat.tagTuple, 2, 0, 0, 0, ImageFormat.tagNone, ImageFormat.tagStr])
        XCTAssertEqual(word(bytes, 150), 150 - 80)
        try checkStrObject(bytes, at: 80)
    }

    private func word(_ bytes: [UInt8], _ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }

    /// The image holds "héllo" as a str object at `at`; each doctored field is refused by name.
    private func checkStrObject(_ bytes: [UInt8], at: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(word(bytes, at), UInt32(24) << 8 | 2, "a 24-byte block of type str", file: file, line: line)
        XCTAssertEqual([word(bytes, at + 4), word(bytes, at + 8)], [6, 5], "6 bytes, 5 characters", file: file, line: line)
        XCTAssertEqual(word(bytes, at + 12), Array("héllo".utf8).withUnsafeBufferPointer { hashText($0) }, file: file, line: line)
        XCTAssertEqual(Array(bytes[(at + 16)..<(at + 22)]), Array("héllo".utf8), file: file, line: line)
        XCTAssertEqual(Array(bytes[(at + 22)..<(at + 24)]), [0, 0], file: file, line: line)
        for (offset, value, why) in [(at, UInt32(24) << 8 | 17, "header"), (at + 4, 9, "header"), (at + 8, 6, "character count"),
                                     (at + 12, 12345, "character count or hash"), (at + 22, 1, "padding")] {
            var doctored = bytes
            for k in 0..<4 where offset + k < at + 24 { doctored[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
            if offset == at + 22 { doctored[offset] = 1; doctored[offset + 1] = 0 }
            let crc = crc32(doctored[0..<(doctored.count - 4)])
            for k in 0..<4 { doctored[doctored.count - 4 + k] = UInt8(truncatingIfNeeded: crc >> (8 * UInt32(k))) }
            XCTAssertThrowsError(try ImageFormat.decode(doctored), "doctored \(why) accepted", file: file, line: line) {
                XCTAssertTrue(($0 as! ImageError).message.contains(why), "\($0)", file: file, line: line)
            }
        }
    }

    func testRefusesBadMagicVersionAndChecksum() throws {
        var bytes = ImageFormat.encode(try sampleImage())
        var wrongMagic = bytes
        wrongMagic[0] = 0x51
        XCTAssertThrowsError(try ImageFormat.decode(wrongMagic)) { XCTAssertEqual(($0 as! ImageError).message, "not a p14p code image (bad magic)") }
        var wrongVersion = bytes
        wrongVersion[4] = 9
        XCTAssertThrowsError(try ImageFormat.decode(wrongVersion)) {
            XCTAssertEqual(($0 as! ImageError).message,
                           "unsupported image format version 9 (this VM reads version \(ImageFormat.version); compile the program again)")
        }
        bytes[bytes.count / 2] ^= 0x40
        XCTAssertThrowsError(try ImageFormat.decode(bytes)) { XCTAssertTrue(($0 as! ImageError).message.contains("checksum")) }
    }

    /// Every truncation of a valid image is refused, never a crash.
    func testEveryTruncationIsRefused() throws {
        let bytes = ImageFormat.encode(try sampleImage())
        for n in 0..<bytes.count {
            XCTAssertThrowsError(try ImageFormat.decode(Array(bytes[0..<n])), "prefix of \(n) bytes was accepted")
        }
    }

    /// Random bytes, and valid images with bytes changed and the checksum
    /// fixed up (so the structural checks and the verifier are exercised).
    func testFuzzedImagesAreRefusedOrSafe() throws {
        var rng = SplitMix(seed: 0x5EED)
        let valid = ImageFormat.encode(try sampleImage())
        var accepted = 0
        for round in 0..<(Int(ProcessInfo.processInfo.environment["P14P_FUZZ_ROUNDS"] ?? "") ?? 3000) {
            var bytes: [UInt8]
            if round < 500 {
                bytes = (0..<Int(rng.next() % 300)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
                if round % 2 == 0 && bytes.count > 4 { bytes.replaceSubrange(0..<4, with: ImageFormat.magic) }
            } else {
                bytes = valid
                for _ in 0..<(1 + Int(rng.next() % 4)) {
                    let i = 8 + Int(rng.next() % UInt64(bytes.count - 12))
                    bytes[i] = UInt8(truncatingIfNeeded: rng.next())
                }
                let body = bytes[0..<(bytes.count - 4)]
                let crc = crc32(body)
                for k in 0..<4 { bytes[bytes.count - 4 + k] = UInt8(truncatingIfNeeded: crc >> UInt32(8 * k)) }
            }
            let layout = bytes.withUnsafeBufferPointer { try? ImageFormat.scan(buffer: $0) }
            if let image = try? ImageFormat.decode(bytes) {
                // Whatever the loader accepts must run without crashing the host.
                accepted += 1
                let vm = try VM(config: VMConfig(heapSize: 256 * 1024, backwardJumpLimit: 100_000), hooks: silentHooks())
                try vm.load(image)
                _ = vm.runMain()
                // A board's loader accepts the same images and loads them from the bytes.
                let onBoard = try VM(config: VMConfig(heapSize: 256 * 1024, backwardJumpLimit: 100_000), hooks: silentHooks())
                try bytes.withUnsafeBufferPointer { try onBoard.load(try XCTUnwrap(layout), from: $0) }
                _ = onBoard.runMain()
            } else {
                XCTAssertNil(layout, "scan accepted an image that decode refuses")
            }
        }
        XCTAssertGreaterThanOrEqual(accepted, 0)
    }

    func testVerifierRejectsStackMisuse() {
        func image(_ ins: [Instruction], stack: UInt16) -> Image {
            var c = CodeObject(name: Array("m".utf8), filename: Array("m.py".utf8))
            c.stackSize = stack
            c.constants = [.none]
            c.instructions = ins.map { $0.raw }
            return Image(modules: [ImageModule(name: Array("__main__".utf8), code: 0)], codes: [c])
        }
        let underflow = image([Instruction(.popTop), Instruction(.loadConst, 0), Instruction(.returnValue)], stack: 1)
        XCTAssertThrowsError(try ImageFormat.decode(ImageFormat.encode(underflow)))
        let tooDeep = image([Instruction(.loadConst, 0), Instruction(.loadConst, 0), Instruction(.returnValue)], stack: 1)
        XCTAssertThrowsError(try ImageFormat.decode(ImageFormat.encode(tooDeep)))
        let fallsOff = image([Instruction(.loadConst, 0)], stack: 1)
        XCTAssertThrowsError(try ImageFormat.decode(ImageFormat.encode(fallsOff)))
        let badConstant = image([Instruction(.loadConst, 7), Instruction(.returnValue)], stack: 1)
        XCTAssertThrowsError(try ImageFormat.decode(ImageFormat.encode(badConstant)))
        let good = image([Instruction(.loadConst, 0), Instruction(.returnValue)], stack: 1)
        XCTAssertNoThrow(try ImageFormat.decode(ImageFormat.encode(good)))
    }

    /// Each part of a fused instruction's operand is checked as the instruction it stands for
    /// checks its own, and a fused jump's target joins the flow like popJumpIfFalse's.
    func testVerifierChecksFusedOperands() {
        // f(a, b) with names [x], constants [None, 1]: each body ends by returning what it left.
        func verifies(_ body: [Instruction], stack: UInt16 = 3) -> String? {
            var c = CodeObject(name: Array("f".utf8), filename: Array("m.py".utf8), argCount: 2, localCount: 2, stackSize: stack)
            c.constants = [.none, .int(1)]
            c.names = [Array("x".utf8)]
            c.slotNames = [Array("a".utf8), Array("b".utf8)]
            c.instructions = body.map { $0.raw }
            let main = CodeObject(name: Array("<module>".utf8), filename: Array("m.py".utf8), flags: CodeFlags.module,
                                  stackSize: 1, constants: [.none],
                                  instructions: [Instruction(.loadConst, 0).raw, Instruction(.returnValue).raw])
            do {
                _ = try ImageFormat.decode(ImageFormat.encode(Image(modules: [ImageModule(name: Array("__main__".utf8), code: 0)], codes: [main, c])))
                return nil
            } catch { return "\(error)" }
        }
        func pack(_ low: Int, _ high: Int, _ bits: UInt32) -> UInt32 { FusedOperand.pack(low, high, lowBits: bits)! }
        let ret = Instruction(.returnValue)
        let pairBits = FusedOperand.slotBits, attrBits = FusedOperand.attrSlotBits
        let opBits = FusedOperand.operatorBits, cmpBits = FusedOperand.comparisonBits
        let popTwo = [Instruction(.popTop), ret]  // after loadFastLoadFast: drop one, return one
        XCTAssertNil(verifies([Instruction(.loadFastLoadFast, pack(0, 1, pairBits))] + popTwo))
        XCTAssertEqual(verifies([Instruction(.loadFastLoadFast, pack(0, 2, pairBits))] + popTwo)?.contains("local slot out of range"), true)
        XCTAssertEqual(verifies([Instruction(.loadFastLoadFast, pack(5, 0, pairBits))] + popTwo)?.contains("local slot out of range"), true)
        XCTAssertNil(verifies([Instruction(.loadFastAttr, pack(1, 0, attrBits)), ret]))
        XCTAssertEqual(verifies([Instruction(.loadFastAttr, pack(1, 1, attrBits)), ret])?.contains("name index out of range"), true)
        XCTAssertEqual(verifies([Instruction(.loadFastAttr, pack(2, 0, attrBits)), ret])?.contains("local slot out of range"), true)
        let storeAttr = { (slot: Int, name: Int) in
            [Instruction(.loadConst, 0), Instruction(.storeFastAttr, pack(slot, name, attrBits)), Instruction(.loadConst, 0), ret]
        }
        XCTAssertNil(verifies(storeAttr(0, 0)))
        XCTAssertEqual(verifies(storeAttr(0, 3))?.contains("name index out of range"), true)
        // storeFastAttr pops its value: with nothing to pop the stack underflows.
        XCTAssertEqual(verifies([Instruction(.storeFastAttr, pack(0, 0, attrBits)), Instruction(.loadConst, 0), ret])?.contains("stack underflow"), true)
        let add = Int(BinaryOperator.add.rawValue)
        for op in [Opcode.loadConstBinaryOp, .loadConstInplaceOp] {
            XCTAssertNil(verifies([Instruction(.loadFast, 0), Instruction(op, pack(add, 1, opBits)), ret]))
            XCTAssertEqual(verifies([Instruction(.loadFast, 0), Instruction(op, pack(add, 2, opBits)), ret])?.contains("constant index out of range"), true)
            XCTAssertEqual(verifies([Instruction(.loadFast, 0), Instruction(op, pack(99, 1, opBits)), ret])?.contains("unknown operator"), true)
        }
        let less = Int(CompareOperator.less.rawValue)
        let compareJump = { (cmp: Int, target: Int) in
            [Instruction(.loadFastLoadFast, pack(0, 1, pairBits)), Instruction(.compareJumpIfFalse, pack(cmp, target, cmpBits)),
             Instruction(.loadConst, 1), ret, Instruction(.loadConst, 0), ret]
        }
        XCTAssertNil(verifies(compareJump(less, 4)))
        XCTAssertEqual(verifies(compareJump(less, 6))?.contains("jump target out of range"), true)
        XCTAssertEqual(verifies(compareJump(15, 4))?.contains("unknown comparison"), true)
        // The target is reached with both operands gone: a popTop there underflows.
        let jumpToPop = [Instruction(.loadFastLoadFast, pack(0, 1, pairBits)), Instruction(.compareJumpIfFalse, pack(less, 4, cmpBits)),
                         Instruction(.loadConst, 1), ret, Instruction(.popTop), Instruction(.loadConst, 0), ret]
        XCTAssertEqual(verifies(jumpToPop)?.contains("stack underflow"), true)
        // binarySlice reads three items and leaves one.
        let constants = [Instruction(.loadConst, 0), Instruction(.loadConst, 0)]
        XCTAssertNil(verifies(constants + [Instruction(.loadConst, 0), Instruction(.binarySlice), ret]))
        XCTAssertEqual(verifies(constants + [Instruction(.binarySlice), ret])?.contains("stack underflow"), true)
    }

    /// Flags that make the VM read a constant or name a parameter are checked against the counts.
    func testVerifierChecksWhatFlagsPromise() {
        func image(flags: UInt32, constants: [Constant], argCount: UInt16) -> Image {
            var c = CodeObject(name: Array("f".utf8), filename: Array("m.py".utf8), flags: flags, argCount: argCount,
                               localCount: argCount, stackSize: 1)
            c.constants = constants
            c.slotNames = (0..<Int(argCount)).map { Array("p\($0)".utf8) }
            c.instructions = [Instruction(.loadFast, 0).raw, Instruction(.returnValue).raw]  // reads no constant
            let main = CodeObject(name: Array("<module>".utf8), filename: Array("m.py".utf8), flags: CodeFlags.module,
                                  stackSize: 1, constants: [.none],
                                  instructions: [Instruction(.loadConst, 0).raw, Instruction(.returnValue).raw])
            return Image(modules: [ImageModule(name: Array("__main__".utf8), code: 0)], codes: [main, c])
        }
        // A docstring flag with no constant 0 to read.
        XCTAssertThrowsError(try ImageFormat.decode(ImageFormat.encode(image(flags: CodeFlags.docstring, constants: [], argCount: 1))))
        XCTAssertNoThrow(try ImageFormat.decode(ImageFormat.encode(image(flags: 0, constants: [], argCount: 1))))
        XCTAssertNoThrow(try ImageFormat.decode(ImageFormat.encode(image(flags: CodeFlags.docstring, constants: [.str(Array("d".utf8))], argCount: 1))))
        // More positional-only parameters than positional ones.
        let posonly = { (n: UInt32) in n << CodeFlags.positionalOnlyShift }
        XCTAssertThrowsError(try ImageFormat.decode(ImageFormat.encode(image(flags: posonly(2), constants: [.none], argCount: 1))))
        XCTAssertNoThrow(try ImageFormat.decode(ImageFormat.encode(image(flags: posonly(1), constants: [.none], argCount: 1))))
    }
}

/// A small deterministic generator, so a failing fuzz case can be replayed.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
