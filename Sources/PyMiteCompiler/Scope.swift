// SPDX-License-Identifier: LGPL-2.1-only
//
// Symbol tables: which names of each code block are locals, cells, free
// variables or globals. Two passes: the first records, per scope, the
// names it binds, uses and declares; the second resolves every name
// against the enclosing function scopes (class bodies are skipped, as in
// Python) and marks locals captured by inner scopes as cells.

public enum ScopeKind: Equatable {
    case module, function, lambda, classBody
    /// A comprehension or generator expression; the payload names it in messages
    /// ("list comprehension", "generator expression", ...).
    case comprehension(String)

    /// Functions, lambdas and comprehensions: they get local slots.
    var isFunctionLike: Bool {
        switch self {
        case .function, .lambda, .comprehension: return true
        case .module, .classBody: return false
        }
    }
}

/// How a scope reaches one of its names.
public enum NameResolution: Equatable {
    /// A plain local slot (loadFast).
    case local
    /// A local slot holding a cell, because an inner scope captures it (loadDeref).
    case cell
    /// A cell from the enclosing function, in a slot after the locals (loadDeref).
    case free
    /// Declared `global`.
    case globalExplicit
    /// Neither bound here nor in an enclosing function.
    case globalImplicit
    /// A name bound in a class body: the class namespace (loadName).
    case classLocal
}

public final class Scope {
    public let kind: ScopeKind
    public let name: String
    /// Dotted name as Python shows it (`f.<locals>.C.m`).
    public let qualname: String
    public let location: SourceLocation
    public weak var parent: Scope?
    public private(set) var children: [Scope] = []

    /// Parameters in slot order: positional, keyword-only, *args, **kwargs.
    public private(set) var parameters: [String] = []
    /// Every local slot name in slot order: the parameters, then the other
    /// bound names in order of first binding. Cells are among them.
    public private(set) var locals: [String] = []
    /// Names taken from enclosing functions, in closure order (sorted).
    public private(set) var freeVars: [String] = []
    public private(set) var resolutions: [String: NameResolution] = [:]
    /// The scope contains `yield` (functions and lambdas only).
    public internal(set) var isGenerator = false
    /// A class body whose methods use `super` or `__class__`: it has a
    /// `__class__` cell in slot 0 and hands it to buildClass as `__classcell__`.
    public private(set) var needsClassCell = false

    // First pass.
    var declaredGlobals = Set<String>()
    var declaredNonlocals: [String: SourceLocation] = [:]
    var boundSet = Set<String>()
    var boundOrder: [String] = []
    var usedSet = Set<String>()

    init(kind: ScopeKind, name: String, qualname: String, location: SourceLocation, parent: Scope?) {
        self.kind = kind; self.name = name; self.qualname = qualname
        self.location = location; self.parent = parent
        parent?.children.append(self)
    }

    /// How this scope accesses `name`.
    public func resolve(_ name: String) -> NameResolution {
        if let r = resolutions[name] { return r }
        switch kind {
        case .module: return .globalImplicit
        case .classBody: return .classLocal
        default: return .globalImplicit
        }
    }

    /// Cell slots in slot order.
    public var cellVars: [String] { locals.filter { resolutions[$0] == .cell } }

    func bind(_ name: String) {
        if boundSet.insert(name).inserted { boundOrder.append(name) }
    }
    func use(_ name: String) { usedSet.insert(name) }
    func addParameter(_ name: String) {
        parameters.append(name)
        bind(name)
    }

    // MARK: Second pass

    /// Resolves this scope's names given the names bound in enclosing
    /// function scopes, then its children's. Returns the free variables
    /// this scope needs from outside.
    func analyze(enclosing: Set<String>, filename: String) throws -> Set<String> {
        var free = Set<String>()
        if kind == .module {
            for n in boundSet.union(usedSet) { resolutions[n] = .globalImplicit }
            for n in declaredGlobals { resolutions[n] = .globalExplicit }
        } else {
            for n in declaredGlobals { resolutions[n] = .globalExplicit }
            for (n, loc) in declaredNonlocals {
                guard enclosing.contains(n) else {
                    throw SyntaxError("no binding for nonlocal '\(n)' found", filename: filename,
                                      line: loc.line, column: loc.column)
                }
                resolutions[n] = .free
                free.insert(n)
            }
            for n in boundOrder where resolutions[n] == nil {
                resolutions[n] = kind == .classBody ? .classLocal : .local
            }
            for n in usedSet where resolutions[n] == nil {
                if enclosing.contains(n) {
                    resolutions[n] = .free
                    free.insert(n)
                } else {
                    resolutions[n] = .globalImplicit
                }
            }
        }

        // What the children see: a function adds its own locals; a class
        // body adds nothing (its names are not visible to its methods).
        var childEnclosing: Set<String>
        switch kind {
        case .module: childEnclosing = []
        case .classBody:
            childEnclosing = enclosing.subtracting(declaredGlobals)
            childEnclosing.insert("__class__")
        default:
            childEnclosing = enclosing.subtracting(declaredGlobals)
            for n in boundOrder where resolutions[n] == .local { childEnclosing.insert(n) }
        }

        for child in children {
            let needed = try child.analyze(enclosing: childEnclosing, filename: filename)
            for n in needed {
                if kind == .classBody && n == "__class__" {
                    needsClassCell = true
                } else if kind.isFunctionLike, let r = resolutions[n], r == .local || r == .cell {
                    resolutions[n] = .cell
                } else {
                    // Passed through this scope to the child: a free variable
                    // here too, even if this scope never names it (or, in a
                    // class body, binds it in its namespace).
                    if resolutions[n] == nil { resolutions[n] = .free }
                    free.insert(n)
                }
            }
        }

        if needsClassCell {
            // The class body's only slot: the cell buildClass fills with the class.
            locals = ["__class__"]
            resolutions["__class__"] = .cell
        }
        if kind.isFunctionLike {
            var seen = Set(parameters)
            locals = parameters
            for n in boundOrder where resolutions[n] == .local || resolutions[n] == .cell {
                if seen.insert(n).inserted { locals.append(n) }
            }
        }
        freeVars = free.sorted()
        return free
    }
}

/// Builds the scope tree of a module and resolves every name.
public final class SymbolTable {
    public let module: Scope
    let filename: String
    /// The scope of each function/class statement and lambda/comprehension expression.
    var scopes: [ObjectIdentifier: Scope] = [:]

    public init(module body: [Stmt], filename: String) throws {
        self.filename = filename
        module = Scope(kind: .module, name: "<module>", qualname: "", location: SourceLocation(line: 1, column: 1),
                       parent: nil)
        var builder = ScopeBuilder(table: self, current: module)
        try builder.visit(body)
        _ = try module.analyze(enclosing: [], filename: filename)
    }

    public func scope(of stmt: Stmt) -> Scope? { scopes[ObjectIdentifier(stmt)] }
    public func scope(of expr: Expr) -> Scope? { scopes[ObjectIdentifier(expr)] }
}

/// First pass: walks the tree, creating scopes and recording names.
struct ScopeBuilder {
    let table: SymbolTable
    var current: Scope

    init(table: SymbolTable, current: Scope) { self.table = table; self.current = current }

    func error(_ message: String, _ loc: SourceLocation) -> SyntaxError {
        SyntaxError(message, filename: table.filename, line: loc.line, column: loc.column)
    }

    /// The qualified name of a definition made in the current scope.
    func qualname(for name: String) -> String {
        switch current.kind {
        case .module: return name
        case .classBody: return current.qualname + "." + name
        default: return current.qualname + ".<locals>." + name
        }
    }

    mutating func visit(_ body: [Stmt]) throws {
        for s in body { try visit(s) }
    }

    mutating func enter(_ scope: Scope, _ work: (inout ScopeBuilder) throws -> Void) rethrows {
        let saved = current
        current = scope
        defer { current = saved }
        try work(&self)
    }

    mutating func visitParameters(_ p: Parameters, into scope: Scope) throws {
        var all = p.positional + p.keywordOnly
        if let v = p.varArgs { all.append(v) }
        if let k = p.varKeywords { all.append(k) }
        // Parameter order in slots: positional, keyword-only, *args, **kwargs.
        var seen = Set<String>()
        for param in all {
            guard seen.insert(param.name).inserted else {
                throw error("duplicate argument '\(param.name)' in function definition", param.location)
            }
            scope.addParameter(param.name)
        }
        // Defaults, then annotations, are evaluated where the function is defined.
        for param in p.positional + p.keywordOnly {
            if let d = param.defaultValue { try visit(d) }
        }
        for param in all {
            if let a = param.annotation { try visit(a) }
        }
    }

    mutating func visit(_ s: Stmt) throws {
        switch s.kind {
        case .expression(let e): try visit(e)
        case .assign(let targets, let value):
            try visit(value)
            for t in targets { try visitTarget(t) }
        case .augmentedAssign(let target, _, let value):
            if case .name(let n) = target.kind { current.use(n) }
            try visit(value)
            try visitTarget(target)
        case .annotatedAssign(let target, let annotation, let value):
            if let v = value { try visit(v) }
            try visitTarget(target)
            // Evaluated in a module or class body (into __annotations__), never in a function.
            if !current.kind.isFunctionLike { try visit(annotation) }
        case .ifStatement(let test, let body, let orElse), .whileLoop(let test, let body, let orElse):
            try visit(test); try visit(body); try visit(orElse)
        case .forLoop(let target, let iter, let body, let orElse):
            try visit(iter); try visitTarget(target); try visit(body); try visit(orElse)
        case .breakStatement, .continueStatement, .pass: break
        case .returnStatement(let v):
            if let v = v { try visit(v) }
        case .delete(let targets):
            for t in targets { try visitTarget(t) }
        case .global(let names):
            for n in names {
                if current.parameters.contains(n) && current.kind != .module {
                    throw error("name '\(n)' is parameter and global", s.location)
                }
                if current.declaredNonlocals[n] != nil {
                    throw error("name '\(n)' is nonlocal and global", s.location)
                }
                if current.boundSet.contains(n) {
                    throw error("name '\(n)' is assigned to before global declaration", s.location)
                }
                if current.usedSet.contains(n) {
                    throw error("name '\(n)' is used prior to global declaration", s.location)
                }
                current.declaredGlobals.insert(n)
            }
        case .nonlocal(let names):
            if current.kind == .module {
                throw error("nonlocal declaration not allowed at module level", s.location)
            }
            for n in names {
                if current.parameters.contains(n) {
                    throw error("name '\(n)' is parameter and nonlocal", s.location)
                }
                if current.declaredGlobals.contains(n) {
                    throw error("name '\(n)' is nonlocal and global", s.location)
                }
                if current.boundSet.contains(n) {
                    throw error("name '\(n)' is assigned to before nonlocal declaration", s.location)
                }
                if current.usedSet.contains(n) {
                    throw error("name '\(n)' is used prior to nonlocal declaration", s.location)
                }
                current.declaredNonlocals[n] = s.location
            }
        case .assert(let test, let message):
            try visit(test)
            if let m = message { try visit(m) }
        case .raise(let exc, let cause):
            if let e = exc { try visit(e) }
            if let c = cause { try visit(c) }
        case .tryStatement(let body, let handlers, let orElse, let fin):
            try visit(body)
            for h in handlers {
                if let t = h.type { try visit(t) }
                if let n = h.name { bindName(n, s.location) }
                try visit(h.body)
            }
            try visit(orElse)
            try visit(fin)
        case .importModules(let aliases):
            for a in aliases {
                let bound = a.asName ?? String(a.name.split(separator: ".").first ?? Substring(a.name))
                bindName(bound, s.location)
            }
        case .importFrom(_, let aliases, _):
            for a in aliases {
                if a.name == "*" {
                    if current.kind != .module {
                        throw error("import * only allowed at module level", s.location)
                    }
                    continue
                }
                bindName(a.asName ?? a.name, s.location)
            }
        case .functionDef(let name, let params, let body, let decorators, let returns):
            for d in decorators { try visit(d) }
            let scope = Scope(kind: .function, name: name, qualname: qualname(for: name), location: s.location,
                              parent: current)
            table.scopes[ObjectIdentifier(s)] = scope
            try visitParameters(params, into: scope)
            if let returns { try visit(returns) }
            bindName(name, s.location)
            try enter(scope) { try $0.visit(body) }
        case .classDef(let name, let bases, let keywords, let body, let decorators):
            for d in decorators { try visit(d) }
            for b in bases { try visit(b) }
            for k in keywords { try visit(k.value) }
            let scope = Scope(kind: .classBody, name: name, qualname: qualname(for: name), location: s.location,
                              parent: current)
            table.scopes[ObjectIdentifier(s)] = scope
            bindName(name, s.location)
            try enter(scope) { try $0.visit(body) }
        case .with(let items, let body):
            for item in items {
                try visit(item.context)
                if let t = item.target { try visitTarget(t) }
            }
            try visit(body)
        }
    }

    func bindName(_ name: String, _ loc: SourceLocation) {
        current.bind(name)
    }

    /// A store or delete target: names in it are bound here.
    mutating func visitTarget(_ e: Expr) throws {
        switch e.kind {
        case .name(let n): current.bind(n)
        case .tuple(let items), .list(let items):
            for i in items { try visitTarget(i) }
        case .starred(let inner): try visitTarget(inner)
        case .attribute(let obj, _): try visit(obj)
        case .subscript(let obj, let key): try visit(obj); try visit(key)
        default: try visit(e)  // invalid target: the code generator reports it
        }
    }

    mutating func visit(_ e: Expr) throws {
        switch e.kind {
        case .name(let n):
            current.use(n)
            // Zero-argument super() finds the class through an implicit
            // `__class__` cell of the enclosing class body.
            if n == "super" && current.kind.isFunctionLike { current.use("__class__") }
        case .literal: break
        case .joinedString(let parts):
            for p in parts { try visit(p) }
        case .formatted(let value, _, let spec):
            try visit(value)
            if let s = spec { try visit(s) }
        case .binary(let l, _, let r): try visit(l); try visit(r)
        case .unary(_, let x): try visit(x)
        case .boolean(_, let xs):
            for x in xs { try visit(x) }
        case .compare(let first, let rest):
            try visit(first)
            for (_, x) in rest { try visit(x) }
        case .call(let f, let args, let keywords):
            try visit(f)
            for a in args { try visit(a) }
            for k in keywords { try visit(k.value) }
        case .attribute(let obj, _): try visit(obj)
        case .subscript(let obj, let key): try visit(obj); try visit(key)
        case .slice(let lo, let hi, let step):
            if let x = lo { try visit(x) }
            if let x = hi { try visit(x) }
            if let x = step { try visit(x) }
        case .tuple(let xs), .list(let xs), .set(let xs):
            for x in xs { try visit(x) }
        case .dict(let pairs):
            for p in pairs {
                if let k = p.key { try visit(k) }
                try visit(p.value)
            }
        case .starred(let x): try visit(x)
        case .conditional(let test, let body, let orElse):
            try visit(test); try visit(body); try visit(orElse)
        case .lambda(let params, let body):
            let scope = Scope(kind: .lambda, name: "<lambda>", qualname: qualname(for: "<lambda>"),
                              location: e.location, parent: current)
            table.scopes[ObjectIdentifier(e)] = scope
            try visitParameters(params, into: scope)
            try enter(scope) { try $0.visit(body) }
        case .listComprehension(let elt, let gens):
            try visitComprehension(e, "<listcomp>", "list comprehension", gens) { try $0.visit(elt) }
        case .setComprehension(let elt, let gens):
            try visitComprehension(e, "<setcomp>", "set comprehension", gens) { try $0.visit(elt) }
        case .dictComprehension(let key, let value, let gens):
            try visitComprehension(e, "<dictcomp>", "dict comprehension", gens) {
                try $0.visit(key); try $0.visit(value)
            }
        case .generator(let elt, let gens):
            try visitComprehension(e, "<genexpr>", "generator expression", gens) { try $0.visit(elt) }
        case .yield(let v):
            try noteYield(e.location)
            if let v = v { try visit(v) }
        case .yieldFrom(let v):
            try noteYield(e.location)
            try visit(v)
        case .namedExpr(let n, let v):
            try visit(v)
            try bindNamedExpr(n, e.location)
        }
    }

    /// PEP 572: in a comprehension, `name := v` binds in the nearest
    /// enclosing function (or the module), never in the comprehension.
    func bindNamedExpr(_ n: String, _ loc: SourceLocation) throws {
        guard case .comprehension = current.kind else {
            current.bind(n)
            return
        }
        var target: Scope = current
        var chain: [Scope] = []
        while case .comprehension = target.kind, let parent = target.parent {
            chain.append(target)
            target = parent
        }
        for c in chain where c.boundSet.contains(n) {
            throw error("assignment expression cannot rebind comprehension iteration variable '\(n)'", loc)
        }
        if target.kind == .classBody {
            throw error("assignment expression within a comprehension cannot be used in a class body", loc)
        }
        if target.kind == .module || target.declaredGlobals.contains(n) {
            target.bind(n)
            current.declaredGlobals.insert(n)
        } else {
            target.bind(n)
            // Reached like a nonlocal; intermediate comprehensions pass the cell through.
            if current.declaredNonlocals[n] == nil { current.declaredNonlocals[n] = loc }
        }
    }

    func noteYield(_ loc: SourceLocation) throws {
        switch current.kind {
        case .module, .classBody: throw error("'yield' outside function", loc)
        case .comprehension(let what): throw error("'yield' inside \(what)", loc)
        case .function, .lambda: current.isGenerator = true
        }
    }

    mutating func visitComprehension(_ e: Expr, _ name: String, _ what: String, _ gens: [Comprehension],
                                     _ element: (inout ScopeBuilder) throws -> Void) throws {
        guard let first = gens.first else { return }
        // The outermost iterable is evaluated in the enclosing scope.
        try visit(first.iter)
        let scope = Scope(kind: .comprehension(what), name: name, qualname: qualname(for: name),
                          location: e.location, parent: current)
        table.scopes[ObjectIdentifier(e)] = scope
        scope.addParameter(".0")
        try enter(scope) { b in
            for (i, g) in gens.enumerated() {
                if i > 0 { try b.visit(g.iter) }
                try b.visitTarget(g.target)
                for c in g.conditions { try b.visit(c) }
            }
            try element(&b)
        }
    }
}
