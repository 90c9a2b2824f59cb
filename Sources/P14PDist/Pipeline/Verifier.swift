// SPDX-License-Identifier: LGPL-2.1-only
//
// `p14p-dist verify`: the signature over SHA256SUMS, then every file. A
// folder is checked whole (missing, altered and unlisted files are named);
// a single package is checked against the SHA256SUMS beside it.

import Foundation

public struct VerifyReport: Sendable {
    public var checked: [String] = []
    public var problems: [String] = []
    public var notes: [String] = []
    public var ok: Bool { problems.isEmpty }
}

public enum Verifier {
    /// Files a release folder has that SHA256SUMS does not list, by design.
    static let unlistedByDesign: Set<String> = [
        "SHA256SUMS", "SHA256SUMS.sig", "MD5SUMS", NotesStage.markdownName, NotesStage.htmlName,
    ]

    public static func verify(path: String, publicKey: String) throws -> VerifyReport {
        let key = try Ed25519Key.load(path: publicKey, isPublic: true)
        if isDirectory(path) { return verifyFolder(path, key: key) }
        guard fileExists(path) else { throw FileError("\(path): no such file or folder") }
        let dir = (absolutePath(path) as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        if fileExists(dir + "/SHA256SUMS") { return verifyPackage(name, in: dir, key: key) }
        // A tarball of a whole release folder: unpack (paths checked) and check that.
        let temp = try makeTemporaryDirectory(in: NSTemporaryDirectory(), prefix: "p14p-verify-")
        defer { try? FileManager.default.removeItem(atPath: temp) }
        let files = try TarReader.extract(path, into: temp)
        guard let sums = files.first(where: { ($0 as NSString).lastPathComponent == "SHA256SUMS" }) else {
            throw FileError("\(path): no SHA256SUMS beside it or inside it; nothing to verify against")
        }
        return verifyFolder(temp + "/" + (sums as NSString).deletingLastPathComponent, key: key)
    }

    static func checkSignature(_ dir: String, key: Ed25519Key, into report: inout VerifyReport) -> ChecksumManifest? {
        guard let sums = try? readFileBytes(dir + "/SHA256SUMS") else {
            report.problems.append("SHA256SUMS: missing")
            return nil
        }
        if let signature = try? readFileBytes(dir + "/SHA256SUMS.sig") {
            if key.verify(signature, of: sums) {
                report.notes.append("SHA256SUMS.sig: good signature")
            } else {
                report.problems.append("SHA256SUMS.sig: BAD signature (SHA256SUMS or its signature was altered, or another key signed it)")
            }
        } else {
            report.problems.append("SHA256SUMS.sig: missing (the release is not signed)")
        }
        do {
            return try ChecksumManifest.parse(String(decoding: sums, as: UTF8.self), algorithm: .sha256, fileName: "SHA256SUMS")
        } catch {
            report.problems.append("\(error)")
            return nil
        }
    }

    static func verifyFolder(_ dir: String, key: Ed25519Key) -> VerifyReport {
        var report = VerifyReport()
        guard let manifest = checkSignature(dir, key: key, into: &report) else { return report }
        for entry in manifest.entries {
            let file = dir + "/" + entry.name
            guard fileExists(file) else {
                report.problems.append("\(entry.name): MISSING")
                continue
            }
            check(entry.name, file: file, expected: entry.digest, into: &report)
        }
        let listed = Set(manifest.entries.map(\.name))
        for name in listFiles(under: dir) where !listed.contains(name) && !unlistedByDesign.contains(name) {
            report.problems.append("\(name): UNLISTED (not in SHA256SUMS)")
        }
        checkMD5(dir, names: listed, into: &report)
        return report
    }

    static func verifyPackage(_ name: String, in dir: String, key: Ed25519Key) -> VerifyReport {
        var report = VerifyReport()
        guard let manifest = checkSignature(dir, key: key, into: &report) else { return report }
        guard let expected = manifest.digest(of: name) else {
            report.problems.append("\(name): UNLISTED (not in SHA256SUMS)")
            return report
        }
        check(name, file: dir + "/" + name, expected: expected, into: &report)
        checkMD5(dir, names: [name], into: &report)
        return report
    }

    static func check(_ name: String, file: String, expected: String, into report: inout VerifyReport) {
        guard let actual = try? Digest.hex(.sha256, ofFile: file) else {
            report.problems.append("\(name): unreadable")
            return
        }
        if actual == expected {
            report.checked.append(name)
        } else {
            report.problems.append("\(name): ALTERED (SHA-256 \(actual), SHA256SUMS says \(expected))")
        }
    }

    /// MD5SUMS is not signed; it must agree with the files (and so with SHA256SUMS).
    static func checkMD5(_ dir: String, names: Set<String>, into report: inout VerifyReport) {
        guard let text = try? readText(dir + "/MD5SUMS") else {
            report.notes.append("MD5SUMS: absent (only SHA-256 checked)")
            return
        }
        guard let md5 = try? ChecksumManifest.parse(text, algorithm: .md5, fileName: "MD5SUMS") else {
            report.problems.append("MD5SUMS: malformed")
            return
        }
        for name in names.sorted() {
            guard let expected = md5.digest(of: name) else {
                report.problems.append("MD5SUMS: does not list \(name)")
                continue
            }
            if let actual = try? Digest.hex(.md5, ofFile: dir + "/" + name), actual != expected, fileExists(dir + "/" + name) {
                report.problems.append("MD5SUMS: \(name) does not match")
            }
        }
    }
}
