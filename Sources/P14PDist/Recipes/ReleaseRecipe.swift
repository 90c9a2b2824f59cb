// SPDX-License-Identifier: LGPL-2.1-only
//
// recipes/releases/<number>.toml: one release, either one this tool builds
// (boards, highlights, fixes) or one PyMite published before (package + MD5).

public struct PublishedPackage: Sendable, Equatable {
    public var package: String
    public var md5: String
    public var sha256: String?
}

public struct ReleaseRecipe: Sendable {
    public var number: ReleaseNumber
    public var date: ReleaseDate
    public var title: String?
    /// One line for the "older releases" part of later notes.
    public var summary: String?
    /// Boards in this release, in the order the notes list them.
    public var boards: [String]
    /// Boards new since the previous release (bold in the notes).
    public var newBoards: [String]
    public var highlights: [String]
    public var changes: [String]
    /// Bugs this release fixes (a maintenance release's main list).
    public var fixes: [String]
    public var thanks: [String]
    public var changesURL: String?
    /// Set for releases published before this tool (03 to 08): not buildable.
    public var published: PublishedPackage?
    public var document: RecipeDocument

    public var isHistory: Bool { published != nil }

    public init(document doc: RecipeDocument, expectedNumber: String?) throws(RecipeError) {
        document = doc
        try doc.rejectUnknownKeys(in: "", allowed: [
            "number", "date", "title", "summary", "boards", "new_boards", "highlights", "changes", "fixes", "thanks",
            "changes_url", "published",
        ])
        let text = try doc.string("number")
        guard let number = ReleaseNumber(text) else {
            throw doc.error("number", "\"\(text)\" is not a release number: two hexadecimal digits such as \"09\" or \"0A\"")
        }
        guard text == number.description else {
            throw doc.error("number", "write it \"\(number)\" (hex digits in upper case)")
        }
        if let expectedNumber, expectedNumber != text {
            throw doc.error("number", "is \"\(text)\" but the file is \(expectedNumber).toml; they must agree")
        }
        self.number = number
        date = try doc.date("date")
        title = try doc.optionalString("title")
        summary = try doc.optionalString("summary")
        boards = try doc.stringArray("boards")
        newBoards = try doc.stringArray("new_boards")
        highlights = try doc.stringArray("highlights")
        changes = try doc.stringArray("changes")
        fixes = try doc.stringArray("fixes")
        thanks = try doc.stringArray("thanks")
        changesURL = try doc.optionalString("changes_url")
        if doc.has("published") {
            try doc.rejectUnknownKeys(in: "published", allowed: ["package", "md5", "sha256"])
            let md5 = try doc.string("published.md5")
            guard md5.count == 32, md5.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw doc.error("published.md5", "must be 32 lower-case hex digits")
            }
            published = PublishedPackage(package: try doc.string("published.package"), md5: md5,
                                         sha256: try doc.optionalString("published.sha256"))
        } else {
            published = nil
            if boards.isEmpty { throw doc.error("boards", "a release to build lists its boards") }
        }
        for board in newBoards where !boards.contains(board) {
            throw doc.error("new_boards", "\"\(board)\" is not in boards")
        }
    }

    /// The name a board's package gets: pymite-09-desktop.tar.gz.
    public func packageName(board: String) -> String { "pymite-\(number)-\(board).tar.gz" }
    public var sourcePackageName: String { "pymite-\(number)-src.tar.gz" }
    public var directoryName: String { "pymite-\(number)" }
}
