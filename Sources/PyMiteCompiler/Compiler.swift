// SPDX-License-Identifier: LGPL-2.1-only
//
// The compiler's entry points: one module from source, or a whole
// program (the main file plus the sibling modules it imports).

import PyMiteVM

/// A source file that could not be read.
public struct SourceFileError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) { self.path = path; self.reason = reason }
    public var description: String { "can't open file '\(path)': \(reason)" }
}

public enum Compiler {
    /// Compiles one module's source into an image holding just that module.
    public static func compile(source: String, filename: String, moduleName: String) throws -> Image {
        var image = Image()
        try append(source: source, filename: filename, moduleName: moduleName, to: &image)
        return image
    }

    /// Compiles one more module into `image`, after the modules it holds.
    /// Parsing and code generation share one big-stack thread. Returns the
    /// module's tree.
    @discardableResult
    public static func append(source: String, filename: String, moduleName: String, to image: inout Image) throws -> [Stmt] {
        let start = image.codes
        let (body, index, all) = try withLargeStack { () throws -> ([Stmt], UInt32, [CodeObject]) in
            var codes = start
            let body = try parseModuleOnThisStack(source: source, filename: filename)
            let index = try compileModuleOnThisStack(body, filename: filename, into: &codes)
            return (body, index, codes)
        }
        image.codes = all
        image.modules.append(ImageModule(name: Array(moduleName.utf8), code: index))
        return body
    }

    /// Compiles an already parsed module.
    public static func compile(module body: [Stmt], filename: String, moduleName: String) throws -> Image {
        var image = Image()
        let (index, all) = try withLargeStack { () throws -> (UInt32, [CodeObject]) in
            var codes: [CodeObject] = []
            let index = try compileModuleOnThisStack(body, filename: filename, into: &codes)
            return (index, codes)
        }
        image.codes = all
        image.modules.append(ImageModule(name: Array(moduleName.utf8), code: index))
        return image
    }

    /// What compile(), exec() and eval() are given: statements, or one expression.
    public enum Mode: Equatable { case exec, eval }

    /// Compiles source for exec() or eval() (`compile(source, filename, mode)`): an image
    /// of one module whose names are read and stored in the locals dict the code runs with;
    /// in `.eval` mode the source is one expression and the code returns its value.
    public static func compile(source: String, filename: String, mode: Mode) throws -> Image {
        var image = Image()
        let (index, all) = try withLargeStack { () throws -> (UInt32, [CodeObject]) in
            // As CPython's eval: leading blanks do not count as indentation.
            let text = mode == .eval ? String(source.drop { $0 == " " || $0 == "\t" }) : source
            let body = try parseModuleOnThisStack(source: text, filename: filename)
            let symbols = try SymbolTable(module: body, filename: filename)
            let gen = CodeGen(filename: filename, symbols: symbols, codes: [])
            gen.namesInNamespace = true
            let index: UInt32
            if mode == .eval {
                guard body.count == 1, case .expression(let e) = body[0].kind else {
                    let at = body.first?.location ?? SourceLocation(line: 1, column: 1)
                    throw SyntaxError(body.isEmpty ? "invalid syntax" : "invalid syntax: eval() takes one expression",
                                      filename: filename, line: at.line, column: at.column)
                }
                index = try gen.compileEvaluation(e)
            } else {
                index = try gen.compileModule(body)
            }
            return (index, gen.codes)
        }
        image.codes = all
        image.modules.append(ImageModule(name: Array("<string>".utf8), code: index))
        return image
    }

    /// Appends a module's code objects to `codes`; returns the index of its
    /// body. The tree walks recurse as deep as the parser's nesting limit
    /// allows, so this runs on the parser's big stack too.
    static func compileModuleOnThisStack(_ body: [Stmt], filename: String, into codes: inout [CodeObject]) throws -> UInt32 {
        let symbols = try SymbolTable(module: body, filename: filename)
        let gen = CodeGen(filename: filename, symbols: symbols, codes: codes)
        let index = try gen.compileModule(body)
        codes = gen.codes
        return index
    }

    /// Compiles `mainPath` as `__main__`, then every module it imports
    /// (transitively, from any import statement) that exists as
    /// `<name>.py` next to it. Missing modules are left to the VM, which
    /// raises ImportError if the import runs.
    /// `namesRelativeTo`: a folder whose path is left out of the file names the
    /// image records (tracebacks then say "main.py"), so the image is the same
    /// wherever the program lies.
    public static func compileProgram(mainPath: String, namesRelativeTo folder: String? = nil) throws -> Image {
        var image = Image()
        var queue: [(name: String, path: String)] = [("__main__", mainPath)]
        var known: Set<String> = []
        var next = 0
        while next < queue.count {
            let (name, path) = queue[next]
            next += 1
            let source = try readSource(path)
            var filename = path
            if let folder, path.hasPrefix(folder + "/") { filename = String(path.dropFirst(folder.count + 1)) }
            let body = try append(source: source, filename: filename, moduleName: name, to: &image)
            for candidate in importedModuleNames(body) where !known.contains(candidate) {
                known.insert(candidate)
                let file = SourcePath.sibling(of: mainPath, named: candidate + ".py")
                if FileBytes.kind(file) == .file { queue.append((candidate, file)) }
            }
        }
        return image
    }

    /// Reads a source file as UTF-8 (a leading byte-order mark is dropped).
    public static func readSource(_ path: String) throws -> String {
        var bytes: [UInt8]
        switch FileBytes.contents(path) {
        case .success(let read): bytes = read
        case .failure(let error): throw SourceFileError(path: path, reason: error.reason)
        }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SourceFileError(path: path, reason: "not valid UTF-8")
        }
        return text
    }

    /// Names of the modules a module body may import, in order of first
    /// appearance: for `import a.b` both "a.b" and "a"; for `from m import x`
    /// "m"; for `from . import x` "x".
    public static func importedModuleNames(_ body: [Stmt]) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        func add(_ n: String) {
            if !n.isEmpty, seen.insert(n).inserted { names.append(n) }
        }
        func walk(_ stmts: [Stmt]) {
            for s in stmts {
                switch s.kind {
                case .importModules(let aliases):
                    for a in aliases {
                        add(a.name)
                        if let top = a.name.split(separator: ".").first { add(String(top)) }
                    }
                case .importFrom(let module, let aliases, _):
                    if let m = module, !m.isEmpty {
                        add(m)
                        if let top = m.split(separator: ".").first { add(String(top)) }
                    } else {
                        for a in aliases where a.name != "*" { add(a.name) }
                    }
                case .ifStatement(_, let body, let orElse), .whileLoop(_, let body, let orElse),
                     .forLoop(_, _, let body, let orElse):
                    walk(body); walk(orElse)
                case .tryStatement(let body, let handlers, let orElse, let fin):
                    walk(body)
                    for h in handlers { walk(h.body) }
                    walk(orElse); walk(fin)
                case .functionDef(_, _, let body, _, _), .classDef(_, _, _, let body, _), .with(_, let body):
                    walk(body)
                default:
                    break
                }
            }
        }
        walk(body)
        return names
    }
}

extension Compiler {
    /// `PlatformHooks.compile` on a host: compile(), exec() and eval() through this compiler.
    public static func compileForVM(_ source: [UInt8], _ filename: [UInt8], _ evaluates: Bool) -> CompileResult {
        let name = String(decoding: filename, as: UTF8.self)
        do {
            return .image(try compile(source: String(decoding: source, as: UTF8.self), filename: name, mode: evaluates ? .eval : .exec))
        } catch let e as SyntaxError {
            return .syntaxError(message: Array(e.message.utf8), kind: e.kind, line: e.line, column: e.column)
        } catch {
            return .syntaxError(message: Array("\(error)".utf8), kind: .syntax, line: 1, column: 1)
        }
    }
}
