// SPDX-License-Identifier: LGPL-2.1-only
//
// The rows of the packages table across releases: this one, the ones
// already built in the output folder, and PyMite's published history.

import Foundation

public struct PackageRow: Sendable {
    public var release: String
    public var date: ReleaseDate
    public var package: String
    public var md5: String
    public var sha256: String?
    public var size: Int?
    /// Link target relative to the page (nil for packages not in the output folder).
    public var href: String?
}

public enum ReleaseHistory {
    /// Releases already in `outputDirectory` (pymite-XX folders with checksums), except `excluding`.
    public static func builtReleases(in outputDirectory: String, book: RecipeBook, excluding: ReleaseNumber?) -> [PackageRow] {
        var rows: [PackageRow] = []
        for release in book.releases.reversed() where !release.isHistory && release.number != excluding {
            let dir = outputDirectory + "/" + release.directoryName
            guard let md5Text = try? readText(dir + "/MD5SUMS"), let shaText = try? readText(dir + "/SHA256SUMS"),
                  let md5 = try? ChecksumManifest.parse(md5Text, algorithm: .md5, fileName: "MD5SUMS"),
                  let sha = try? ChecksumManifest.parse(shaText, algorithm: .sha256, fileName: "SHA256SUMS") else {
                // The history is the recipes': a release built elsewhere still has its row.
                rows.append(PackageRow(release: release.number.description, date: release.date,
                                       package: "(its packages are not in this folder)", md5: "—", sha256: nil, size: nil, href: nil))
                continue
            }
            for entry in sha.entries where entry.name.hasSuffix(".tar.gz") {  // packages, not the notes
                rows.append(PackageRow(release: release.number.description, date: release.date, package: entry.name,
                                       md5: md5.digest(of: entry.name) ?? "", sha256: entry.digest,
                                       size: fileSize(dir + "/" + entry.name), href: release.directoryName + "/" + entry.name))
            }
        }
        return rows
    }

    /// PyMite's published packages (03 to 08), newest first.
    public static func published(_ book: RecipeBook) -> [PackageRow] {
        book.releases.reversed().compactMap { release in
            guard let p = release.published else { return nil }
            return PackageRow(release: release.number.description, date: release.date, package: p.package, md5: p.md5,
                              sha256: p.sha256, size: nil, href: nil)
        }
    }
}

func formatBytes(_ n: Int?) -> String {
    guard let n else { return "—" }
    if n >= 1 << 20 && n % (1 << 20) == 0 { return "\(n >> 20) MiB" }
    if n >= 1 << 20 { return String(format: "%.1f MiB", Double(n) / Double(1 << 20)) }
    if n >= 1024 && n % 1024 == 0 { return "\(n >> 10) KiB" }
    if n >= 1024 { return String(format: "%.1f KiB", Double(n) / 1024) }
    return "\(n) B"
}

func formatHex(_ n: Int?) -> String {
    guard let n else { return "—" }
    return "0x" + String(n, radix: 16, uppercase: true)
}
