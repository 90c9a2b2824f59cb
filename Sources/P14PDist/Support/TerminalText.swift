// SPDX-License-Identifier: LGPL-2.1-only
//
// Names from an archive or a manifest are someone else's text: printed raw,
// an escape sequence could rewrite the terminal and a newline could forge a
// line of the report ("evil\npymite-09-src.tar.gz: OK"). Every such name is
// shown through `terminalSafe`.

extension String {
    /// The text with control and invisible formatting characters spelled
    /// out as escapes (\n, \t, \x1b, \u{202e}); a backslash is doubled so an
    /// escape in the output always means one in the name.
    public var terminalSafe: String {
        var out = ""
        for scalar in unicodeScalars {
            if let named = String.namedEscapes[scalar] {
                out += named
            } else if scalar.value < 0x20 || scalar.value == 0x7F {
                let hex = String(scalar.value, radix: 16)
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else if String.isInvisible(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let namedEscapes: [Unicode.Scalar: String] = ["\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"]

    /// C1 controls (0x9b starts an escape sequence on some terminals),
    /// direction overrides and other format characters, line and paragraph separators.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }
}
