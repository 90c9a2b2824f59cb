// SPDX-License-Identifier: LGPL-2.1-only
//
// The syntax tree the parser builds and the code generator walks.
// Positions are 1-based line and column, as Python reports them.

import PyMiteVM  // SyntaxErrorKind

public struct SourceLocation: Equatable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) { self.line = line; self.column = column }
}

public enum Operator: Equatable {
    case add, subtract, multiply, trueDivide, floorDivide, modulo, power
    case lshift, rshift, bitAnd, bitOr, bitXor, matrixMultiply
}

public enum UnaryOperator: Equatable { case negative, positive, not, invert }
public enum BoolOperator: Equatable { case and, or }
public enum Comparison: Equatable {
    case less, lessEqual, equal, notEqual, greater, greaterEqual, `is`, isNot, `in`, notIn
}

/// A literal value.
public enum Literal: Equatable {
    case none, `true`, `false`, ellipsis
    case int(Int64)
    /// Too large for Int64: decimal digits (no sign).
    case bigInt(String)
    case float(Double)
    /// Imaginary literals parse but are refused by the code generator.
    case imaginary(Double)
    case str(String)
    case bytes([UInt8])
}

public final class Expr {
    public var kind: ExprKind
    public var location: SourceLocation
    public init(_ kind: ExprKind, _ location: SourceLocation) { self.kind = kind; self.location = location }

    /// What an expression is called in messages ("function call", "literal", ...).
    public var kindDescription: String {
        switch kind {
        case .literal(let l):
            switch l {
            case .none: return "None"
            case .true: return "True"
            case .false: return "False"
            case .ellipsis: return "ellipsis"
            default: return "literal"
            }
        case .joinedString, .formatted: return "f-string expression"
        case .call: return "function call"
        case .binary, .unary, .boolean: return "expression"
        case .compare: return "comparison"
        case .lambda: return "lambda"
        case .conditional: return "conditional expression"
        case .listComprehension: return "list comprehension"
        case .setComprehension: return "set comprehension"
        case .dictComprehension: return "dict comprehension"
        case .generator: return "generator expression"
        case .yield, .yieldFrom: return "yield expression"
        case .namedExpr: return "named expression"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .starred: return "starred"
        case .tuple: return "tuple"
        case .list: return "list"
        case .slice: return "slice"
        case .name: return "name"
        case .attribute: return "attribute"
        case .subscript: return "subscript"
        }
    }
}

public struct Keyword {
    /// nil for `**mapping`.
    public var name: String?
    public var value: Expr
    public init(name: String?, value: Expr) { self.name = name; self.value = value }
}

public struct Comprehension {
    public var target: Expr
    public var iter: Expr
    public var conditions: [Expr]
    public init(target: Expr, iter: Expr, conditions: [Expr]) {
        self.target = target; self.iter = iter; self.conditions = conditions
    }
}

public indirect enum ExprKind {
    case name(String)
    case literal(Literal)
    /// An f-string: parts are string literals and `.formatted` values.
    case joinedString([Expr])
    /// `{value!conversion:spec}` inside an f-string; conversion is "s", "r", "a" or nil.
    case formatted(value: Expr, conversion: Character?, spec: Expr?)
    case binary(Expr, Operator, Expr)
    case unary(UnaryOperator, Expr)
    case boolean(BoolOperator, [Expr])
    /// `a < b <= c`: the first operand and the (operator, operand) chain.
    case compare(Expr, [(Comparison, Expr)])
    /// Positional arguments may include `.starred`; keywords may include `**` (name nil).
    case call(Expr, args: [Expr], keywords: [Keyword])
    case attribute(Expr, String)
    case `subscript`(Expr, Expr)
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
    case tuple([Expr])
    case list([Expr])
    case set([Expr])
    /// A nil key is `**mapping`.
    case dict([(key: Expr?, value: Expr)])
    case starred(Expr)
    case conditional(test: Expr, body: Expr, orElse: Expr)
    case lambda(Parameters, Expr)
    case listComprehension(Expr, [Comprehension])
    case setComprehension(Expr, [Comprehension])
    case dictComprehension(key: Expr, value: Expr, [Comprehension])
    case generator(Expr, [Comprehension])
    case yield(Expr?)
    case yieldFrom(Expr)
    /// `name := value`
    case namedExpr(String, Expr)
}

public struct Parameter {
    public var name: String
    public var defaultValue: Expr?
    public var location: SourceLocation
    /// `a: T`: evaluated when the function is made, into its `__annotations__`.
    public var annotation: Expr?
    public init(name: String, defaultValue: Expr?, location: SourceLocation, annotation: Expr? = nil) {
        self.name = name; self.defaultValue = defaultValue; self.location = location; self.annotation = annotation
    }
}

public struct Parameters {
    /// Positional parameters (positional-only ones included, in order).
    public var positional: [Parameter] = []
    public var varArgs: Parameter?
    public var keywordOnly: [Parameter] = []
    public var varKeywords: Parameter?
    /// How many of `positional` come before a `/` (positional-only).
    public var positionalOnlyCount = 0
    public init() {}
}

public struct ExceptHandler {
    /// nil for a bare `except:`.
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var location: SourceLocation
    public init(type: Expr?, name: String?, body: [Stmt], location: SourceLocation) {
        self.type = type; self.name = name; self.body = body; self.location = location
    }
}

public struct ImportAlias {
    /// Dotted module name for `import`, a plain name for `from ... import`; "*" for a star import.
    public var name: String
    public var asName: String?
    public init(name: String, asName: String?) { self.name = name; self.asName = asName }
}

public struct WithItem {
    public var context: Expr
    public var target: Expr?
    public init(context: Expr, target: Expr?) { self.context = context; self.target = target }
}

public final class Stmt {
    public var kind: StmtKind
    public var location: SourceLocation
    public init(_ kind: StmtKind, _ location: SourceLocation) { self.kind = kind; self.location = location }
}

public indirect enum StmtKind {
    case expression(Expr)
    /// `a = b = value`: every target, left to right.
    case assign(targets: [Expr], value: Expr)
    case augmentedAssign(target: Expr, Operator, value: Expr)
    /// `x: T = v` (the annotation is evaluated for nothing; kept for completeness).
    case annotatedAssign(target: Expr, annotation: Expr, value: Expr?)
    case ifStatement(test: Expr, body: [Stmt], orElse: [Stmt])
    case whileLoop(test: Expr, body: [Stmt], orElse: [Stmt])
    case forLoop(target: Expr, iter: Expr, body: [Stmt], orElse: [Stmt])
    case breakStatement
    case continueStatement
    case pass
    case returnStatement(Expr?)
    case delete([Expr])
    case global([String])
    case nonlocal([String])
    case assert(test: Expr, message: Expr?)
    case raise(exception: Expr?, cause: Expr?)
    case tryStatement(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finally: [Stmt])
    case importModules([ImportAlias])
    /// `from module import names`; level counts leading dots.
    case importFrom(module: String?, names: [ImportAlias], level: Int)
    case functionDef(name: String, parameters: Parameters, body: [Stmt], decorators: [Expr], returns: Expr?)
    case classDef(name: String, bases: [Expr], keywords: [Keyword], body: [Stmt], decorators: [Expr])
    case with(items: [WithItem], body: [Stmt])
}

/// A syntax error with its position; the CLI prints it as CPython does.
public struct SyntaxError: Error, Equatable {
    public var message: String
    public var filename: String
    public var line: Int
    public var column: Int
    public init(_ message: String, filename: String, line: Int, column: Int) {
        self.message = message; self.filename = filename; self.line = line; self.column = column
    }
    /// IndentationError for a block's indentation, TabError for tabs mixed with
    /// spaces (SyntaxError's subclasses, as CPython raises them).
    public var kind: SyntaxErrorKind {
        if message.hasPrefix("inconsistent use of tabs") { return .tab }
        if message == "unexpected indent" || message.hasPrefix("expected an indented block")
            || message.hasPrefix("unindent does not match") { return .indentation }
        return .syntax
    }

    public var description: String {
        "  File \"\(filename)\", line \(line), column \(column)\n\(kind.name): \(message)"
    }
}
