// SPDX-License-Identifier: LGPL-2.1-only
//
// Hand-written recursive-descent parser for Python 3, producing the tree in
// AST.swift. Binary operators use precedence climbing to keep the stack
// shallow; a depth budget turns pathological nesting into a SyntaxError.

// FoundationEssentials, not all of Foundation: the desktop p14p links the
// Swift libraries statically, and Foundation's ICU data would add 30 MB.
#if canImport(FoundationEssentials)
import FoundationEssentials
import Glibc
#else
import Foundation  // brings Darwin with it
#endif

/// Parses a whole module.
public func parseModule(source: String, filename: String) throws -> [Stmt] {
    try withLargeStack { try parseModuleOnThisStack(source: source, filename: filename) }
}

/// Parses a whole module on the caller's stack, which must be a large one.
func parseModuleOnThisStack(source: String, filename: String) throws -> [Stmt] {
    var lexer = Lexer(source: source, filename: filename)
    let parser = Parser(tokens: lexer.tokenize(), filename: filename)
    return try parser.parseFile()
}

/// Parses a single expression (used by tools and tests).
public func parseExpression(source: String, filename: String) throws -> Expr {
    try withLargeStack {
        var lexer = Lexer(source: source, filename: filename)
        let parser = Parser(tokens: lexer.tokenize(), filename: filename)
        return try parser.parseSingleExpression()
    }
}

/// The work handed to the big-stack thread (a C thread entry takes one pointer).
private final class StackJob {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

/// Runs `body` on a thread with a big stack: at the nesting limits the
/// descent needs a few MiB in debug builds, more than a secondary thread
/// (or a Swift concurrency task) has by default. The thread is joined, so
/// nothing it held (the tree, the closure) outlives the call: a fuzzer's
/// leak check right after the call sees every release.
func withLargeStack<T>(_ body: @escaping () throws -> T) throws -> T {
    var result: Result<T, Error>? = nil
    let job = Unmanaged.passRetained(StackJob { result = Result { try body() } })
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, 64 << 20)
    #if canImport(Darwin)
    var thread: pthread_t? = nil
    #else
    var thread = pthread_t()
    #endif
    let started = pthread_create(&thread, &attributes, { context in
        let job = Unmanaged<StackJob>.fromOpaque(context!).takeRetainedValue()
        job.run()
        return nil
    }, job.toOpaque())
    guard started == 0 else {
        job.release()
        throw SyntaxError("internal parser failure (no thread)", filename: "", line: 1, column: 1)
    }
    #if canImport(Darwin)
    pthread_join(thread!, nil)
    #else
    pthread_join(thread, nil)
    #endif
    guard let result else {
        throw SyntaxError("internal parser failure", filename: "", line: 1, column: 1)
    }
    return try result.get()
}

/// Bound on recursion plus left-nested chains, so that neither the parser nor
/// a later tree walk can exhaust the stack.
let maxParseDepth = 1000

private let augmentedOperators: [String: Operator] = [
    "+=": .add, "-=": .subtract, "*=": .multiply, "/=": .trueDivide, "//=": .floorDivide,
    "%=": .modulo, "**=": .power, "<<=": .lshift, ">>=": .rshift, "&=": .bitAnd,
    "|=": .bitOr, "^=": .bitXor, "@=": .matrixMultiply,
]

private let binaryOperators: [String: (Operator, Int)] = [
    "|": (.bitOr, 1), "^": (.bitXor, 2), "&": (.bitAnd, 3),
    "<<": (.lshift, 4), ">>": (.rshift, 4),
    "+": (.add, 5), "-": (.subtract, 5),
    "*": (.multiply, 6), "/": (.trueDivide, 6), "//": (.floorDivide, 6), "%": (.modulo, 6),
    "@": (.matrixMultiply, 6),
]

private let comparisonOperators: [String: Comparison] = [
    "<": .less, "<=": .lessEqual, "==": .equal, "!=": .notEqual, ">": .greater, ">=": .greaterEqual,
]

final class Parser {
    private let tokens: [Token]
    private var p = 0
    let filename: String
    private var depth = 0

    // Context for the checks CPython's compiler does on statements.
    private var inFunction = false
    private var inLoop = false
    private var atModuleLevel = true
    /// Counts yield expressions so a comprehension can tell whether its parts hold one.
    private var yieldCount = 0
    private var lastYield = SourceLocation(line: 1, column: 1)

    init(tokens: [Token], filename: String) {
        // The lexer always ends with .end or .error; make sure anyway.
        if tokens.isEmpty {
            self.tokens = [Token(kind: .end, location: SourceLocation(line: 1, column: 1))]
        } else {
            self.tokens = tokens
        }
        self.filename = filename
    }

    // MARK: - Token access

    private var tok: Token { tokens[p] }

    private func peek(_ n: Int) -> Token { tokens[min(p + n, tokens.count - 1)] }

    private func advance() { if p < tokens.count - 1 { p += 1 } }

    private func isOp(_ s: String, _ t: Token? = nil) -> Bool {
        if case .op(let o) = (t ?? tok).kind { return o == s }
        return false
    }

    private func isKeyword(_ s: String, _ t: Token? = nil) -> Bool {
        if case .keyword(let k) = (t ?? tok).kind { return k == s }
        return false
    }

    private var isNewline: Bool { if case .newline = tok.kind { return true }; return false }

    private func acceptOp(_ s: String) -> Bool {
        if isOp(s) { advance(); return true }
        return false
    }

    private func acceptKeyword(_ s: String) -> Bool {
        if isKeyword(s) { advance(); return true }
        return false
    }

    private func expectOp(_ s: String, _ message: String? = nil) throws {
        if !acceptOp(s) { throw fail(message) }
    }

    private func expectName() throws -> (String, SourceLocation) {
        if case .name(let n) = tok.kind {
            let loc = tok.location
            advance()
            return (n, loc)
        }
        throw fail()
    }

    /// The error for the current token (or `t`); a lexer error there takes precedence.
    private func fail(_ message: String? = nil, at t: Token? = nil) -> SyntaxError {
        let t = t ?? tok
        // Like CPython, a tokenizer error anywhere later (an unclosed bracket,
        // say) replaces a generic "invalid syntax".
        if message == nil, case .error(let e) = tokens[tokens.count - 1].kind {
            if case .indent = t.kind {} else { return e }
        }
        switch t.kind {
        case .error(let e): return e
        case .end: return error(message ?? "unexpected EOF while parsing", t.location)
        case .indent: return error(message ?? "unexpected indent", t.location)
        default: return error(message ?? "invalid syntax", t.location)
        }
    }

    private func error(_ message: String, _ loc: SourceLocation) -> SyntaxError {
        // An error token reached already (e.g. inside a lookahead) still wins.
        if case .error(let e) = tok.kind, e.line < loc.line || (e.line == loc.line && e.column <= loc.column) {
            return e
        }
        return SyntaxError(message, filename: filename, line: loc.line, column: loc.column)
    }

    private func enter() throws {
        depth += 1
        if depth > maxParseDepth { throw error("too deeply nested", tok.location) }
    }

    private func leave() { depth -= 1 }

    /// Could the current token start an expression?
    private func startsExpression(_ t: Token? = nil) -> Bool {
        let t = t ?? tok
        switch t.kind {
        case .name, .number, .string: return true
        case .keyword(let k): return ["lambda", "not", "None", "True", "False"].contains(k)
        case .op(let o): return ["(", "[", "{", "-", "+", "~", "...", "*"].contains(o)
        default: return false
        }
    }

    // MARK: - Module and statements

    func parseFile() throws -> [Stmt] {
        var body: [Stmt] = []
        while true {
            switch tok.kind {
            case .end: return body
            case .newline: advance()
            case .error(let e): throw e
            default: body += try parseStatement()
            }
        }
    }

    func parseSingleExpression() throws -> Expr {
        while isNewline { advance() }
        let e = try parseTestListStarExpr()
        while isNewline { advance() }
        guard case .end = tok.kind else { throw fail() }
        return e
    }

    private func parseStatement() throws -> [Stmt] {
        switch tok.kind {
        case .indent:
            throw fail("unexpected indent")
        case .keyword(let k):
            switch k {
            case "if": return [try parseIf()]
            case "while": return [try parseWhile()]
            case "for": return [try parseFor()]
            case "try": return [try parseTry()]
            case "with": return [try parseWith()]
            case "def": return [try parseFunction(decorators: [])]
            case "class": return [try parseClass(decorators: [])]
            default: break
            }
        case .op("@"):
            return [try parseDecorated()]
        default:
            break
        }
        return try parseSimpleStatements()
    }

    /// small_stmt (';' small_stmt)* [';'] NEWLINE
    private func parseSimpleStatements() throws -> [Stmt] {
        var out = [try parseSmallStatement()]
        while acceptOp(";") {
            if isNewline { break }
            out.append(try parseSmallStatement())
        }
        guard isNewline else { throw fail() }
        advance()
        return out
    }

    private func parseSmallStatement() throws -> Stmt {
        let t = tok
        let loc = t.location
        if case .keyword(let k) = t.kind {
            switch k {
            case "pass":
                advance()
                return Stmt(.pass, loc)
            case "break":
                if !inLoop { throw error("'break' outside loop", loc) }
                advance()
                return Stmt(.breakStatement, loc)
            case "continue":
                if !inLoop { throw error("'continue' not properly in loop", loc) }
                advance()
                return Stmt(.continueStatement, loc)
            case "return":
                if !inFunction { throw error("'return' outside function", loc) }
                advance()
                var value: Expr?
                if startsExpression() {
                    let v = try parseTestListStarExpr()
                    try checkNotBareStarred(v)
                    value = v
                }
                return Stmt(.returnStatement(value), loc)
            case "raise":
                advance()
                var exc: Expr?, cause: Expr?
                if startsExpression() {
                    exc = try parseTest()
                    if acceptKeyword("from") { cause = try parseTest() }
                }
                return Stmt(.raise(exception: exc, cause: cause), loc)
            case "global", "nonlocal":
                advance()
                if k == "nonlocal" && atModuleLevel {
                    throw error("nonlocal declaration not allowed at module level", loc)
                }
                var names = [try expectName().0]
                while acceptOp(",") { names.append(try expectName().0) }
                return Stmt(k == "global" ? .global(names) : .nonlocal(names), loc)
            case "del":
                advance()
                let (targets, _) = try parseTargetList(stopAtIn: false)
                for target in targets { try checkTarget(target, verb: "delete") }
                return Stmt(.delete(targets), loc)
            case "assert":
                advance()
                let test = try parseTest()
                var message: Expr?
                if acceptOp(",") { message = try parseTest() }
                return Stmt(.assert(test: test, message: message), loc)
            case "import":
                return try parseImport()
            case "from":
                return try parseFromImport()
            default:
                break
            }
        }
        return try parseExpressionStatement()
    }

    private func parseExpressionStatement() throws -> Stmt {
        let loc = tok.location
        let first = isKeyword("yield") ? try parseYield() : try parseTestListStarExpr()
        if isOp("=") {
            var parts = [first]
            while acceptOp("=") {
                parts.append(isKeyword("yield") ? try parseYield() : try parseTestListStarExpr())
            }
            let value = parts.removeLast()
            for target in parts { try checkTarget(target, verb: "assign to") }
            try checkNotBareStarred(value)
            return Stmt(.assign(targets: parts, value: value), loc)
        }
        if case .op(let o) = tok.kind, let op = augmentedOperators[o] {
            try checkAugmentedTarget(first)
            advance()
            let value = isKeyword("yield") ? try parseYield() : try parseTestListStarExpr()
            try checkNotBareStarred(value)
            return Stmt(.augmentedAssign(target: first, op, value: value), loc)
        }
        if isOp(":") {
            try checkAnnotationTarget(first)
            advance()
            let annotation = try parseTest()
            var value: Expr?
            if acceptOp("=") {
                let v = isKeyword("yield") ? try parseYield() : try parseTestListStarExpr()
                try checkNotBareStarred(v)
                value = v
            }
            return Stmt(.annotatedAssign(target: first, annotation: annotation, value: value), loc)
        }
        if case .name(let n) = first.kind, n == "print" || n == "exec", startsExpression(), !isOp("("), !isOp("["),
           !isOp("*"), !isOp("-"), !isOp("+"), !isOp("~") {
            throw error("Missing parentheses in call to '\(n)'. Did you mean \(n)(...)?", first.location)
        }
        try checkNotBareStarred(first)
        return Stmt(.expression(first), loc)
    }

    private func checkNotBareStarred(_ e: Expr) throws {
        if case .starred = e.kind { throw error("can't use starred expression here", e.location) }
    }

    // MARK: Imports

    private func parseDottedName() throws -> String {
        var name = try expectName().0
        while acceptOp(".") { name += "." + (try expectName().0) }
        return name
    }

    private func parseImport() throws -> Stmt {
        let loc = tok.location
        advance()
        var aliases: [ImportAlias] = []
        repeat {
            let name = try parseDottedName()
            var asName: String?
            if acceptKeyword("as") { asName = try expectName().0 }
            aliases.append(ImportAlias(name: name, asName: asName))
        } while acceptOp(",")
        return Stmt(.importModules(aliases), loc)
    }

    private func parseFromImport() throws -> Stmt {
        let loc = tok.location
        advance()
        var level = 0
        while true {
            if acceptOp(".") { level += 1 }
            else if acceptOp("...") { level += 3 }
            else { break }
        }
        var module: String?
        if !isKeyword("import") { module = try parseDottedName() }
        guard acceptKeyword("import") else { throw fail() }
        var names: [ImportAlias] = []
        if acceptOp("*") {
            names.append(ImportAlias(name: "*", asName: nil))
        } else {
            let parenthesized = acceptOp("(")
            while true {
                let name = try expectName().0
                var asName: String?
                if acceptKeyword("as") { asName = try expectName().0 }
                names.append(ImportAlias(name: name, asName: asName))
                guard isOp(",") else { break }
                let comma = tok
                advance()
                if parenthesized && isOp(")") { break }
                if !parenthesized && (isNewline || isOp(";")) {
                    throw fail("trailing comma not allowed without surrounding parentheses", at: comma)
                }
            }
            if parenthesized { try expectOp(")") }
        }
        return Stmt(.importFrom(module: module, names: names, level: level), loc)
    }

    // MARK: Compound statements

    /// The body after ':' — an indented block or simple statements on the same line.
    private func parseBlock(_ what: String, _ header: SourceLocation) throws -> [Stmt] {
        try expectOp(":", "expected ':'")
        guard isNewline else { return try parseSimpleStatements() }
        advance()
        guard case .indent = tok.kind else {
            throw fail("expected an indented block after \(what) on line \(header.line)")
        }
        try enter()
        defer { leave() }
        advance()
        var body: [Stmt] = []
        while true {
            switch tok.kind {
            case .dedent:
                advance()
                return body
            case .end:
                return body
            default:
                body += try parseStatement()
            }
        }
    }

    private func loopBody(_ what: String, _ header: SourceLocation) throws -> [Stmt] {
        let saved = inLoop
        inLoop = true
        defer { inLoop = saved }
        return try parseBlock(what, header)
    }

    private func parseIf() throws -> Stmt {
        var clauses: [(SourceLocation, Expr, [Stmt])] = []
        var orElse: [Stmt] = []
        let loc = tok.location
        advance()
        let test = try parseNamedExprTest()
        clauses.append((loc, test, try parseBlock("'if' statement", loc)))
        var chained = 0
        defer { depth -= chained }
        while isKeyword("elif") {
            // Each elif nests one level deeper in the tree.
            chained += 1
            try enter()
            let l = tok.location
            advance()
            let t = try parseNamedExprTest()
            clauses.append((l, t, try parseBlock("'elif' statement", l)))
        }
        if isKeyword("else") {
            let l = tok.location
            advance()
            orElse = try parseBlock("'else' statement", l)
        }
        for (l, t, body) in clauses.reversed() {
            orElse = [Stmt(.ifStatement(test: t, body: body, orElse: orElse), l)]
        }
        return orElse[0]
    }

    private func parseWhile() throws -> Stmt {
        let loc = tok.location
        advance()
        let test = try parseNamedExprTest()
        let body = try loopBody("'while' statement", loc)
        var orElse: [Stmt] = []
        if isKeyword("else") {
            let l = tok.location
            advance()
            orElse = try parseBlock("'else' statement", l)
        }
        return Stmt(.whileLoop(test: test, body: body, orElse: orElse), loc)
    }

    private func parseFor() throws -> Stmt {
        let loc = tok.location
        advance()
        let target = try parseTargetExpr()
        try checkTarget(target, verb: "assign to")
        guard acceptKeyword("in") else { throw fail() }
        let iter = try parseTestListStarExpr()
        try checkNotBareStarred(iter)
        let body = try loopBody("'for' statement", loc)
        var orElse: [Stmt] = []
        if isKeyword("else") {
            let l = tok.location
            advance()
            orElse = try parseBlock("'else' statement", l)
        }
        return Stmt(.forLoop(target: target, iter: iter, body: body, orElse: orElse), loc)
    }

    private func parseTry() throws -> Stmt {
        let loc = tok.location
        advance()
        let body = try parseBlock("'try' statement", loc)
        var handlers: [ExceptHandler] = []
        var sawBare: SourceLocation?
        while isKeyword("except") {
            let l = tok.location
            if let bare = sawBare { throw error("default 'except:' must be last", bare) }
            advance()
            var type: Expr?
            var name: String?
            if !isOp(":") {
                type = try parseTest()
                if isOp(",") { throw error("multiple exception types must be parenthesized", type?.location ?? l) }
                if acceptKeyword("as") { name = try expectName().0 }
            } else {
                sawBare = l
            }
            let hbody = try parseBlock("'except' statement", l)
            handlers.append(ExceptHandler(type: type, name: name, body: hbody, location: l))
        }
        var orElse: [Stmt] = []
        if !handlers.isEmpty && isKeyword("else") {
            let l = tok.location
            advance()
            orElse = try parseBlock("'else' statement", l)
        }
        var finally: [Stmt] = []
        var hasFinally = false
        if isKeyword("finally") {
            let l = tok.location
            advance()
            finally = try parseBlock("'finally' statement", l)
            hasFinally = true
        }
        if handlers.isEmpty && !hasFinally { throw fail("expected 'except' or 'finally' block") }
        return Stmt(.tryStatement(body: body, handlers: handlers, orElse: orElse, finally: finally), loc)
    }

    private func parseWithItem() throws -> WithItem {
        let context = try parseTest()
        var target: Expr?
        if acceptKeyword("as") {
            // A single target: `with a as b, c:` has two items.
            let t = try parseStarOrBinary()
            try checkTarget(t, verb: "assign to")
            target = t
        }
        return WithItem(context: context, target: target)
    }

    private func parseWith() throws -> Stmt {
        let loc = tok.location
        advance()
        var items: [WithItem]?
        if isOp("(") {
            // `with (a as b, c):` — try the parenthesized form, else it is an expression.
            let saved = p
            let savedYields = yieldCount
            do {
                advance()
                var list: [WithItem] = []
                while !isOp(")") {
                    list.append(try parseWithItem())
                    if !acceptOp(",") { break }
                }
                try expectOp(")")
                if isOp(":") && !list.isEmpty { items = list }
            } catch {}
            if items == nil {
                p = saved
                yieldCount = savedYields
            }
        }
        if items == nil {
            var list = [try parseWithItem()]
            while acceptOp(",") { list.append(try parseWithItem()) }
            items = list
        }
        let body = try parseBlock("'with' statement", loc)
        return Stmt(.with(items: items ?? [], body: body), loc)
    }

    private func parseDecorated() throws -> Stmt {
        var decorators: [Expr] = []
        while acceptOp("@") {
            decorators.append(try parseNamedExprTest())
            guard isNewline else { throw fail() }
            advance()
        }
        if isKeyword("def") { return try parseFunction(decorators: decorators) }
        if isKeyword("class") { return try parseClass(decorators: decorators) }
        throw fail()
    }

    private func parseFunction(decorators: [Expr]) throws -> Stmt {
        let loc = tok.location
        advance()
        let (name, _) = try expectName()
        try expectOp("(", "expected '('")
        let params = try parseParameters(closer: ")", annotations: true)
        try expectOp(")")
        var returns: Expr?
        if acceptOp("->") { returns = try parseTest() }
        let saved = (inFunction, inLoop, atModuleLevel)
        inFunction = true
        inLoop = false
        atModuleLevel = false
        defer { (inFunction, inLoop, atModuleLevel) = saved }
        let body = try parseBlock("function definition", loc)
        return Stmt(.functionDef(name: name, parameters: params, body: body, decorators: decorators, returns: returns), loc)
    }

    private func parseClass(decorators: [Expr]) throws -> Stmt {
        let loc = tok.location
        advance()
        let (name, _) = try expectName()
        var bases: [Expr] = []
        var keywords: [Keyword] = []
        if acceptOp("(") {
            (bases, keywords) = try parseCallArguments()
        }
        let saved = (inFunction, inLoop, atModuleLevel)
        inFunction = false
        inLoop = false
        atModuleLevel = false
        defer { (inFunction, inLoop, atModuleLevel) = saved }
        let body = try parseBlock("class definition", loc)
        return Stmt(.classDef(name: name, bases: bases, keywords: keywords, body: body, decorators: decorators), loc)
    }

    /// Parameters of `def` (closer ")", annotations allowed) or `lambda` (closer ":").
    private func parseParameters(closer: String, annotations: Bool) throws -> Parameters {
        var params = Parameters()
        var seen = Set<String>()
        var sawDefault = false
        var sawStar = false
        var bareStar: SourceLocation?
        var sawSlash = false

        func param() throws -> Parameter {
            let (name, loc) = try expectName()
            if seen.contains(name) { throw error("duplicate argument '\(name)' in function definition", loc) }
            seen.insert(name)
            let annotation = annotations && acceptOp(":") ? try parseTest() : nil
            return Parameter(name: name, defaultValue: nil, location: loc, annotation: annotation)
        }

        while !isOp(closer) {
            let t = tok
            if acceptOp("**") {
                params.varKeywords = try param()
                _ = acceptOp(",")
                if !isOp(closer) { throw fail("arguments cannot follow var-keyword argument") }
                break
            } else if acceptOp("*") {
                if sawStar { throw fail("* argument may appear only once", at: t) }
                sawStar = true
                if case .name = tok.kind {
                    var p = try param()
                    if isOp("=") { throw fail("var-positional argument cannot have default value") }
                    p.defaultValue = nil
                    params.varArgs = p
                } else {
                    bareStar = t.location
                }
            } else if acceptOp("/") {
                if sawSlash { throw fail("/ may appear only once", at: t) }
                if sawStar { throw fail("/ must be ahead of *", at: t) }
                if params.positional.isEmpty { throw fail("at least one argument must precede /", at: t) }
                sawSlash = true
                params.positionalOnlyCount = params.positional.count
            } else {
                var p = try param()
                if acceptOp("=") {
                    p.defaultValue = try parseTest()
                    if !sawStar { sawDefault = true }
                } else if sawDefault && !sawStar {
                    throw error("non-default argument follows default argument", p.location)
                }
                if sawStar { params.keywordOnly.append(p) } else { params.positional.append(p) }
            }
            if !acceptOp(",") { break }
        }
        if let star = bareStar, params.keywordOnly.isEmpty {
            throw error("named arguments must follow bare *", star)
        }
        return params
    }

    // MARK: - Targets

    /// exprlist for `for`, comprehension and `del` targets: stops before `in`.
    private func parseTargetList(stopAtIn: Bool) throws -> ([Expr], Bool) {
        var elts: [Expr] = []
        var comma = false
        repeat {
            let l = tok.location
            if acceptOp("*") {
                let e = try parseBinary(0)
                elts.append(Expr(.starred(e), l))
            } else {
                elts.append(try parseBinary(0))
            }
            guard acceptOp(",") else { break }
            comma = true
        } while startsExpression() && !(stopAtIn && isKeyword("in"))
        return (elts, comma)
    }

    private func parseTargetExpr() throws -> Expr {
        let (elts, comma) = try parseTargetList(stopAtIn: true)
        if !comma && elts.count == 1 { return elts[0] }
        return Expr(.tuple(elts), elts[0].location)
    }


    /// Validates an assignment (or `del`) target.
    private func checkTarget(_ e: Expr, verb: String, inSequence: Bool = false) throws {
        switch e.kind {
        case .name, .attribute, .subscript:
            return
        case .tuple(let elts), .list(let elts):
            var starred = 0
            for x in elts {
                if case .starred = x.kind {
                    starred += 1
                    if starred > 1 && verb != "delete" {
                        throw error("multiple starred expressions in assignment", x.location)
                    }
                }
                try checkTarget(x, verb: verb, inSequence: true)
            }
        case .starred(let inner):
            if verb == "delete" { throw error("cannot delete starred", e.location) }
            if !inSequence { throw error("starred assignment target must be in a list or tuple", e.location) }
            if case .starred = inner.kind { throw error("cannot \(verb) starred", inner.location) }
            try checkTarget(inner, verb: verb, inSequence: false)
        default:
            throw error("cannot \(verb) \(e.kindDescription)", e.location)
        }
    }

    private func checkAugmentedTarget(_ e: Expr) throws {
        switch e.kind {
        case .name, .attribute, .subscript:
            return
        default:
            throw error("'\(e.kindDescription)' is an illegal expression for augmented assignment", e.location)
        }
    }

    private func checkAnnotationTarget(_ e: Expr) throws {
        switch e.kind {
        case .name, .attribute, .subscript:
            return
        case .tuple:
            throw error("only single target (not tuple) can be annotated", e.location)
        case .list:
            throw error("only single target (not list) can be annotated", e.location)
        default:
            throw error("illegal target for annotation", e.location)
        }
    }

    // MARK: - Expressions

    /// testlist_star_expr: a tuple when there is a comma.
    func parseTestListStarExpr() throws -> Expr {
        let first = try parseStarOrTest()
        guard isOp(",") else { return first }
        var elts = [first]
        while acceptOp(",") {
            if !startsExpression() { break }
            elts.append(try parseStarOrTest())
        }
        return Expr(.tuple(elts), first.location)
    }

    private func parseStarOrTest() throws -> Expr { try parseStarred(or: parseTest) }

    private func parseStarOrBinary() throws -> Expr { try parseStarred(or: { try parseBinary(0) }) }

    private func parseStarOrNamed() throws -> Expr { try parseStarred(or: parseNamedExprTest) }

    /// `*` and a bitwise-or expression (a starred item), or else `other`.
    private func parseStarred(or other: () throws -> Expr) throws -> Expr {
        if isOp("*") {
            let l = tok.location
            advance()
            return Expr(.starred(try parseBinary(0)), l)
        }
        return try other()
    }

    /// namedexpr_test: test [':=' test]
    private func parseNamedExprTest() throws -> Expr {
        if case .name(let n) = tok.kind, isOp(":=", peek(1)) {
            let l = tok.location
            advance()
            advance()
            let value = try parseTest()
            return Expr(.namedExpr(n, value), l)
        }
        let e = try parseTest()
        if isOp(":=") {
            throw error("cannot use assignment expressions with \(e.kindDescription)", e.location)
        }
        return e
    }

    /// test: or_test ['if' or_test 'else' test] | lambda
    func parseTest() throws -> Expr {
        try enter()
        defer { leave() }
        if isKeyword("lambda") { return try parseLambda() }
        let body = try parseOr()
        if isKeyword("if") {
            advance()
            let test = try parseOr()
            guard acceptKeyword("else") else {
                if case .error(let e) = tok.kind { throw e }
                throw error("expected 'else' after 'if' expression", body.location)
            }
            let orElse = try parseTest()
            return Expr(.conditional(test: test, body: body, orElse: orElse), body.location)
        }
        return body
    }

    private func parseLambda() throws -> Expr {
        let loc = tok.location
        advance()
        let params = try parseParameters(closer: ":", annotations: false)
        try expectOp(":")
        let saved = (inFunction, yieldCount)
        inFunction = true
        defer { (inFunction, yieldCount) = saved }
        let body = try parseTest()
        return Expr(.lambda(params, body), loc)
    }

    private func parseOr() throws -> Expr {
        let first = try parseAnd()
        guard isKeyword("or") else { return first }
        var values = [first]
        while acceptKeyword("or") { values.append(try parseAnd()) }
        return Expr(.boolean(.or, values), first.location)
    }

    private func parseAnd() throws -> Expr {
        let first = try parseNot()
        guard isKeyword("and") else { return first }
        var values = [first]
        while acceptKeyword("and") { values.append(try parseNot()) }
        return Expr(.boolean(.and, values), first.location)
    }

    private func parseNot() throws -> Expr {
        if isKeyword("not") {
            try enter()
            defer { leave() }
            let l = tok.location
            advance()
            return Expr(.unary(.not, try parseNot()), l)
        }
        return try parseComparison()
    }

    private func comparisonOperator() -> (Comparison, Int)? {
        switch tok.kind {
        case .op(let o):
            if let c = comparisonOperators[o] { return (c, 1) }
        case .keyword("in"):
            return (.in, 1)
        case .keyword("not"):
            if isKeyword("in", peek(1)) { return (.notIn, 2) }
        case .keyword("is"):
            if isKeyword("not", peek(1)) { return (.isNot, 2) }
            return (.is, 1)
        default:
            break
        }
        return nil
    }

    private func parseComparison() throws -> Expr {
        let first = try parseBinary(0)
        var ops: [(Comparison, Expr)] = []
        while let (op, width) = comparisonOperator() {
            for _ in 0..<width { advance() }
            ops.append((op, try parseBinary(0)))
        }
        if ops.isEmpty { return first }
        return Expr(.compare(first, ops), first.location)
    }

    /// Precedence climbing over | ^ & << >> + - * / // % @.
    private func parseBinary(_ minPrec: Int) throws -> Expr {
        var left = try parseFactor()
        var chained = 0
        defer { depth -= chained }
        while case .op(let o) = tok.kind, let (op, prec) = binaryOperators[o], prec >= minPrec {
            advance()
            chained += 1
            try enter()
            let right = try parseBinary(prec + 1)
            left = Expr(.binary(left, op, right), left.location)
        }
        return left
    }

    /// factor: ('+'|'-'|'~') factor | power
    private func parseFactor() throws -> Expr {
        let op: UnaryOperator
        switch tok.kind {
        case .op("-"): op = .negative
        case .op("+"): op = .positive
        case .op("~"): op = .invert
        default: return try parsePower()
        }
        try enter()
        defer { leave() }
        let l = tok.location
        advance()
        return Expr(.unary(op, try parseFactor()), l)
    }

    /// power: primary ['**' factor] — right-associative through factor.
    private func parsePower() throws -> Expr {
        let base = try parsePrimary()
        if acceptOp("**") {
            try enter()
            defer { leave() }
            let exponent = try parseFactor()
            return Expr(.binary(base, .power, exponent), base.location)
        }
        return base
    }

    /// atom followed by calls, subscripts and attributes.
    private func parsePrimary() throws -> Expr {
        var e = try parseAtom()
        var chained = 0
        defer { depth -= chained }
        while true {
            if isOp("(") {
                advance()
                let (args, keywords) = try parseCallArguments()
                e = Expr(.call(e, args: args, keywords: keywords), e.location)
            } else if isOp("[") {
                advance()
                let index = try parseSubscriptList()
                try expectOp("]")
                e = Expr(.subscript(e, index), e.location)
            } else if isOp(".") {
                advance()
                let (name, _) = try expectName()
                e = Expr(.attribute(e, name), e.location)
            } else {
                return e
            }
            chained += 1
            try enter()
        }
    }

    /// Arguments after '(' up to and including ')'.
    private func parseCallArguments() throws -> ([Expr], [Keyword]) {
        var args: [Expr] = []
        var keywords: [Keyword] = []
        var sawKeyword = false
        var sawDoubleStar = false
        var names = Set<String>()
        while !isOp(")") {
            let t = tok
            if acceptOp("*") {
                let v = try parseTest()
                if sawDoubleStar {
                    throw error("iterable argument unpacking follows keyword argument unpacking", t.location)
                }
                args.append(Expr(.starred(v), t.location))
            } else if acceptOp("**") {
                let v = try parseTest()
                keywords.append(Keyword(name: nil, value: v))
                sawDoubleStar = true
            } else if case .keyword(let k) = t.kind, ["True", "False", "None"].contains(k), isOp("=", peek(1)) {
                throw error("cannot assign to \(k)", t.location)
            } else if case .name(let n) = t.kind, isOp("=", peek(1)) {
                advance()
                advance()
                let v = try parseTest()
                if names.contains(n) { throw error("keyword argument repeated: \(n)", t.location) }
                names.insert(n)
                keywords.append(Keyword(name: n, value: v))
                sawKeyword = true
            } else {
                let y0 = yieldCount
                var e = try parseNamedExprTest()
                if isKeyword("for") {
                    let comps = try parseComprehensionClauses(element: e, yieldsBefore: y0, kind: "generator expression")
                    e = Expr(.generator(e, comps), e.location)
                    if !args.isEmpty || !keywords.isEmpty || !isOp(")") {
                        throw error("Generator expression must be parenthesized", e.location)
                    }
                } else if isOp("=") {
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?", e.location)
                }
                if sawDoubleStar {
                    throw error("positional argument follows keyword argument unpacking", e.location)
                }
                if sawKeyword { throw error("positional argument follows keyword argument", e.location) }
                args.append(e)
            }
            if !acceptOp(",") { break }
        }
        try expectOp(")")
        return (args, keywords)
    }

    private func parseSubscriptList() throws -> Expr {
        let first = try parseSliceItem()
        guard isOp(",") else { return first }
        var items = [first]
        while acceptOp(",") {
            if isOp("]") { break }
            items.append(try parseSliceItem())
        }
        return Expr(.tuple(items), first.location)
    }

    private func parseSliceItem() throws -> Expr {
        let loc = tok.location
        var lower: Expr?
        if !isOp(":") {
            if isOp("*") {
                advance()
                return Expr(.starred(try parseBinary(0)), loc)
            }
            let e = try parseNamedExprTest()
            guard isOp(":") else { return e }
            lower = e
        }
        advance() // ':'
        var upper: Expr?
        var step: Expr?
        if !isOp(":") && startsExpression() { upper = try parseTest() }
        if acceptOp(":") {
            if startsExpression() { step = try parseTest() }
        }
        return Expr(.slice(lower: lower, upper: upper, step: step), lower?.location ?? loc)
    }

    // MARK: Atoms

    private func parseAtom() throws -> Expr {
        let t = tok
        let loc = t.location
        switch t.kind {
        case .name(let n):
            advance()
            return Expr(.name(n), loc)
        case .number(let lit):
            advance()
            return Expr(.literal(lit), loc)
        case .string:
            return try parseStrings()
        case .keyword("None"):
            advance()
            return Expr(.literal(.none), loc)
        case .keyword("True"):
            advance()
            return Expr(.literal(.true), loc)
        case .keyword("False"):
            advance()
            return Expr(.literal(.false), loc)
        case .op("..."):
            advance()
            return Expr(.literal(.ellipsis), loc)
        case .op("("):
            try enter()
            defer { leave() }
            return try parseParenthesized()
        case .op("["):
            try enter()
            defer { leave() }
            return try parseListDisplay()
        case .op("{"):
            try enter()
            defer { leave() }
            return try parseBraceDisplay()
        case .keyword("yield"):
            throw fail("'yield' expression must be parenthesized here")
        default:
            throw fail()
        }
    }

    private func parseParenthesized() throws -> Expr {
        let loc = tok.location
        advance()
        if acceptOp(")") { return Expr(.tuple([]), loc) }
        if isKeyword("yield") {
            let y = try parseYield()
            try expectOp(")")
            return y
        }
        let y0 = yieldCount
        let first = try parseStarOrNamed()
        if let comps = try parseComprehension(of: first, yieldsBefore: y0, kind: "generator expression", close: ")") {
            return Expr(.generator(first, comps), loc)
        }
        if isOp(",") { return Expr(.tuple(try parseElements(after: first, close: ")")), loc) }
        try expectOp(")")
        if case .starred = first.kind { throw error("cannot use starred expression here", first.location) }
        return first
    }

    private func parseListDisplay() throws -> Expr {
        let loc = tok.location
        advance()
        if acceptOp("]") { return Expr(.list([]), loc) }
        let y0 = yieldCount
        let first = try parseStarOrNamed()
        if let comps = try parseComprehension(of: first, yieldsBefore: y0, kind: "list comprehension", close: "]") {
            return Expr(.listComprehension(first, comps), loc)
        }
        return Expr(.list(try parseElements(after: first, close: "]")), loc)
    }

    private func parseBraceDisplay() throws -> Expr {
        let loc = tok.location
        advance()
        if acceptOp("}") { return Expr(.dict([]), loc) }
        var entries: [(key: Expr?, value: Expr)] = []
        if acceptOp("**") {
            entries.append((nil, try parseBinary(0)))
        } else {
            let y0 = yieldCount
            let first = try parseStarOrNamed()
            if acceptOp(":") {
                if case .starred = first.kind { throw error("cannot use a starred expression in a dictionary key", first.location) }
                let value = try parseTest()
                if let comps = try parseComprehension(of: first, yieldsBefore: y0, kind: "dict comprehension", close: "}") {
                    return Expr(.dictComprehension(key: first, value: value, comps), loc)
                }
                entries.append((first, value))
            } else {
                // A set.
                if let comps = try parseComprehension(of: first, yieldsBefore: y0, kind: "set comprehension", close: "}") {
                    return Expr(.setComprehension(first, comps), loc)
                }
                return Expr(.set(try parseElements(after: first, close: "}")), loc)
            }
        }
        while acceptOp(",") {
            if isOp("}") { break }
            if acceptOp("**") {
                entries.append((nil, try parseBinary(0)))
            } else {
                let key = try parseTest()
                try expectOp(":", "':' expected after dictionary key")
                entries.append((key, try parseTest()))
            }
        }
        try expectOp("}")
        return Expr(.dict(entries), loc)
    }

    /// One or more `for ... in ... [if ...]` clauses after the element (parsed
    /// already). Yields anywhere but in the first iterable are refused.
    /// A display's comprehension clauses after its element (`first` of the
    /// display), and its closing bracket; nil, reading nothing, when no
    /// `for` follows.
    private func parseComprehension(of element: Expr, yieldsBefore y0: Int, kind: String, close: String) throws -> [Comprehension]? {
        guard isKeyword("for") else { return nil }
        let comps = try parseComprehensionClauses(element: element, yieldsBefore: y0, kind: kind)
        try expectOp(close)
        return comps
    }

    /// The elements of a tuple, list or set display from `first` on, and
    /// its closing bracket (after an optional trailing comma).
    private func parseElements(after first: Expr, close: String) throws -> [Expr] {
        var elts = [first]
        while acceptOp(",") {
            if isOp(close) { break }
            elts.append(try parseStarOrNamed())
        }
        try expectOp(close)
        return elts
    }

    private func parseComprehensionClauses(element: Expr, yieldsBefore before: Int, kind: String) throws -> [Comprehension] {
        if case .starred = element.kind {
            throw error("iterable unpacking cannot be used in comprehension", element.location)
        }
        var yieldsOutside = 0
        var comps: [Comprehension] = []
        while acceptKeyword("for") {
            let target = try parseTargetExpr()
            try checkTarget(target, verb: "assign to")
            guard acceptKeyword("in") else { throw fail() }
            let y0 = yieldCount
            let iter = try parseOr()
            // The first iterable is evaluated outside the comprehension.
            if comps.isEmpty { yieldsOutside = yieldCount - y0 }
            var conditions: [Expr] = []
            while acceptKeyword("if") { conditions.append(try parseOr()) }
            comps.append(Comprehension(target: target, iter: iter, conditions: conditions))
        }
        if yieldCount - before > yieldsOutside {
            throw error("'yield' inside \(kind)", lastYield)
        }
        return comps
    }

    private func parseYield() throws -> Expr {
        let loc = tok.location
        if !inFunction { throw error("'yield' outside function", loc) }
        advance()
        yieldCount += 1
        lastYield = loc
        if acceptKeyword("from") {
            return Expr(.yieldFrom(try parseTest()), loc)
        }
        if startsExpression() {
            let v = try parseTestListStarExpr()
            return Expr(.yield(v), loc)
        }
        return Expr(.yield(nil), loc)
    }

    // MARK: Strings

    /// Adjacent literals concatenate; f-strings turn the whole run into a joinedString.
    private func parseStrings() throws -> Expr {
        let loc = tok.location
        var parts: [Expr] = []
        var text = ""
        var bytes: [UInt8] = []
        var sawBytes = false, sawStr = false, sawF = false
        func flush(_ at: SourceLocation) {
            if !text.isEmpty { parts.append(Expr(.literal(.str(text)), at)); text = "" }
        }
        while case .string(let s) = tok.kind {
            let t = tok
            advance()
            switch s {
            case .str(let v):
                sawStr = true
                text += v
            case .bytes(let b):
                sawBytes = true
                bytes += b
            case .fString(let body, let raw, let start):
                sawF = true
                flush(t.location)
                let fparts = try parseFStringBody(body, raw: raw, start: start)
                for part in fparts {
                    if case .literal(.str(let v)) = part.kind { text += v } else {
                        flush(part.location)
                        parts.append(part)
                    }
                }
            }
            if sawBytes && (sawStr || sawF) {
                throw error("cannot mix bytes and nonbytes literals", t.location)
            }
        }
        if sawBytes { return Expr(.literal(.bytes(bytes)), loc) }
        if !sawF { return Expr(.literal(.str(text)), loc) }
        flush(loc)
        return Expr(.joinedString(parts), loc)
    }

    // MARK: f-strings

    private struct FStringContext {
        let body: [UInt8]
        let raw: Bool
        let lines: [Int]
        let columns: [Int]
        func location(_ k: Int) -> SourceLocation {
            let j = max(0, min(k, lines.count - 1))
            return SourceLocation(line: lines[j], column: columns[j])
        }
    }

    private func parseFStringBody(_ body: [UInt8], raw: Bool, start: SourceLocation) throws -> [Expr] {
        // Precompute positions of every byte for error and node locations.
        var lines = [Int](), columns = [Int]()
        lines.reserveCapacity(body.count + 1)
        columns.reserveCapacity(body.count + 1)
        var line = start.line, col = start.column
        for (k, c) in body.enumerated() {
            lines.append(line)
            columns.append(col)
            if c == 10 { line += 1; col = 1 }
            else if k + 1 < body.count && (body[k + 1] & 0xC0) == 0x80 {}
            else { col += 1 }
        }
        lines.append(line)
        columns.append(col)
        let ctx = FStringContext(body: body, raw: raw, lines: lines, columns: columns)
        var k = 0
        let parts = try parseFStringParts(ctx, &k, inSpec: false, nesting: 0)
        return parts
    }

    private func fstringError(_ ctx: FStringContext, _ message: String, _ k: Int) -> SyntaxError {
        error(message, ctx.location(k))
    }

    private func decodeLiteral(_ ctx: FStringContext, _ bytes: [UInt8], _ at: Int) throws -> String {
        if ctx.raw { return String(decoding: bytes, as: UTF8.self) }
        do {
            return String(decoding: try decodeEscapes(bytes, bytes: false), as: UTF8.self)
        } catch let e as EscapeError {
            throw fstringError(ctx, e.message, at)
        }
    }

    /// Literal text and replacement fields up to the end (or, in a format
    /// spec, up to the closing '}', left unconsumed).
    private func parseFStringParts(_ ctx: FStringContext, _ k: inout Int, inSpec: Bool, nesting: Int) throws -> [Expr] {
        let body = ctx.body
        let n = body.count
        var parts: [Expr] = []
        var lit: [UInt8] = []
        var litStart = k
        func flush() throws {
            if !lit.isEmpty {
                let s = try decodeLiteral(ctx, lit, litStart)
                if !s.isEmpty { parts.append(Expr(.literal(.str(s)), ctx.location(litStart))) }
                lit = []
            }
        }
        while k < n {
            let c = body[k]
            if c == 123 { // '{'
                if !inSpec && k + 1 < n && body[k + 1] == 123 {
                    lit.append(123)
                    k += 2
                    continue
                }
                try flush()
                let fieldStart = k
                k += 1
                let (debugText, field) = try parseFStringField(ctx, &k, nesting: nesting, start: fieldStart)
                if let text = debugText {
                    parts.append(Expr(.literal(.str(text)), ctx.location(fieldStart)))
                }
                parts.append(field)
                litStart = k
            } else if c == 125 { // '}'
                if inSpec { break }
                if k + 1 < n && body[k + 1] == 125 {
                    lit.append(125)
                    k += 2
                    continue
                }
                throw fstringError(ctx, "f-string: single '}' is not allowed", k)
            } else if c == 92 && !ctx.raw && k + 1 < n {
                // Keep escapes whole for decoding; the braces of \N{...} are not fields.
                let e = body[k + 1]
                if e == 78 && k + 2 < n && body[k + 2] == 123 {
                    var j = k
                    while j < n && body[j] != 125 { lit.append(body[j]); j += 1 }
                    if j < n { lit.append(125); j += 1 }
                    k = j
                } else if e == 123 || e == 125 {
                    lit.append(92)
                    k += 1
                } else {
                    lit.append(92)
                    lit.append(e)
                    k += 2
                }
            } else {
                lit.append(c)
                k += 1
            }
        }
        if inSpec && k >= n { throw fstringError(ctx, "f-string: expecting '}'", k) }
        try flush()
        return parts
    }

    /// A replacement field after '{'; consumes through the closing '}'.
    /// Returns the `expr=` text for self-documenting fields.
    private func parseFStringField(_ ctx: FStringContext, _ k: inout Int, nesting: Int, start: Int) throws -> (String?, Expr) {
        if nesting >= 2 { throw fstringError(ctx, "f-string: expressions nested too deeply", start) }
        let body = ctx.body
        let n = body.count
        let exprStart = k
        var brackets = 0
        var debug = false
        scan: while k < n {
            let c = body[k]
            switch c {
            case 39, 34: // a string inside the expression
                let triple = k + 2 < n && body[k + 1] == c && body[k + 2] == c
                k += triple ? 3 : 1
                while true {
                    guard k < n else { throw fstringError(ctx, "f-string: unterminated string", exprStart) }
                    if body[k] == 92 { k += 2; continue }
                    if body[k] == c {
                        if !triple { k += 1; break }
                        if k + 2 < n && body[k + 1] == c && body[k + 2] == c { k += 3; break }
                    }
                    k += 1
                }
                continue scan
            case 40, 91, 123:
                brackets += 1
            case 41, 93, 125:
                if brackets == 0 {
                    if c == 125 { break scan }
                    throw fstringError(ctx, "f-string: unmatched '\(Character(Unicode.Scalar(c)))'", k)
                }
                brackets -= 1
            case 33 where brackets == 0: // '!' not part of '!='
                if k + 1 < n && body[k + 1] == 61 { k += 2; continue scan }
                break scan
            case 58 where brackets == 0: // ':'
                break scan
            case 61 where brackets == 0: // '=' that is not '==', '<=', ...
                if k + 1 < n && body[k + 1] == 61 { k += 2; continue scan }
                if k > exprStart, [61, 33, 60, 62].contains(body[k - 1]) { break }
                debug = true
                break scan
            case 35:
                throw fstringError(ctx, "f-string expression part cannot include '#'", k)
            default:
                break
            }
            k += 1
        }
        if k >= n { throw fstringError(ctx, "f-string: expecting '}'", start) }
        let exprBytes = Array(body[exprStart..<k])
        if exprBytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 || $0 == 12 }) {
            throw fstringError(ctx, "f-string: empty expression not allowed", start)
        }
        let value = try parseFStringExpression(exprBytes, at: ctx.location(exprStart))
        var debugText: String?
        if debug {
            k += 1
            while k < n && (body[k] == 32 || body[k] == 9 || body[k] == 10) { k += 1 }
            debugText = String(decoding: body[exprStart..<k], as: UTF8.self)
        }
        var conversion: Character?
        if k < n && body[k] == 33 {
            k += 1
            guard k < n, [115, 114, 97].contains(body[k]) else {
                throw fstringError(ctx, "f-string: invalid conversion character: expected 's', 'r', or 'a'", k)
            }
            conversion = Character(Unicode.Scalar(body[k]))
            k += 1
        }
        var spec: Expr?
        if k < n && body[k] == 58 {
            let specStart = k + 1
            k += 1
            let parts = try parseFStringParts(ctx, &k, inSpec: true, nesting: nesting + 1)
            if !parts.isEmpty { spec = Expr(.joinedString(parts), ctx.location(specStart)) }
        }
        guard k < n && body[k] == 125 else { throw fstringError(ctx, "f-string: expecting '}'", start) }
        k += 1
        if debug && conversion == nil && spec == nil { conversion = "r" }
        let field = Expr(.formatted(value: value, conversion: conversion, spec: spec), ctx.location(start))
        return (debugText, field)
    }

    /// Parses the expression text of a replacement field with a sub-parser
    /// that shares this parser's context and depth budget.
    private func parseFStringExpression(_ bytes: [UInt8], at loc: SourceLocation) throws -> Expr {
        var lexer = Lexer(source: bytes, filename: filename, line: loc.line, column: loc.column, fragment: true)
        let sub = Parser(tokens: lexer.tokenize(), filename: filename)
        sub.inFunction = inFunction
        sub.inLoop = inLoop
        sub.atModuleLevel = atModuleLevel
        sub.depth = depth + 1
        if sub.depth > maxParseDepth { throw error("too deeply nested", loc) }
        let e = sub.isKeyword("yield") ? try sub.parseYield() : try sub.parseTestListStarExpr()
        guard case .end = sub.tok.kind else { throw sub.fail("f-string: invalid syntax") }
        yieldCount += sub.yieldCount
        if sub.yieldCount > 0 { lastYield = sub.lastYield }
        return e
    }
}
