// SPDX-License-Identifier: LGPL-2.1-only
//
// MD5SUMS and SHA256SUMS in the format `md5sum -c` and `sha256sum -c` read:
// "<hex>  <name>" per line (two spaces: text mode), sorted by name.

public struct ChecksumManifest: Equatable, Sendable {
    public var algorithm: DigestAlgorithm
    /// (file name, hex digest), sorted by name.
    public var entries: [(name: String, digest: String)]

    public static func == (a: ChecksumManifest, b: ChecksumManifest) -> Bool {
        a.algorithm == b.algorithm && a.entries.map(\.name) == b.entries.map(\.name) && a.entries.map(\.digest) == b.entries.map(\.digest)
    }

    public var fileName: String { algorithm == .md5 ? "MD5SUMS" : "SHA256SUMS" }
    var digestLength: Int { algorithm == .md5 ? 32 : 64 }

    public init(algorithm: DigestAlgorithm, entries: [(name: String, digest: String)]) {
        self.algorithm = algorithm
        self.entries = entries.sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
    }

    /// Digests of files in `directory`.
    public static func make(_ algorithm: DigestAlgorithm, directory: String, files: [String]) throws -> ChecksumManifest {
        var entries: [(String, String)] = []
        for name in files { entries.append((name, try Digest.hex(algorithm, ofFile: directory + "/" + name))) }
        return ChecksumManifest(algorithm: algorithm, entries: entries)
    }

    public var text: String { entries.map { "\($0.digest)  \($0.name)\n" }.joined() }

    public func digest(of name: String) -> String? { entries.first { $0.name == name }?.digest }

    /// Parses a manifest; each bad line is reported with its number.
    public static func parse(_ text: String, algorithm: DigestAlgorithm, fileName: String) throws -> ChecksumManifest {
        var entries: [(String, String)] = []
        let length = algorithm == .md5 ? 32 : 64
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty { continue }
            let chars = Array(line)
            guard chars.count > length + 2, chars[length] == " ", chars[length + 1] == " " || chars[length + 1] == "*" else {
                throw ChecksumError("\(fileName):\(i + 1): not a \"<digest>  <file>\" line")
            }
            let digest = String(chars[0..<length])
            guard digest.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw ChecksumError("\(fileName):\(i + 1): the digest is not \(length) lower-case hex digits")
            }
            let name = String(chars[(length + 2)...])
            if let problem = ArchivePath.problem(name) { throw ChecksumError("\(fileName):\(i + 1): \(name): \(problem)") }
            if entries.contains(where: { $0.0 == name }) { throw ChecksumError("\(fileName):\(i + 1): \(name) is listed twice") }
            entries.append((name, digest))
        }
        return ChecksumManifest(algorithm: algorithm, entries: entries)
    }
}

public struct ChecksumError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
