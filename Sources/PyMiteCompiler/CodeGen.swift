// SPDX-License-Identifier: LGPL-2.1-only
//
// Code generation: syntax tree -> code objects, the tree walk over
// statements and expressions. One CodeUnit per code object under
// construction; the instructions are emitted through Emitter.swift.

import PyMiteVM

/// What `break`, `continue` and `return` have to undo on their way out.
enum Block {
    case forLoop(cont: Label, brk: Label)      // the iterator is on the stack
    case whileLoop(cont: Label, brk: Label)
    case tryBody(Protected)                    // body of try/except: nothing on the stack
    case finallyBody(Protected, [Stmt])        // body of try/finally: run the finally body on exit
    /// [prev] on the stack: popExcept, clear the name. The second range
    /// (named handlers only) clears the name when the body raises.
    case exceptHandler(Protected, String?, Protected?)
    case withBody(Protected)                   // [exit self] on the stack: call __exit__(None, None, None)
    case finallyHandler(Protected)             // [prev exc] on the stack (finally after an exception)
    case pendingValue                          // a return value waits under an inlined finally body
}

enum NameOp { case load, store, delete }

/// The program's table of names: every code's names begin it (`CodeGen.names`), so it is
/// the longest list. Codes from elsewhere may not share it (`sharesNames`).
func programNames(_ codes: [CodeObject]) -> [[UInt8]] {
    codes.max { $0.names.count < $1.names.count }?.names ?? []
}

/// Whether every code's names begin `table`.
func sharesNames(_ codes: [CodeObject], _ table: [[UInt8]]) -> Bool {
    codes.allSatisfy { $0.names.elementsEqual(table.prefix($0.names.count)) }
}

/// Generates the code objects of one module into `codes` (shared by all
/// modules of an image, since Constant.code indexes the image).
final class CodeGen {
    let filename: String
    let symbols: SymbolTable
    /// Code for exec() and eval(): the module's names are LOAD_NAME/STORE_NAME, looked up in
    /// the locals dict it runs with, then its globals (a module's own code uses its globals).
    var namesInNamespace = false
    var codes: [CodeObject]
    var u: CodeUnit!
    /// The names every code object of the program indexes (globals, attributes, modules), one
    /// table for all: each code's `names` is the table as it stands when the code is done, so
    /// every code's names begin the image's, and a board keeps a word for each name once
    /// (ImageFormat: a code's names as a prefix of the image's).
    var names: [[UInt8]] = []
    var nameIndex: [String: Int] = [:]

    /// Displays longer than this are built incrementally, keeping the stack shallow.
    static let chunk = 16
    static let maxStack = 4096

    init(filename: String, symbols: SymbolTable, codes: [CodeObject]) {
        self.filename = filename
        self.symbols = symbols
        self.codes = codes
        names = programNames(codes)  // the modules compiled before this one
        for (i, n) in names.enumerated() where nameIndex[String(decoding: n, as: UTF8.self)] == nil {
            nameIndex[String(decoding: n, as: UTF8.self)] = i
        }
    }

    func error(_ message: String, _ loc: SourceLocation) -> SyntaxError {
        SyntaxError(message, filename: filename, line: loc.line, column: loc.column)
    }

    /// Location of the construct being compiled, for errors without a node at hand.
    var here: SourceLocation { SourceLocation(line: u.line, column: 1) }

    // MARK: - Code objects

    /// Compiles one code object; returns its index in the image.
    func compileUnit(scope: Scope, name: String, firstLine: Int, flags: UInt32, argCount: Int = 0,
                     kwOnlyCount: Int = 0, _ body: () throws -> Void) throws -> UInt32 {
        let index = codes.count
        codes.append(CodeObject(name: [], filename: []))  // reserved; filled below
        let saved = u
        u = CodeUnit(scope: scope, firstLine: firstLine)
        defer { u = saved }
        try body()
        let loc = SourceLocation(line: firstLine, column: 1)
        // Resolve jumps now that every label is placed.
        for (index, label) in u.patches {
            guard let pos = label.position else { throw error("internal compiler error: unplaced label", loc) }
            guard pos <= Int(Instruction.maxArg) else { throw error("code too large", loc) }
            let ins = Instruction(raw: u.instructions[index])
            if ins.opcode == .compareJumpIfFalse {
                guard let arg = FusedOperand.pack(Int(ins.arg), pos, lowBits: FusedOperand.comparisonBits) else {
                    throw error("code too large", loc)
                }
                u.instructions[index] = Instruction(.compareJumpIfFalse, arg).raw
            } else {
                u.instructions[index] = Instruction(ins.opcode!, UInt32(pos)).raw
            }
        }
        guard u.instructions.count <= Int(Instruction.maxArg) else { throw error("code too large", loc) }
        guard u.maxDepth <= CodeGen.maxStack else {
            throw error("expression too complex (needs a stack deeper than \(CodeGen.maxStack))", loc)
        }
        guard u.slotNames.count <= Int(UInt16.max) else { throw error("too many local variables", loc) }
        var table: [ExceptionEntry] = []
        for e in u.entries {
            guard let target = e.handler.position else { throw error("internal compiler error: unplaced handler", loc) }
            table.append(ExceptionEntry(start: UInt32(e.start), end: UInt32(e.end), target: UInt32(target),
                                        depth: UInt32(e.depth)))
        }
        codes[index] = CodeObject(
            name: Array(name.utf8), filename: Array(filename.utf8), flags: flags,
            argCount: UInt16(argCount), kwOnlyCount: UInt16(kwOnlyCount),
            localCount: UInt16(u.localCount), freeCount: UInt16(u.scope.freeVars.count),
            stackSize: UInt16(u.maxDepth), firstLine: UInt32(max(0, firstLine)),
            constants: u.constants, names: names, slotNames: u.slotNames.map { Array($0.utf8) },
            instructions: u.instructions, lineTable: u.lineTable, exceptionTable: table)
        return UInt32(index)
    }

    /// Whether a module's or class's own statements (not its functions' or classes') annotate
    /// a variable, so the body starts by making `__annotations__`, as CPython's does.
    static func hasAnnotatedAssignment(_ body: [Stmt]) -> Bool {
        body.contains { s in
            switch s.kind {
            case .annotatedAssign: return true
            case .ifStatement(_, let b, let e), .whileLoop(_, let b, let e), .forLoop(_, _, let b, let e):
                return hasAnnotatedAssignment(b) || hasAnnotatedAssignment(e)
            case .tryStatement(let b, let handlers, let e, let f):
                return hasAnnotatedAssignment(b) || handlers.contains { hasAnnotatedAssignment($0.body) }
                    || hasAnnotatedAssignment(e) || hasAnnotatedAssignment(f)
            case .with(_, let b): return hasAnnotatedAssignment(b)
            default: return false
            }
        }
    }

    static func docstring(_ body: [Stmt]) -> String? {
        if let first = body.first, case .expression(let e) = first.kind, case .literal(.str(let s)) = e.kind {
            return s
        }
        return nil
    }

    func compileModule(_ body: [Stmt]) throws -> UInt32 {
        try compileUnit(scope: symbols.module, name: "<module>", firstLine: 1, flags: CodeFlags.module) {
            try compileBody(body, docstringStore: namesInNamespace ? .storeName : .storeGlobal)
            try loadConst(.none)
            try emit(.returnValue)
        }
    }

    /// eval()'s code: the expression's value is what the code returns.
    func compileEvaluation(_ e: Expr) throws -> UInt32 {
        try compileUnit(scope: symbols.module, name: "<module>", firstLine: 1, flags: CodeFlags.module) {
            try compile(e)
            try emit(.returnValue)
        }
    }

    /// Compiles a module's or class's statements; a docstring goes to
    /// `__doc__` through `docstringStore` (storeGlobal or storeName).
    func compileBody(_ body: [Stmt], docstringStore: Opcode) throws {
        if CodeGen.hasAnnotatedAssignment(body) { try emit(.setupAnnotations) }
        var stmts = body[...]
        if let doc = CodeGen.docstring(body) {
            u.line = body[0].location.line
            try loadConst(.str(Array(doc.utf8)))
            try emitNamed(docstringStore, "__doc__")
            stmts = stmts.dropFirst()
        }
        for s in stmts { try compile(s) }
    }

    func emitMakeCells() throws {
        for n in u.scope.cellVars { try emit(.makeCell, u.slots[n]!) }
    }

    func functionFlags(_ scope: Scope, _ p: Parameters) -> UInt32 {
        var flags: UInt32 = 0
        if scope.isGenerator { flags |= CodeFlags.generator }
        if p.varArgs != nil { flags |= CodeFlags.varArgs }
        if p.varKeywords != nil { flags |= CodeFlags.varKeywords }
        return flags | UInt32(min(p.positionalOnlyCount, 0xFFFF)) << CodeFlags.positionalOnlyShift
    }

    /// Pushes defaults, keyword-only defaults, annotations and the closure, then makes the function.
    func emitMakeFunction(_ scope: Scope, _ code: UInt32, _ p: Parameters, returns: Expr? = nil) throws {
        var flags: UInt32 = 0
        let defaults = p.positional.compactMap { $0.defaultValue }
        if !defaults.isEmpty {
            for d in defaults { try compile(d) }
            try emit(.buildTuple, defaults.count)
            flags |= MakeFunctionFlags.defaults
        }
        let kwDefaults = p.keywordOnly.filter { $0.defaultValue != nil }
        if !kwDefaults.isEmpty {
            for k in kwDefaults {
                try loadConst(.str(Array(k.name.utf8)))
                try compile(k.defaultValue!)
            }
            try emit(.buildMap, kwDefaults.count)
            flags |= MakeFunctionFlags.kwDefaults
        }
        // In parameter order, the return's last, as CPython's __annotations__.
        let parameters = p.positional + [p.varArgs].compactMap { $0 } + p.keywordOnly + [p.varKeywords].compactMap { $0 }
        var annotations = parameters.compactMap { q in q.annotation.map { (q.name, $0) } }
        if let returns { annotations.append(("return", returns)) }
        if !annotations.isEmpty {
            for (name, annotation) in annotations {
                try loadConst(.str(Array(name.utf8)))
                try compile(annotation)
            }
            try emit(.buildMap, annotations.count)
            flags |= MakeFunctionFlags.annotations
        }
        if !scope.freeVars.isEmpty {
            for f in scope.freeVars {
                guard let slot = u.slots[f] else {
                    throw error("internal compiler error: no cell for free variable '\(f)'", scope.location)
                }
                try emit(.loadClosure, slot)
            }
            try emit(.buildTuple, scope.freeVars.count)
            flags |= MakeFunctionFlags.closure
        }
        try loadConst(.code(code))
        try emit(.makeFunction, Int(flags))
    }

    func compileFunction(_ s: Stmt, name: String, params: Parameters, body: [Stmt]) throws -> (Scope, UInt32) {
        guard let scope = symbols.scope(of: s) else { throw error("internal compiler error: no scope", s.location) }
        let doc = CodeGen.docstring(body)
        let index = try compileUnit(scope: scope, name: name, firstLine: s.location.line,
                                    flags: functionFlags(scope, params) | (doc == nil ? 0 : CodeFlags.docstring),
                                    argCount: params.positional.count, kwOnlyCount: params.keywordOnly.count) {
            // The docstring is constant 0 (f.__doc__ reads it); as a statement it does nothing.
            if let doc { _ = try addConst(.str(Array(doc.utf8))) }
            try emitMakeCells()
            for st in body { try compile(st) }
            if u.reachable {
                try loadConst(.none)
                try emit(.returnValue)
            }
        }
        return (scope, index)
    }

    func compileClassBody(_ s: Stmt, name: String, body: [Stmt]) throws -> (Scope, UInt32) {
        guard let scope = symbols.scope(of: s) else { throw error("internal compiler error: no scope", s.location) }
        let index = try compileUnit(scope: scope, name: name, firstLine: s.location.line, flags: CodeFlags.classBody) {
            try emitMakeCells()
            try emitNamed(.loadGlobal, "__name__")
            try emitNamed(.storeName, "__module__")
            try loadConst(.str(Array(scope.qualname.utf8)))
            try emitNamed(.storeName, "__qualname__")
            try compileBody(body, docstringStore: .storeName)
            if u.reachable {
                if scope.needsClassCell {
                    try emit(.loadClosure, u.slots["__class__"]!)
                    try emitNamed(.storeName, "__classcell__")
                }
                try emit(.loadLocals)
                try emit(.returnValue)
            }
        }
        return (scope, index)
    }

    // MARK: - Names

    func emitName(_ name: String, _ op: NameOp, _ loc: SourceLocation) throws {
        if op != .load && name == "__debug__" {
            throw error(op == .store ? "cannot assign to __debug__" : "cannot delete __debug__", loc)
        }
        let scope = u.scope
        func global() throws {
            try emitNamed(op == .load ? .loadGlobal : op == .store ? .storeGlobal : .deleteGlobal, name)
        }
        func deref() throws {
            guard let slot = u.slots[name] else { throw error("internal compiler error: no slot for '\(name)'", loc) }
            try emit(op == .load ? .loadDeref : op == .store ? .storeDeref : .deleteDeref, slot)
        }
        switch scope.kind {
        case .module where namesInNamespace && scope.resolve(name) != .globalExplicit:
            // exec/eval code: its names live in the locals dict it is given, as a class body's do.
            try emitNamed(op == .load ? .loadName : op == .store ? .storeName : .deleteName, name)
        case .module:
            try global()
        case .classBody:
            switch scope.resolve(name) {
            case .globalExplicit: try global()
            case .free: try deref()
            default: try emitNamed(op == .load ? .loadName : op == .store ? .storeName : .deleteName, name)
            }
        default:
            switch scope.resolve(name) {
            case .local:
                guard let slot = u.slots[name] else { throw error("internal compiler error: no slot for '\(name)'", loc) }
                try emit(op == .load ? .loadFast : op == .store ? .storeFast : .deleteFast, slot)
            case .cell, .free: try deref()
            case .globalExplicit, .globalImplicit: try global()
            case .classLocal:
                try emitNamed(op == .load ? .loadName : op == .store ? .storeName : .deleteName, name)
            }
        }
    }

    // MARK: - Statements

    func compile(_ body: [Stmt]) throws {
        for s in body { try compile(s) }
    }

    func compile(_ s: Stmt) throws {
        u.line = s.location.line
        switch s.kind {
        case .expression(let e):
            // Constant expression statements (docstrings included) do nothing.
            if case .literal(let lit) = e.kind {
                if case .imaginary = lit { _ = try constant(of: e) }
                return
            }
            try compile(e)
            try emit(.popTop)
        case .assign(let targets, let value):
            try compile(value)
            for (i, t) in targets.enumerated() {
                if i < targets.count - 1 { try emit(.dupTop) }
                try store(t)
            }
        case .augmentedAssign(let target, let op, let value):
            try compileAugmented(target, op, value)
        case .annotatedAssign(let target, let annotation, let value):
            switch target.kind {
            case .name, .attribute, .subscript: break
            case .tuple: throw error("only single target (not tuple) can be annotated", target.location)
            case .list: throw error("only single target (not list) can be annotated", target.location)
            default: throw error("illegal target for annotation", target.location)
            }
            if let v = value {
                try compile(v)
                try store(target)
            }
            // A module or class keeps a simple name's annotation in __annotations__ (made by
            // SETUP_ANNOTATIONS); another target's is evaluated for nothing; a function's is not evaluated.
            if !u.scope.kind.isFunctionLike {
                try compile(annotation)
                if case .name(let n) = target.kind {
                    try emitNamed(.loadName, "__annotations__")
                    try loadConst(.str(Array(n.utf8)))
                    try emit(.storeSubscr)
                } else {
                    try emit(.popTop)
                }
            }
        case .ifStatement(let test, let body, let orElse):
            let elseLabel = Label()
            try compileJump(test, ifTrue: false, to: elseLabel)
            try compile(body)
            if orElse.isEmpty {
                try place(elseLabel)
            } else {
                let end = Label()
                try emitJump(.jump, end)
                try place(elseLabel)
                try compile(orElse)
                try place(end)
            }
        case .whileLoop(let test, let body, let orElse):
            let top = Label(), elseLabel = Label()
            try place(top)
            if !isConstantTrue(test) {
                try compileJump(test, ifTrue: false, to: elseLabel)
            }
            try compileLoopRest(top: top, elseLabel: elseLabel, body, orElse, isFor: false)
        case .forLoop(let target, let iter, let body, let orElse):
            try compile(iter)
            try emit(.getIter)
            let top = Label(), elseLabel = Label()
            try place(top)
            u.line = s.location.line
            try emitJump(.forIter, elseLabel)
            try store(target)
            try compileLoopRest(top: top, elseLabel: elseLabel, body, orElse, isFor: true)
        case .breakStatement:
            guard let i = innermostLoop() else { throw error("'break' outside loop", s.location) }
            let brk: Label
            switch u.blocks[i] {
            case .forLoop(_, let b), .whileLoop(_, let b): brk = b
            default: fatalError("not a loop")
            }
            let suspended = try unwind(keeping: i, .breakLoop)
            try emitJump(.jump, brk)
            resume(suspended)
        case .continueStatement:
            guard let i = innermostLoop() else { throw error("'continue' not properly in loop", s.location) }
            let cont: Label
            switch u.blocks[i] {
            case .forLoop(let c, _), .whileLoop(let c, _): cont = c
            default: fatalError("not a loop")
            }
            let suspended = try unwind(keeping: i + 1, .continueLoop)
            try emitJump(.jump, cont)
            resume(suspended)
        case .pass, .global, .nonlocal:
            break
        case .returnStatement(let value):
            guard u.scope.kind.isFunctionLike else { throw error("'return' outside function", s.location) }
            if let v = value { try compile(v) } else { try loadConst(.none) }
            let suspended = try unwind(keeping: 0, .returnValue)
            u.line = s.location.line
            try emit(.returnValue)
            resume(suspended)
        case .delete(let targets):
            for t in targets { try delete(t) }
        case .assert(let test, let message):
            let ok = Label()
            try compileJump(test, ifTrue: true, to: ok)
            if let m = message {
                try compile(m)
                try emit(.raiseAssertion, 1)
            } else {
                try emit(.raiseAssertion, 0)
            }
            try place(ok)
        case .raise(let exc, let cause):
            guard let exc = exc else {
                if cause != nil { throw error("invalid syntax", s.location) }
                try emit(.raiseVarargs, 0)
                return
            }
            try compile(exc)
            if let c = cause {
                try compile(c)
                try emit(.raiseVarargs, 2)
            } else {
                try emit(.raiseVarargs, 1)
            }
        case .tryStatement(let body, let handlers, let orElse, let fin):
            if fin.isEmpty {
                try compileTryExcept(body, handlers, orElse)
            } else {
                try compileTryFinally(fin) {
                    if handlers.isEmpty {
                        try self.compile(body)
                        try self.compile(orElse)
                    } else {
                        try self.compileTryExcept(body, handlers, orElse)
                    }
                }
            }
        case .importModules(let aliases):
            for a in aliases {
                try emitNamed(.importName, a.name)
                let parts = a.name.split(separator: ".").map(String.init)
                if let asName = a.asName {
                    // importName gives the top package: walk down to the module.
                    for p in parts.dropFirst() { try emitNamed(.loadAttr, p) }
                    try emitName(asName, .store, s.location)
                } else {
                    try emitName(parts.first ?? a.name, .store, s.location)
                }
            }
        case .importFrom(let module, let aliases, let level):
            try compileImportFrom(module, aliases, level, s.location)
        case .functionDef(let name, let params, let body, let decorators, let returns):
            for d in decorators { try compile(d) }
            let (scope, index) = try compileFunction(s, name: name, params: params, body: body)
            u.line = s.location.line
            try emitMakeFunction(scope, index, params, returns: returns)
            for _ in decorators { try emit(.callFunction, 1) }
            try emitName(name, .store, s.location)
        case .classDef(let name, let bases, let keywords, let body, let decorators):
            // `metaclass=M` travels with the other keywords: the VM takes it out and calls M;
            // the rest go to M, and from type.__new__ to the parents' __init_subclass__.
            let classKeywords = keywords
            for d in decorators { try compile(d) }
            u.line = s.location.line
            try loadConst(.str(Array(name.utf8)))
            try buildSequence(bases, .tuple)
            if !classKeywords.isEmpty { try buildKeywordDict(classKeywords) }
            let (scope, index) = try compileClassBody(s, name: name, body: body)
            u.line = s.location.line
            try emitMakeFunction(scope, index, Parameters())
            try emit(.callFunction, 0)
            try emit(.buildClass, classKeywords.isEmpty ? 0 : 1)
            for _ in decorators { try emit(.callFunction, 1) }
            try emitName(name, .store, s.location)
        case .with(let items, let body):
            try compileWith(items[...], body, s.location)
        }
    }

    func isConstantTrue(_ e: Expr) -> Bool {
        guard case .literal(let l) = e.kind else { return false }
        switch l {
        case .true, .ellipsis: return true
        case .int(let v): return v != 0
        case .bigInt: return true
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .bytes(let b): return !b.isEmpty
        default: return false
        }
    }

    func compileImportFrom(_ module: String?, _ aliases: [ImportAlias], _ level: Int,
                           _ loc: SourceLocation) throws {
        guard let module = module, !module.isEmpty else {
            // `from . import x`: the names are sibling modules.
            for a in aliases {
                if a.name == "*" { throw error("invalid syntax", loc) }
                try emitNamed(.importName, a.name)
                try emitName(a.asName ?? a.name, .store, loc)
            }
            return
        }
        // `from __future__ import ...` only changes the compiler; nothing to run.
        if module == "__future__" && level == 0 { return }
        try emitNamed(.importName, module)
        let parts = module.split(separator: ".").map(String.init)
        for p in parts.dropFirst() { try emitNamed(.loadAttr, p) }
        if aliases.count == 1 && aliases[0].name == "*" {
            guard u.scope.kind == .module else { throw error("import * only allowed at module level", loc) }
            try emit(.importStar)
            return
        }
        for a in aliases {
            try emitNamed(.importFrom, a.name)
            try emitName(a.asName ?? a.name, .store, loc)
        }
        try emit(.popTop)
    }

    // MARK: Loops and unwinding

    /// A while or for loop after its head, which jumps to `elseLabel` once
    /// the loop is done: the body (continue goes back to `top`, break past
    /// the else part), the jump back, then the else part.
    func compileLoopRest(top: Label, elseLabel: Label, _ body: [Stmt], _ orElse: [Stmt], isFor: Bool) throws {
        let brk = Label()
        u.blocks.append(isFor ? .forLoop(cont: top, brk: brk) : .whileLoop(cont: top, brk: brk))
        try compile(body)
        u.blocks.removeLast()
        try emitJump(.jump, top)
        try place(elseLabel)
        try compile(orElse)
        try place(brk)
    }

    func innermostLoop() -> Int? {
        for i in stride(from: u.blocks.count - 1, through: 0, by: -1) {
            switch u.blocks[i] {
            case .forLoop, .whileLoop: return i
            default: continue
            }
        }
        return nil
    }

    enum Exit { case breakLoop, continueLoop, returnValue }

    /// Emits the exit code of every block above `keep`, innermost first.
    /// Their protected ranges are suspended; the caller resumes them after
    /// its jump or return.
    func unwind(keeping keep: Int, _ exit: Exit) throws -> [Protected] {
        var suspended: [Protected] = []
        let savedLine = u.line
        var i = u.blocks.count - 1
        while i >= keep {
            switch u.blocks[i] {
            case .forLoop:
                if exit == .breakLoop && i == keep {
                    try emit(.popTop)
                } else if exit == .returnValue && stackMattersBelow(i) {
                    // An outer handler pops its own items: drop the iterator
                    // from under the return value first.
                    try emit(.rotTwo)
                    try emit(.popTop)
                }
            case .whileLoop:
                break
            case .tryBody(let p):
                suspend(p); suspended.append(p)
            case .finallyBody(let p, let body):
                suspend(p); suspended.append(p)
                // The finally body runs in the context outside its try.
                let saved = u.blocks
                u.blocks = Array(saved[0..<i])
                if exit == .returnValue { u.blocks.append(.pendingValue) }
                defer { u.blocks = saved }
                try compile(body)
                u.line = savedLine
            case .exceptHandler(let p, let name, let np):
                if let np = np { suspend(np); suspended.append(np) }
                suspend(p); suspended.append(p)
                if exit == .returnValue { try emit(.rotTwo) }
                try emit(.popExcept)
                if let n = name {
                    try loadConst(.none)
                    try emitName(n, .store, here)
                    try emitName(n, .delete, here)
                }
            case .finallyHandler(let p):
                suspend(p); suspended.append(p)
                if exit == .returnValue { try emit(.rotThree) }
                try emit(.popTop)
                try emit(.popExcept)
            case .pendingValue:
                if exit == .returnValue { try emit(.rotTwo) }
                try emit(.popTop)
            case .withBody(let p):
                suspend(p); suspended.append(p)
                // [exit self v] -> [v exit self] for a return.
                if exit == .returnValue { try emit(.rotThree) }
                try emitExitCall()
            }
            i -= 1
        }
        return suspended
    }

    /// Whether a block outside blocks[i] works on its own stack items when
    /// unwound (so everything above them must be gone by then).
    func stackMattersBelow(_ i: Int) -> Bool {
        for j in 0..<i {
            switch u.blocks[j] {
            case .exceptHandler, .finallyHandler, .pendingValue, .withBody: return true
            default: continue
            }
        }
        return false
    }

    func resume(_ ps: [Protected]) {
        for p in ps { open(p) }
    }

    // MARK: try

    /// Compiles `body` as the code `p` protects, inside `block` (what
    /// break, continue and return leaving it have to undo).
    func compileProtected(_ p: Protected, in block: Block, _ body: () throws -> Void) throws {
        u.blocks.append(block)
        open(p)
        try body()
        finish(p)
        u.blocks.removeLast()
    }

    /// try/except and try/finally: `body` runs protected (inside the block
    /// `block` makes for its protection), then `normalExit`, then a jump to
    /// the end. An exception in the body reaches `handler` as [prev exc]
    /// (at line `handlerLine`), with the protection for the handler's own
    /// code; an exception escaping that restores prev and re-raises.
    func compileTry(block: (Protected) -> Block, body: () throws -> Void, normalExit: () throws -> Void,
                    handlerLine: Int?, handler: (_ hp: Protected, _ end: Label) throws -> Void) throws {
        let d = u.depth
        let onException = Label(), cleanup = Label(), end = Label()
        let p = Protected(handler: onException, depth: d)
        try compileProtected(p, in: block(p), body)
        try normalExit()
        try emitJump(.jump, end)

        // [exc] -> [prev exc]
        placeHandler(onException, for: p)
        if let line = handlerLine { u.line = line }
        try emit(.pushExcInfo)
        let hp = Protected(handler: cleanup, depth: d + 1)
        try handler(hp, end)
        placeHandler(cleanup, for: hp)
        try emit(.popExceptReraise)
        try place(end)
    }

    func compileTryExcept(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt]) throws {
        try compileTry(block: { .tryBody($0) }, body: { try compile(body) }, normalExit: { try compile(orElse) },
                       handlerLine: handlers.first?.location.line) { hp, end in
            open(hp)
            for (i, h) in handlers.enumerated() {
                u.line = h.location.line
                let next = Label()
                if let type = h.type {
                    try compile(type)
                    try emit(.exceptMatch)
                    try emitJump(.popJumpIfFalse, next)
                } else if i != handlers.count - 1 {
                    throw error("default 'except:' must be last", h.location)
                }
                // `as name`: the name is cleared however the handler is left, so
                // an exception escaping the body passes through a cleanup first.
                let nameCleanup = Label()
                var np: Protected?
                if let n = h.name {
                    try emitName(n, .store, h.location)
                    np = Protected(handler: nameCleanup, depth: hp.depth)
                    open(np!)
                } else {
                    try emit(.popTop)
                }
                u.blocks.append(.exceptHandler(hp, h.name, np))
                try compile(h.body)
                u.blocks.removeLast()
                if let np = np { finish(np) }
                suspend(hp)
                try emit(.popExcept)
                if let n = h.name {
                    try loadConst(.none)
                    try emitName(n, .store, h.location)
                    try emitName(n, .delete, h.location)
                }
                try emitJump(.jump, end)
                if let np = np, let n = h.name {
                    // [prev exc] -> clear the name, restore prev, re-raise.
                    placeHandler(nameCleanup, for: np)
                    u.line = h.location.line
                    try loadConst(.none)
                    try emitName(n, .store, h.location)
                    try emitName(n, .delete, h.location)
                    try emit(.popExceptReraise)
                }
                try place(next)
                open(hp)
            }
            // No clause matched: restore the previous exception and re-raise.
            suspend(hp)
            try emit(.popExceptReraise)
            finish(hp)
        }
    }

    func compileTryFinally(_ fin: [Stmt], _ body: () throws -> Void) throws {
        // Normal exit: the finally body inline. Exceptional exit: the finally
        // body again, with [prev exc] under it, then re-raise.
        try compileTry(block: { .finallyBody($0, fin) }, body: body, normalExit: { try compile(fin) },
                       handlerLine: fin.first?.location.line) { hp, _ in
            try compileProtected(hp, in: .finallyHandler(hp)) { try compile(fin) }
            try emit(.popExceptReraise)
        }
    }

    // MARK: with

    /// [exit self] -> []: calls `__exit__(None, None, None)` and drops the result.
    func emitExitCall() throws {
        try loadConst(.none)
        try loadConst(.none)
        try loadConst(.none)
        try emit(.callMethod, 3)
        try emit(.popTop)
    }

    /// `with a as x, b as y: body` is `with a as x: with b as y: body`.
    ///
    /// Stack while the body runs: [exit self], from loadMethod `__exit__`
    /// (self is NULL when `__exit__` is a plain attribute). An exception in
    /// the body (or in binding the target) reaches a handler that calls
    /// `__exit__(type(e), e, e.__traceback__)` with e as the handled exception, then
    /// swallows e if the result is truthy and re-raises it otherwise.
    func compileWith(_ items: ArraySlice<WithItem>, _ body: [Stmt], _ loc: SourceLocation) throws {
        guard let item = items.first else {
            try compile(body)
            return
        }
        let d = u.depth
        u.line = item.context.location.line
        try compile(item.context)
        u.line = item.context.location.line
        // [mgr] -> [mgr exit self] -> [exit self mgr] -> [exit self enter-result]
        try emit(.dupTop)
        try emitNamed(.loadSpecial, "__exit__")
        try emit(.rotThree)
        try emit(.rotThree)
        try emitNamed(.loadSpecial, "__enter__")
        try emit(.callMethod, 0)

        let onException = Label(), cleanup = Label(), end = Label()
        let p = Protected(handler: onException, depth: d + 2)
        try compileProtected(p, in: .withBody(p)) {
            if let t = item.target { try store(t) } else { try emit(.popTop) }
            try compileWith(items.dropFirst(), body, loc)
        }
        // Normal exit.
        u.line = loc.line
        try emitExitCall()
        try emitJump(.jump, end)

        // [exit self e] -> [e prev exit self e] (e handled), then the call.
        placeHandler(onException, for: p)
        u.line = loc.line
        try emit(.dupTop)           // [exit self e e]
        try emit(.rotFour)          // [e exit self e]
        try emit(.pushExcInfo)      // [e exit self prev e]
        try emit(.rotTwo)           // [e exit self e prev]
        try emit(.rotFour)          // [e prev exit self e]
        let hp = Protected(handler: cleanup, depth: d + 2)
        open(hp)
        try emit(.dupTop)
        try emitNamed(.loadAttr, "__class__")
        try emit(.rotTwo)           // [e prev exit self type e]
        try emit(.dupTop)
        try emitNamed(.loadAttr, "__traceback__")  // [e prev exit self type e tb]
        try emit(.callMethod, 3)    // [e prev result]
        let reraise = Label()
        try emitJump(.popJumpIfFalse, reraise)
        finish(hp)
        // Swallowed: restore the previous exception, drop e.
        try emit(.popExcept)        // [e]
        try emit(.popTop)
        try emitJump(.jump, end)
        try place(reraise)          // [e prev]
        try emit(.rotTwo)
        try emit(.popExceptReraise)
        // __exit__ itself raised: [e prev new] -> [prev new], restore prev, raise new.
        placeHandler(cleanup, for: hp)
        try emit(.rotThree)
        try emit(.rotThree)
        try emit(.popTop)
        try emit(.popExceptReraise)
        try place(end)
    }

    // MARK: Assignment targets


    /// Stores the value on top of the stack into a target.
    func store(_ t: Expr) throws { try storeOrDelete(t, .store) }

    func delete(_ t: Expr) throws { try storeOrDelete(t, .delete) }

    /// `store` (`op` is .store) or `delete` (.delete) of a target.
    func storeOrDelete(_ t: Expr, _ op: NameOp) throws {
        let savedLine = u.line
        u.line = t.location.line
        defer { u.line = savedLine }
        switch t.kind {
        case .name(let n):
            try emitName(n, op, t.location)
        case .attribute(let obj, let attr):
            try compile(obj)
            try emitNamed(op == .store ? .storeAttr : .deleteAttr, attr)
        case .subscript(let obj, let key):
            try compile(obj)
            try compile(key)
            try emit(op == .store ? .storeSubscr : .deleteSubscr)
        case .tuple(let items), .list(let items):
            if op == .delete {
                for i in items { try delete(i) }
                return
            }
            let stars = items.indices.filter { if case .starred = items[$0].kind { return true } else { return false } }
            if stars.count > 1 {
                throw error("multiple starred expressions in assignment", items[stars[1]].location)
            }
            if let s = stars.first {
                let before = s, after = items.count - s - 1
                guard before <= 0xFF, after <= 0xFFFF else {
                    throw error("too many expressions in star-unpacking assignment", t.location)
                }
                try emit(.unpackEx, before | after << 8)
            } else {
                try emit(.unpackSequence, items.count)
            }
            for item in items {
                if case .starred(let inner) = item.kind { try store(inner) } else { try store(item) }
            }
        case .starred where op == .store:
            throw error("starred assignment target must be in a list or tuple", t.location)
        default:
            throw error(op == .store ? "cannot assign to \(t.kindDescription)" : "cannot delete \(t.kindDescription)", t.location)
        }
    }

    func compileAugmented(_ target: Expr, _ op: Operator, _ value: Expr) throws {
        let code = Int(binaryOperator(op).rawValue)
        switch target.kind {
        case .name(let n):
            try emitName(n, .load, target.location)
            try compile(value)
            try emit(.inplaceOp, code)
            try emitName(n, .store, target.location)
        case .attribute(let obj, let attr):
            try compile(obj)
            try emit(.dupTop)
            try emitNamed(.loadAttr, attr)
            try compile(value)
            try emit(.inplaceOp, code)
            try emit(.rotTwo)
            try emitNamed(.storeAttr, attr)
        case .subscript(let obj, let key):
            try compile(obj)
            try compile(key)
            try emit(.dupTopTwo)
            try emit(.binarySubscr)
            try compile(value)
            try emit(.inplaceOp, code)
            try emit(.rotThree)
            try emit(.storeSubscr)
        default:
            throw error("'\(target.kindDescription)' is an illegal expression for augmented assignment", target.location)
        }
    }

    // MARK: - Expressions

    func binaryOperator(_ op: Operator) -> BinaryOperator {
        switch op {
        case .add: return .add
        case .subtract: return .subtract
        case .multiply: return .multiply
        case .trueDivide: return .trueDivide
        case .floorDivide: return .floorDivide
        case .modulo: return .modulo
        case .power: return .power
        case .lshift: return .lshift
        case .rshift: return .rshift
        case .bitAnd: return .and
        case .bitOr: return .or
        case .bitXor: return .xor
        case .matrixMultiply: return .matrixMultiply
        }
    }

    func compareOperator(_ c: Comparison) -> CompareOperator {
        switch c {
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        case .is: return .isIdentical
        case .isNot: return .isNotIdentical
        case .in: return .contains
        case .notIn: return .notContains
        }
    }

    /// The constant an expression folds to, if any: literals, negated
    /// numeric literals and tuples of constants.
    func constant(of e: Expr) throws -> Constant? {
        switch e.kind {
        case .literal(let l):
            switch l {
            case .none: return Constant.none
            case .true: return .true
            case .false: return .false
            case .ellipsis: return .ellipsis
            case .int(let v): return .int(v)
            case .bigInt(let digits): return .bigInt(Array(digits.utf8))
            case .float(let d): return .float(d)
            case .imaginary: throw error("complex numbers are not supported", e.location)
            case .str(let s): return .str(Array(s.utf8))
            case .bytes(let b): return .bytes(b)
            }
        case .unary(.negative, let x):
            guard case .literal(let l) = x.kind else { return nil }
            switch l {
            case .int(let v): return .int(-v)  // v >= 0 from the parser
            case .bigInt(let digits):
                if digits == "9223372036854775808" { return .int(Int64.min) }
                return .bigInt(Array(("-" + digits).utf8))
            case .float(let d): return .float(-d)
            case .imaginary: throw error("complex numbers are not supported", x.location)
            default: return nil
            }
        case .tuple(let items):
            var out: [Constant] = []
            for i in items {
                guard let c = try constant(of: i) else { return nil }
                out.append(c)
            }
            return .tuple(out)
        default:
            return nil
        }
    }

    func compile(_ e: Expr) throws {
        let savedLine = u.line
        u.line = e.location.line
        defer { u.line = savedLine }
        if let c = try constant(of: e) {
            try loadConst(c)
            return
        }
        switch e.kind {
        case .name(let n):
            try emitName(n, .load, e.location)
        case .literal:
            break  // folded above
        case .joinedString(let parts):
            try compileJoinedString(parts)
        case .formatted(let value, let conversion, let spec):
            try compileFormatted(value, conversion, spec)
        case .binary(let l, let op, let r):
            try compile(l)
            try compile(r)
            try emit(.binaryOp, Int(binaryOperator(op).rawValue))
        case .unary(let op, let x):
            try compile(x)
            switch op {
            case .negative: try emit(.unaryNegative)
            case .positive: try emit(.unaryPositive)
            case .not: try emit(.unaryNot)
            case .invert: try emit(.unaryInvert)
            }
        case .boolean(let op, let values):
            let end = Label()
            for (i, v) in values.enumerated() {
                try compile(v)
                if i < values.count - 1 {
                    try emitJump(op == .and ? .jumpIfFalseOrPop : .jumpIfTrueOrPop, end)
                }
            }
            try place(end)
        case .compare(let first, let rest):
            try compileCompare(first, rest)
        case .call(let f, let args, let keywords):
            try compileCall(f, args, keywords, e.location)
        case .attribute(let obj, let attr):
            try compile(obj)
            try emitNamed(.loadAttr, attr)
        case .subscript(let obj, let key):
            try compile(obj)
            try compile(key)
            try emit(.binarySubscr)
        case .slice(let lo, let hi, let step):
            if let x = lo { try compile(x) } else { try loadConst(.none) }
            if let x = hi { try compile(x) } else { try loadConst(.none) }
            if let x = step {
                try compile(x)
                try emit(.buildSlice, 3)
            } else {
                try emit(.buildSlice, 2)
            }
        case .tuple(let items):
            try buildSequence(items, .tuple)
        case .list(let items):
            try buildSequence(items, .list)
        case .set(let items):
            try buildSequence(items, .set)
        case .dict(let pairs):
            try buildDict(pairs)
        case .starred:
            throw error("can't use starred expression here", e.location)
        case .conditional(let test, let body, let orElse):
            let elseLabel = Label(), end = Label()
            try compileJump(test, ifTrue: false, to: elseLabel)
            try compile(body)
            try emitJump(.jump, end)
            try place(elseLabel)
            try compile(orElse)
            try place(end)
        case .lambda(let params, let body):
            guard let scope = symbols.scope(of: e) else { throw error("internal compiler error: no scope", e.location) }
            let index = try compileUnit(scope: scope, name: "<lambda>", firstLine: e.location.line,
                                        flags: functionFlags(scope, params), argCount: params.positional.count,
                                        kwOnlyCount: params.keywordOnly.count) {
                try emitMakeCells()
                try compile(body)
                try emit(.returnValue)
            }
            try emitMakeFunction(scope, index, params)
        case .listComprehension(let elt, let gens):
            try compileComprehension(e, "<listcomp>", gens, .list) { n in
                try self.compile(elt)
                try self.emit(.listAppend, n + 1)
            }
        case .setComprehension(let elt, let gens):
            try compileComprehension(e, "<setcomp>", gens, .set) { n in
                try self.compile(elt)
                try self.emit(.setAdd, n + 1)
            }
        case .dictComprehension(let key, let value, let gens):
            try compileComprehension(e, "<dictcomp>", gens, .dict) { n in
                try self.compile(key)
                try self.compile(value)
                try self.emit(.mapAdd, n + 1)
            }
        case .generator(let elt, let gens):
            try compileComprehension(e, "<genexpr>", gens, .generator) { _ in
                try self.compile(elt)
                try self.emit(.yieldValue)
                try self.emit(.popTop)
            }
        case .yield(let v):
            if let v = v { try compile(v) } else { try loadConst(.none) }
            try emit(.yieldValue)
        case .yieldFrom(let x):
            // See Opcode.yieldFrom: the instruction repeats until the
            // subiterator is exhausted, then leaves its return value.
            try compile(x)
            try emit(.getYieldFromIter)
            try loadConst(.none)
            try emit(.yieldFrom)
        case .namedExpr(let name, let value):
            // The scope pass decided where the name lives (PEP 572).
            try compile(value)
            try emit(.dupTop)
            try emitName(name, .store, e.location)
        }
    }

    /// An f-string: literal pieces and formatted values joined by
    /// buildString, at most `chunk` strings on the stack at a time.
    func compileJoinedString(_ parts: [Expr]) throws {
        if parts.isEmpty {
            try loadConst(.str([]))
            return
        }
        var pending = 0
        for part in parts {
            if pending == CodeGen.chunk {
                try emit(.buildString, pending)
                pending = 1
            }
            try compile(part)
            pending += 1
        }
        if pending > 1 { try emit(.buildString, pending) }
        // A lone literal is already a str; a lone formatValue gives a str too.
    }

    /// `{value!conversion:spec}`; a spec is itself a joined string (it may
    /// hold nested fields, as in f"{x:{width}}").
    func compileFormatted(_ value: Expr, _ conversion: Character?, _ spec: Expr?) throws {
        try compile(value)
        var arg = 0
        switch conversion {
        case "s": arg = 1
        case "r": arg = 2
        case "a": arg = 3
        default: arg = 0
        }
        if let s = spec {
            try compile(s)
            arg |= 4
        }
        try emit(.formatValue, arg)
    }

    /// Jumps to `label` when the truth of `e` equals `ifTrue`; `not`, `and`
    /// and `or` become jumps instead of values.
    func compileJump(_ e: Expr, ifTrue: Bool, to label: Label) throws {
        let savedLine = u.line
        u.line = e.location.line
        defer { u.line = savedLine }
        switch e.kind {
        case .unary(.not, let x):
            try compileJump(x, ifTrue: !ifTrue, to: label)
        case .boolean(let op, let values) where !values.isEmpty:
            // `a and b` jumps when false as soon as one is false; when true
            // only if the last one is (symmetric for `or`).
            let shortCircuitsOn = op == .or
            if shortCircuitsOn == ifTrue {
                for v in values { try compileJump(v, ifTrue: ifTrue, to: label) }
            } else {
                let skip = Label()
                for v in values.dropLast() { try compileJump(v, ifTrue: !ifTrue, to: skip) }
                try compileJump(values.last!, ifTrue: ifTrue, to: label)
                try place(skip)
            }
        default:
            try compile(e)
            try emitJump(ifTrue ? .popJumpIfTrue : .popJumpIfFalse, label)
        }
    }

    func compileCompare(_ first: Expr, _ rest: [(Comparison, Expr)]) throws {
        try compile(first)
        if rest.count == 1 {
            try compile(rest[0].1)
            try emit(.compareOp, Int(compareOperator(rest[0].0).rawValue))
            return
        }
        // Each middle operand is evaluated once: [a b] -> [b a b] -> [b r].
        let cleanup = Label(), end = Label()
        for (i, (op, x)) in rest.enumerated() {
            try compile(x)
            if i < rest.count - 1 {
                try emit(.dupTop)
                try emit(.rotThree)
                try emit(.compareOp, Int(compareOperator(op).rawValue))
                try emitJump(.jumpIfFalseOrPop, cleanup)
            } else {
                try emit(.compareOp, Int(compareOperator(op).rawValue))
            }
        }
        try emitJump(.jump, end)
        try place(cleanup)
        try emit(.rotTwo)
        try emit(.popTop)
        try place(end)
    }

    func compileCall(_ f: Expr, _ args: [Expr], _ keywords: [Keyword], _ loc: SourceLocation) throws {
        var seen = Set<String>()
        for k in keywords {
            if let n = k.name, !seen.insert(n).inserted {
                throw error("keyword argument repeated: \(n)", k.value.location)
            }
        }
        let hasStar = args.contains { if case .starred = $0.kind { return true } else { return false } }
        let hasDoubleStar = keywords.contains { $0.name == nil }
        if !hasStar && !hasDoubleStar {
            if keywords.isEmpty, case .attribute(let obj, let method) = f.kind {
                try compile(obj)
                u.line = f.location.line
                try emitNamed(.loadMethod, method)
                for a in args { try compile(a) }
                u.line = loc.line
                try emit(.callMethod, args.count)
                return
            }
            try compile(f)
            for a in args { try compile(a) }
            if keywords.isEmpty {
                try emit(.callFunction, args.count)
            } else {
                for k in keywords { try compile(k.value) }
                try loadConst(.tuple(keywords.map { .str(Array($0.name!.utf8)) }))
                try emit(.callFunctionKw, args.count + keywords.count)
            }
            return
        }
        try compile(f)
        if args.count == 1, case .starred(let only) = args[0].kind {
            try compile(only)  // f(*x): x as it is, so the call can say what it needs of it
        } else {
            try buildSequence(args, .tuple)
        }
        if keywords.isEmpty {
            try emit(.callFunctionEx, 0)
            return
        }
        try buildKeywordDict(keywords)
        try emit(.callFunctionEx, 1)
    }

    /// One dict of `name=value` and `**mapping` keywords, in their order.
    func buildKeywordDict(_ keywords: [Keyword]) throws {
        var pending = 0
        var built = false
        for k in keywords {
            if let n = k.name {
                try loadConst(.str(Array(n.utf8)))
                try compile(k.value)
                pending += 1
            } else {
                if !built || pending > 0 {
                    try emit(.buildMap, pending)
                    if built { try emit(.dictUpdate, 2) }
                    built = true
                    pending = 0
                }
                try compile(k.value)
                try emit(.dictUpdate, 2)
            }
        }
        if pending > 0 || !built {
            try emit(.buildMap, pending)
            if built { try emit(.dictUpdate, 2) }
        }
    }

    enum SequenceKind { case tuple, list, set }

    /// A tuple, list or set display; starred items are spliced in.
    func buildSequence(_ items: [Expr], _ kind: SequenceKind) throws {
        let hasStar = items.contains { if case .starred = $0.kind { return true } else { return false } }
        if !hasStar {
            if kind != .tuple && items.count >= 3 {
                // All constants: one tuple constant spliced into an empty container.
                var consts: [Constant] = []
                for i in items {
                    guard let c = try constant(of: i) else { break }
                    consts.append(c)
                }
                if consts.count == items.count {
                    try emit(kind == .list ? .buildList : .buildSet, 0)
                    try loadConst(.tuple(consts))
                    try emit(kind == .list ? .listExtend : .setUpdate, 1)
                    return
                }
            }
            if items.count <= CodeGen.chunk {
                for i in items { try compile(i) }
                switch kind {
                case .tuple: try emit(.buildTuple, items.count)
                case .list: try emit(.buildList, items.count)
                case .set: try emit(.buildSet, items.count)
                }
                return
            }
        }
        // Incrementally: a list (a tuple is converted at the end) or a set.
        let build: Opcode = kind == .set ? .buildSet : .buildList
        let add: Opcode = kind == .set ? .setAdd : .listAppend
        let extend: Opcode = kind == .set ? .setUpdate : .listExtend
        var pending = 0
        var built = false
        for item in items {
            if case .starred(let inner) = item.kind {
                if !built {
                    try emit(build, pending)
                    built = true
                }
                try compile(inner)
                try emit(extend, 1)
            } else {
                try compile(item)
                if built {
                    try emit(add, 1)
                } else {
                    pending += 1
                    if pending == CodeGen.chunk {
                        try emit(build, pending)
                        built = true
                    }
                }
            }
        }
        if !built { try emit(build, pending) }
        if kind == .tuple { try emit(.listToTuple) }
    }

    func buildDict(_ pairs: [(key: Expr?, value: Expr)]) throws {
        var pending = 0
        var built = false
        for p in pairs {
            if let k = p.key {
                try compile(k)
                try compile(p.value)
                if built {
                    try emit(.mapAdd, 1)
                } else {
                    pending += 1
                    if pending == CodeGen.chunk / 2 {  // two stack items per pair
                        try emit(.buildMap, pending)
                        built = true
                    }
                }
            } else {
                if !built {
                    try emit(.buildMap, pending)
                    built = true
                }
                try compile(p.value)
                try emit(.dictUpdate, 1)
            }
        }
        if !built { try emit(.buildMap, pending) }
    }

    enum ComprehensionKind { case list, set, dict, generator }

    /// A comprehension is a nested function called at once with the
    /// iterator of its outermost iterable.
    func compileComprehension(_ e: Expr, _ name: String, _ gens: [Comprehension], _ kind: ComprehensionKind,
                              _ element: @escaping (Int) throws -> Void) throws {
        guard let scope = symbols.scope(of: e), !gens.isEmpty else {
            throw error("internal compiler error: no scope", e.location)
        }
        let index = try compileUnit(scope: scope, name: name, firstLine: e.location.line,
                                    flags: kind == .generator ? CodeFlags.generator : 0, argCount: 1) {
            try emitMakeCells()
            switch kind {
            case .list: try emit(.buildList, 0)
            case .set: try emit(.buildSet, 0)
            case .dict: try emit(.buildMap, 0)
            case .generator: break
            }
            try compileGenerators(gens, 0, element)
            if kind == .generator { try loadConst(.none) }
            try emit(.returnValue)
        }
        try emitMakeFunction(scope, index, Parameters())
        try compile(gens[0].iter)
        try emit(.getIter)
        try emit(.callFunction, 1)
    }

    func compileGenerators(_ gens: [Comprehension], _ i: Int, _ element: (Int) throws -> Void) throws {
        let g = gens[i]
        if i == 0 {
            try emit(.loadFast, 0)  // ".0", the iterator passed in
        } else {
            try compile(g.iter)
            try emit(.getIter)
        }
        let top = Label(), end = Label()
        try place(top)
        try emitJump(.forIter, end)
        try store(g.target)
        for c in g.conditions { try compileJump(c, ifTrue: false, to: top) }
        if i + 1 < gens.count {
            try compileGenerators(gens, i + 1, element)
        } else {
            try element(gens.count)
        }
        try emitJump(.jump, top)
        try place(end)
    }
}
