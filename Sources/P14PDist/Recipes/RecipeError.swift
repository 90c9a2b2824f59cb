// SPDX-License-Identifier: LGPL-2.1-only
//
// A recipe mistake, located the way an editor wants it: file, line, field.

/// An invalid recipe. `description` reads `recipes/boards/stm32.toml:12: memory.heap: ...`.
public struct RecipeError: Error, CustomStringConvertible, Equatable {
    public var file: String
    /// 1-based line of the field (or of the syntax error); nil when the field is missing.
    public var line: Int?
    /// Dotted field name (`features.generators`); empty for whole-file problems.
    public var field: String
    public var message: String

    public init(file: String, line: Int?, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if !field.isEmpty { text += "\(field): " }
        return text + message
    }
}
