// SPDX-License-Identifier: LGPL-2.1-only
//
// `p14p-dist verify`: the signature over SHA256SUMS, then every file. A
// folder is checked whole (missing, altered and unlisted files, symbolic
// links, and MD5SUMS lines for files SHA256SUMS does not list are named);
// a single package is checked against the SHA256SUMS beside it; a tarball
// of a release folder is read once, hashing each member as it streams by,
// so nothing is unpacked to disk and no member is held in memory.

import Foundation

public struct VerifyReport: Sendable {
    /// Names of the files whose digests match (raw: escape them to print).
    public var checked: [String] = []
    /// Lines to print; names in them are already escaped.
    public var problems: [String] = []
    public var notes: [String] = []
    public var ok: Bool { problems.isEmpty }
}

public enum Verifier {
    /// Files a release folder has that SHA256SUMS does not list, by design:
    /// the manifests and the signature (the notes are listed, so signed).
    static let unlistedByDesign: Set<String> = ["SHA256SUMS", "SHA256SUMS.sig", SignStage.minisignName, "MD5SUMS"]
    /// The files read whole: the manifests and the signature.
    static let manifestNames: Set<String> = ["SHA256SUMS", "SHA256SUMS.sig", "MD5SUMS"]

    /// `publicKey` nil: the key is looked for among those kept beside the
    /// release (`KeysFolder`), and the report names the one that signed it.
    public static func verify(path: String, publicKey: String?, limits: ArchiveLimits = .standard) throws -> VerifyReport {
        if isDirectory(path) {
            let folder = ReleaseFolder(path)
            let (key, note) = try signingKey(publicKey, for: folder, keptBeside: path)
            return verifyRelease(folder, key: key, keyNote: note)
        }
        guard fileExists(path) else { throw FileError("\(path): no such file or folder") }
        let full = absolutePath(path)
        let dir = (full as NSString).deletingLastPathComponent
        let name = (full as NSString).lastPathComponent
        if fileExists(dir + "/SHA256SUMS") {
            let folder = ReleaseFolder(dir)
            let (key, note) = try signingKey(publicKey, for: folder, keptBeside: dir)
            var report = verifyPackage(name, in: folder, key: key)
            if let note { report.notes.insert(note, at: 0) }
            return report
        }
        // A tarball of a whole release folder.
        let archived = try ArchivedRelease.read(path, limits: limits)
        let (key, note) = try signingKey(publicKey, for: archived, keptBeside: full)
        return verifyRelease(archived, key: key, keyNote: note)
    }

    /// The key given, or else the kept key (keys/ beside `place`) whose
    /// signature over the release's SHA256SUMS is good, with a line naming it.
    static func signingKey<R: ReleaseFiles>(_ given: String?, for release: R, keptBeside place: String) throws -> (Ed25519Key, String?) {
        if let given { return (try Ed25519Key.load(path: given, isPublic: true), nil) }
        let candidates = KeysFolder.candidates(besideReleaseFolder: place)
        let folder = KeysFolder.folder(besideReleaseFolder: place)
        guard !candidates.isEmpty else {
            throw SigningError("no --key given, and no public keys in \(folder.terminalSafe) to look for the release's key in")
        }
        let sums = try? release.manifest("SHA256SUMS"), signature = try? release.manifest("SHA256SUMS.sig")
        for path in candidates {
            guard let key = try? Ed25519Key.load(path: path, isPublic: true), let sums, let signature,
                  key.verify(signature, of: sums), let fingerprint = try? key.fingerprint() else { continue }
            return (key, "key: \(path.terminalSafe), fingerprint \(fingerprint.long) "
                        + "(compare it with the one the release was announced with)")
        }
        throw SigningError("none of the \(candidates.count) public key(s) in \(folder.terminalSafe) signed this release's SHA256SUMS; "
            + "give the release's key with --key")
    }

    static func checkSignature<R: ReleaseFiles>(_ release: R, key: Ed25519Key, into report: inout VerifyReport) -> ChecksumManifest? {
        guard let sums = readManifest("SHA256SUMS", from: release, into: &report) else {
            if !release.contains("SHA256SUMS") { report.problems.append("SHA256SUMS: missing") }
            return nil
        }
        if let signature = readManifest("SHA256SUMS.sig", from: release, into: &report) {
            if key.verify(signature, of: sums) {
                report.notes.append("SHA256SUMS.sig: good signature")
            } else {
                report.problems.append("SHA256SUMS.sig: BAD signature (SHA256SUMS or its signature was altered, or another key signed it)")
            }
        } else if !release.contains("SHA256SUMS.sig") {
            report.problems.append("SHA256SUMS.sig: missing (the release is not signed)")
        }
        do {
            return try ChecksumManifest.parse(String(decoding: sums, as: UTF8.self), algorithm: .sha256, fileName: "SHA256SUMS")
        } catch {
            report.problems.append("\(error)".terminalSafe)
            return nil
        }
    }

    static func tooLarge(_ name: String) -> FileError {
        FileError("\(name): larger than \(ArchiveLimits.smallMemberBytes) bytes, too large to be a manifest; not read")
    }

    /// A manifest or the signature; nil when absent, or too large to be one (a problem then).
    static func readManifest<R: ReleaseFiles>(_ name: String, from release: R, into report: inout VerifyReport) -> [UInt8]? {
        do { return try release.manifest(name) } catch {
            report.problems.append("\(error)")
            return nil
        }
    }

    static func verifyRelease<R: ReleaseFiles>(_ release: R, key: Ed25519Key, keyNote: String? = nil) -> VerifyReport {
        var report = VerifyReport()
        if let keyNote { report.notes.append(keyNote) }
        guard let manifest = checkSignature(release, key: key, into: &report) else { return report }
        for entry in manifest.entries {
            guard release.contains(entry.name) else {
                report.problems.append("\(entry.name.terminalSafe): MISSING")
                continue
            }
            check(entry.name, in: release, expected: entry.digest, into: &report)
        }
        let listed = Set(manifest.entries.map(\.name))
        for name in release.irregular {
            report.problems.append("\(name.terminalSafe): NOT A FILE (a symbolic link or device; a release holds only files)")
        }
        for name in release.names where !listed.contains(name) && !unlistedByDesign.contains(name) {
            report.problems.append("\(name.terminalSafe): UNLISTED (not in SHA256SUMS)")
        }
        checkMD5(release, names: listed, listed: listed, into: &report)
        return report
    }

    static func verifyPackage(_ name: String, in folder: ReleaseFolder, key: Ed25519Key) -> VerifyReport {
        var report = VerifyReport()
        guard let manifest = checkSignature(folder, key: key, into: &report) else { return report }
        guard let expected = manifest.digest(of: name) else {
            report.problems.append("\(name.terminalSafe): UNLISTED (not in SHA256SUMS)")
            return report
        }
        guard folder.contains(name) else {
            report.problems.append("\(name.terminalSafe): NOT A FILE (a symbolic link or device; a release holds only files)")
            return report
        }
        check(name, in: folder, expected: expected, into: &report)
        checkMD5(folder, names: [name], listed: Set(manifest.entries.map(\.name)), into: &report)
        return report
    }

    static func check<R: ReleaseFiles>(_ name: String, in release: R, expected: String, into report: inout VerifyReport) {
        guard let actual = release.digest(.sha256, of: name) else {
            report.problems.append("\(name.terminalSafe): unreadable")
            return
        }
        if actual == expected {
            report.checked.append(name)
        } else {
            report.problems.append("\(name.terminalSafe): ALTERED (SHA-256 \(actual), SHA256SUMS says \(expected))")
        }
    }

    /// MD5SUMS is not signed; it must agree with the files (and so with SHA256SUMS).
    /// `names`: the files to check; `listed`: every file SHA256SUMS lists.
    static func checkMD5<R: ReleaseFiles>(_ release: R, names: Set<String>, listed: Set<String>, into report: inout VerifyReport) {
        guard let bytes = readManifest("MD5SUMS", from: release, into: &report) else {
            if !release.contains("MD5SUMS") { report.notes.append("MD5SUMS: absent (only SHA-256 checked)") }
            return
        }
        guard let md5 = try? ChecksumManifest.parse(String(decoding: bytes, as: UTF8.self), algorithm: .md5, fileName: "MD5SUMS") else {
            report.problems.append("MD5SUMS: malformed")
            return
        }
        for name in names.sorted() {
            guard let expected = md5.digest(of: name) else {
                report.problems.append("MD5SUMS: does not list \(name.terminalSafe)")
                continue
            }
            if let actual = release.digest(.md5, of: name), actual != expected {
                report.problems.append("MD5SUMS: \(name.terminalSafe) does not match")
            }
        }
        // Both ways: a line for a file the signed SHA256SUMS does not list is MD5SUMS's own, unsigned claim.
        for entry in md5.entries where !listed.contains(entry.name) {
            report.problems.append("MD5SUMS: lists \(entry.name.terminalSafe), which SHA256SUMS does not"
                + (release.contains(entry.name) ? "" : " (and no such file is here)"))
        }
    }
}
