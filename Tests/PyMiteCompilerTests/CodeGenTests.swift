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

    /// The code generator works on hand-built trees too.
    func testHandBuiltTree() throws {
        let l = SourceLocation(line: 1, column: 1)
        let body = [Stmt(.assign(targets: [Expr(.name("x"), l)],
                                 value: Expr(.binary(Expr(.literal(.int(1)), l), .add, Expr(.literal(.int(2)), l)), l)), l)]
        let image = try Compiler.compile(module: body, filename: "t.py", moduleName: "m")
        assertVerifies(image)
        XCTAssertEqual(listing(image.codes[0]), ["LOAD_CONST 1", "LOAD_CONST 2", "BINARY_OP +", "STORE_GLOBAL x",
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
        XCTAssertEqual(f.flags, CodeFlags.varArgs | CodeFlags.varKeywords)
        XCTAssertEqual(f.slotNames.map { String(decoding: $0, as: UTF8.self) }, ["a", "b", "c", "d", "args", "kw", "e"])
        XCTAssertEqual(listing(f), ["LOAD_FAST a", "LOAD_FAST b", "BINARY_OP +", "STORE_FAST e",
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
            "LOAD_CONST <code 1>", "MAKE_FUNCTION 0", "CALL_FUNCTION 0", "BUILD_CLASS", "CALL_FUNCTION 1",
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

    func testDump() throws {
        guard let path = ProcessInfo.processInfo.environment["CG_DUMP"] else { return }
        let image = try Compiler.compile(source: try Compiler.readSource(path), filename: path, moduleName: "__main__")
        print(disassemble(image))
        assertVerifies(image)
    }
}
