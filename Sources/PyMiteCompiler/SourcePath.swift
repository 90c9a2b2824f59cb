// SPDX-License-Identifier: LGPL-2.1-only
//
// The two path operations the compiler and `p14p` need, done on the text.
// Foundation's NSString.deletingLastPathComponent traps on a one-character
// relative path ("a", "a/") on Linux, and a program may be named anything.

public enum SourcePath {
    /// The folder part of `path`: "" for a bare name, "/" for a file at the root.
    public static func folder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// `name` in the folder of `path` ("lib/app.py", "helper.py" -> "lib/helper.py").
    public static func sibling(of path: String, named name: String) -> String {
        let folder = folder(of: path)
        if folder.isEmpty { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// `path` with the extension of its last part replaced ("app.py" -> "app.pmi";
    /// "app" and ".hidden" gain one).
    public static func replacingExtension(of path: String, with newExtension: String) -> String {
        let nameStart = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[nameStart...]
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            return String(path[..<dot]) + "." + newExtension
        }
        return path + "." + newExtension
    }
}
