// SPDX-License-Identifier: LGPL-2.1-only
//
// Fuzz target (d): any bytes as a recipe file. TOML syntax (TOMLKit) and
// then the board, release and [build] readers must report what is wrong
// as a RecipeError (or the builder's error), never trap.

import P14PDist

public enum RecipeTarget {
    public static func run(_ data: [UInt8]) {
        guard data.count <= FuzzLimits.maxInputBytes else { return }
        guard let text = String(validating: data, as: UTF8.self),
              let document = try? RecipeDocument(file: "fuzz.toml", text: text) else { return }
        _ = try? ReleaseRecipe(document: document, expectedNumber: nil)
        guard let board = try? BoardRecipe(document: document, expectedName: nil) else { return }
        _ = try? ResolvedBoard(board, repositoryRoot: "/nonexistent")
    }
}
