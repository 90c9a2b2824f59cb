// SPDX-License-Identifier: LGPL-2.1-only
//
// Stage 9: SHA256SUMS.sig, a detached Ed25519 signature of SHA256SUMS that
// `openssl pkeyutl -verify -rawin` accepts as well as `p14p-dist verify`,
// and SHA256SUMS.minisig, the same key's signature for `minisign -V`.

public struct SignStage: ReleaseStage {
    public let name = "sign SHA256SUMS"
    public static let minisignName = "SHA256SUMS.minisig"
    public init() {}

    public func skipReason(_ context: ReleaseContext) -> String? {
        context.options.signingKey == nil ? "no signing key given (--key); the release is not signed" : nil
    }

    public func run(_ context: ReleaseContext) throws -> String? {
        guard let keyPath = context.options.signingKey, let key = context.signingKey else { return nil }
        let manifest = try context.artifacts.checksums(.sha256, for: name)
        let sums = try readFileBytes(context.staging + "/" + manifest.fileName)
        let signature = try key.sign(sums)
        guard key.verify(signature, of: sums) else { throw ReleaseError("the new signature does not verify; key \(keyPath) is unusable") }
        try writeFileAtomically(context.staging + "/SHA256SUMS.sig", signature)
        context.artifacts.add(.signature(name: "SHA256SUMS.sig"))
        let comment = "p14p release \(context.release.number) SHA256SUMS, key \(try key.fingerprint().short)"
        try writeTextAtomically(context.staging + "/" + SignStage.minisignName,
                                try Minisign.signatureFile(key, message: sums, trustedComment: comment))
        context.artifacts.add(.signature(name: SignStage.minisignName))
        return "with \(keyPath)"
    }
}
