// SPDX-License-Identifier: LGPL-2.1-only
//
// The hidden folder a release is assembled in, beside the output folder
// (`.dist-staging-<pid>-XXXXXX` for `dist`). Its name carries the builder's
// process id, so a later build can tell a folder left by a build that was
// killed (its process is gone) from one a build is still using.

import Foundation

struct StagingFolder {
    let parent: String
    let prefix: String

    init(output: String) {
        parent = (output as NSString).deletingLastPathComponent
        prefix = "." + (output as NSString).lastPathComponent + "-staging-"
    }

    /// A fresh staging folder of this process.
    func make() throws -> String {
        try makeTemporaryDirectory(in: parent, prefix: prefix + "\(getpid())-")
    }

    /// Removes the staging folders of builds that are no longer running; returns their names.
    func removeStale() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return [] }
        var removed: [String] = []
        for name in names.sorted() where name.hasPrefix(prefix) && isStale(name) {
            if (try? FileManager.default.removeItem(atPath: parent + "/" + name)) != nil { removed.append(name) }
        }
        return removed
    }

    /// Stale unless its process id names a running process (this one included).
    /// A name without one is from before process ids were recorded: stale too.
    func isStale(_ name: String) -> Bool {
        let rest = name.dropFirst(prefix.count)
        guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 else { return true }
        if pid == getpid() { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
