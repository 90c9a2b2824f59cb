// SPDX-License-Identifier: LGPL-2.1-only
//
// A tiny document model (headings, paragraphs, lists, tables, code) so the
// release notes and the index are written once and rendered as Markdown
// and as HTML.

public enum Inline: Sendable {
    case text(String)
    case bold(String)
    case code(String)
    case link(String, url: String)
}

public enum Block: Sendable {
    case heading(level: Int, String)
    case paragraph([Inline])
    case fields([(String, String)])
    case list([[Inline]])
    case table(header: [String], rows: [[[Inline]]])
    case code(String)
}

public struct Document: Sendable {
    public var title: String
    public var license: String
    public var blocks: [Block] = []

    public init(title: String, license: String) {
        self.title = title
        self.license = license
    }

    mutating func add(_ block: Block) { blocks.append(block) }
}

public enum MarkdownRenderer {
    public static func render(_ doc: Document) -> String {
        var out = "<!-- SPDX-License-Identifier: \(doc.license) -->\n# \(doc.title)\n"
        for block in doc.blocks {
            out += "\n"
            switch block {
            case let .heading(level, text): out += String(repeating: "#", count: level) + " " + text + "\n"
            case let .paragraph(inlines): out += inline(inlines) + "\n"
            case let .fields(pairs): out += pairs.map { "- **\($0.0)**: \($0.1)" }.joined(separator: "\n") + "\n"
            case let .list(items): out += items.map { "- " + inline($0) }.joined(separator: "\n") + "\n"
            case let .table(header, rows):
                out += "| " + header.joined(separator: " | ") + " |\n"
                out += "|" + header.map { _ in "---|" }.joined() + "\n"
                for row in rows { out += "| " + row.map { cell(inline($0)) }.joined(separator: " | ") + " |\n" }
            case let .code(text): out += "```\n" + text + (text.hasSuffix("\n") ? "" : "\n") + "```\n"
            }
        }
        return out
    }

    static func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }

    static func inline(_ parts: [Inline]) -> String {
        parts.map { part in
            switch part {
            case .text(let t): return t
            case .bold(let t): return "**\(t)**"
            case .code(let t): return "`\(t)`"
            case let .link(t, url): return "[\(t)](\(url))"
            }
        }.joined()
    }
}

public enum HTMLRenderer {
    static let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"]

    public static func escape(_ s: String) -> String {
        s.reduce(into: "") { out, c in out += entities[c] ?? String(c) }
    }

    public static func render(_ doc: Document) -> String {
        var out = """
        <!DOCTYPE html>
        <!-- SPDX-License-Identifier: \(doc.license) -->
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(doc.title))</title>
        <style>
        body { font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.4; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; }
        th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
        th { background: #eee; }
        code, pre { font-family: monospace; background: #f4f4f4; }
        pre { padding: 0.6em; overflow-x: auto; }
        td code { font-size: 0.85em; word-break: break-all; }
        </style>
        </head>
        <body>
        <h1>\(escape(doc.title))</h1>

        """
        for block in doc.blocks {
            switch block {
            case let .heading(level, text): out += "<h\(level)>\(escape(text))</h\(level)>\n"
            case let .paragraph(inlines): out += "<p>\(inline(inlines))</p>\n"
            case let .fields(pairs):
                out += "<dl>\n" + pairs.map { "<dt>\(escape($0.0))</dt><dd>\(escape($0.1))</dd>" }.joined(separator: "\n") + "\n</dl>\n"
            case let .list(items): out += "<ul>\n" + items.map { "<li>\(inline($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
            case let .table(header, rows):
                out += "<table>\n<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
                for row in rows { out += "<tr>" + row.map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n" }
                out += "</table>\n"
            case let .code(text): out += "<pre><code>\(escape(text))</code></pre>\n"
            }
        }
        return out + "</body>\n</html>\n"
    }

    static func inline(_ parts: [Inline]) -> String {
        parts.map { part in
            switch part {
            case .text(let t): return escape(t)
            case .bold(let t): return "<strong>\(escape(t))</strong>"
            case .code(let t): return "<code>\(escape(t))</code>"
            case let .link(t, url): return "<a href=\"\(escape(url))\">\(escape(t))</a>"
            }
        }.joined()
    }
}
