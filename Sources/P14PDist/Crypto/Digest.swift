// SPDX-License-Identifier: LGPL-2.1-only
//
// MD5 and SHA-256 through OpenSSL's EVP interface, as lower-case hex.

import COpenSSL
import Foundation

public enum DigestAlgorithm: String, Sendable {
    case md5, sha256

    var evp: OpaquePointer? { self == .md5 ? EVP_md5() : EVP_sha256() }
}

public struct DigestError: Error, CustomStringConvertible {
    public var description: String
}

public enum Digest {
    public static func hex(_ algorithm: DigestAlgorithm, of bytes: [UInt8]) -> String {
        toHex(raw(algorithm.evp, of: bytes))
    }

    /// The digest's bytes, with any of OpenSSL's algorithms (minisign's BLAKE2b-512 too).
    static func raw(_ md: OpaquePointer?, of bytes: [UInt8]) -> [UInt8] {
        guard let ctx = EVP_MD_CTX_new() else { fatalError("OpenSSL: out of memory") }
        defer { EVP_MD_CTX_free(ctx) }
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestInit_ex(ctx, md, nil)
        bytes.withUnsafeBytes { _ = EVP_DigestUpdate(ctx, $0.baseAddress, $0.count) }
        EVP_DigestFinal_ex(ctx, &out, &length)
        return Array(out.prefix(Int(length)))
    }

    /// Hashes a file in chunks (firmware and source tarballs can be large).
    public static func hex(_ algorithm: DigestAlgorithm, ofFile path: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DigestError(description: "cannot read \(path)")
        }
        defer { try? handle.close() }
        let digest = IncrementalDigest(algorithm)
        while true {
            // read(upToCount:) throws where readData(ofLength:) would trap (a folder, an I/O error).
            let read: Data?
            do { read = try handle.read(upToCount: 1 << 20) } catch { throw DigestError(description: "cannot read \(path)") }
            guard let chunk = read, !chunk.isEmpty else { break }
            chunk.withUnsafeBytes { digest.update($0) }
        }
        return digest.finish()
    }

    static func toHex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A digest fed piece by piece (a file or an archive member in chunks).
public final class IncrementalDigest {
    private let ctx: OpaquePointer

    public init(_ algorithm: DigestAlgorithm) {
        guard let ctx = EVP_MD_CTX_new() else { fatalError("OpenSSL: out of memory") }
        self.ctx = ctx
        EVP_DigestInit_ex(ctx, algorithm.evp, nil)
    }

    deinit { EVP_MD_CTX_free(ctx) }

    public func update(_ bytes: UnsafeRawBufferPointer) {
        _ = EVP_DigestUpdate(ctx, bytes.baseAddress, bytes.count)
    }

    /// The digest as lower-case hex; call once, after the last update.
    public func finish() -> String {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(ctx, &out, &length)
        return Digest.toHex(Array(out.prefix(Int(length))))
    }
}
