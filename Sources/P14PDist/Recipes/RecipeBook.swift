// SPDX-License-Identifier: LGPL-2.1-only
//
// All recipes of a tree, loaded and cross-checked: every board a release
// names exists, release numbers are hex and increase with their dates.

import Foundation

public struct RecipeBook: Sendable {
    public let root: String
    /// By name, sorted.
    public let boards: [BoardRecipe]
    /// By number, oldest first.
    public let releases: [ReleaseRecipe]

    public func board(_ name: String) -> BoardRecipe? { boards.first { $0.name == name } }
    public func release(_ number: ReleaseNumber) -> ReleaseRecipe? { releases.first { $0.number == number } }
    public var latest: ReleaseRecipe? { releases.last { !$0.isHistory } }

    /// Loads `<root>/boards/*.toml` and `<root>/releases/*.toml`.
    /// `displayBase` shortens paths in errors (usually the repository root).
    public static func load(root: String, displayBase: String? = nil) throws(RecipeError) -> RecipeBook {
        func shown(_ path: String) -> String {
            guard let base = displayBase, path.hasPrefix(base + "/") else { return path }
            return String(path.dropFirst(base.count + 1))
        }
        func tomlFiles(_ dir: String) -> [String] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            return names.filter { $0.hasSuffix(".toml") }.sorted()
        }
        let boardsDir = root + "/boards", releasesDir = root + "/releases"
        guard FileManager.default.fileExists(atPath: boardsDir) else {
            throw RecipeError(file: shown(boardsDir), line: nil, field: "", message: "no board recipes here")
        }
        var boards: [BoardRecipe] = []
        for name in tomlFiles(boardsDir) {
            let path = boardsDir + "/" + name
            let doc = try RecipeDocument.load(path: path, displayName: shown(path))
            boards.append(try BoardRecipe(document: doc, expectedName: String(name.dropLast(5))))
        }
        var releases: [ReleaseRecipe] = []
        for name in tomlFiles(releasesDir) {
            let path = releasesDir + "/" + name
            let doc = try RecipeDocument.load(path: path, displayName: shown(path))
            releases.append(try ReleaseRecipe(document: doc, expectedNumber: String(name.dropLast(5))))
        }
        releases.sort { $0.number < $1.number }
        let names = Set(boards.map(\.name))
        for (i, release) in releases.enumerated() {
            if i > 0 {
                let previous = releases[i - 1]
                if release.date <= previous.date {
                    throw release.document.error("date", "release \(release.number) is dated \(release.date), not after release \(previous.number) (\(previous.date)); numbers must increase with time")
                }
            }
            for board in release.boards where !names.contains(board) {
                throw release.document.error("boards", "no recipe for board \"\(board)\" (expected recipes/boards/\(board).toml)")
            }
        }
        return RecipeBook(root: root, boards: boards, releases: releases)
    }
}
