// SPDX-License-Identifier: LGPL-2.1-only
//
// `p14p-dist verify --rebuild DIR`: the release's own source package,
// unpacked into a temporary folder, built again (each board package this
// machine can build, with the release's date and the commit the source
// package names), and every package compared byte for byte with the one
// published. A difference is named down to the package's member.

import Foundation
import P14PFirmware

public struct RebuildReport: Sendable {
    /// Packages rebuilt to the same bytes.
    public var same: [String] = []
    /// Packages rebuilt to other bytes, each with the members that differ.
    public var differences: [String] = []
    /// Packages this machine could not build, and why.
    public var notRebuilt: [String] = []

    public var ok: Bool { differences.isEmpty && !same.isEmpty }
}

public enum Rebuilder {
    public static func rebuild(release dir: String, registry: BuilderRegistry, log: @escaping (String) -> Void = { _ in }) throws -> RebuildReport {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
        let sources = names.filter { $0.hasPrefix("pymite-") && $0.hasSuffix("-src.tar.gz") }
        guard sources.count == 1, let source = sources.first else {
            throw FileError("\(dir): no single source package (pymite-<release>-src.tar.gz) to rebuild from")
        }
        let number = String(source.dropFirst("pymite-".count).dropLast("-src.tar.gz".count))
        guard let release = ReleaseNumber(number) else { throw FileError("\(source): no release number in its name") }
        let prefix = "pymite-\(number)-"
        var boards: [String] = [], epoch: Int?
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".tar.gz") && name != source {
            guard let metadata = try Inspector.inspect(dir + "/" + name).metadata else { continue }
            boards.append(metadata.board)
            epoch = epoch ?? ReleaseContext.timestamp(ofBuildDate: metadata.buildDate)
        }
        guard !boards.isEmpty else { throw FileError("\(dir): no board packages to compare") }

        let work = NSTemporaryDirectory() + "p14p-rebuild-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        return try Interrupts.withTemporary([work]) {
            log("unpacking \(source)")
            let tree = try unpack(dir + "/" + source, into: work + "/src")
            var options = ReleaseOptions(repositoryRoot: tree, release: release, outputDirectory: work + "/dist")
            options.boards = boards
            options.allowDirty = true  // what the source package holds is what was built; SOURCE-COMMIT says if it was dirty
            options.sourceDateEpoch = epoch
            log("building \(boards.joined(separator: ", ")) from it")
            let summary = try ReleasePipeline().run(options, registry: registry, reporter: CollectingReporter())
            var report = RebuildReport()
            for outcome in summary.boards {
                let package = prefix + outcome.board + ".tar.gz"
                guard outcome.result == "built" else {
                    report.notRebuilt.append("\(package): \(outcome.result)\(outcome.reason.map { ": " + $0 } ?? "")")
                    continue
                }
                let published = dir + "/" + package, rebuilt = summary.directory + "/" + package
                if FileManager.default.contentsEqual(atPath: published, andPath: rebuilt) {
                    report.same.append(package)
                } else {
                    let members = try differingMembers(published, rebuilt)
                    report.differences.append("\(package): rebuilt to other bytes"
                        + (members.isEmpty ? " (the same members: the archive itself differs)" : "; members that differ: " + members.joined(separator: ", ")))
                }
            }
            return report
        }
    }

    /// Writes a tarball's files under `folder` (the reader refuses absolute paths, `..` and links); returns its top folder.
    static func unpack(_ tarball: String, into folder: String) throws -> String {
        var top: String?
        try TarReader.forEachMember(tarball) { member, contents in
            let path = folder + "/" + member.path
            top = top ?? member.path.split(separator: "/").first.map(String.init)
            if member.isDirectory {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                return
            }
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: member.mode & 0o755]),
                  let handle = FileHandle(forWritingAtPath: path) else { throw FileError("cannot write \(path)") }
            defer { try? handle.close() }
            try contents.chunks { try handle.write(contentsOf: Data($0)) }
        }
        guard let top else { throw FileError("\(tarball): empty") }
        return folder + "/" + top
    }

    /// The members (under the package's top folder) whose bytes differ, or that only one side has.
    static func differingMembers(_ a: String, _ b: String) throws -> [String] {
        func digests(_ path: String) throws -> [String: String] {
            var out: [String: String] = [:]
            try TarReader.forEachMember(path) { member, contents in
                guard !member.isDirectory else { return }
                let digest = IncrementalDigest(.sha256)
                try contents.chunks { digest.update($0) }
                out[member.path.split(separator: "/").dropFirst().joined(separator: "/")] = digest.finish()
            }
            return out
        }
        let x = try digests(a), y = try digests(b)
        return Set(x.keys).union(y.keys).filter { x[$0] != y[$0] }.sorted().map { name in
            x[name] == nil ? name + " (only rebuilt)" : (y[name] == nil ? name + " (only published)" : name)
        }
    }
}

