// SPDX-License-Identifier: LGPL-2.1-only
//
// RELEASE-NOTES.md and RELEASE-NOTES.html, laid out like PyMite's release 09
// notes: header fields, purpose, license, build, discussion, thanks, target
// platforms (new ones in bold), what changed, older releases, then the
// packages table and how to check a download.

public struct NotesInput: Sendable {
    public var release: ReleaseRecipe
    public var book: RecipeBook
    public var outcomes: [BoardOutcome]
    /// This release's packages (name, size, MD5, SHA-256).
    public var packages: [PackageFile]
    /// Earlier releases built in the same output folder.
    public var earlierBuilt: [PackageRow]
    public var sourceLicense: String
    public var signed: Bool
    /// The signing key's fingerprint (nil: not signed).
    public var key: KeyFingerprint? = nil
}

public enum ReleaseNotes {
    /// Notes are documentation, and PyMite's docs were under the GNU FDL 1.2.
    public static let license = LicensePolicy.fdl

    public static func document(_ input: NotesInput) -> Document {
        let r = input.release
        let n = r.number.description
        var doc = Document(title: "p14p (Python-on-a-Chip) release \(n)", license: license)
        doc.add(.fields([
            ("Author", "the p14p maintainers"),
            ("Copyright", "the p14p authors; see the license below"),
            ("Release", "\(n), \(r.date.pymiteStyle)"),
            ("Site", "the p14p repository, and this folder for the downloads"),
            ("License", input.sourceLicense),
        ]))
        doc.add(.heading(level: 2, "Purpose"))
        doc.add(.paragraph([.text("p14p re-creates PyMite, the virtual machine of Python-on-a-Chip, in Swift. A subset of Python 3 runs on microcontrollers with a few kilobytes of RAM: a compiler on the host turns the application into a code image, and a small VM with its own heap and garbage collector runs that image on the board, or on a desktop for development.")]))
        doc.add(.heading(level: 2, "License"))
        doc.add(.paragraph([.text("Licensed by part, as PyMite was: the VM core under the GNU GPL version 2 or, for products that must keep their linked code private, a commercial license (see "), .code("LicenseRef-PyMite-Commercial.txt"), .text("); libraries, platform ports, tools and tests under the GNU LGPL version 2.1; documentation, including these notes, under the GNU FDL version 1.2. Firmware packages are "), .code(LicensePolicy.firmware), .text("; the source package is "), .code(input.sourceLicense), .text(". Every package carries the texts in "), .code("LICENSES/"), .text(" and the expression in "), .code("metadata.json"), .text(".")]))
        doc.add(.heading(level: 2, "Build"))
        doc.add(.paragraph([.text("From the source package: "), .code("make release"), .text(" builds every board this machine can build and writes a signed release to "), .code("dist/"), .text("; "), .code("make test"), .text(" runs the tests. A single board: "), .code("p14p-dist build --release \(n) --board desktop"), .text(".")]))
        doc.add(.heading(level: 2, "Discussion"))
        doc.add(.paragraph([.text("Questions, defects and ports are discussed in the project's issue tracker. A board that cannot be built here is listed below with the reason, so a port can start from there.")]))
        if !r.thanks.isEmpty {
            doc.add(.heading(level: 2, "Thanks"))
            doc.add(.list(r.thanks.map { [.text($0)] }))
        }

        doc.add(.heading(level: 2, "Target Platforms"))
        doc.add(.paragraph([.text("Platforms in bold are new since the previous release. Flash and RAM are the board's; the firmware columns are what this release's build measured (code and constants; data and bss).")]))
        var rows: [[[Inline]]] = []
        for name in r.boards {
            guard let board = input.book.board(name) else { continue }
            let outcome = input.outcomes.first { $0.board == name }
            let label: Inline = r.newBoards.contains(name) ? .bold(name) : .text(name)
            let cpu = board.cpu.map { " (\($0))" } ?? ""
            let firmware: String
            let firmwareRAM: String
            if let sizes = outcome?.sizes {
                firmware = formatBytes(sizes.flash ?? sizes.file)
                firmwareRAM = formatBytes(sizes.ram)
            } else {
                firmware = "—"
                firmwareRAM = "—"
            }
            let status: String
            switch outcome?.result {
            case "built": status = "built (\(board.status.rawValue))"
            case "skipped": status = "not in this build: \(outcome?.reason ?? "")"
            default:
                status = board.status == .unsupported ? "unsupported: \(board.reason ?? "")"
                    : "\(board.status.rawValue); not in this build (not asked for)"
            }
            rows.append([[label], [.text(board.mcu + cpu)], [.text(formatBytes(board.memory.flash))],
                         [.text(formatBytes(board.memory.ram))], [.text(formatHex(board.memory.heap))],
                         [.text(firmware)], [.text(firmwareRAM)], [.text(status)]])
        }
        doc.add(.table(header: ["Board", "MCU", "Flash", "RAM", "VM heap", "Firmware flash", "Firmware RAM", "Status"], rows: rows))
        let asked = r.boards.filter { name in input.outcomes.contains { $0.board == name } }
        if asked.count < r.boards.count {
            doc.add(.paragraph([.bold("A partial release."), .text(" This build was asked for \(asked.count) of the release's \(r.boards.count) boards: "
                + asked.joined(separator: ", ") + ".")]))
        }
        addFlashByPart(to: &doc, input: input, boards: r.boards)

        doc.add(.heading(level: 2, "Release Notes"))
        var intro: [Inline] = [.text("This is release \(n)")]
        intro.append(.text(r.title.map { ": \($0)." } ?? "."))
        if let url = r.changesURL { intro += [.text(" The full list of changes is in "), .link("the release \(n) milestone", url: url), .text(".")] }
        doc.add(.paragraph(intro))
        if !r.highlights.isEmpty {
            doc.add(.paragraph([.text("Added support for the following major new features:")]))
            doc.add(.list(r.highlights.map { [.text($0)] }))
        }
        if !r.changes.isEmpty {
            doc.add(.paragraph([.text(r.highlights.isEmpty ? "Changes:" : "And:")]))
            doc.add(.list(r.changes.map { [.text($0)] }))
        }
        if !r.fixes.isEmpty {
            doc.add(.paragraph([.text("Bugs fixed:")]))
            doc.add(.list(r.fixes.map { [.text($0)] }))
        }
        let older = input.book.releases.filter { $0.number < r.number }.reversed()
        if !older.isEmpty {
            doc.add(.heading(level: 3, "Earlier releases"))
            doc.add(.list(older.map { old in
                [.bold("Release \(old.number)"), .text(" (\(old.date.pymiteStyle)): " + (old.summary ?? old.title ?? "released."))]
            }))
        }

        doc.add(.heading(level: 2, "Packages"))
        var packageRows: [[[Inline]]] = input.packages.map { p in
            [[.text(n)], [.text(r.date.pymiteStyle)], [.link(p.name, url: p.name)], [.code(p.md5)], [.code(p.sha256)]]
        }
        for row in input.earlierBuilt + ReleaseHistory.published(input.book) where row.date < r.date {
            let name: Inline = row.href.map { .link(row.package, url: "../" + $0) } ?? .text(row.package)
            packageRows.append([[.text(row.release)], [.text(row.date.pymiteStyle)], [name], row.md5 == "—" ? [.text("—")] : [.code(row.md5)],
                                row.sha256.map { [.code($0)] } ?? [.text("—")]])
        }
        doc.add(.table(header: ["Release", "Release Date", "Package", "MD5", "SHA-256"], rows: packageRows))
        let skipped = input.outcomes.filter { $0.result == "skipped" }
        if !skipped.isEmpty {
            doc.add(.paragraph([.text("Boards of this release without a package from this build, and why:")]))
            doc.add(.list(skipped.map { [.text("\($0.board): \($0.reason ?? "")")] }))
        }

        doc.add(.heading(level: 2, "Verifying a download"))
        doc.add(.paragraph([.text("Get the release public key "), .code("release.pub"), .text(" from a source you trust, put it beside the downloads with "), .code("SHA256SUMS"), .text(" and "), .code("SHA256SUMS.sig"), .text(", then check the signature and the files:")]))
        doc.add(.code("""
        openssl pkeyutl -verify -pubin -inkey release.pub -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig
        sha256sum -c SHA256SUMS --ignore-missing
        md5sum -c MD5SUMS --ignore-missing
        """))
        doc.add(.paragraph([.text("or, with p14p's tools, "), .code("p14p-dist verify . --key release.pub"), .text(" (the whole folder) or "), .code("p14p-dist verify \(r.packageName(board: "desktop")) --key release.pub"), .text(" (one package). "), .code("p14p-dist inspect FILE"), .text(" prints the release, board and license a package or firmware carries.")]))
        if let key = input.key, input.signed {
            doc.add(.paragraph([.text("This release is signed with the Ed25519 key "), .code(key.short),
                                .text(" (SHA-256 of its public key: "), .code(key.long), .text("), published beside the release folders as "),
                                .code(KeysFolder.name + "/" + key.fileName),
                                .text(". Compare that fingerprint with one from a source you trust; "), .code("p14p-dist verify"),
                                .text(" without "), .code("--key"), .text(" finds the key there and names the one it used.")]))
            doc.add(.paragraph([.text("With minisign, the same key checks "), .code(SignStage.minisignName), .text(":")]))
            doc.add(.code("minisign -Vm SHA256SUMS -p ../\(KeysFolder.name)/\(KeysFolder.minisignFileName(key))"))
        }
        if !input.signed {
            doc.add(.paragraph([.bold("This build is not signed."), .text(" Only the checksums can be checked.")]))
        }
        return doc
    }

    /// Where each built board's flash goes, by part of the firmware (the
    /// table of `make size`, measured on this release's builds).
    static func addFlashByPart(to doc: inout Document, input: NotesInput, boards: [String]) {
        let measured = boards.compactMap { name -> (String, [PartSize])? in
            guard let parts = input.outcomes.first(where: { $0.board == name })?.sizes?.flashByPart else { return nil }
            return (name, parts)
        }
        guard let first = measured.first else { return }
        doc.add(.heading(level: 3, "Where the flash goes"))
        doc.add(.paragraph([.text("Firmware code and constants of each board built, in bytes by part, from its linker map ("), .code("make size"), .text(" gives the same table for a source tree).")]))
        var rows: [[[Inline]]] = first.1.indices.map { i in
            [[.text(first.1[i].part)]] + measured.map { [.text(i < $0.1.count ? SizeTable.group($0.1[i].bytes) : "—")] }
        }
        rows.append([[.bold("total")]] + measured.map { [.bold(SizeTable.group($0.1.reduce(0) { $0 + $1.bytes }))] })
        doc.add(.table(header: ["Part"] + measured.map(\.0), rows: rows))
    }
}
