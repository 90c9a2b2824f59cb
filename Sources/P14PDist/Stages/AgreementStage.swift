// SPDX-License-Identifier: LGPL-2.1-only
//
// Stage 10: one release number everywhere. PyMite 09 shipped a VM saying
// release 8; here the packages are read back and the firmware stamp,
// metadata.json, file names and notes must all name this release.

import PyMiteHost

public struct AgreementStage: ReleaseStage {
    public let name = "check the release number agrees everywhere"
    public init() {}

    public func run(_ context: ReleaseContext) throws -> String? {
        let release = context.release
        let n = release.number.description
        var problems: [String] = []
        for (board, result) in context.artifacts.boardBuilds {
            let package = release.packageName(board: board.name)
            let root = String(package.dropLast(".tar.gz".count))
            let stamped = Set(result.artifacts.filter(\.carriesStamp).map { root + "/" + $0.bundleName })
            // Streamed: a firmware is scanned for stamps chunk by chunk, never held whole.
            var metadataBytes: [UInt8]?
            var stamps: [(member: String, stamps: [FirmwareStamp])] = []
            try TarReader.forEachMember(context.staging + "/" + package) { member, contents in
                if member.path == root + "/metadata.json" {
                    metadataBytes = try contents.bytes()
                } else if stamped.contains(member.path) {
                    var scanner = StampScanner()
                    try contents.chunks { scanner.feed($0) }
                    stamps.append((member.path, scanner.stamps))
                }
            }
            guard let meta = metadataBytes, let metadata = try? BundleMetadata.parse(meta) else {
                problems.append("\(package): no readable metadata.json")
                continue
            }
            if metadata.release != n { problems.append("\(package): metadata.json says release \(metadata.release)") }
            if metadata.board != board.name { problems.append("\(package): metadata.json says board \(metadata.board)") }
            if metadata.license != context.stamp.license { problems.append("\(package): metadata.json license is \(metadata.license)") }
            for (member, found) in stamps {
                if found.isEmpty { problems.append("\(package): \(member) carries no release stamp") }
                for s in found where s != context.stamp { problems.append("\(package): \(member) says release \(s.release)") }
            }
        }
        let prefix = "pymite-\(n)-"
        let packages = context.artifacts.packageNames
        for package in packages where !package.hasPrefix(prefix) {
            problems.append("\(package): file name does not start with \(prefix)")
        }
        if let tree = ReleaseSourceFile.read(root: context.options.repositoryRoot), tree != context.stamp {
            problems.append("\(ReleaseSourceFile.path) says release \(tree.release)")
        }
        if context.artifacts.notes.isEmpty { problems.append("no release notes were written") }
        for notes in context.artifacts.notes {
            let text = (try? readText(context.staging + "/" + notes)) ?? ""
            if !text.contains("release \(n)") || !text.contains("This is release \(n)") {
                problems.append("\(notes) does not say \"This is release \(n)\"")
            }
            for package in packages where !text.contains(package) {
                problems.append("\(notes) does not list \(package)")
            }
        }
        guard problems.isEmpty else {
            throw ReleaseError("release \(n) disagrees with itself:\n" + problems.map { "  " + $0 }.joined(separator: "\n"))
        }
        return "firmware, metadata.json, file names and notes all say \(n)"
    }
}
