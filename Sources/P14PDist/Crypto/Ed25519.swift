// SPDX-License-Identifier: LGPL-2.1-only
//
// Ed25519 release keys and detached signatures through OpenSSL. Keys are PEM
// (PKCS#8 private, SubjectPublicKeyInfo public) and signatures are the raw
// 64 bytes, so `openssl pkeyutl -verify -pubin -inkey release.pub -rawin
// -in SHA256SUMS -sigfile SHA256SUMS.sig` checks them without p14p.

import COpenSSL
import Foundation

public struct SigningError: Error, CustomStringConvertible {
    public var description: String
    init(_ d: String) { description = d }
}

/// An Ed25519 key (private, or public only) owned by OpenSSL.
public final class Ed25519Key: @unchecked Sendable {
    let pkey: OpaquePointer
    public let isPrivate: Bool

    init(pkey: OpaquePointer, isPrivate: Bool) {
        self.pkey = pkey
        self.isPrivate = isPrivate
    }

    deinit { EVP_PKEY_free(pkey) }

    public static func generate() throws -> Ed25519Key {
        guard let ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nil) else { throw SigningError("OpenSSL cannot make an Ed25519 context") }
        defer { EVP_PKEY_CTX_free(ctx) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(ctx) == 1, EVP_PKEY_keygen(ctx, &key) == 1, let key else {
            throw SigningError("OpenSSL could not generate an Ed25519 key: \(lastOpenSSLError())")
        }
        return Ed25519Key(pkey: key, isPrivate: true)
    }

    /// Reads a PEM key: a private key, or with `isPublic` a public key.
    public static func load(pem: [UInt8], isPublic: Bool, name: String) throws -> Ed25519Key {
        let key: OpaquePointer? = pem.withUnsafeBytes { raw in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            return isPublic ? PEM_read_bio_PUBKEY(bio, nil, nil, nil) : PEM_read_bio_PrivateKey(bio, nil, nil, nil)
        }
        guard let key else {
            throw SigningError("\(name): not a PEM \(isPublic ? "public" : "private") key")
        }
        guard EVP_PKEY_get_base_id(key) == EVP_PKEY_ED25519 else {
            EVP_PKEY_free(key)
            throw SigningError("\(name): not an Ed25519 key")
        }
        return Ed25519Key(pkey: key, isPrivate: !isPublic)
    }

    public static func load(path: String, isPublic: Bool) throws -> Ed25519Key {
        guard let data = FileManager.default.contents(atPath: path) else { throw SigningError("cannot read key \(path)") }
        return try load(pem: [UInt8](data), isPublic: isPublic, name: path)
    }

    public func privatePEM() throws -> [UInt8] {
        guard isPrivate else { throw SigningError("a public key has no private part") }
        return try writePEM { PEM_write_bio_PrivateKey($0, pkey, nil, nil, 0, nil, nil) }
    }

    public func publicPEM() throws -> [UInt8] { try writePEM { PEM_write_bio_PUBKEY($0, pkey) } }

    /// The 32 bytes of the public key.
    public func rawPublicKey() throws -> [UInt8] {
        var raw = [UInt8](repeating: 0, count: 32)
        var length = raw.count
        guard EVP_PKEY_get_raw_public_key(pkey, &raw, &length) == 1, length == 32 else {
            throw SigningError("OpenSSL cannot read the public key: \(lastOpenSSLError())")
        }
        return raw
    }

    /// How a release names its key: SHA-256 of the raw public key.
    public func fingerprint() throws -> KeyFingerprint { KeyFingerprint(long: Digest.hex(.sha256, of: try rawPublicKey())) }

    private func writePEM(_ write: (OpaquePointer) -> Int32) throws -> [UInt8] {
        guard let bio = BIO_new(BIO_s_mem()) else { throw SigningError("OpenSSL: out of memory") }
        defer { BIO_free(bio) }
        guard write(bio) == 1 else { throw SigningError("OpenSSL cannot write the key: \(lastOpenSSLError())") }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = BIO_read(bio, &buffer, Int32(buffer.count))
            if n <= 0 { break }
            out += buffer.prefix(Int(n))
        }
        return out
    }

    public func sign(_ message: [UInt8]) throws -> [UInt8] {
        guard isPrivate else { throw SigningError("signing needs the private key") }
        guard let ctx = EVP_MD_CTX_new() else { throw SigningError("OpenSSL: out of memory") }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestSignInit(ctx, nil, nil, nil, pkey) == 1 else { throw SigningError("OpenSSL: \(lastOpenSSLError())") }
        var signature = [UInt8](repeating: 0, count: 64)
        var length = 64
        let ok = message.withUnsafeBufferPointer { EVP_DigestSign(ctx, &signature, &length, $0.baseAddress, $0.count) }
        guard ok == 1, length == 64 else { throw SigningError("OpenSSL could not sign: \(lastOpenSSLError())") }
        return signature
    }

    public func verify(_ signature: [UInt8], of message: [UInt8]) -> Bool {
        guard signature.count == 64, let ctx = EVP_MD_CTX_new() else { return false }
        defer { EVP_MD_CTX_free(ctx) }
        guard EVP_DigestVerifyInit(ctx, nil, nil, nil, pkey) == 1 else { return false }
        let ok = message.withUnsafeBufferPointer { m in
            signature.withUnsafeBufferPointer { s in EVP_DigestVerify(ctx, s.baseAddress, s.count, m.baseAddress, m.count) }
        }
        ERR_clear_error()
        return ok == 1
    }
}

func lastOpenSSLError() -> String {
    let code = ERR_get_error()
    guard code != 0 else { return "unknown error" }
    var buffer = [CChar](repeating: 0, count: 256)
    ERR_error_string_n(code, &buffer, buffer.count)
    return String(cString: buffer)
}

/// A public key's fingerprint: the SHA-256 of its 32 raw bytes, in hex
/// (`long`), and its first 16 digits for a glance (`short`). The public
/// keys a release folder's parent keeps are named by it (`keys/LONG.pub`).
public struct KeyFingerprint: Equatable, Sendable {
    public var long: String
    public var short: String { String(long.prefix(16)) }
    public var fileName: String { long + ".pub" }
}

/// The public keys beside the release folders (`dist/keys/`), each named
/// by its fingerprint and never replaced: `verify` finds a release's key
/// there when it is given none.
public enum KeysFolder {
    public static let name = "keys"

    /// The minisign form of a kept key (`minisign -p`).
    public static func minisignFileName(_ fingerprint: KeyFingerprint) -> String { fingerprint.long + ".minisign.pub" }

    /// Writes `key`'s public half as keys/FINGERPRINT.pub (PEM, for openssl
    /// and verify) and keys/FINGERPRINT.minisign.pub under `output`, unless there.
    public static func keep(_ key: Ed25519Key, in output: String) throws {
        let folder = output + "/" + name
        let fingerprint = try key.fingerprint()
        let path = folder + "/" + fingerprint.fileName
        if fileExists(path) {
            // Never replaced; a file there that holds another key is someone's mistake, said aloud.
            guard let kept = try? Ed25519Key.load(path: path, isPublic: true), try kept.rawPublicKey() == key.rawPublicKey() else {
                throw SigningError("\(path) holds another key than its name says; move it away")
            }
        } else {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try writeFileAtomically(path, try key.publicPEM())
        }
        let minisignPath = folder + "/" + minisignFileName(fingerprint)
        if !fileExists(minisignPath) { try writeTextAtomically(minisignPath, try Minisign.publicKeyFile(key)) }
    }

    /// The keys folder beside `releaseFolder` (in its parent).
    public static func folder(besideReleaseFolder releaseFolder: String) -> String {
        (absolutePath(releaseFolder) as NSString).deletingLastPathComponent + "/" + name
    }

    /// The PEM keys kept beside `releaseFolder`, by file name.
    public static func candidates(besideReleaseFolder releaseFolder: String) -> [String] {
        let folder = folder(besideReleaseFolder: releaseFolder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".pub") && !$0.hasSuffix(".minisign.pub") }.sorted().map { folder + "/" + $0 }
    }
}

/// `p14p-dist keygen`: a new key pair on disk; the private file is 0600 and never replaced without `force`.
public enum KeyFiles {
    /// The private key a release is signed with, refused as ssh refuses
    /// its keys when group or others may read it (or write it), and when
    /// it does not parse: a release checks it before building any board.
    public static func loadSigningKey(path: String) throws -> Ed25519Key {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw SigningError("cannot read the signing key \(path): \(String(cString: strerror(errno)))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw SigningError("the signing key \(path) is not a regular file") }
        let access = info.st_mode & 0o077
        guard access == 0 else {
            throw SigningError("the signing key \(path) is readable or writable by others (mode \(String(info.st_mode & 0o777, radix: 8))); "
                + "a private key must be yours alone: chmod 600 \(path)")
        }
        return try Ed25519Key.load(path: path, isPublic: false)
    }

    public static func publicPath(forPrivate path: String) -> String {
        path.hasSuffix(".key") ? String(path.dropLast(4)) + ".pub" : path + ".pub"
    }

    @discardableResult
    public static func generate(privatePath: String, force: Bool) throws -> (privatePath: String, publicPath: String) {
        let publicPath = publicPath(forPrivate: privatePath)
        let fm = FileManager.default
        if !force {
            for path in [privatePath, publicPath] where fm.fileExists(atPath: path) {
                throw SigningError("\(path) exists; not overwriting a key without --force")
            }
        }
        let key = try Ed25519Key.generate()
        let dir = (privatePath as NSString).deletingLastPathComponent
        if !dir.isEmpty { try fm.createDirectory(atPath: dir, withIntermediateDirectories: true) }
        // Written through a fresh 0600 file, so the private key is never readable by others, even briefly.
        try writeFileAtomically(privatePath, try key.privatePEM(), mode: 0o600)
        try writeFileAtomically(publicPath, try key.publicPEM(), mode: 0o644)
        return (privatePath, publicPath)
    }
}
