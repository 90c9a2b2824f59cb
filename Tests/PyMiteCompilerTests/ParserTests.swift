// SPDX-License-Identifier: LGPL-2.1-only
import XCTest
@testable import PyMiteCompiler

// MARK: - Rendering helpers: fully parenthesised text for expressions, one line per statement.

fileprivate func render(_ e: Expr) -> String {
    switch e.kind {
    case .name(let n): return n
    case .literal(let l): return render(l)
    case .joinedString(let parts): return "f<" + parts.map(render).joined(separator: ", ") + ">"
    case .formatted(let value, let conversion, let spec):
        var s = "{" + render(value)
        if let c = conversion { s += "!\(c)" }
        if let spec = spec { s += ":" + render(spec) }
        return s + "}"
    case .binary(let l, let op, let r): return "(\(render(l)) \(symbol(op)) \(render(r)))"
    case .unary(let op, let x):
        switch op {
        case .negative: return "(-\(render(x)))"
        case .positive: return "(+\(render(x)))"
        case .invert: return "(~\(render(x)))"
        case .not: return "(not \(render(x)))"
        }
    case .boolean(let op, let values):
        return "(" + values.map(render).joined(separator: op == .and ? " and " : " or ") + ")"
    case .compare(let first, let rest):
        return "(" + render(first) + rest.map { " \(symbol($0.0)) \(render($0.1))" }.joined() + ")"
    case .call(let f, let args, let keywords):
        let parts = args.map(render) + keywords.map { k in k.name.map { "\($0)=\(render(k.value))" } ?? "**\(render(k.value))" }
        return render(f) + "(" + parts.joined(separator: ", ") + ")"
    case .attribute(let x, let n): return render(x) + "." + n
    case .subscript(let x, let i): return render(x) + "[" + render(i) + "]"
    case .slice(let lo, let hi, let st):
        return (lo.map(render) ?? "") + ":" + (hi.map(render) ?? "") + (st.map { ":" + render($0) } ?? "")
    case .tuple(let xs): return "(" + xs.map(render).joined(separator: ", ") + (xs.count == 1 ? ",)" : ")")
    case .list(let xs): return "[" + xs.map(render).joined(separator: ", ") + "]"
    case .set(let xs): return "{" + xs.map(render).joined(separator: ", ") + "}"
    case .dict(let entries):
        return "{" + entries.map { e in e.key.map { "\(render($0)): \(render(e.value))" } ?? "**\(render(e.value))" }.joined(separator: ", ") + "}"
    case .starred(let x): return "*" + render(x)
    case .conditional(let test, let body, let orElse): return "(\(render(body)) if \(render(test)) else \(render(orElse)))"
    case .lambda(let params, let body): return "(lambda \(render(params)): \(render(body)))"
    case .listComprehension(let x, let comps): return "[" + render(x) + render(comps) + "]"
    case .setComprehension(let x, let comps): return "{" + render(x) + render(comps) + "}"
    case .dictComprehension(let k, let v, let comps): return "{" + render(k) + ": " + render(v) + render(comps) + "}"
    case .generator(let x, let comps): return "(" + render(x) + render(comps) + ")"
    case .yield(let x): return x.map { "(yield \(render($0)))" } ?? "(yield)"
    case .yieldFrom(let x): return "(yield from \(render(x)))"
    case .namedExpr(let n, let v): return "(\(n) := \(render(v)))"
    }
}

fileprivate func render(_ l: Literal) -> String {
    switch l {
    case .none: return "None"
    case .true: return "True"
    case .false: return "False"
    case .ellipsis: return "..."
    case .int(let v): return "\(v)"
    case .bigInt(let s): return "big:" + s
    case .float(let d): return "\(d)"
    case .imaginary(let d): return "\(d)j"
    case .str(let s): return "'" + s + "'"
    case .bytes(let b): return "b'" + String(decoding: b, as: UTF8.self) + "'"
    }
}

fileprivate func render(_ comps: [Comprehension]) -> String {
    comps.map { c in " for \(render(c.target)) in \(render(c.iter))" + c.conditions.map { " if " + render($0) }.joined() }.joined()
}

fileprivate func render(_ p: Parameters) -> String {
    var parts: [String] = []
    func one(_ x: Parameter) -> String { x.name + (x.defaultValue.map { "=" + render($0) } ?? "") }
    parts += p.positional.map(one)
    if let v = p.varArgs { parts.append("*" + v.name) } else if !p.keywordOnly.isEmpty { parts.append("*") }
    parts += p.keywordOnly.map(one)
    if let k = p.varKeywords { parts.append("**" + k.name) }
    return parts.joined(separator: ", ")
}

fileprivate func symbol(_ op: Operator) -> String {
    switch op {
    case .add: return "+"
    case .subtract: return "-"
    case .multiply: return "*"
    case .trueDivide: return "/"
    case .floorDivide: return "//"
    case .modulo: return "%"
    case .power: return "**"
    case .lshift: return "<<"
    case .rshift: return ">>"
    case .bitAnd: return "&"
    case .bitOr: return "|"
    case .bitXor: return "^"
    case .matrixMultiply: return "@"
    }
}

fileprivate func symbol(_ c: Comparison) -> String {
    switch c {
    case .less: return "<"
    case .lessEqual: return "<="
    case .equal: return "=="
    case .notEqual: return "!="
    case .greater: return ">"
    case .greaterEqual: return ">="
    case .is: return "is"
    case .isNot: return "is not"
    case .in: return "in"
    case .notIn: return "not in"
    }
}

/// Statements as indented lines.
fileprivate func dump(_ stmts: [Stmt], _ indent: String = "") -> String {
    stmts.map { dump($0, indent) }.joined()
}

fileprivate func dump(_ s: Stmt, _ i: String) -> String {
    let inner = i + "  "
    func block(_ name: String, _ body: [Stmt]) -> String { body.isEmpty ? "" : i + name + ":\n" + dump(body, inner) }
    switch s.kind {
    case .expression(let e): return i + render(e) + "\n"
    case .assign(let targets, let value): return i + (targets.map(render) + [render(value)]).joined(separator: " = ") + "\n"
    case .augmentedAssign(let t, let op, let v): return i + "\(render(t)) \(symbol(op))= \(render(v))\n"
    case .annotatedAssign(let t, let a, let v): return i + "\(render(t)): \(render(a))" + (v.map { " = " + render($0) } ?? "") + "\n"
    case .ifStatement(let test, let body, let orElse):
        return i + "if \(render(test)):\n" + dump(body, inner) + block("else", orElse)
    case .whileLoop(let test, let body, let orElse):
        return i + "while \(render(test)):\n" + dump(body, inner) + block("else", orElse)
    case .forLoop(let t, let iter, let body, let orElse):
        return i + "for \(render(t)) in \(render(iter)):\n" + dump(body, inner) + block("else", orElse)
    case .breakStatement: return i + "break\n"
    case .continueStatement: return i + "continue\n"
    case .pass: return i + "pass\n"
    case .returnStatement(let v): return i + "return" + (v.map { " " + render($0) } ?? "") + "\n"
    case .delete(let ts): return i + "del " + ts.map(render).joined(separator: ", ") + "\n"
    case .global(let ns): return i + "global " + ns.joined(separator: ", ") + "\n"
    case .nonlocal(let ns): return i + "nonlocal " + ns.joined(separator: ", ") + "\n"
    case .assert(let t, let m): return i + "assert " + render(t) + (m.map { ", " + render($0) } ?? "") + "\n"
    case .raise(let e, let c): return i + "raise" + (e.map { " " + render($0) } ?? "") + (c.map { " from " + render($0) } ?? "") + "\n"
    case .tryStatement(let body, let handlers, let orElse, let finally):
        var out = i + "try:\n" + dump(body, inner)
        for h in handlers {
            out += i + "except" + (h.type.map { " " + render($0) } ?? "") + (h.name.map { " as " + $0 } ?? "") + ":\n" + dump(h.body, inner)
        }
        return out + block("else", orElse) + block("finally", finally)
    case .importModules(let names):
        return i + "import " + names.map { $0.name + ($0.asName.map { " as " + $0 } ?? "") }.joined(separator: ", ") + "\n"
    case .importFrom(let module, let names, let level):
        return i + "from " + String(repeating: ".", count: level) + (module ?? "") + " import "
            + names.map { $0.name + ($0.asName.map { " as " + $0 } ?? "") }.joined(separator: ", ") + "\n"
    case .functionDef(let name, let params, let body, let decorators, let returns):
        return decorators.map { i + "@" + render($0) + "\n" }.joined()
            + i + "def \(name)(\(render(params)))" + (returns.map { " -> " + render($0) } ?? "") + ":\n" + dump(body, inner)
    case .classDef(let name, let bases, let keywords, let body, let decorators):
        let args = bases.map(render) + keywords.map { k in k.name.map { "\($0)=\(render(k.value))" } ?? "**\(render(k.value))" }
        return decorators.map { i + "@" + render($0) + "\n" }.joined()
            + i + "class \(name)(\(args.joined(separator: ", "))):\n" + dump(body, inner)
    case .with(let items, let body):
        return i + "with " + items.map { render($0.context) + ($0.target.map { " as " + render($0) } ?? "") }.joined(separator: ", ")
            + ":\n" + dump(body, inner)
    }
}

final class ParserTests: XCTestCase {
    func expr(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return render(try parseExpression(source: source, filename: "t.py"))
        } catch let e as SyntaxError {
            XCTFail("\(source): \(e.message) at \(e.line):\(e.column)", file: file, line: line)
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
        return ""
    }

    func parse(_ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            return dump(try parseModule(source: source, filename: "t.py"))
        } catch let e as SyntaxError {
            XCTFail("\(e.message) at \(e.line):\(e.column)", file: file, line: line)
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
        return ""
    }

    /// "message@line:column" of the SyntaxError for `source`, or nil if it parses.
    func syntaxError(_ source: String) -> String? {
        do {
            _ = try parseModule(source: source, filename: "t.py")
            return nil
        } catch let e as SyntaxError {
            XCTAssertEqual(e.filename, "t.py")
            return "\(e.message)@\(e.line):\(e.column)"
        } catch {
            return "unexpected error \(error)"
        }
    }

    // MARK: Precedence and expression shapes

    func testArithmeticPrecedence() {
        XCTAssertEqual(expr("1 + 2 * 3"), "(1 + (2 * 3))")
        XCTAssertEqual(expr("1 - 2 - 3"), "((1 - 2) - 3)")
        XCTAssertEqual(expr("a * b / c // d % e @ f"), "(((((a * b) / c) // d) % e) @ f)")
        XCTAssertEqual(expr("-2 ** 2"), "(-(2 ** 2))")
        XCTAssertEqual(expr("2 ** -1"), "(2 ** (-1))")
        XCTAssertEqual(expr("2 ** 3 ** 2"), "(2 ** (3 ** 2))")
        XCTAssertEqual(expr("-x.y ** -z[1]"), "(-(x.y ** (-z[1])))")
        XCTAssertEqual(expr("~-+x"), "(~(-(+x)))")
        XCTAssertEqual(expr("a | b ^ c & d << e + f"), "(a | (b ^ (c & (d << (e + f)))))")
        XCTAssertEqual(expr("a << b >> c"), "((a << b) >> c)")
        XCTAssertEqual(expr("(1 + 2) * 3"), "((1 + 2) * 3)")
    }

    func testBooleanAndComparison() {
        XCTAssertEqual(expr("a or b and not c"), "(a or (b and (not c)))")
        XCTAssertEqual(expr("a or b or c"), "(a or b or c)")
        XCTAssertEqual(expr("not a == b"), "(not (a == b))")
        XCTAssertEqual(expr("a < b <= c != d"), "(a < b <= c != d)")
        XCTAssertEqual(expr("a in b not in c is d is not e"), "(a in b not in c is d is not e)")
        XCTAssertEqual(expr("a | b < c & d"), "((a | b) < (c & d))")
        XCTAssertEqual(expr("not not x"), "(not (not x))")
    }

    func testConditionalLambdaWalrus() {
        XCTAssertEqual(expr("a if b else c if d else e"), "(a if b else (c if d else e))")
        XCTAssertEqual(expr("a or b if c and d else e"), "((a or b) if (c and d) else e)")
        XCTAssertEqual(expr("lambda: 0"), "(lambda : 0)")
        XCTAssertEqual(expr("lambda x, y=1, *a, k, m=2, **kw: x if y else k"), "(lambda x, y=1, *a, k, m=2, **kw: (x if y else k))")
        XCTAssertEqual(expr("lambda *, k: k"), "(lambda *, k: k)")
        XCTAssertEqual(expr("lambda x: lambda y: x + y"), "(lambda x: (lambda y: (x + y)))")
        XCTAssertEqual(expr("(y := f(x))"), "(y := f(x))")
        XCTAssertEqual(expr("[y := 1, y ** 2]"), "[(y := 1), (y ** 2)]")
    }

    func testPrimaries() {
        XCTAssertEqual(expr("f(a)(b).c[d]"), "f(a)(b).c[d]")
        XCTAssertEqual(expr("f(a, *b, c=1, **d)"), "f(a, *b, c=1, **d)")
        XCTAssertEqual(expr("f(x for x in y)"), "f((x for x in y))")
        XCTAssertEqual(expr("f(a,)"), "f(a)")
        XCTAssertEqual(expr("f(*a, *b, **c, d=1)"), "f(*a, *b, **c, d=1)")
        XCTAssertEqual(expr("a[i:j:k]"), "a[i:j:k]")
        XCTAssertEqual(expr("a[:]"), "a[:]")
        XCTAssertEqual(expr("a[::2]"), "a[::2]")
        XCTAssertEqual(expr("a[1:]"), "a[1:]")
        XCTAssertEqual(expr("a[:-1]"), "a[:(-1)]")
        XCTAssertEqual(expr("a[i:j, k]"), "a[(i:j, k)]")
        XCTAssertEqual(expr("a[1, 2]"), "a[(1, 2)]")
        XCTAssertEqual(expr("a[1,]"), "a[(1,)]")
        XCTAssertEqual(expr("x.y.z"), "x.y.z")
    }

    func testDisplays() {
        XCTAssertEqual(expr("()"), "()")
        XCTAssertEqual(expr("(x,)"), "(x,)")
        XCTAssertEqual(expr("(x)"), "x")
        XCTAssertEqual(expr("x, y,"), "(x, y)")
        XCTAssertEqual(expr("(1, *a)"), "(1, *a)")
        XCTAssertEqual(expr("[]"), "[]")
        XCTAssertEqual(expr("[1, 2,]"), "[1, 2]")
        XCTAssertEqual(expr("{}"), "{}")
        XCTAssertEqual(expr("{1: 2, **a, 3: 4}"), "{1: 2, **a, 3: 4}")
        XCTAssertEqual(expr("{**a}"), "{**a}")
        XCTAssertEqual(expr("{1, 2, *s}"), "{1, 2, *s}")
        XCTAssertEqual(expr("[x * y for x in a if x for y in b if y if x < y]"), "[(x * y) for x in a if x for y in b if y if (x < y)]")
        XCTAssertEqual(expr("{x for x, in a}"), "{x for (x,) in a}")
        XCTAssertEqual(expr("{k: v for k, v in d.items()}"), "{k: v for (k, v) in d.items()}")
        XCTAssertEqual(expr("(x for x in range(3))"), "(x for x in range(3))")
        XCTAssertEqual(expr("[x for x in a if b if c]"), "[x for x in a if b if c]")
        XCTAssertEqual(expr("[a if b else c for x in y]"), "[(a if b else c) for x in y]")
        XCTAssertEqual(expr("..."), "...")
        XCTAssertEqual(expr("None, True, False"), "(None, True, False)")
    }

    func testStringsAndConcatenation() {
        XCTAssertEqual(expr("'a' 'b' \"c\""), "'abc'")
        XCTAssertEqual(expr("b'a' b'b'"), "b'ab'")
        XCTAssertEqual(expr("'''x\ny'''"), "'x\ny'")
        XCTAssertEqual(expr("1_0 + 0x10 + 1.5 + 2j"), "(((10 + 16) + 1.5) + 2.0j)")
        XCTAssertEqual(expr("99999999999999999999"), "big:99999999999999999999")
    }

    func testFStrings() {
        XCTAssertEqual(expr("f'a{b}c'"), "f<'a', {b}, 'c'>")
        XCTAssertEqual(expr("f'{x!r:>{width}}'"), "f<{x!r:f<'>', {width}>}>")
        XCTAssertEqual(expr("f'{{}}{x}'"), "f<'{}', {x}>")
        XCTAssertEqual(expr("f'{a + b:.2f}'"), "f<{(a + b):f<'.2f'>}>")
        XCTAssertEqual(expr("f'{x=}'"), "f<'x=', {x!r}>")
        XCTAssertEqual(expr("f'{x = :4}'"), "f<'x = ', {x:f<'4'>}>")
        XCTAssertEqual(expr("'a' f'{b}' 'c'"), "f<'a', {b}, 'c'>")
        XCTAssertEqual(expr("f'\\n{x}\\t'"), "f<'\n', {x}, '\t'>")
        XCTAssertEqual(expr("rf'\\n{x}'"), "f<'\\n', {x}>")
        XCTAssertEqual(expr("f'{d[\"k\"]}'"), "f<{d['k']}>")
        XCTAssertEqual(expr("f'{a!=b}'"), "f<{(a != b)}>")
        XCTAssertEqual(expr("f'{x, y}'"), "f<{(x, y)}>")
        XCTAssertEqual(expr("f'{ {1: 2}[1] }'"), "f<{{1: 2}[1]}>")
        XCTAssertEqual(expr("f'{f\"{x}\"}'"), "f<{f<{x}>}>")
        XCTAssertEqual(expr("f''"), "f<>")
        XCTAssertEqual(expr("f'\\N{BULLET} {x}'"), "f<'\u{2022} ', {x}>")
    }

    // MARK: Statements

    func testAssignments() {
        XCTAssertEqual(parse("a = b = c"), "a = b = c\n")
        XCTAssertEqual(parse("a, b = b, a"), "(a, b) = (b, a)\n")
        XCTAssertEqual(parse("[a, (b, c)] = x"), "[a, (b, c)] = x\n")
        XCTAssertEqual(parse("a, *b = x"), "(a, *b) = x\n")
        XCTAssertEqual(parse("x.y[0] = 1"), "x.y[0] = 1\n")
        XCTAssertEqual(parse("x = *a, *b"), "x = (*a, *b)\n")
        XCTAssertEqual(parse("x: int"), "x: int\n")
        XCTAssertEqual(parse("x.y: List[int] = []"), "x.y: List[int] = []\n")
        let ops = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@"]
        for op in ops { XCTAssertEqual(parse("x \(op)= 2"), "x \(op)= 2\n") }
        XCTAssertEqual(parse("a = 1; b = 2;"), "a = 1\nb = 2\n")
    }

    func testControlFlow() {
        let src = """
        if a:
            pass
        elif b:
            x = 1
        else:
            x = 2
        while x:
            break
        else:
            continue_ = 1
        for i, j in pairs:
            continue
        else:
            pass
        if x: y = 1; z = 2

        """
        XCTAssertEqual(parse(src), """
        if a:
          pass
        else:
          if b:
            x = 1
          else:
            x = 2
        while x:
          break
        else:
          continue_ = 1
        for (i, j) in pairs:
          continue
        else:
          pass
        if x:
          y = 1
          z = 2

        """)
    }

    func testFunctionsAndClasses() {
        let src = """
        @dec
        @dec.attr(1)
        def f(a, b: int = 1, /, c=2, *args, d, e=3, **kw) -> int:
            global g
            def inner():
                nonlocal a
                return
            return a
        class C(Base, metaclass=M):
            def m(self): yield self
        class D: pass
        def g(*, k): return k
        def h(x, /): yield from x

        """
        XCTAssertEqual(parse(src), """
        @dec
        @dec.attr(1)
        def f(a, b=1, c=2, *args, d, e=3, **kw) -> int:
          global g
          def inner():
            nonlocal a
            return
          return a
        class C(Base, metaclass=M):
          def m(self):
            (yield self)
        class D():
          pass
        def g(*, k):
          return k
        def h(x):
          (yield from x)

        """)
    }

    func testYieldForms() {
        XCTAssertEqual(parse("def g():\n    x = yield v\n    yield\n    y = yield from z\n    x += yield\n    f((yield 1))\n"), """
        def g():
          x = (yield v)
          (yield)
          y = (yield from z)
          x += (yield)
          f((yield 1))

        """)
        XCTAssertEqual(parse("def g():\n    yield 1, 2\n"), "def g():\n  (yield (1, 2))\n")
    }

    func testMiscStatements() {
        let src = """
        del a, b[0], c.d
        del (x, y)
        assert x
        assert x, "msg"
        raise
        raise E
        raise E("m") from cause
        import a.b.c, d as e
        from m import a, b as c
        from m import (a,
                       b,)
        from m import *
        from . import x
        from ..pkg.mod import y
        from ... import z
        with open(f) as g, lock:
            pass
        with (a as b, c as d):
            pass
        with (a, b):
            pass
        with x as (p, q): pass

        """
        XCTAssertEqual(parse(src), """
        del a, b[0], c.d
        del (x, y)
        assert x
        assert x, 'msg'
        raise
        raise E
        raise E('m') from cause
        import a.b.c, d as e
        from m import a, b as c
        from m import a, b
        from m import *
        from . import x
        from ..pkg.mod import y
        from ... import z
        with open(f) as g, lock:
          pass
        with a as b, c as d:
          pass
        with a, b:
          pass
        with x as (p, q):
          pass

        """)
    }

    func testTry() {
        let src = """
        try:
            a()
        except ValueError:
            pass
        except (A, B) as e:
            raise
        except:
            pass
        else:
            b()
        finally:
            c()
        try:
            pass
        finally:
            pass

        """
        XCTAssertEqual(parse(src), """
        try:
          a()
        except ValueError:
          pass
        except (A, B) as e:
          raise
        except:
          pass
        else:
          b()
        finally:
          c()
        try:
          pass
        finally:
          pass

        """)
    }

    func testLocations() throws {
        let stmts = try parseModule(source: "x = 1\nif y:\n    z = a + b\n", filename: "t.py")
        XCTAssertEqual(stmts[0].location, SourceLocation(line: 1, column: 1))
        XCTAssertEqual(stmts[1].location, SourceLocation(line: 2, column: 1))
        guard case .ifStatement(_, let body, _) = stmts[1].kind,
              case .assign(_, let value) = body[0].kind,
              case .binary(_, _, let rhs) = value.kind else { return XCTFail("shape") }
        XCTAssertEqual(body[0].location, SourceLocation(line: 3, column: 5))
        XCTAssertEqual(value.location, SourceLocation(line: 3, column: 9))
        XCTAssertEqual(rhs.location, SourceLocation(line: 3, column: 13))
        let f = try parseExpression(source: "f'ab{cd}'", filename: "t.py")
        guard case .joinedString(let parts) = f.kind, case .formatted(let v, _, _) = parts[1].kind else { return XCTFail("shape") }
        XCTAssertEqual(v.location, SourceLocation(line: 1, column: 6))
    }

    // MARK: Errors

    func testGeneralSyntaxErrors() {
        XCTAssertEqual(syntaxError("x = = 1"), "invalid syntax@1:5")
        XCTAssertEqual(syntaxError("x = (1 +"), "'(' was never closed@1:5")
        XCTAssertEqual(syntaxError("x = 1 +"), "invalid syntax@1:8")
        XCTAssertEqual(syntaxError("if x"), "expected ':'@1:5")
        XCTAssertEqual(syntaxError("x = 1\n  y = 2"), "unexpected indent@2:3")
        XCTAssertEqual(syntaxError("if x:\ny = 2"), "expected an indented block after 'if' statement on line 1@2:1")
        XCTAssertEqual(syntaxError("def f():\n"), "expected an indented block after function definition on line 1@2:1")
        XCTAssertEqual(syntaxError("for x in y:\n  pass\nelse:\npass"), "expected an indented block after 'else' statement on line 3@4:1")
        XCTAssertEqual(syntaxError("if x:\n    y\n  z"), "unindent does not match any outer indentation level@3:3")
        XCTAssertEqual(syntaxError("x = 'abc"), "unterminated string literal (detected at line 1)@1:5")
        XCTAssertEqual(syntaxError("x = 1abc"), "invalid decimal literal@1:5")
        XCTAssertEqual(syntaxError("x = a if b"), "expected 'else' after 'if' expression@1:5")
        XCTAssertEqual(syntaxError("try:\n    pass\nx = 1"), "expected 'except' or 'finally' block@3:1")
        XCTAssertEqual(syntaxError("try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass"), "default 'except:' must be last@3:1")
        XCTAssertEqual(syntaxError("try:\n    pass\nexcept A, B:\n    pass"), "multiple exception types must be parenthesized@3:8")
        XCTAssertEqual(syntaxError("x = 'a' b'b'"), "cannot mix bytes and nonbytes literals@1:9")
        XCTAssertEqual(syntaxError("from m import a,"), "trailing comma not allowed without surrounding parentheses@1:16")
        // As in CPython, a later tokenizer error replaces a generic "invalid syntax"...
        XCTAssertEqual(syntaxError("x = = 1\ny = 'abc"), "unterminated string literal (detected at line 2)@2:5")
        XCTAssertEqual(syntaxError("total = sum(values\nprint(total)\n"), "'(' was never closed@1:12")
        // ...but not a specific message.
        XCTAssertEqual(syntaxError("1 = 2\ny = 'abc"), "cannot assign to literal@1:1")
        XCTAssertEqual(syntaxError("a b"), "invalid syntax@1:3")
        XCTAssertEqual(syntaxError("else: pass"), "invalid syntax@1:1")
        XCTAssertEqual(syntaxError("lambda x: (yield)"), nil)
        XCTAssertEqual(syntaxError("async def f(): pass"), "invalid syntax@1:1")
    }

    func testAssignmentTargetErrors() {
        XCTAssertEqual(syntaxError("1 = x"), "cannot assign to literal@1:1")
        XCTAssertEqual(syntaxError("f() = x"), "cannot assign to function call@1:1")
        XCTAssertEqual(syntaxError("a + b = x"), "cannot assign to expression@1:1")
        XCTAssertEqual(syntaxError("x, f() = y"), "cannot assign to function call@1:4")
        XCTAssertEqual(syntaxError("None = 1"), "cannot assign to None@1:1")
        XCTAssertEqual(syntaxError("a < b = 1"), "cannot assign to comparison@1:1")
        XCTAssertEqual(syntaxError("[x for x in y] = 1"), "cannot assign to list comprehension@1:1")
        XCTAssertEqual(syntaxError("for 1 in x: pass"), "cannot assign to literal@1:5")
        XCTAssertEqual(syntaxError("with a as f(): pass"), "cannot assign to function call@1:11")
        XCTAssertEqual(syntaxError("[x for f() in y]"), "cannot assign to function call@1:8")
        XCTAssertEqual(syntaxError("del f()"), "cannot delete function call@1:5")
        XCTAssertEqual(syntaxError("del 1"), "cannot delete literal@1:5")
        XCTAssertEqual(syntaxError("*a = x"), "starred assignment target must be in a list or tuple@1:1")
        XCTAssertEqual(syntaxError("*a, *b = x"), "multiple starred expressions in assignment@1:5")
        XCTAssertEqual(syntaxError("a, b += 1"), "'tuple' is an illegal expression for augmented assignment@1:1")
        XCTAssertEqual(syntaxError("f() += 1"), "'function call' is an illegal expression for augmented assignment@1:1")
        XCTAssertEqual(syntaxError("a, b: int"), "only single target (not tuple) can be annotated@1:1")
        XCTAssertEqual(syntaxError("f(): int"), "illegal target for annotation@1:1")
        XCTAssertEqual(syntaxError("f(a.b=1)"), "expression cannot contain assignment, perhaps you meant \"==\"?@1:3")
        XCTAssertEqual(syntaxError("(a.b := 1)"), "cannot use assignment expressions with attribute@1:2")
        XCTAssertEqual(syntaxError("x = *a"), "can't use starred expression here@1:5")
        XCTAssertEqual(syntaxError("print((*a))"), "cannot use starred expression here@1:8")
    }

    func testContextErrors() {
        XCTAssertEqual(syntaxError("return 1"), "'return' outside function@1:1")
        XCTAssertEqual(syntaxError("class C:\n    return"), "'return' outside function@2:5")
        XCTAssertEqual(syntaxError("break"), "'break' outside loop@1:1")
        XCTAssertEqual(syntaxError("while x:\n    def f():\n        continue"), "'continue' not properly in loop@3:9")
        XCTAssertEqual(syntaxError("for x in y:\n    pass\nelse:\n    break"), "'break' outside loop@4:5")
        XCTAssertEqual(syntaxError("yield x"), "'yield' outside function@1:1")
        XCTAssertEqual(syntaxError("class C:\n    x = yield"), "'yield' outside function@2:9")
        XCTAssertEqual(syntaxError("nonlocal x"), "nonlocal declaration not allowed at module level@1:1")
        XCTAssertEqual(syntaxError("def f():\n    return [(yield x) for y in z]"), "'yield' inside list comprehension@2:14")
        XCTAssertEqual(syntaxError("def f():\n    return [y for y in (yield)]"), nil)
        XCTAssertEqual(syntaxError("while x:\n    try:\n        pass\n    finally:\n        continue"), nil)
    }

    func testArgumentErrors() {
        XCTAssertEqual(syntaxError("f(a=1, b)"), "positional argument follows keyword argument@1:8")
        XCTAssertEqual(syntaxError("f(**a, b)"), "positional argument follows keyword argument unpacking@1:8")
        XCTAssertEqual(syntaxError("f(**a, *b)"), "iterable argument unpacking follows keyword argument unpacking@1:8")
        XCTAssertEqual(syntaxError("f(True=1)"), "cannot assign to True@1:3")
        XCTAssertEqual(syntaxError("print 'hello'"), "Missing parentheses in call to 'print'. Did you mean print(...)?@1:1")
        XCTAssertEqual(syntaxError("print -1"), nil)
        XCTAssertEqual(syntaxError("f(a=1, a=2)"), "keyword argument repeated: a@1:8")
        XCTAssertEqual(syntaxError("f(x for x in y, 1)"), "Generator expression must be parenthesized@1:3")
        XCTAssertEqual(syntaxError("f(1, x for x in y)"), "Generator expression must be parenthesized@1:6")
        XCTAssertEqual(syntaxError("def f(a, a): pass"), "duplicate argument 'a' in function definition@1:10")
        XCTAssertEqual(syntaxError("def f(a=1, b): pass"), "non-default argument follows default argument@1:12")
        XCTAssertEqual(syntaxError("def f(*): pass"), "named arguments must follow bare *@1:7")
        XCTAssertEqual(syntaxError("def f(**k, a): pass"), "arguments cannot follow var-keyword argument@1:12")
        XCTAssertEqual(syntaxError("def f(/, a): pass"), "at least one argument must precede /@1:7")
        XCTAssertEqual(syntaxError("def f(*a, /): pass"), "/ must be ahead of *@1:11")
        XCTAssertEqual(syntaxError("def f(a, *b, *c): pass"), "* argument may appear only once@1:14")
    }

    func testFStringErrors() {
        XCTAssertEqual(syntaxError("f'{}'"), "f-string: empty expression not allowed@1:3")
        XCTAssertEqual(syntaxError("f'{x'"), "f-string: expecting '}'@1:3")
        XCTAssertEqual(syntaxError("f'}'"), "f-string: single '}' is not allowed@1:3")
        XCTAssertEqual(syntaxError("f'{x!z}'"), "f-string: invalid conversion character: expected 's', 'r', or 'a'@1:6")
        XCTAssertEqual(syntaxError("f'{a b}'"), "f-string: invalid syntax@1:6")
        XCTAssertEqual(syntaxError("f'{x:{y:{z}}}'"), "f-string: expressions nested too deeply@1:9")
        XCTAssertEqual(syntaxError("f'{x#}'"), "f-string expression part cannot include '#'@1:5")
    }

    /// The shared differential corpus: everything parses except the syntax_* error programs.
    func testCorpusParses() throws {
        let root = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("corpus").resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return }
        var count = 0
        for case let path as String in walker where path.hasSuffix(".py") {
            let source = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            let error = syntaxError(source)
            if (path as NSString).lastPathComponent.hasPrefix("syntax_") {
                XCTAssertNotNil(error, path)
            } else {
                XCTAssertNil(error, path)
            }
            count += 1
        }
        XCTAssertGreaterThan(count, 0)
    }

    func testNestingLimits() {
        XCTAssertEqual(syntaxError("x = " + String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)), nil)
        XCTAssertEqual(syntaxError("x = " + String(repeating: "(", count: 250) + "1" + String(repeating: ")", count: 250)),
                       "too many nested parentheses@1:205")
        XCTAssertEqual(syntaxError("x = " + String(repeating: "-", count: 5000) + "1")?.hasPrefix("too deeply nested"), true)
        XCTAssertEqual(syntaxError("x = " + String(repeating: "not ", count: 5000) + "1")?.hasPrefix("too deeply nested"), true)
        XCTAssertEqual(syntaxError("x = " + String(repeating: "lambda: ", count: 5000) + "1")?.hasPrefix("too deeply nested"), true)
        XCTAssertEqual(syntaxError("x = 1" + String(repeating: " + 1", count: 500)), nil)
        XCTAssertEqual(syntaxError("x = 1" + String(repeating: " + 1", count: 50000))?.hasPrefix("too deeply nested"), true)
        XCTAssertEqual(syntaxError("x = a" + String(repeating: ".b", count: 50000))?.hasPrefix("too deeply nested"), true)
        XCTAssertEqual(syntaxError("x = 1" + String(repeating: " if 1 else 1", count: 5000))?.hasPrefix("too deeply nested"), true)
        XCTAssertEqual(syntaxError("x = " + String(repeating: "[", count: 199) + String(repeating: "]", count: 199)), nil)
        var elifs = "if a: pass\n"
        for _ in 0..<5000 { elifs += "elif b: pass\n" }
        XCTAssertEqual(syntaxError(elifs)?.hasPrefix("too deeply nested"), true)
    }
}

// MARK: - Fuzzing: every input must parse or throw SyntaxError, never crash.

/// Deterministic generator so failures reproduce.
fileprivate struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

private let fuzzSamples = [
    """
    import a.b as c
    from .m import (x, y as z)
    @decorator(1, k=2)
    def f(a, b=1, /, c=2, *args, d, e=f'{x!r:>{w}}', **kw) -> int:
        global g
        for i, (j, *k) in enumerate(range(10)):
            if i % 2 == 0 and not j or k is None:
                continue
            elif i > 5:
                break
            else:
                pass
        else:
            x = [a ** -b for a in y if a if b for b in z]
        while (n := n - 1) > 0:
            yield n
        try:
            raise ValueError("x") from None
        except (TypeError, ValueError) as e:
            del e
        except Exception:
            raise
        else:
            assert x, "message"
        finally:
            return {k: v for k, v in d.items()}, {1, 2}, {**d, 'a': 1}
    """,
    """
    class C(Base, metaclass=Meta):
        '''doc'''
        x: int = 0x_ff + 0o17 + 0b1 + 1_000 + 1.5e-3 + 2j + 99999999999999999999999
        def m(self, *, key=lambda v: -v ** 2):
            with open(p) as f, lock:
                data = f.read()[1:-1:2], b'\\x00' rb'raw'
            s = 'a' "b" '''c''' r'\\d' '\\N{BULLET}\\u00e9\\t'
            x = y = z = (yield from gen()) if cond else ~a << 2 | b & c ^ d
            x += 1; x //= 2; x **= 3; x @= m
            return (x for x in s), f(*a, **k), t[i, j:k], ...
    """,
    """
    def outer():
        v = 1
        def inner():
            nonlocal v
            v = (lambda: (yield))
        async_ = [i for i in y] if False else None
        print(f"{v=} {v!s:{10}} {{literal}}")
        return inner
    if __name__ == "__main__": outer()(); x = \\
        1 + \\
        2
    """,
]

private let fuzzVocabulary = [
    "if", "else", "elif", "for", "in", "while", "def", "class", "lambda", "yield", "from", "import", "x", "y",
    "1", "0x1f", "1.5e3", "2j", "012", "1_", "'s'", "f'{x}'", "f'{", "f'{x:{y}}'", "b'b'", "r'\\'", "'''", "\"",
    "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "=", "==", "+", "-", "*", "**", "/", "//", "@", ":=", "->",
    "...", "not", "and", "or", "is", "return", "pass", "try", "except", "finally", "with", "as", "\n", "\n    ",
    "\n        ", "\n\t", "\\\n", "\\", "#c", "!", "~", "<", ">", "<<=", "global", "nonlocal", "del", "assert",
    "raise", "True", "None", "async", "await", "é", "€", "\r", "\u{0}", "break", "continue", "%", "^", "|", "&",
]

extension ParserTests {
    /// Parses `source`; fails the test on anything but success or a well-formed SyntaxError.
    func fuzzOne(_ source: String, _ what: String) {
        do {
            let stmts = try parseModule(source: source, filename: "fuzz.py")
            _ = dump(stmts)
        } catch let e as SyntaxError {
            let lines = source.utf8.reduce(1) { $0 + ($1 == 10 || $1 == 13 ? 1 : 0) }
            XCTAssertEqual(e.filename, "fuzz.py")
            XCTAssertFalse(e.message.isEmpty)
            XCTAssert(e.line >= 1 && e.line <= lines + 1, "\(what): line \(e.line) out of range: \(source.debugDescription)")
            XCTAssert(e.column >= 1, "\(what): column \(e.column): \(source.debugDescription)")
        } catch {
            XCTFail("\(what): unexpected error \(error) for \(source.debugDescription)")
        }
    }

    func testFuzzRandomBytes() {
        var rng = SplitMix64(state: 1)
        let alphabet = Array("abcxyz019_ \n\n\t()[]{}:;,.=+-*/%@<>!~^&|#'\"\\fbrj\r".utf8) + [0, 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xFF]
        for n in 0..<1200 {
            let length = Int.random(in: 0...120, using: &rng)
            var bytes: [UInt8] = []
            for _ in 0..<length {
                bytes.append(Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng))
            }
            fuzzOne(String(decoding: bytes, as: UTF8.self), "bytes #\(n)")
        }
    }

    func testFuzzTokenSoup() {
        var rng = SplitMix64(state: 2)
        for n in 0..<1500 {
            let count = Int.random(in: 1...40, using: &rng)
            var source = ""
            for _ in 0..<count {
                source += fuzzVocabulary.randomElement(using: &rng)!
                if Int.random(in: 0..<4, using: &rng) != 0 { source += " " }
            }
            fuzzOne(source, "soup #\(n)")
        }
    }

    func testFuzzTruncatedAndMutatedPrograms() {
        for sample in fuzzSamples {
            XCTAssertNil(syntaxError(sample), sample)
            let bytes = Array(sample.utf8)
            for cut in stride(from: 0, to: bytes.count, by: 2) {
                fuzzOne(String(decoding: bytes[0..<cut], as: UTF8.self), "truncated at \(cut)")
            }
        }
        var rng = SplitMix64(state: 3)
        for n in 0..<1500 {
            var bytes = Array(fuzzSamples.randomElement(using: &rng)!.utf8)
            for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                let j = min(bytes.count, i + Int.random(in: 1...8, using: &rng))
                switch Int.random(in: 0..<5, using: &rng) {
                case 0: bytes.removeSubrange(i..<j)
                case 1: bytes.insert(contentsOf: bytes[i..<j], at: i)
                case 2: bytes.insert(contentsOf: Array(fuzzVocabulary.randomElement(using: &rng)!.utf8), at: i)
                case 3: bytes.swapAt(i, Int.random(in: 0..<bytes.count, using: &rng))
                default: bytes[i] = UInt8.random(in: 0...127, using: &rng)
                }
            }
            fuzzOne(String(decoding: bytes, as: UTF8.self), "mutation #\(n)")
        }
    }

    func testFuzzDeepNesting() {
        var rng = SplitMix64(state: 4)
        let openers = ["(", "[", "{", "-", "not ", "lambda: ", "f(", "a[", "f'{", "x if y else ", "*", "**", "yield "]
        let closers = [")", "]", "}", "'", ")"]
        for n in 0..<200 {
            var source = "x = "
            for _ in 0..<Int.random(in: 1...400, using: &rng) { source += openers.randomElement(using: &rng)! }
            source += "1"
            for _ in 0..<Int.random(in: 0...400, using: &rng) { source += closers.randomElement(using: &rng)! }
            fuzzOne(source, "nesting #\(n)")
        }
    }
}
