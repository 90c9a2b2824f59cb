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
        Array(Digest.raw(EVP_sha256(), of: try key.rawPublicKey()).prefix(8))
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
        let signature = try key.sign(Digest.raw(EVP_blake2b512(), of: message))
        let trusted = "trusted comment: " + trustedComment
        let global = try key.sign(signature + Array(trustedComment.utf8))
        return "untrusted comment: signature from the p14p release key \(keyIDText(id))\n"
            + Data(Array("ED".utf8) + id + signature).base64EncodedString() + "\n"
            + trusted + "\n" + Data(global).base64EncodedString() + "\n"
    }
}
