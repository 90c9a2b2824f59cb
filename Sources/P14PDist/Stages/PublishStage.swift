// SPDX-License-Identifier: LGPL-2.1-only
//
// Stage 11: the staged release moves into the output folder in one rename,
// and the output's index.html is rewritten. A signed release already there
// is kept unless --force.

import Foundation

public struct PublishStage: ReleaseStage {
    public let name = "publish"
    public init() {}

    /// Checked before any work and again before the move.
    public static func checkCanPublish(options: ReleaseOptions, release: ReleaseRecipe) throws {
        let target = absolutePath(options.outputDirectory) + "/" + release.directoryName
        if fileExists(target + "/SHA256SUMS.sig") && !options.force {
            throw ReleaseError("\(target) is a signed release; not overwriting it without --force")
        }
    }

    public func run(_ context: ReleaseContext) throws -> String? {
        try PublishStage.checkCanPublish(options: context.options, release: context.release)
        let output = context.options.outputDirectory
        let fm = FileManager.default
        try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
        let target = output + "/" + context.release.directoryName
        // Swap: the old folder steps aside, the new one takes its name, the old one goes.
        var backup: String?
        if fileExists(target) {
            let aside = target + ".old-\(getpid())"
            guard rename(target, aside) == 0 else { throw ReleaseError("cannot move the old \(target) aside") }
            backup = aside
        }
        guard rename(context.staging, target) == 0 else {
            if let backup { _ = rename(backup, target) }
            throw ReleaseError("cannot move the release into \(target): \(String(cString: strerror(errno)))")
        }
        if let backup { try? fm.removeItem(atPath: backup) }
        context.published = target
        if let key = context.signingKey {
            // release.pub: the key of the release cut last; keys/: every key
            // a release here was signed with, by fingerprint, never replaced,
            // so an earlier release still verifies after the key changes.
            let pem = try key.publicPEM()
            try KeysFolder.keep(key, in: output)
            try writeFileAtomically(output + "/release.pub", pem)
            try writeTextAtomically(output + "/release.minisign.pub", try Minisign.publicKeyFile(key))
        }
        try writeTextAtomically(output + "/index.html", IndexPage.html(outputDirectory: output, book: context.book))
        return target
    }
}
