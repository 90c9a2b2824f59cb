// SPDX-License-Identifier: LGPL-2.1-only
import Foundation
import XCTest
@testable import PyMiteCompiler
import PyMiteVM

final class CodeGenTests: XCTestCase {

    // MARK: Helpers

    func compile(_ source: String, file: StaticString = #filePath, line: UInt = #line) throws -> Image {
        let image = try Compiler.compile(source: source, filename: "t.py", moduleName: "__main__")
        assertVerifies(image, file: file, line: line)
        return image
    }

    func assertVerifies(_ image: Image, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let back = try ImageFormat.decode(ImageFormat.encode(image))
            XCTAssertEqual(back, image, file: file, line: line)
        } catch {
            XCTFail("image does not verify: \(error.message)\n\(disassemble(image))", file: file, line: line)
        }
    }

    /// The code object named `name` (the first one).
    func code(_ image: Image, _ name: String) -> CodeObject {
        guard let c = image.codes.first(where: { $0.name == Array(name.utf8) }) else {
            XCTFail("no code object \(name)")
            return CodeObject(name: [], filename: [])
        }
        return c
    }

    /// Instructions as "MNEMONIC meaning" strings, e.g. "LOAD_FAST x", "JUMP 4".
    func listing(_ c: CodeObject) -> [String] {
        c.instructions.map { raw in
            let ins = Instruction(raw: raw)
            let op = ins.opcode!
            let a = Int(ins.arg)
            let m = "\(op.mnemonic)"
            switch op.operandKind {
            case .none: return m
            case .constant: return m + " " + constantRepr(c.constants[a])
            case .name: return m + " " + String(decoding: c.names[a], as: UTF8.self)
            case .local: return m + " " + String(decoding: c.slotNames[a], as: UTF8.self)
            case .binaryOperator: return m + " " + "\(BinaryOperator(rawValue: UInt8(a))!.symbol)"
            case .compareOperator: return m + " " + "\(CompareOperator(rawValue: UInt8(a))!.symbol)"
            case .localPair, .localAndName, .operatorAndConstant, .comparisonAndTarget:
                return m + " " + argumentMeaning(op, ins.arg, c)!  // "a, b", "self.x", "+ 1", "<, else to 9"
            default: return m + " \(a)"
            }
        }
    }

    func syntaxError(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> SyntaxError? {
        do {
            let image = try Compiler.compile(source: source, filename: "t.py", moduleName: "__main__")
            XCTFail("expected a SyntaxError\n\(disassemble(image))", file: file, line: line)
        } catch let e as SyntaxError {
            return e
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return nil
    }

    func assertSyntaxError(_ source: String, _ message: String, line errLine: Int, column: Int? = nil,
                           file: StaticString = #filePath, line: UInt = #line) {
        guard let e = syntaxError(source, file: file, line: line) else { return }
        XCTAssertEqual(e.message, message, file: file, line: line)
        XCTAssertEqual(e.line, errLine, file: file, line: line)
        if let c = column { XCTAssertEqual(e.column, c, file: file, line: line) }
    }

    static var corpusFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("corpus")
    }

    // MARK: Whole programs

    /// Every corpus program compiles to an image the loader accepts.
    func testCorpusCompilesAndVerifies() throws {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: CodeGenTests.corpusFolder.path) else { return }
        var count = 0
        for case let rel as String in walker where rel.hasSuffix(".py") {
            let path = CodeGenTests.corpusFolder.appendingPathComponent(rel).path
            let source = try Compiler.readSource(path)
            let name = (rel as NSString).lastPathComponent
            if name.hasPrefix("syntax_") {
                XCTAssertThrowsError(try Compiler.compile(source: source, filename: path, moduleName: "__main__"),
                                     rel) { XCTAssertTrue($0 is SyntaxError, rel) }
                continue
            }
            do {
                let image = try Compiler.compile(source: source, filename: path, moduleName: "__main__")
                assertVerifies(image)
                _ = disassemble(image)
                count += 1
            } catch {
                XCTFail("\(rel): \(error)")
            }
        }
        XCTAssertGreaterThan(count, 10)
    }

    func testCompileProgramFindsSiblingModules() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("cg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "import helper\nfrom util import f\ndef g():\n    import late\nimport missing\nprint(helper.x, f())\n"
            .write(to: dir.appendingPathComponent("main.py"), atomically: true, encoding: .utf8)
        try "import util\nx = 1\n".write(to: dir.appendingPathComponent("helper.py"), atomically: true, encoding: .utf8)
        try "def f():\n    return 2\n".write(to: dir.appendingPathComponent("util.py"), atomically: true, encoding: .utf8)
        try "y = 3\n".write(to: dir.appendingPathComponent("late.py"), atomically: true, encoding: .utf8)
        try "z = 4\n".write(to: dir.appendingPathComponent("unused.py"), atomically: true, encoding: .utf8)
        let image = try Compiler.compileProgram(mainPath: dir.appendingPathComponent("main.py").path)
        assertVerifies(image)
        let names = image.modules.map { String(decoding: $0.name, as: UTF8.self) }
        XCTAssertEqual(names, ["__main__", "helper", "util", "late"])
        for m in image.modules {
            XCTAssertNotEqual(image.codes[Int(m.code)].flags & CodeFlags.module, 0)
        }
        // The corpus module program too.
        let corpus = try Compiler.compileProgram(mainPath: CodeGenTests.corpusFolder.appendingPathComponent("modules/main.py").path)
        assertVerifies(corpus)
        XCTAssertEqual(Set(corpus.modules.map { String(decoding: $0.name, as: UTF8.self) }), ["__main__", "helper", "other"])
    }

    func testCompileProgramReportsUnreadableFile() {
        XCTAssertThrowsError(try Compiler.compileProgram(mainPath: "/nonexistent/dir/main.py")) { error in
            guard let e = error as? SourceFileError else { return XCTFail("wrong error \(error)") }
            XCTAssertEqual(e.description, "can't open file '/nonexistent/dir/main.py': No such file or directory")
        }
    }

    /// A folder, a file that is not UTF-8, and a byte-order mark, read with POSIX calls (FileBytes).
    func testReadSourceFromFolderAndBytes() throws {
        let folder = NSTemporaryDirectory() + "p14p-read-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        XCTAssertThrowsError(try Compiler.readSource(folder)) { error in
            XCTAssertEqual((error as? SourceFileError)?.description, "can't open file '\(folder)': Is a directory")
        }
        XCTAssertEqual(FileBytes.kind(folder), .directory)
        XCTAssertEqual(FileBytes.kind(folder + "/none.py"), .missing)
        let latin1 = folder + "/latin1.py"
        XCTAssertTrue(FileManager.default.createFile(atPath: latin1, contents: Data([0x78, 0x3D, 0xE9, 0x0A])))
        XCTAssertThrowsError(try Compiler.readSource(latin1)) { error in
            XCTAssertEqual((error as? SourceFileError)?.reason, "not valid UTF-8")
        }
        // Larger than one read's chunk, with a byte-order mark dropped.
        let big = folder + "/big.py"
        let line = "x = 1234567890\n"
        let text = String(repeating: line, count: 10_000)
        XCTAssertTrue(FileManager.default.createFile(atPath: big, contents: Data([0xEF, 0xBB, 0xBF] + Array(text.utf8))))
        XCTAssertEqual(FileBytes.kind(big), .file)
        XCTAssertEqual(try Compiler.readSource(big), text)
    }

    /// The code generator works on hand-built trees too.
    func testHandBuiltTree() throws {
        let l = SourceLocation(line: 1, column: 1)
        let body = [Stmt(.assign(targets: [Expr(.name("x"), l)],
                                 value: Expr(.binary(Expr(.literal(.int(1)), l), .add, Expr(.literal(.int(2)), l)), l)), l)]
        let image = try Compiler.compile(module: body, filename: "t.py", moduleName: "m")
        assertVerifies(image)
        XCTAssertEqual(listing(image.codes[0]), ["LOAD_CONST 1", "LOAD_CONST_BINARY_OP + 2", "STORE_GLOBAL x",
                                                 "LOAD_CONST None", "RETURN_VALUE"])
    }

    // MARK: Instruction sequences

    func testModuleBasics() throws {
        let image = try compile("\"doc\"\nx = -5\ny = x, 2\ndel x\n")
        XCTAssertEqual(image.modules, [ImageModule(name: Array("__main__".utf8), code: 0)])
        let c = image.codes[0]
        XCTAssertEqual(c.flags, CodeFlags.module)
        XCTAssertEqual(listing(c), [
            "LOAD_CONST 'doc'", "STORE_GLOBAL __doc__",
            "LOAD_CONST -5", "STORE_GLOBAL x",
            "LOAD_GLOBAL x", "LOAD_CONST 2", "BUILD_TUPLE 2", "STORE_GLOBAL y",
            "DELETE_GLOBAL x",
            "LOAD_CONST None", "RETURN_VALUE",
        ])
        XCTAssertEqual(c.stackSize, 2)
        XCTAssertEqual(c.lineTable.map { $0.line }, [1, 2, 3, 4])
    }

    /// An image lays each str constant out as an object whose header gives
    /// its size in 24 bits: a longer string is refused where it is written,
    /// never written into an image the reader would then refuse. The
    /// longest that fits still compiles (and, in a tuple, is checked too).
    func testAStringTooLongForAnImageIsASyntaxError() throws {
        let longest = String(repeating: "a", count: ImageFormat.maxStrBytes)
        assertSyntaxError("x = 1\nt = (1, '\(longest)b')\n", "string too long for a code image", line: 2)
        let image = try Compiler.compile(source: "s = '\(longest)'\n", filename: "t.py", moduleName: "__main__")
        XCTAssertEqual(try ImageFormat.decode(ImageFormat.encode(image)).codes[0].constants.first, .str(Array(longest.utf8)))
    }

    /// Each constant once per code unit; constants CPython tells apart stay apart
    /// (1, True and 1.0; 0.0 and -0.0; str and bytes; nested tuples by shape).
    func testEqualConstantsAreSharedAndDistinctOnesKept() throws {
        let c = try compile("""
            a = (0.0, -0.0, 1, True, 1.0, 'x', b'x', (1,), ((1,),), ((1,), 2), (1, (2,)))
            b = (0.0, -0.0, 1, True, 1.0, 'x', b'x', (1,), ((1,),), ((1,), 2), (1, (2,)))
            c = 'x'
            d = b'x'
            e = ((1,), 2)
            """).codes[0]
        let tuples = c.constants.filter { if case .tuple = $0 { return true } else { return false } }
        XCTAssertEqual(tuples.count, 2, "a and b share one 11-tuple, and e has its own: \(c.constants)")
        for k: Constant in [.str([0x78]), .bytes([0x78]), .tuple([.tuple([.int(1)]), .int(2)])] {
            XCTAssertEqual(c.constants.filter { $0 == k }.count, 1, "\(k) in \(c.constants)")
        }
        guard case .tuple(let items)? = c.constants.first(where: { if case .tuple(let t) = $0 { return t.count == 11 } else { return false } }) else {
            return XCTFail("no 11-tuple in \(c.constants)")
        }
        XCTAssertEqual(items[0], .float(0.0))
        XCTAssertEqual(items[1], .float(-0.0))
        if case .float(let z) = items[1] { XCTAssertEqual(z.sign, .minus) }
        XCTAssertEqual(Array(items[2...4]), [.int(1), .true, .float(1.0)])
    }

    func testConstantsAndLiterals() throws {
        let c = try compile("a = (1, 2.5, 'x', b'y', None, ...)\nb = 99999999999999999999\nc = -9223372036854775808\nd = [1, 2, 3]\n").codes[0]
        XCTAssertTrue(c.constants.contains(.tuple([.int(1), .float(2.5), .str([0x78]), .bytes([0x79]), .none, .ellipsis])))
        XCTAssertTrue(c.constants.contains(.bigInt(Array("99999999999999999999".utf8))))
        XCTAssertTrue(c.constants.contains(.int(Int64.min)))
        XCTAssertEqual(Array(listing(c)[6...8]), ["BUILD_LIST 0", "LOAD_CONST (1, 2, 3)", "LIST_EXTEND"])
        assertSyntaxError("x = 1 +\\\n 2j\n", "complex numbers are not supported", line: 2)
    }

    func testFunctionLocalsAndDefaults() throws {
        let image = try compile("""
        def f(a, b=1, *args, c, d=2, **kw):
            "doc"
            e = a + b
            return e
        """)
        let f = code(image, "f")
        XCTAssertEqual(f.argCount, 2)
        XCTAssertEqual(f.kwOnlyCount, 2)
        XCTAssertEqual(f.localCount, 7)
        XCTAssertEqual(f.flags, CodeFlags.varArgs | CodeFlags.varKeywords | CodeFlags.docstring)
        XCTAssertEqual(f.constants.first, .str(Array("doc".utf8)))  // f.__doc__, with no instruction for it
        XCTAssertEqual(f.slotNames.map { String(decoding: $0, as: UTF8.self) }, ["a", "b", "c", "d", "args", "kw", "e"])
        XCTAssertEqual(listing(f), ["LOAD_FAST_LOAD_FAST a, b", "BINARY_OP +", "STORE_FAST e",
                                    "LOAD_FAST e", "RETURN_VALUE"])
        XCTAssertEqual(listing(image.codes[0]), [
            "LOAD_CONST 1", "BUILD_TUPLE 1",
            "LOAD_CONST 'd'", "LOAD_CONST 2", "BUILD_MAP 1",
            "LOAD_CONST <code 1>", "MAKE_FUNCTION 3", "STORE_GLOBAL f",
            "LOAD_CONST None", "RETURN_VALUE",
        ])
    }

    func testClosuresCellsAndFreeVariables() throws {
        let image = try compile("""
        def outer(x):
            y = 1
            def middle():
                def inner():
                    return x + y + z
                return inner
            return middle
        z = 0
        """)
        let outer = code(image, "outer"), middle = code(image, "middle"), inner = code(image, "inner")
        XCTAssertEqual(outer.freeCount, 0)
        XCTAssertEqual(listing(outer), [
            "MAKE_CELL x", "MAKE_CELL y",
            "LOAD_CONST 1", "STORE_DEREF y",
            "LOAD_CLOSURE x", "LOAD_CLOSURE y", "BUILD_TUPLE 2", "LOAD_CONST <code 2>", "MAKE_FUNCTION 8",
            "STORE_FAST middle", "LOAD_FAST middle", "RETURN_VALUE",
        ])
        // middle passes x and y through to inner: free variables of its own.
        XCTAssertEqual(middle.localCount, 1)
        XCTAssertEqual(middle.freeCount, 2)
        XCTAssertEqual(middle.slotNames.map { String(decoding: $0, as: UTF8.self) }, ["inner", "x", "y"])
        XCTAssertEqual(Array(listing(middle).prefix(3)), ["LOAD_CLOSURE x", "LOAD_CLOSURE y", "BUILD_TUPLE 2"])
        XCTAssertEqual(listing(inner), ["LOAD_DEREF x", "LOAD_DEREF y", "BINARY_OP +", "LOAD_GLOBAL z",
                                        "BINARY_OP +", "RETURN_VALUE"])
    }

    func testScopeAnalysis() throws {
        let source = """
        g = 1
        def f(p):
            global g
            a = 1
            class C:
                a = 2
                b = a
                def m(self):
                    return a, p
                def n(self):
                    nonlocal q
                    q = 3
            q = 0
            return [p for p in range(a)], lambda: q
        """
        let body = try parseModule(source: source, filename: "t.py")
        let table = try SymbolTable(module: body, filename: "t.py")
        let f = table.module.children[0]
        XCTAssertEqual(f.locals, ["p", "a", "C", "q"])
        XCTAssertEqual(f.cellVars, ["p", "a", "q"])
        XCTAssertEqual(f.resolve("g"), .globalExplicit)
        XCTAssertEqual(f.resolve("range"), .globalImplicit)
        let c = f.children[0]
        XCTAssertEqual(c.kind, .classBody)
        XCTAssertEqual(c.qualname, "f.<locals>.C")
        // The class body binds `a` itself but passes f's `a`, `p` and `q` to its methods.
        XCTAssertEqual(c.resolve("a"), .classLocal)
        XCTAssertEqual(c.freeVars, ["a", "p", "q"])
        let m = c.children[0]
        XCTAssertEqual(m.qualname, "f.<locals>.C.m")
        XCTAssertEqual(m.resolve("a"), .free)
        XCTAssertEqual(m.freeVars, ["a", "p"])
        XCTAssertEqual(c.children[1].resolve("q"), .free)
        // The comprehension's `p` is its own local; the lambda captures q.
        let comp = f.children[1]
        XCTAssertEqual(comp.kind, .comprehension("list comprehension"))
        XCTAssertEqual(comp.locals, [".0", "p"])
        XCTAssertEqual(comp.freeVars, [])
        XCTAssertEqual(f.children[2].freeVars, ["q"])

        let image = try compile(source)
        let cbody = code(image, "C")
        XCTAssertEqual(cbody.flags, CodeFlags.classBody)
        XCTAssertEqual(Array(listing(cbody).prefix(8)), [
            "LOAD_GLOBAL __name__", "STORE_NAME __module__", "LOAD_CONST 'f.<locals>.C'", "STORE_NAME __qualname__",
            "LOAD_CONST 2", "STORE_NAME a", "LOAD_NAME a", "STORE_NAME b",
        ])
        XCTAssertEqual(listing(code(image, "n")), ["LOAD_CONST 3", "STORE_DEREF q", "LOAD_CONST None", "RETURN_VALUE"])
    }

    func testClassDefinition() throws {
        let image = try compile("""
        @dec
        class A(B, C):
            '''doc'''
            def m(self):
                return self
        """)
        XCTAssertEqual(listing(image.codes[0]), [
            "LOAD_GLOBAL dec", "LOAD_CONST 'A'", "LOAD_GLOBAL B", "LOAD_GLOBAL C", "BUILD_TUPLE 2",
            "LOAD_CONST <code 1>", "MAKE_FUNCTION 0", "CALL_FUNCTION 0", "BUILD_CLASS 0", "CALL_FUNCTION 1",
            "STORE_GLOBAL A", "LOAD_CONST None", "RETURN_VALUE",
        ])
        XCTAssertEqual(listing(image.codes[1]), [
            "LOAD_GLOBAL __name__", "STORE_NAME __module__", "LOAD_CONST 'A'", "STORE_NAME __qualname__",
            "LOAD_CONST 'doc'", "STORE_NAME __doc__",
            "LOAD_CONST <code 2>", "MAKE_FUNCTION 0", "STORE_NAME m", "LOAD_LOCALS", "RETURN_VALUE",
        ])
        XCTAssertEqual(listing(image.codes[2]), ["LOAD_FAST self", "RETURN_VALUE"])
    }

    func testCalls() throws {
        let c = try compile("o.m(1)\nf(1, k=2)\nf(*a, 1, **d, k=3)\nf(x)\n").codes[0]
        XCTAssertEqual(listing(c), [
            "LOAD_GLOBAL o", "LOAD_METHOD m", "LOAD_CONST 1", "CALL_METHOD 1", "POP_TOP",
            "LOAD_GLOBAL f", "LOAD_CONST 1", "LOAD_CONST 2", "LOAD_CONST ('k',)", "CALL_FUNCTION_KW 2", "POP_TOP",
            "LOAD_GLOBAL f", "BUILD_LIST 0", "LOAD_GLOBAL a", "LIST_EXTEND", "LOAD_CONST 1", "LIST_APPEND 1",
            "LIST_TO_TUPLE", "BUILD_MAP 0", "LOAD_GLOBAL d", "DICT_UPDATE", "LOAD_CONST 'k'", "LOAD_CONST 3",
            "BUILD_MAP 1", "DICT_UPDATE", "CALL_FUNCTION_EX 1", "POP_TOP",
            "LOAD_GLOBAL f", "LOAD_GLOBAL x", "CALL_FUNCTION 1", "POP_TOP",
            "LOAD_CONST None", "RETURN_VALUE",
        ])
        assertSyntaxError("f(a=1, a=2)\n", "keyword argument repeated: a", line: 1)
    }

    /// `CG_DUMP=file.py swift test --filter CodeGenTests.testDump` prints a disassembly.
    func testDump() throws {
        guard let path = ProcessInfo.processInfo.environment["CG_DUMP"] else { return }
        let image = try Compiler.compile(source: try Compiler.readSource(path), filename: path, moduleName: "__main__")
        print(disassemble(image))
        assertVerifies(image)
    }

    func testForLoopBreakContinue() throws {
        let image = try compile("""
        def f(xs):
            for x in xs:
                if x:
                    break
                continue
            else:
                return 1
            return 2
        """)
        XCTAssertEqual(listing(code(image, "f")), [
            "LOAD_FAST xs", "GET_ITER",
            "FOR_ITER 9", "STORE_FAST x",            // 2
            "LOAD_FAST x", "POP_JUMP_IF_FALSE 8",    // 4
            "POP_TOP", "JUMP 11",                    // 6: break pops the iterator, skips the else
            "JUMP 2",                                // 8: continue
            "LOAD_CONST 1", "RETURN_VALUE",          // 9: else
            "LOAD_CONST 2", "RETURN_VALUE",          // 11
        ])
        assertSyntaxError("for x in y:\n    pass\nbreak\n", "'break' outside loop", line: 3, column: 1)
        assertSyntaxError("while x:\n    def f():\n        continue\n", "'continue' not properly in loop", line: 3, column: 9)
    }

    /// The commonest pairs become one instruction (image format 5), but never across a jump
    /// target or a new line, where the second instruction starts something of its own.
    func testPairsAreFusedWhereNothingStartsBetweenThem() throws {
        let image = try compile("""
        def f(o, x):
            o.a = x.b + 1
            x.n += 1
            if x.c < 3:
                return o.d
            return (o or x) + o
        def g(a, b):
            return (a
                    + b)
        """)
        XCTAssertEqual(listing(code(image, "f")), [
            "LOAD_FAST_ATTR x.b", "LOAD_CONST_BINARY_OP + 1", "STORE_FAST_ATTR o.a",
            "LOAD_FAST x", "DUP_TOP", "LOAD_ATTR n", "LOAD_CONST_INPLACE_OP + 1", "ROT_TWO", "STORE_ATTR n",
            "LOAD_FAST_ATTR x.c", "LOAD_CONST 3", "COMPARE_JUMP_IF_FALSE <, else to 14",
            "LOAD_FAST_ATTR o.d", "RETURN_VALUE",
            // `or` jumps to the `+` with o or x on the stack: the o after it is not fused with x.
            "LOAD_FAST o", "JUMP_IF_TRUE_OR_POP 17", "LOAD_FAST x", "LOAD_FAST o", "BINARY_OP +", "RETURN_VALUE",
        ])
        let g = code(image, "g")
        XCTAssertEqual(listing(g), ["LOAD_FAST a", "LOAD_FAST b", "BINARY_OP +", "RETURN_VALUE"])
        XCTAssertEqual(g.lineTable.map { [$0.start, $0.line] }, [[0, 8], [1, 9], [2, 8]])
        assertVerifies(image)
        // A slice without a step is read by one instruction; one with a step, or one stored, keeps its slice.
        let slices = try compile("y = s[1:x]\nz = s[::2]\ns[:1] = y\n")
        XCTAssertEqual(listing(slices.codes[0]), [
            "LOAD_GLOBAL s", "LOAD_CONST 1", "LOAD_GLOBAL x", "BINARY_SLICE", "STORE_GLOBAL y",
            "LOAD_GLOBAL s", "LOAD_CONST None", "LOAD_CONST None", "LOAD_CONST 2", "BUILD_SLICE 3", "BINARY_SUBSCR", "STORE_GLOBAL z",
            "LOAD_GLOBAL y", "LOAD_GLOBAL s", "LOAD_CONST None", "LOAD_CONST 1", "BUILD_SLICE 2", "STORE_SUBSCR",
            "LOAD_CONST None", "RETURN_VALUE",
        ])
    }

    func testWhileLoopAndConditions() throws {
        let image = try compile("""
        def f(a, b):
            while True:
                if a and not b:
                    return 1
                a = a < b < 3
        """)
        let f = code(image, "f")
        XCTAssertEqual(listing(f), [
            "LOAD_FAST a", "POP_JUMP_IF_FALSE 6", "LOAD_FAST b", "POP_JUMP_IF_TRUE 6",
            "LOAD_CONST 1", "RETURN_VALUE",
            "LOAD_FAST_LOAD_FAST a, b", "DUP_TOP", "ROT_THREE", "COMPARE_OP <", "JUMP_IF_FALSE_OR_POP 14",
            "LOAD_CONST 3", "COMPARE_OP <", "JUMP 16", "ROT_TWO", "POP_TOP",
            "STORE_FAST a", "JUMP 0",
        ])
        XCTAssertEqual(f.stackSize, 3)
        let g = try compile("x = a or b and c\ny = p if q else r\n").codes[0]
        XCTAssertEqual(listing(g), [
            "LOAD_GLOBAL a", "JUMP_IF_TRUE_OR_POP 5", "LOAD_GLOBAL b", "JUMP_IF_FALSE_OR_POP 5", "LOAD_GLOBAL c",
            "STORE_GLOBAL x",
            "LOAD_GLOBAL q", "POP_JUMP_IF_FALSE 10", "LOAD_GLOBAL p", "JUMP 11", "LOAD_GLOBAL r", "STORE_GLOBAL y",
            "LOAD_CONST None", "RETURN_VALUE",
        ])
    }

    func testComprehensions() throws {
        let image = try compile("r = [x * y for x in a if x for y in b]\ng = (x for x in a)\nd = {k: v for k, v in p}\n")
        let comp = code(image, "<listcomp>")
        XCTAssertEqual(comp.argCount, 1)
        XCTAssertEqual(listing(comp), [
            "BUILD_LIST 0", "LOAD_FAST .0",
            "FOR_ITER 15", "STORE_FAST x", "LOAD_FAST x", "POP_JUMP_IF_FALSE 2",      // 2
            "LOAD_GLOBAL b", "GET_ITER", "FOR_ITER 14", "STORE_FAST y",              // 6
            "LOAD_FAST_LOAD_FAST x, y", "BINARY_OP *", "LIST_APPEND 3", "JUMP 8",    // 10
            "JUMP 2", "RETURN_VALUE",                                                // 14
        ])
        XCTAssertEqual(Array(listing(image.codes[0]).prefix(6)), [
            "LOAD_CONST <code 1>", "MAKE_FUNCTION 0", "LOAD_GLOBAL a", "GET_ITER", "CALL_FUNCTION 1", "STORE_GLOBAL r",
        ])
        let gen = code(image, "<genexpr>")
        XCTAssertEqual(gen.flags, CodeFlags.generator)
        XCTAssertEqual(listing(gen), ["LOAD_FAST .0", "FOR_ITER 7", "STORE_FAST x", "LOAD_FAST x", "YIELD_VALUE",
                                      "POP_TOP", "JUMP 1", "LOAD_CONST None", "RETURN_VALUE"])
        XCTAssertEqual(listing(code(image, "<dictcomp>")), [
            "BUILD_MAP 0", "LOAD_FAST .0", "FOR_ITER 9", "UNPACK_SEQUENCE 2", "STORE_FAST k", "STORE_FAST v",
            "LOAD_FAST_LOAD_FAST k, v", "MAP_ADD 2", "JUMP 2", "RETURN_VALUE",
        ])
        // A comprehension capturing a function local makes it a cell.
        let nested = try compile("def f(n):\n    return [lambda: i + n for i in range(3)]\n")
        XCTAssertEqual(code(nested, "f").slotNames.map { String(decoding: $0, as: UTF8.self) }, ["n"])
        XCTAssertEqual(Array(listing(code(nested, "f")).prefix(5)), [
            "MAKE_CELL n", "LOAD_CLOSURE n", "BUILD_TUPLE 1", "LOAD_CONST <code 2>", "MAKE_FUNCTION 8",
        ])
        XCTAssertEqual(code(nested, "<listcomp>").freeCount, 1)
        XCTAssertTrue(listing(code(nested, "<listcomp>")).contains("MAKE_CELL i"))
        XCTAssertEqual(listing(code(nested, "<lambda>")), ["LOAD_DEREF i", "LOAD_DEREF n", "BINARY_OP +", "RETURN_VALUE"])
    }

    func testTryExcept() throws {
        let image = try compile("""
        def t():
            try:
                a()
            except E as e:
                b(e)
            except:
                c()
            else:
                d()
        """)
        let t = code(image, "t")
        XCTAssertEqual(listing(t), [
            "LOAD_GLOBAL a", "CALL_FUNCTION 0", "POP_TOP",                                  // 0  body
            "LOAD_GLOBAL d", "CALL_FUNCTION 0", "POP_TOP", "JUMP 32",                       // 3  else
            "PUSH_EXC_INFO",                                                                // 7  handler
            "LOAD_GLOBAL E", "EXCEPT_MATCH", "POP_JUMP_IF_FALSE 25", "STORE_FAST e",        // 8
            "LOAD_GLOBAL b", "LOAD_FAST e", "CALL_FUNCTION 1", "POP_TOP",                   // 12
            "POP_EXCEPT", "LOAD_CONST None", "STORE_FAST e", "DELETE_FAST e", "JUMP 32",    // 16
            "LOAD_CONST None", "STORE_FAST e", "DELETE_FAST e", "POP_EXCEPT_RERAISE",       // 21 e cleared on raise
            "POP_TOP", "LOAD_GLOBAL c", "CALL_FUNCTION 0", "POP_TOP", "POP_EXCEPT", "JUMP 32", // 25 bare except
            "POP_EXCEPT_RERAISE",                                                           // 31 cleanup
            "LOAD_CONST None", "RETURN_VALUE",
        ])
        XCTAssertEqual(t.exceptionTable, [
            ExceptionEntry(start: 0, end: 3, target: 7, depth: 0),
            ExceptionEntry(start: 12, end: 16, target: 21, depth: 1),
            ExceptionEntry(start: 8, end: 16, target: 31, depth: 1),
            ExceptionEntry(start: 25, end: 29, target: 31, depth: 1),
        ])
        assertSyntaxError("try:\n    x\nexcept:\n    y\nexcept E:\n    z\n", "default 'except:' must be last", line: 3)
    }

    func testTryFinallyUnwinding() throws {
        let image = try compile("""
        def fin():
            try:
                return a()
            finally:
                return 3
        """)
        let f = code(image, "fin")
        XCTAssertEqual(listing(f), [
            "LOAD_GLOBAL a", "CALL_FUNCTION 0",
            // return: the finally body runs inline with the value pending; its own return drops it.
            "LOAD_CONST 3", "ROT_TWO", "POP_TOP", "RETURN_VALUE",
            // exceptional path: [prev exc]; the return discards the exception.
            "PUSH_EXC_INFO", "LOAD_CONST 3", "ROT_THREE", "POP_TOP", "POP_EXCEPT", "RETURN_VALUE",
            "POP_EXCEPT_RERAISE",
        ])
        XCTAssertEqual(f.exceptionTable, [
            ExceptionEntry(start: 0, end: 2, target: 6, depth: 0),
            ExceptionEntry(start: 7, end: 8, target: 12, depth: 1),
        ])

        // break/continue/return through nested handlers: the inline finally body
        // stays outside its own range but inside the outer handler's.
        let loop = try compile("""
        def f(xs):
            for x in xs:
                try:
                    try:
                        if x:
                            break
                        return g(x)
                    except E as e:
                        continue
                    finally:
                        h()
                except:
                    return 5
            return 2
        """)
        let g = code(loop, "f")
        let l = listing(g)
        XCTAssertEqual(Array(l[4...10]), ["LOAD_FAST x", "POP_JUMP_IF_FALSE 11", "LOAD_GLOBAL h", "CALL_FUNCTION 0",
                                          "POP_TOP", "POP_TOP", "JUMP 46"])
        XCTAssertEqual(Array(l[23...30]), ["POP_EXCEPT", "LOAD_CONST None", "STORE_FAST e", "DELETE_FAST e",
                                           "LOAD_GLOBAL h", "CALL_FUNCTION 0", "POP_TOP", "JUMP 2"])
        XCTAssertEqual(Array(l[39...44]), ["PUSH_EXC_INFO", "POP_TOP", "LOAD_CONST 5", "ROT_TWO", "POP_EXCEPT",
                                           "RETURN_VALUE"])
        // Inner handlers come first; h() at 6-8 is covered only by the outer except.
        let covering6 = g.exceptionTable.filter { $0.start <= 6 && 6 < $0.end }.map { $0.target }
        XCTAssertEqual(covering6, [39])
        let covering4 = g.exceptionTable.filter { $0.start <= 4 && 4 < $0.end }.map { $0.target }
        XCTAssertEqual(covering4, [18, 33, 39])
    }

    func testNestedTryVariantsVerify() throws {
        // Every combination the unwinder handles must satisfy the loader's depth proof.
        _ = try compile("""
        def f(xs):
            while xs:
                for x in xs:
                    try:
                        try:
                            continue
                        finally:
                            for y in x:
                                try:
                                    break
                                except:
                                    return y
                                finally:
                                    continue
                    except E:
                        try:
                            break
                        finally:
                            pass
                    else:
                        return [z for z in x]
                    finally:
                        del x
            else:
                return 1
        def g():
            try:
                yield 1
            finally:
                try:
                    return (yield 2)
                except:
                    raise
        class C:
            try:
                import m
            except ImportError:
                m = None
        """)
    }

    func testGeneratorsAndYieldFrom() throws {
        let image = try compile("def gen(x):\n    y = yield x\n    yield from y\nl = lambda: (yield)\n")
        let g = code(image, "gen")
        XCTAssertEqual(g.flags, CodeFlags.generator)
        XCTAssertEqual(listing(g), [
            "LOAD_FAST x", "YIELD_VALUE", "STORE_FAST y",
            "LOAD_FAST y", "GET_YIELD_FROM_ITER", "LOAD_CONST None", "YIELD_FROM", "POP_TOP",
            "LOAD_CONST None", "RETURN_VALUE",
        ])
        XCTAssertEqual(code(image, "<lambda>").flags, CodeFlags.generator)
        assertSyntaxError("x = 1\nyield x\n", "'yield' outside function", line: 2, column: 1)
        assertSyntaxError("class C:\n    yield\n", "'yield' outside function", line: 2, column: 5)
        assertSyntaxError("def f():\n    return [(yield x) for x in y]\n", "'yield' inside list comprehension", line: 2)
    }

    func testImports() throws {
        let c = try compile("import a.b.c as d, e.f\nfrom .. import g\nfrom m.n import p as q, s\nfrom __future__ import annotations\nfrom t import *\n").codes[0]
        XCTAssertEqual(listing(c), [
            "IMPORT_NAME a.b.c", "LOAD_ATTR b", "LOAD_ATTR c", "STORE_GLOBAL d",
            "IMPORT_NAME e.f", "STORE_GLOBAL e",
            "IMPORT_NAME g", "STORE_GLOBAL g",
            "IMPORT_NAME m.n", "LOAD_ATTR n", "IMPORT_FROM p", "STORE_GLOBAL q", "IMPORT_FROM s", "STORE_GLOBAL s",
            "POP_TOP",
            "IMPORT_NAME t", "IMPORT_STAR",
            "LOAD_CONST None", "RETURN_VALUE",
        ])
        let f = try compile("def f():\n    import os.path\n    from x import y\n")
        XCTAssertEqual(listing(code(f, "f")), [
            "IMPORT_NAME os.path", "STORE_FAST os", "IMPORT_NAME x", "IMPORT_FROM y", "STORE_FAST y", "POP_TOP",
            "LOAD_CONST None", "RETURN_VALUE",
        ])
        assertSyntaxError("def f():\n    from m import *\n", "import * only allowed at module level", line: 2, column: 5)
    }

    func testAssertRaiseAndDelete() throws {
        let c = try compile("assert x, 'm'\nassert y\nraise\n").codes[0]
        XCTAssertEqual(listing(c), [
            "LOAD_GLOBAL x", "POP_JUMP_IF_TRUE 4", "LOAD_CONST 'm'", "RAISE_ASSERTION 1",
            "LOAD_GLOBAL y", "POP_JUMP_IF_TRUE 7", "RAISE_ASSERTION 0",
            "RAISE_VARARGS 0",
        ])
        let d = try compile("del a.b, c[1], (d, e)\nraise E from F\n").codes[0]
        XCTAssertEqual(listing(d), [
            "LOAD_GLOBAL a", "DELETE_ATTR b", "LOAD_GLOBAL c", "LOAD_CONST 1", "DELETE_SUBSCR",
            "DELETE_GLOBAL d", "DELETE_GLOBAL e",
            "LOAD_GLOBAL E", "LOAD_GLOBAL F", "RAISE_VARARGS 2",
        ])
    }

    func testDisplays() throws {
        let c = try compile("a = [*x, 1]\nb = {1: 2, **m}\nc = {p, *q}\nd = (*x,)\ne = {}\n").codes[0]
        XCTAssertEqual(listing(c), [
            "BUILD_LIST 0", "LOAD_GLOBAL x", "LIST_EXTEND", "LOAD_CONST 1", "LIST_APPEND 1", "STORE_GLOBAL a",
            "LOAD_CONST 1", "LOAD_CONST 2", "BUILD_MAP 1", "LOAD_GLOBAL m", "DICT_UPDATE", "STORE_GLOBAL b",
            "LOAD_GLOBAL p", "BUILD_SET 1", "LOAD_GLOBAL q", "SET_UPDATE", "STORE_GLOBAL c",
            "BUILD_LIST 0", "LOAD_GLOBAL x", "LIST_EXTEND", "LIST_TO_TUPLE", "STORE_GLOBAL d",
            "BUILD_MAP 0", "STORE_GLOBAL e",
            "LOAD_CONST None", "RETURN_VALUE",
        ])
        // Long displays are built incrementally: the stack stays shallow.
        let items = (0..<100).map { "v\($0)" }.joined(separator: ", ")
        let long = try compile("x = [\(items)]\ny = (\(items))\nz = {\((0..<100).map { "v\($0): 0" }.joined(separator: ", "))}\n")
        XCTAssertLessThanOrEqual(long.codes[0].stackSize, UInt16(CodeGen.chunk + 1))
    }

    func testSyntaxErrors() {
        assertSyntaxError("def f():\n    x = 1\n    global x\n", "name 'x' is assigned to before global declaration",
                          line: 3, column: 5)
        assertSyntaxError("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration",
                          line: 3, column: 5)
        assertSyntaxError("def f(x):\n    global x\n", "name 'x' is parameter and global", line: 2, column: 5)
        assertSyntaxError("def f():\n    def g():\n        nonlocal x\n", "no binding for nonlocal 'x' found",
                          line: 3, column: 9)
        assertSyntaxError("x = 1\ndef f():\n    nonlocal x\n", "no binding for nonlocal 'x' found", line: 3, column: 5)
        assertSyntaxError("nonlocal x\n", "nonlocal declaration not allowed at module level", line: 1, column: 1)
        assertSyntaxError("x = 1\nreturn x\n", "'return' outside function", line: 2, column: 1)
        assertSyntaxError("class C:\n    return 1\n", "'return' outside function", line: 2, column: 5)
        assertSyntaxError("f() = 1\n", "cannot assign to function call", line: 1, column: 1)
        assertSyntaxError("for a, *b, *c in d: pass\n", "multiple starred expressions in assignment", line: 1)
        assertSyntaxError("x, y += 1\n", "'tuple' is an illegal expression for augmented assignment", line: 1)
        assertSyntaxError("del f()\n", "cannot delete function call", line: 1)
        assertSyntaxError("def f(a, a): pass\n", "duplicate argument 'a' in function definition", line: 1)
        assertSyntaxError("x = 3j\n", "complex numbers are not supported", line: 1, column: 5)
        // Errors carry the file name.
        XCTAssertEqual(syntaxError("return\n")?.filename, "t.py")
    }

    /// One table of names for the program (image format 6): each code object's names are the
    /// table as it stood when the code was done, so the image holds each name once and a board
    /// a word of RAM per name of the program; the second module of a program goes on with it.
    func testOneTableOfNamesForTheProgram() throws {
        var image = try compile("""
            class A:
                def get(self):
                    return self.value
            def f(a):
                return a.value + len(a.items)
            print(f(A()))
            """)
        try Compiler.append(source: "import sys\nprint(sys.argv, len([]))\n", filename: "m.py", moduleName: "m", to: &image)
        assertVerifies(image)
        let table = image.codes.map(\.names).max { $0.count < $1.count }!
        for c in image.codes { XCTAssertEqual(c.names, Array(table.prefix(c.names.count)), text(c.name)) }
        XCTAssertEqual(table.filter { $0 == Array("value".utf8) }.count, 1)
        XCTAssertEqual(table.filter { $0 == Array("len".utf8) }.count, 1, "the second module's len is the first's")
        XCTAssertEqual(image.codes.last?.names.count, table.count)
        let listing = disassemble(image)
        XCTAssertTrue(listing.hasPrefix("module __main__: code 0\nmodule m: code \(image.modules[1].code)\nnames: 0="), listing)
        XCTAssertTrue(listing.contains("  names: the first "), listing)
    }

    func testDisassembler() throws {
        let image = try compile("def f(a, *b):\n    try:\n        return a < 'x\\n'\n    except E:\n        pass\n")
        let text = disassemble(image)
        XCTAssertTrue(text.contains("code 1: f (file \"t.py\", line 1)"), text)
        XCTAssertTrue(text.contains("flags: *args"), text)
        XCTAssertTrue(text.contains("args 1, kwonly 0, locals 2, free 0, stack 3"), text)
        XCTAssertTrue(text.contains("LOAD_CONST               0 ('x\\n')"), text)
        XCTAssertTrue(text.contains("COMPARE_OP               0 (<)"), text)
        XCTAssertTrue(text.contains("LOAD_FAST                0 (a)"), text)
        XCTAssertTrue(text.contains("exception table:"), text)
        XCTAssertTrue(text.contains("POP_JUMP_IF_FALSE"), text)
        XCTAssertTrue(text.contains("(to "), text)
        XCTAssertEqual(constantRepr(.tuple([.int(1)])), "(1,)")
        XCTAssertEqual(constantRepr(.str(Array("it's".utf8))), "\"it's\"")
        XCTAssertEqual(constantRepr(.bytes([0, 0x41])), "b'\\x00A'")
        XCTAssertEqual(constantRepr(.float(1.5)), "1.5")
    }

    func testLineTable() throws {
        let c = try compile("x = f(\n    a,\n    b)\ny = 2\n").codes[0]
        XCTAssertEqual(c.lineTable.map { [$0.start, $0.line] }, [[0, 1], [1, 2], [2, 3], [3, 1], [5, 4]])
        XCTAssertEqual(c.line(at: 3), 1)
    }

    func testZeroArgumentSuperGetsClassCell() throws {
        let image = try compile("""
        class A(B):
            def m(self):
                return super().m()
            def n(self):
                return 1
        """)
        let body = code(image, "A")
        XCTAssertEqual(body.localCount, 1)
        XCTAssertEqual(body.slotNames.map { String(decoding: $0, as: UTF8.self) }, ["__class__"])
        let l = listing(body)
        XCTAssertEqual(l.first, "MAKE_CELL __class__")
        XCTAssertEqual(Array(l.suffix(4)), ["LOAD_CLOSURE __class__", "STORE_NAME __classcell__", "LOAD_LOCALS",
                                            "RETURN_VALUE"])
        XCTAssertTrue(l.contains("LOAD_CLOSURE __class__"))
        let m = code(image, "m")
        XCTAssertEqual(m.freeCount, 1)
        XCTAssertEqual(m.slotNames.map { String(decoding: $0, as: UTF8.self) }, ["self", "__class__"])
        XCTAssertEqual(code(image, "n").freeCount, 0)
        // A class without super() has no cell.
        XCTAssertEqual(code(try compile("class C:\n    def f(self): return 1\n"), "C").localCount, 0)
    }

    /// `return` from a loop inside a handler: the iterator goes before the handler's items.
    func testReturnFromLoopInsideHandler() throws {
        let image = try compile("""
        def f(y):
            try:
                g()
            except E:
                for x in y:
                    return x
        def h(y):
            for z in y:
                return z
        """)
        let l = listing(code(image, "f"))
        let r = l.firstIndex(of: "STORE_FAST x")!
        XCTAssertEqual(Array(l[(r + 1)...(r + 6)]), ["LOAD_FAST x", "ROT_TWO", "POP_TOP", "ROT_TWO", "POP_EXCEPT",
                                                     "RETURN_VALUE"])
        // Without a handler below, the frame's stack is simply dropped.
        XCTAssertEqual(Array(listing(code(image, "h"))[3...5]), ["STORE_FAST z", "LOAD_FAST z", "RETURN_VALUE"])
    }

    /// Nesting at the parser's limit compiles without exhausting the stack.
    func testDeepNesting() throws {
        let depth = 900
        let lists = String(repeating: "[", count: 190) + "x" + String(repeating: "]", count: 190)
        let image = try compile("a = \(lists)\nb = \(String(repeating: "-", count: depth))x\nc = \(String(repeating: "y + ", count: depth))1\n")
        XCTAssertGreaterThanOrEqual(image.codes[0].stackSize, 1)
        var src = ""
        for i in 0..<60 { src += String(repeating: "    ", count: i) + "def f\(i)():\n" }
        src += String(repeating: "    ", count: 60) + "return x\n"
        _ = try compile(src)
    }

    // MARK: Issue 5: with, f-strings, walrus, class keywords, calls and displays

    func testWithStatement() throws {
        let image = try compile("""
        def f():
            with a as x:
                b()
        """)
        let f = code(image, "f")
        XCTAssertEqual(listing(f), [
            "LOAD_GLOBAL a", "DUP_TOP", "LOAD_SPECIAL __exit__", "ROT_THREE", "ROT_THREE",    // 0 [exit self mgr]
            "LOAD_SPECIAL __enter__", "CALL_METHOD 0", "STORE_FAST x",                        // 5
            "LOAD_GLOBAL b", "CALL_FUNCTION 0", "POP_TOP",                                   // 8  body
            "LOAD_CONST None", "LOAD_CONST None", "LOAD_CONST None", "CALL_METHOD 3", "POP_TOP", "JUMP 38", // 11
            "DUP_TOP", "ROT_FOUR", "PUSH_EXC_INFO", "ROT_TWO", "ROT_FOUR",                   // 17 [e prev exit self e]
            "DUP_TOP", "LOAD_ATTR __class__", "ROT_TWO",                                     // 22 __exit__(type, e, tb)
            "DUP_TOP", "LOAD_ATTR __traceback__", "CALL_METHOD 3",
            "POP_JUMP_IF_FALSE 32", "POP_EXCEPT", "POP_TOP", "JUMP 38",                      // 28 swallowed
            "ROT_TWO", "POP_EXCEPT_RERAISE",                                                 // 32 re-raised
            "ROT_THREE", "ROT_THREE", "POP_TOP", "POP_EXCEPT_RERAISE",                       // 34 __exit__ raised
            "LOAD_CONST None", "RETURN_VALUE",
        ])
        XCTAssertEqual(f.exceptionTable, [
            ExceptionEntry(start: 7, end: 11, target: 17, depth: 2),  // the target binding is protected too
            ExceptionEntry(start: 22, end: 29, target: 34, depth: 2),
        ])
        XCTAssertEqual(f.stackSize, 7)
    }

    func testWithUnwindingAndNesting() throws {
        let image = try compile("""
        def r():
            with a() as (p, q), b():
                return p
        def loops(xs):
            for x in xs:
                with m(x):
                    if x:
                        continue
                    break
            while c():
                with m(1) as y:
                    with m(2):
                        break
        def g():
            with m() as v:
                yield v
        def fin():
            try:
                with m():
                    return 1
            finally:
                done()
        def inner():
            try:
                pass
            except E as e:
                with m():
                    return e
        with open("f") as fh:
            data = fh
        """)
        // return inside two with blocks: each __exit__ runs with the value kept below.
        let l = listing(code(image, "r"))
        let ret = l.firstIndex(of: "LOAD_FAST p")!
        XCTAssertEqual(Array(l[(ret + 1)...(ret + 13)]), [
            "ROT_THREE", "LOAD_CONST None", "LOAD_CONST None", "LOAD_CONST None", "CALL_METHOD 3", "POP_TOP",
            "ROT_THREE", "LOAD_CONST None", "LOAD_CONST None", "LOAD_CONST None", "CALL_METHOD 3", "POP_TOP",
            "RETURN_VALUE",
        ])
        // break/continue call __exit__ before jumping; break also drops the iterator.
        let loops = listing(code(image, "loops"))
        // for: handler, continue, break (the body never ends normally); while: inner handler and
        // break (which also exits the outer with), outer normal exit and handler.
        XCTAssertEqual(loops.filter { $0 == "CALL_METHOD 3" }.count, 3 + 2 + 1 + 2)
        XCTAssertEqual(code(image, "g").flags & CodeFlags.generator, CodeFlags.generator)
        let fin = listing(code(image, "fin"))
        XCTAssertEqual(fin.filter { $0 == "LOAD_GLOBAL done" }.count, 3)  // normal, return, exception paths
        // The module-level with stores through globals.
        XCTAssertTrue(listing(image.codes[0]).contains("STORE_GLOBAL fh"))
    }

    func testFStrings() throws {
        let image = try compile("""
        def f(x, w):
            return f"a{x}b{x!r}{x!s:>{w}}{x!a:08.3f}{x=}"
        e = f""
        o = f"{e}"
        n = f"{'x'}" + f"lit"
        """)
        XCTAssertEqual(listing(code(image, "f")), [
            "LOAD_CONST 'a'", "LOAD_FAST x", "FORMAT_VALUE 0", "LOAD_CONST 'b'",
            "LOAD_FAST x", "FORMAT_VALUE 2",
            "LOAD_FAST x", "LOAD_CONST '>'", "LOAD_FAST w", "FORMAT_VALUE 0", "BUILD_STRING 2", "FORMAT_VALUE 5",
            "LOAD_FAST x", "LOAD_CONST '08.3f'", "FORMAT_VALUE 7",
            "LOAD_CONST 'x='", "LOAD_FAST x", "FORMAT_VALUE 2",
            "BUILD_STRING 8", "RETURN_VALUE",
        ])
        let m = listing(image.codes[0])
        XCTAssertTrue(m.starts(with: ["LOAD_CONST <code 1>", "MAKE_FUNCTION 0", "STORE_GLOBAL f",
                                      "LOAD_CONST ''", "STORE_GLOBAL e", "LOAD_GLOBAL e", "FORMAT_VALUE 0",
                                      "STORE_GLOBAL o"]), "\(m)")
        // Many parts are joined a chunk at a time.
        let parts = (0..<40).map { "{v\($0)}-" }.joined()
        let big = try compile("s = f'\(parts)'\n")
        XCTAssertLessThanOrEqual(big.codes[0].stackSize, UInt16(CodeGen.chunk + 1))
        XCTAssertEqual(listing(big.codes[0]).filter { $0.hasPrefix("FORMAT_VALUE") }.count, 40)
    }

    func testNamedExpressions() throws {
        let image = try compile("""
        def f(xs):
            if (n := len(xs)) > 1:
                return n
            ys = [last := x for x in xs if (sq := x * x) > 2]
            return last, sq
        zs = [top := z for z in range(3)]
        def g():
            global G
            return [G := 1 for _ in ()]
        class C:
            v = (w := 3)
        """)
        let f = code(image, "f")
        XCTAssertTrue(listing(f).contains("MAKE_CELL last"))
        XCTAssertTrue(listing(f).contains("STORE_FAST n"))
        XCTAssertEqual(Array(listing(f).drop { $0 != "CALL_FUNCTION 1" }.prefix(3)),
                       ["CALL_FUNCTION 1", "DUP_TOP", "STORE_FAST n"])
        // The comprehension's targets are cells of f, free in <listcomp>.
        XCTAssertTrue(f.slotNames.contains(Array("last".utf8)))
        let comps = image.codes.filter { $0.name == Array("<listcomp>".utf8) }
        XCTAssertEqual(comps[0].slotNames.map { String(decoding: $0, as: UTF8.self) }, [".0", "x", "last", "sq"])
        XCTAssertEqual(Int(comps[0].freeCount), 2)
        XCTAssertTrue(listing(comps[0]).contains("STORE_DEREF last"))
        XCTAssertTrue(listing(f).contains("MAKE_CELL last"))
        // At module level (and under `global`) the name is a global.
        XCTAssertTrue(listing(comps[1]).contains("STORE_GLOBAL top"))
        XCTAssertTrue(listing(comps[2]).contains("STORE_GLOBAL G"))
        XCTAssertTrue(listing(code(image, "C")).contains("STORE_NAME w"))

        assertSyntaxError("class C:\n    a = [y := 1 for x in ()]\n",
                          "assignment expression within a comprehension cannot be used in a class body", line: 2)
        assertSyntaxError("def f():\n    return [x := 1 for x in ()]\n",
                          "assignment expression cannot rebind comprehension iteration variable 'x'", line: 2)
        assertSyntaxError("def f():\n    return [[x := 1 for y in ()] for x in ()]\n",
                          "assignment expression cannot rebind comprehension iteration variable 'x'", line: 2)
    }

    func testExceptNameClearedWhenHandlerRaises() throws {
        let image = try compile("""
        def f():
            for i in r:
                try:
                    g()
                except E as e:
                    if e:
                        break
                    raise
        """)
        let f = code(image, "f")
        let l = listing(f)
        // break clears e (the body never ends normally); the cleanup entry (first in the table) clears it on raise.
        XCTAssertEqual(l.filter { $0 == "DELETE_FAST e" }.count, 2)
        let cleanup = f.exceptionTable[1]
        XCTAssertEqual(cleanup.depth, 2)
        XCTAssertEqual(Array(l[Int(cleanup.target)...].prefix(4)),
                       ["LOAD_CONST None", "STORE_FAST e", "DELETE_FAST e", "POP_EXCEPT_RERAISE"])
    }

    func testClassKeywords() throws {
        let image = try compile("class A(B, metaclass=type):\n    pass\n")
        // metaclass= travels in the keyword dict: the VM takes it out and calls the metaclass.
        let meta = listing(try compile("class A(B, metaclass=M):\n    pass\n").codes[0])
        XCTAssertTrue(meta.contains("BUILD_CLASS 1"), "\(meta)")
        XCTAssertTrue(meta.contains { $0.contains("metaclass") }, "\(meta)")
        // Other keywords go to the parents' __init_subclass__: a dict made before the body runs.
        let keywords = listing(try compile("class A(B, flag=True, **kw):\n    pass\n").codes[0])
        XCTAssertTrue(keywords.contains("BUILD_CLASS 1"), "\(keywords)")
        let body = try XCTUnwrap(keywords.firstIndex { $0.hasPrefix("MAKE_FUNCTION") })
        XCTAssertTrue(keywords[..<body].contains { $0.hasPrefix("DICT_UPDATE") }, "\(keywords)")
        XCTAssertTrue(listing(image.codes[0]).contains("BUILD_CLASS 1"), "metaclass=type is passed too (the name may be rebound)")
        XCTAssertTrue(listing(try compile("class A(B):\n    pass\n").codes[0]).contains("BUILD_CLASS 0"))
    }

    func testIssue5CallsAndDefinitions() throws {
        let image = try compile("""
        def kw(a, b=2, *args, c, d=4, **rest):
            return a, b, args, c, d, rest
        x = kw(1, *s, c=3, **m)
        y = kw(1, c=3, b=5)
        z = kw(*s)
        w = kw(**m)
        lam = lambda p, q=[]: q
        def outer():
            n = 0
            def bump():
                nonlocal n
                n += 1
            def setg():
                global G
                G = n
            fs = [lambda: i for i in range(3)]
            return bump, setg, fs
        @deco(1, k=2)
        @plain
        def decorated():
            pass
        """)
        let kw = code(image, "kw")
        XCTAssertEqual(kw.argCount, 2)
        XCTAssertEqual(kw.kwOnlyCount, 2)
        XCTAssertEqual(kw.flags & (CodeFlags.varArgs | CodeFlags.varKeywords), CodeFlags.varArgs | CodeFlags.varKeywords)
        XCTAssertEqual(kw.slotNames.map { String(decoding: $0, as: UTF8.self) }, ["a", "b", "c", "d", "args", "rest"])
        let m = listing(image.codes[0])
        // Defaults are built once, where the function is defined.
        XCTAssertTrue(m.starts(with: ["LOAD_CONST 2", "BUILD_TUPLE 1", "LOAD_CONST 'd'", "LOAD_CONST 4", "BUILD_MAP 1",
                                      "LOAD_CONST <code 1>", "MAKE_FUNCTION 3"]), "\(m)")
        XCTAssertTrue(m.contains("CALL_FUNCTION_EX 1"))
        XCTAssertTrue(m.contains("CALL_FUNCTION_EX 0"))
        XCTAssertTrue(m.contains("LOAD_CONST ('c', 'b')"))
        XCTAssertTrue(m.contains("CALL_FUNCTION_KW 3"))
        XCTAssertTrue(m.contains("DICT_UPDATE"))
        let bump = listing(code(image, "bump"))
        XCTAssertEqual(bump, ["LOAD_DEREF n", "LOAD_CONST_INPLACE_OP + 1", "STORE_DEREF n", "LOAD_CONST None",
                              "RETURN_VALUE"])
        XCTAssertTrue(listing(code(image, "setg")).contains("STORE_GLOBAL G"))
        // Late binding: the lambdas share the comprehension's cell for i.
        let lam = image.codes.filter { $0.name == Array("<lambda>".utf8) }.last!
        XCTAssertEqual(listing(lam), ["LOAD_DEREF i", "RETURN_VALUE"])
        // Decorator calls: deco(1, k=2) evaluated first, applied last.
        let deco = m.firstIndex(of: "LOAD_GLOBAL deco")!
        XCTAssertEqual(Array(m[deco..<(deco + 5)]), ["LOAD_GLOBAL deco", "LOAD_CONST 1", "LOAD_CONST 2",
                                                      "LOAD_CONST ('k',)", "CALL_FUNCTION_KW 2"])
    }

    func testIssue5GeneratorsComprehensionsAndSlices() throws {
        let image = try compile("""
        def gen(it):
            got = yield from it
            return got
        d = {k: v for k, v in p}
        s = {v for v in p}
        t = a[1:2:3]
        a[::-1] = t
        del a[i:j:k]
        a[1:2] += b
        u = [*p, *q, 1]
        v = {**m, 'k': 1, **n}
        w = {*p, 2}
        x = (*p,)
        """)
        let gen = code(image, "gen")
        XCTAssertEqual(listing(gen), ["LOAD_FAST it", "GET_YIELD_FROM_ITER", "LOAD_CONST None", "YIELD_FROM",
                                      "STORE_FAST got", "LOAD_FAST got", "RETURN_VALUE"])
        XCTAssertEqual(gen.flags & CodeFlags.generator, CodeFlags.generator)
        XCTAssertTrue(listing(code(image, "<dictcomp>")).contains("MAP_ADD 2"))
        XCTAssertTrue(listing(code(image, "<setcomp>")).contains("SET_ADD 2"))
        let m = listing(image.codes[0])
        XCTAssertEqual(m.filter { $0 == "BUILD_SLICE 3" }.count, 3)
        XCTAssertTrue(m.contains("STORE_SUBSCR"))
        XCTAssertTrue(m.contains("DELETE_SUBSCR"))
        XCTAssertTrue(m.contains("DUP_TOP_TWO"))
        XCTAssertEqual(m.filter { $0 == "LIST_EXTEND" }.count, 3)
        XCTAssertEqual(m.filter { $0 == "DICT_UPDATE" }.count, 2)
        XCTAssertTrue(m.contains("SET_UPDATE"))
        XCTAssertTrue(m.contains("LIST_TO_TUPLE"))
    }

    func testDisassemblerShowsFormatConversions() throws {
        let text = disassemble(try compile("s = f'{a!r:>4}{b!a}{c}'\n"))
        XCTAssertTrue(text.contains("FORMAT_VALUE             6 (!r, with spec)"), text)
        XCTAssertTrue(text.contains("FORMAT_VALUE             3 (!a)"), text)
        XCTAssertTrue(text.contains("BUILD_STRING             3"), text)
    }
}
