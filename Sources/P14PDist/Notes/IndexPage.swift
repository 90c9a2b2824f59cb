// SPDX-License-Identifier: LGPL-2.1-only
//
// dist/index.html: every release, newest first, with per-board downloads
// for the ones built here and PyMite's published packages for the rest:
// the page a vendor opens.

import Foundation

public enum IndexPage {
    public static func html(outputDirectory: String, book: RecipeBook) -> String {
        var doc = Document(title: "p14p (Python-on-a-Chip) releases", license: ReleaseNotes.license)
        doc.add(.paragraph([.text("Each release folder holds one package per board (the VM with the application image, licenses and metadata), the sources, "), .code("MD5SUMS"), .text(", "), .code("SHA256SUMS"), .text(" and its signature "), .code("SHA256SUMS.sig"), .text(".")]
            + (fileExists(outputDirectory + "/release.pub") ? [.text(" The public key is "), .link("release.pub", url: "release.pub"), .text(".")] : [])))
        // Every key a release here was signed with, by fingerprint (KeysFolder).
        let kept = ((try? FileManager.default.contentsOfDirectory(atPath: outputDirectory + "/" + KeysFolder.name)) ?? [])
            .filter { $0.hasSuffix(".pub") }.sorted()
        if !kept.isEmpty {
            doc.add(.paragraph([.text("Signing keys, each named by the SHA-256 of its public key (each release's notes say which one signed it): ")]
                + kept.enumerated().flatMap { i, name -> [Inline] in
                    (i > 0 ? [.text(", ")] : []) + [.link(String(name.dropLast(4)), url: KeysFolder.name + "/" + name)]
                } + [.text(".")]))
        }
        for release in book.releases.reversed() {
            let dir = outputDirectory + "/" + release.directoryName
            if !release.isHistory, isDirectory(dir) {
                doc.add(.heading(level: 2, "Release \(release.number) (\(release.date.pymiteStyle))"))
                var intro: [Inline] = [.link("Release notes", url: release.directoryName + "/" + NotesStage.htmlName)]
                if fileExists(dir + "/SHA256SUMS.sig") { intro.append(.text(", signed")) } else { intro.append(.text(", not signed")) }
                // The manifests and signatures, for checking downloads by hand.
                let checks = ["SHA256SUMS", "MD5SUMS", "SHA256SUMS.sig", SignStage.minisignName].filter { fileExists(dir + "/" + $0) }
                if !checks.isEmpty {
                    intro.append(.text(" ("))
                    for (i, name) in checks.enumerated() {
                        if i > 0 { intro.append(.text(", ")) }
                        intro.append(.link(name, url: release.directoryName + "/" + name))
                    }
                    intro.append(.text(")"))
                }
                if let title = release.title { intro.append(.text(". " + title + ".")) }
                doc.add(.paragraph(intro))
                var rows: [[[Inline]]] = []
                // Each download's SHA-256 as the signed manifest gives it.
                let sums = (try? readText(dir + "/SHA256SUMS"))
                    .flatMap { try? ChecksumManifest.parse($0, algorithm: .sha256, fileName: "SHA256SUMS") }
                func digest(_ name: String) -> [Inline] { sums?.digest(of: name).map { [.code($0)] } ?? [.text("—")] }
                for board in release.boards {
                    let name = release.packageName(board: board)
                    guard fileExists(dir + "/" + name) else { continue }
                    let recipe = book.board(board)
                    let meta = (try? TarReader.read(dir + "/" + name, wantContents: { $0.hasSuffix("/metadata.json") }))?
                        .first { $0.path.hasSuffix("/metadata.json") }?.bytes.flatMap { try? BundleMetadata.parse($0) }
                    let memory = [recipe?.memory.flash.map { formatBytes($0) + " flash" }, recipe?.memory.ram.map { formatBytes($0) + " RAM" }]
                        .compactMap { $0 }.joined(separator: ", ")
                    rows.append([[.text(board)], [.text([recipe?.mcu, recipe?.cpu].compactMap { $0 }.joined(separator: ", "))],
                                 [.text(memory.isEmpty ? "—" : memory)],
                                 [.link(name, url: release.directoryName + "/" + name)],
                                 [.text(formatBytes(fileSize(dir + "/" + name)))],
                                 [.text(meta.map { formatBytes($0.sizes.flash ?? $0.sizes.file) } ?? "—")], digest(name)])
                }
                let src = release.sourcePackageName
                if fileExists(dir + "/" + src) {
                    rows.append([[.text("sources")], [.text("")], [.text("")], [.link(src, url: release.directoryName + "/" + src)],
                                 [.text(formatBytes(fileSize(dir + "/" + src)))], [.text("—")], digest(src)])
                }
                doc.add(.table(header: ["Board", "MCU, CPU", "Board memory", "Download", "Size", "Firmware flash", "SHA-256"], rows: rows))
                let missing = release.boards.filter { !fileExists(dir + "/" + release.packageName(board: $0)) }
                if !missing.isEmpty {
                    doc.add(.paragraph([.text("No package in this build for: " + missing.joined(separator: ", ") + " (see the notes for why).")]))
                }
            } else if let p = release.published {
                doc.add(.heading(level: 2, "Release \(release.number) (\(release.date.pymiteStyle))"))
                doc.add(.paragraph([.text("Published by PyMite as "), .code(p.package), .text(", MD5 "), .code(p.md5), .text(".")]))
            } else if !release.isHistory {
                doc.add(.heading(level: 2, "Release \(release.number) (\(release.date.pymiteStyle))"))
                doc.add(.paragraph([.text("Not published here yet.")]))
            }
        }
        return HTMLRenderer.render(doc)
    }
}
