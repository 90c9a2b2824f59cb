// SPDX-License-Identifier: LGPL-2.1-only
//
// `p14p-dist license-check`: every source file starts with the SPDX header
// of its part of the tree (LicensePolicy), in its language's comment style.

import Foundation

public struct LicenseFinding: Sendable, Equatable {
    public var path: String
    /// What is wrong, e.g. "no SPDX-License-Identifier header (expected LGPL-2.1-only)".
    public var problem: String
}

public struct LicenseReport: Sendable {
    public var checked: [String]
    public var findings: [LicenseFinding]
    /// Expression per checked file (for the source package's combined expression).
    public var expressions: [String: String]
    public var ok: Bool { findings.isEmpty }
}

public enum LicenseCheck {
    enum CommentStyle { case slashes, hash, html }

    /// Files that are data, not source: they carry no header.
    static func isExempt(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        if path.hasPrefix("licenses/") && name.hasSuffix(".txt") { return true }
        if [".gitignore", "Package.resolved"].contains(name) { return true }
        let ext = (name as NSString).pathExtension
        return ["expected", "status", "json", "txt", "pmi", "png", "svg", "bin", "hex", "elf"].contains(ext)
    }

    static func style(for path: String, firstLine: String) -> CommentStyle? {
        let name = (path as NSString).lastPathComponent
        switch (name as NSString).pathExtension {
        case "swift", "c", "h", "cpp", "hpp", "modulemap", "ld", "S", "s", "js", "css": return .slashes
        case "py", "sh", "toml", "yml", "yaml", "mk", "cfg", "ini": return .hash
        case "md", "html", "htm": return .html
        case "":
            if name == "Makefile" || firstLine.hasPrefix("#!") { return .hash }
            return nil
        default: return nil
        }
    }

    /// Reads the SPDX expression from the first lines of `text`, if any.
    static func expression(in text: String) -> String? {
        for line in text.split(separator: "\n", maxSplits: 6, omittingEmptySubsequences: false).prefix(6) {
            guard let range = line.range(of: "SPDX-License-Identifier:") else { continue }
            var value = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
            for closer in ["-->", "*/"] where value.hasSuffix(closer) {
                value = String(value.dropLast(closer.count)).trimmingCharacters(in: .whitespaces)
            }
            return value
        }
        return nil
    }

    public static func run(root: String, files: [String]) -> LicenseReport {
        var report = LicenseReport(checked: [], findings: [], expressions: [:])
        for path in files where !isExempt(path) {
            guard let data = FileManager.default.contents(atPath: root + "/" + path) else { continue }
            let text = String(decoding: data.prefix(4096), as: UTF8.self)
            let firstLine = String(text.prefix(while: { $0 != "\n" }))
            guard style(for: path, firstLine: firstLine) != nil else { continue }
            report.checked.append(path)
            let allowed = LicensePolicy.allowed(for: path)
            guard let found = expression(in: text) else {
                report.findings.append(LicenseFinding(path: path, problem: "no SPDX-License-Identifier header in its first lines (expected \(allowed.joined(separator: " or ")))"))
                continue
            }
            report.expressions[path] = found
            if !allowed.contains(found) {
                report.findings.append(LicenseFinding(path: path, problem: "SPDX-License-Identifier is \"\(found)\"; this part of the tree is \(allowed.joined(separator: " or "))"))
            }
        }
        return report
    }
}
