// SPDX-License-Identifier: LGPL-2.1-only
//
// minisign's file formats over the release's own Ed25519 key, so that a
// standard tool checks a release: `minisign -Vm SHA256SUMS -p KEY` reads
// SHA256SUMS.minisig. Formats as minisign documents them: a public key is
// "Ed", an 8-byte key id and the 32-byte key; a signature is "ED" (the
// message prehashed with BLAKE2b-512), the key id, the 64-byte signature,
// then a trusted comment and a global signature over signature + comment.

import COpenSSL
import Foundation

public enum Minisign {
    /// The key id: the first 8 bytes of the key's SHA-256 fingerprint.
    static func keyID(_ key: Ed25519Key) throws -> [UInt8] {
        let hex = Array(try key.fingerprint().long.utf8)
        return (0..<8).map { i in UInt8(hexValue(hex[2 * i]) << 4 | hexValue(hex[2 * i + 1])) }
    }

    /// The key id as minisign prints it (a little-endian 64-bit number in hex).
    static func keyIDText(_ id: [UInt8]) -> String {
        id.reversed().map { String(format: "%02X", $0) }.joined()
    }

    /// KEY.minisign.pub: what `minisign -p` reads.
    public static func publicKeyFile(_ key: Ed25519Key) throws -> String {
        let id = try keyID(key)
        let blob = Array("Ed".utf8) + id + (try key.rawPublicKey())
        return "untrusted comment: minisign public key \(keyIDText(id))\n" + Data(blob).base64EncodedString() + "\n"
    }

    /// A detached signature of `message` in minisign's format.
    public static func signatureFile(_ key: Ed25519Key, message: [UInt8], trustedComment: String) throws -> String {
        let id = try keyID(key)
        let signature = try key.sign(try blake2b512(message))
        let trusted = "trusted comment: " + trustedComment
        let global = try key.sign(signature + Array(trustedComment.utf8))
        return "untrusted comment: signature from the p14p release key \(keyIDText(id))\n"
            + Data(Array("ED".utf8) + id + signature).base64EncodedString() + "\n"
            + trusted + "\n" + Data(global).base64EncodedString() + "\n"
    }

    static func blake2b512(_ message: [UInt8]) throws -> [UInt8] {
        guard let ctx = EVP_MD_CTX_new() else { throw SigningError("OpenSSL: out of memory") }
        defer { EVP_MD_CTX_free(ctx) }
        var out = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        guard EVP_DigestInit_ex(ctx, EVP_blake2b512(), nil) == 1,
              message.withUnsafeBytes({ EVP_DigestUpdate(ctx, $0.baseAddress, $0.count) }) == 1,
              EVP_DigestFinal_ex(ctx, &out, &length) == 1, length == 64
        else { throw SigningError("OpenSSL cannot hash with BLAKE2b-512: \(lastOpenSSLError())") }
        return out
    }

    private static func hexValue(_ c: UInt8) -> UInt8 {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        default: return c - UInt8(ascii: "a") + 10
        }
    }
}
