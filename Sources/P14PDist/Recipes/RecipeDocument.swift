// SPDX-License-Identifier: LGPL-2.1-only
//
// One parsed TOML recipe with typed accessors whose errors carry the file,
// the line and the field. TOMLKit reports lines for syntax errors only, so
// the line of each key is found here by a light scan of the text.

import Foundation
import PyMiteHost
import TOMLKit

// Read-only after parsing, so sharing it across threads is safe.
public struct RecipeDocument: @unchecked Sendable {
    /// The path shown in errors (relative to the repository when possible).
    public let file: String
    let table: TOMLTable
    let keyLines: [String: Int]

    public init(file: String, text: String) throws(RecipeError) {
        self.file = file
        if let problem = TOMLPrecheck.firstProblem(text) {
            throw RecipeError(file: file, line: problem.line, field: "", message: "TOML syntax: \(problem.message)")
        }
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw RecipeError(file: file, line: error.source.begin.line, field: "", message: "TOML syntax: \(error.description)")
        } catch {
            throw RecipeError(file: file, line: nil, field: "", message: "cannot parse: \(error)")
        }
        keyLines = RecipeDocument.scanKeyLines(text)
    }

    public static func load(path: String, displayName: String? = nil) throws(RecipeError) -> RecipeDocument {
        let shown = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RecipeError(file: shown, line: nil, field: "", message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RecipeError(file: shown, line: nil, field: "", message: "not UTF-8 text")
        }
        return try RecipeDocument(file: shown, text: text)
    }

    /// Maps `table.key` (and `table` for headers) to 1-based lines.
    /// Covers the recipe style: `[table]` headers, `key = value`, dotted keys.
    static func scanKeyLines(_ text: String) -> [String: Int] {
        var lines: [String: Int] = [:]
        var prefix = ""
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("[") {
                let name = line.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
                    .split(separator: "#").first.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "[] ")) } ?? ""
                prefix = name.isEmpty ? "" : name + "."
                if lines[name] == nil { lines[name] = index + 1 }
                continue
            }
            guard let eq = line.firstIndex(of: "=") else { continue }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "\"", with: "")
                .split(separator: ".").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ".")
            if key.isEmpty || key.contains(" ") { continue }
            let full = prefix + key
            if lines[full] == nil { lines[full] = index + 1 }
        }
        return lines
    }

    /// The line of a field, or of its table when the field itself is absent.
    public func line(of field: String) -> Int? {
        if let line = keyLines[field] { return line }
        var parts = field.split(separator: ".")
        while !parts.isEmpty {
            parts.removeLast()
            if let line = keyLines[parts.joined(separator: ".")] { return line }
        }
        return nil
    }

    public func error(_ field: String, _ message: String) -> RecipeError {
        RecipeError(file: file, line: line(of: field), field: field, message: message)
    }

    // MARK: typed access

    func value(_ field: String) -> TOMLValueConvertible? {
        var current: TOMLTable = table
        let parts = field.split(separator: ".").map(String.init)
        for (i, part) in parts.enumerated() {
            guard let next = current[part] else { return nil }
            if i == parts.count - 1 { return next }
            guard let sub = next.table else { return nil }
            current = sub
        }
        return nil
    }

    public func has(_ field: String) -> Bool { value(field) != nil }

    /// A required field of one TOML kind; `expected` names it in the errors.
    func required<T>(_ field: String, _ expected: String, _ read: (TOMLValueConvertible) -> T?) throws(RecipeError) -> T {
        guard let v = value(field) else { throw error(field, "missing (\(expected) is required)") }
        guard let typed = read(v) else { throw error(field, "must be \(expected)") }
        return typed
    }

    public func string(_ field: String) throws(RecipeError) -> String { try required(field, "a string") { $0.string } }
    public func int(_ field: String) throws(RecipeError) -> Int { try required(field, "an integer") { $0.int } }
    public func bool(_ field: String) throws(RecipeError) -> Bool { try required(field, "true or false") { $0.bool } }

    public func optionalString(_ field: String) throws(RecipeError) -> String? { has(field) ? try string(field) : nil }
    public func optionalInt(_ field: String) throws(RecipeError) -> Int? { has(field) ? try int(field) : nil }
    public func optionalBool(_ field: String) throws(RecipeError) -> Bool? { has(field) ? try bool(field) : nil }

    public func stringArray(_ field: String) throws(RecipeError) -> [String] {
        guard let v = value(field) else { return [] }
        guard let array = v.array else { throw error(field, "must be an array of strings") }
        var out: [String] = []
        for item in array {
            guard let s = item.string else { throw error(field, "must be an array of strings") }
            out.append(s)
        }
        return out
    }

    /// A size in bytes: an integer (`0x7000`, `6980`) or a string with a unit (`"128K"`, `"1M"`).
    public func size(_ field: String) throws(RecipeError) -> Int {
        guard let v = value(field) else { throw error(field, "missing (a size such as 0x2000 or \"64K\")") }
        if let i = v.int {
            guard i > 0 else { throw error(field, "must be positive") }
            return i
        }
        guard let s = v.string else { throw error(field, "must be a size: an integer or a string such as \"64K\" or \"1M\"") }
        do { return try ByteSize.parse(s) } catch let problem { throw error(field, "must be a size: \(problem)") }
    }

    public func optionalSize(_ field: String) throws(RecipeError) -> Int? { has(field) ? try size(field) : nil }

    /// A date as a TOML local date (`2010-09-21`) or a string `"2010-09-21"`.
    public func date(_ field: String) throws(RecipeError) -> ReleaseDate {
        guard let v = value(field) else { throw error(field, "missing (a date such as 2010-09-21)") }
        if let d = v.date, let date = ReleaseDate(year: d.year, month: d.month, day: d.day) { return date }
        if let s = v.string, let date = ReleaseDate(parsing: s) { return date }
        throw error(field, "must be a date such as 2010-09-21")
    }

    /// Keys of a table (top level when `table` is empty).
    public func keys(of tableName: String) -> [String] {
        if tableName.isEmpty { return table.keys }
        return value(tableName)?.table?.keys ?? []
    }

    /// Refuses keys this recipe kind does not know: a typo is an error, not a silent default.
    public func rejectUnknownKeys(in tableName: String, allowed: Set<String>) throws(RecipeError) {
        for key in keys(of: tableName).sorted() where !allowed.contains(key) {
            let field = tableName.isEmpty ? key : "\(tableName).\(key)"
            throw error(field, "unknown field (known: \(allowed.sorted().joined(separator: ", ")))")
        }
    }
}
