// SPDX-License-Identifier: LGPL-2.1-only
//
// The files that make up the sources of a release: what git tracks in a
// checkout, else the tree without build folders, dist/ and .git.

import Foundation

public enum SourceTree {
    /// In a source package: the commit its files come from, and "dirty" when the tree had changes.
    public static let commitFile = "SOURCE-COMMIT"

    public static func files(root: String) -> [String] {
        if fileExists(root + "/.git"),
           let result = try? runProcess("git", ["-C", root, "ls-files", "-z"]), result.succeeded {
            let names = result.stdout.split(separator: "\0").map(String.init)
            // A tracked file deleted in the work tree is not part of what we ship.
            return names.filter { fileExists(root + "/" + $0) && !isDirectory(root + "/" + $0) }
                .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        }
        return listFiles(under: root) { rel in
            let first = rel.split(separator: "/").first.map(String.init) ?? rel
            return first.hasPrefix(".build") || first == "dist" || first == ".git" || first == ".swiftpm"
                || first == "Package.resolved" || rel == commitFile
        }
    }

    /// The commit a checkout is at, and whether tracked files differ from it
    /// (untracked files do not count: they are not shipped); nil outside git.
    public static func commit(root: String) -> (hash: String, dirty: Bool)? {
        // An unpacked source package says which commit it was packed from (SourceArchiveStage).
        if !fileExists(root + "/.git"), let text = try? String(contentsOfFile: root + "/" + commitFile, encoding: .utf8) {
            let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
            guard let hash = words.first, hash.count == 40, hash.allSatisfy(\.isHexDigit) else { return nil }
            return (String(hash), words.dropFirst().first == "dirty")
        }
        guard fileExists(root + "/.git"),
              let head = try? runProcess("git", ["-C", root, "rev-parse", "HEAD"]), head.succeeded,
              let status = try? runProcess("git", ["-C", root, "status", "--porcelain", "--untracked-files=no"]),
              status.succeeded else { return nil }
        return (head.stdout.trimmingCharacters(in: .whitespacesAndNewlines), !status.stdout.isEmpty)
    }
}
