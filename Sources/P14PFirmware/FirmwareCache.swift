// SPDX-License-Identifier: LGPL-2.1-only
//
// The firmware cache (.build-p14p-firmware): which entries are in use and
// which go. FirmwareBuilder keeps two kinds of entry there:
//
//   vm-<key>/        PyMiteVM compiled for one target and set of CPU flags
//   <board>-<key>/   a linked firmware without an application
//
// plus `<entry>.tmp-<pid>-<n>/` while one is being built. Each use of an
// entry touches its stamp file `.p14p-used`; a firmware entry's stamp
// says its board and the vm entry it was linked with (`board=`, `vm=`
// lines: the folder's name is for people, never parsed for either). After
// each build, `keep` prunes:
//
//   - an entry used in the last 10 minutes stays, whatever else holds:
//     another process (a parallel test run) may be using it right now;
//   - the entries of the build that prunes stay;
//   - per board, the 2 most recently used firmware entries stay;
//   - a vm entry stays while a firmware entry that stays was linked with
//     it, and the 2 most recently used vm entries stay in any case;
//   - nothing stays after 30 days without use;
//   - `.tmp-*` folders older than an hour (an interrupted build) go, and
//     `.trash-<pid>-*` folders whose process has ended (an interrupted prune).
//
// An entry without a stamp (from before stamps) counts as used when its
// folder last changed. Removing renames the entry to `.trash-...` first
// (atomic: a process that looks for it afterwards builds it again) and then
// deletes it; entries that vanish meanwhile (another process pruning) are
// skipped. Unknown files in the folder are left alone.

import Foundation

public struct FirmwareCache {
    public struct Policy: Sendable, Equatable {
        /// Firmware entries kept per board name, most recently used first.
        public var firmwaresPerBoard = 2
        /// vm entries kept besides those a kept firmware was linked with.
        public var unreferencedVMs = 2
        /// An entry used this recently is never removed (seconds).
        public var recentUse: TimeInterval = 10 * 60
        /// An entry unused this long is removed whatever the counts (seconds).
        public var maxIdle: TimeInterval = 30 * 24 * 3600
        /// A leftover `.tmp-*` build folder this old is removed (seconds).
        public var staleTemporary: TimeInterval = 3600

        public init() {}
    }

    public enum Kind: String, Sendable, Equatable, Codable {
        case vm, firmware, temporary, trash
    }

    /// One folder of the cache.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var kind: Kind
        /// The board of a firmware entry, as its stamp says (nil: an entry from before stamps named it).
        public var board: String?
        /// When it was last used (its stamp, else the folder's modification time).
        public var lastUsed: Date
        /// The vm entry a firmware entry was linked with, when its stamp says.
        public var builtFrom: String?
    }

    /// What a prune or a clean removed.
    public struct Removal: Sendable, Equatable {
        public var removed: [String] = []
        public var bytes: Int64 = 0
        public var kept: Int = 0
    }

    public static let stampName = ".p14p-used"

    public var directory: String
    public var policy: Policy
    /// Says what was removed (only when something was).
    public var log: (String) -> Void

    public init(directory: String, policy: Policy = Policy(), log: @escaping (String) -> Void = { _ in }) {
        self.directory = directory
        self.policy = policy
        self.log = log
    }

    // MARK: Marking use

    /// What a firmware entry's stamp records.
    public struct Origin: Sendable, Equatable {
        public var board: String
        /// The vm entry folder it was linked with.
        public var vm: String

        public init(board: String, vm: String) {
            self.board = board
            self.vm = URL(fileURLWithPath: vm).lastPathComponent
        }

        var stampText: String { "board=\(board)\nvm=\(vm)\n" }

        /// The `key=value` lines of a stamp (empty for a vm entry's, no board in one from before stamps named it).
        static func fields(ofStamp text: String) -> [String: String] {
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n") {
                guard let eq = line.firstIndex(of: "="), eq != line.startIndex, line.index(after: eq) != line.endIndex else { continue }
                fields[String(line[..<eq])] = String(line[line.index(after: eq)...])
            }
            return fields
        }
    }

    /// Marks the entry folder `entry` used now; a firmware entry's stamp
    /// records its `origin`. Does nothing when the entry does not exist (yet).
    public static func markUsed(_ entry: String, origin: Origin? = nil) {
        let stamp = entry + "/" + stampName
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: entry, isDirectory: &isDir), isDir.boolValue else { return }
        if let origin {
            let text = origin.stampText
            if (try? String(contentsOfFile: stamp, encoding: .utf8)) == text, utimes(stamp, nil) == 0 { return }
            try? text.write(toFile: stamp, atomically: false, encoding: .utf8)
        } else if utimes(stamp, nil) != 0 {
            _ = FileManager.default.createFile(atPath: stamp, contents: nil)
        }
    }

    /// Marks the cache entry that holds `file` used, if it is one (it has a stamp).
    /// PreparedFirmware calls it per program, so a long test run keeps its entry fresh.
    public static func touch(entryOf file: String) {
        let stamp = URL(fileURLWithPath: file).deletingLastPathComponent().path + "/" + stampName
        _ = utimes(stamp, nil)
    }

    /// After a build: marks `entry` (a firmware folder) and `vm` used, then prunes.
    @discardableResult
    public func keep(_ entry: String, board: String, builtFrom vm: String) -> Removal {
        FirmwareCache.markUsed(vm)
        FirmwareCache.markUsed(entry, origin: Origin(board: board, vm: vm))
        let inUse: Set<String> = [URL(fileURLWithPath: entry).lastPathComponent, URL(fileURLWithPath: vm).lastPathComponent]
        let result = prune(inUse: inUse)
        if !result.removed.isEmpty {
            log("removed \(result.removed.count) stale firmware cache entr\(result.removed.count == 1 ? "y" : "ies") "
                + "(\(FirmwareCache.megabytes(result.bytes))) from \(directory); \(result.kept) kept")
        }
        return result
    }

    // MARK: Listing and deciding

    /// The cache's folders (files and unrecognised names are not entries).
    public func entries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().compactMap(entry(named:))
    }

    /// One folder of the cache, read now; nil when it is gone or not an entry.
    public func entry(named name: String) -> Entry? {
        let fm = FileManager.default
        let path = directory + "/" + name
        guard let kind = FirmwareCache.classify(name),
              let attributes = try? fm.attributesOfItem(atPath: path),
              attributes[.type] as? FileAttributeType == .typeDirectory,
              let folderTime = attributes[.modificationDate] as? Date else { return nil }
        var lastUsed = folderTime
        var stamped: [String: String] = [:]
        if kind == .vm || kind == .firmware {
            let stamp = path + "/" + FirmwareCache.stampName
            if let stampTime = (try? fm.attributesOfItem(atPath: stamp))?[.modificationDate] as? Date {
                lastUsed = max(lastUsed, stampTime)
            }
            if kind == .firmware, let text = try? String(contentsOfFile: stamp, encoding: .utf8) {
                stamped = Origin.fields(ofStamp: text)
            }
        }
        return Entry(name: name, kind: kind, board: stamped["board"], lastUsed: lastUsed, builtFrom: stamped["vm"])
    }

    /// What a folder name is: vm-<key>, <board>-<key> (a firmware), a build's .tmp- folder or a prune's .trash- folder.
    static func classify(_ name: String) -> Kind? {
        if name.hasPrefix(".trash-") { return .trash }
        if name.contains(".tmp-") { return .temporary }
        guard let dash = name.lastIndex(of: "-") else { return nil }
        let prefix = name[..<dash], key = name[name.index(after: dash)...]
        guard !prefix.isEmpty, !key.isEmpty, key.count <= 16, key.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        return prefix == "vm" ? .vm : .firmware
    }

    /// The entries the policy removes now; `inUse` (entry names) are never among them.
    public func stale(_ entries: [Entry], inUse: Set<String> = [], now: Date = Date()) -> [Entry] {
        func idle(_ e: Entry) -> TimeInterval { now.timeIntervalSince(e.lastUsed) }
        func protected(_ e: Entry) -> Bool { inUse.contains(e.name) || idle(e) < policy.recentUse }
        var keep = Set<String>()
        var remove: [Entry] = []

        let firmwares = Dictionary(grouping: entries.filter { $0.kind == .firmware }, by: { $0.board ?? "" })
        for (_, group) in firmwares {
            for (rank, e) in group.sorted(by: { $0.lastUsed > $1.lastUsed }).enumerated() {
                if protected(e) || (rank < policy.firmwaresPerBoard && idle(e) < policy.maxIdle) { keep.insert(e.name) }
            }
        }
        let referenced = Set(entries.filter { keep.contains($0.name) }.compactMap(\.builtFrom))
        let vms = entries.filter { $0.kind == .vm }.sorted(by: { $0.lastUsed > $1.lastUsed })
        for (rank, e) in vms.enumerated() {
            if protected(e) || ((rank < policy.unreferencedVMs || referenced.contains(e.name)) && idle(e) < policy.maxIdle) {
                keep.insert(e.name)
            }
        }
        for e in entries {
            switch e.kind {
            case .vm, .firmware:
                if !keep.contains(e.name) { remove.append(e) }
            case .temporary:
                if idle(e) >= policy.staleTemporary { remove.append(e) }
            case .trash:
                if !FirmwareCache.processIsAlive(trashOwner: e.name) { remove.append(e) }
            }
        }
        return remove
    }

    // MARK: Removing

    /// Removes what `stale` names; tolerates entries that vanish meanwhile.
    public func prune(inUse: Set<String> = [], now: Date = Date()) -> Removal {
        let all = entries()
        let doomed = stale(all, inUse: inUse, now: now)
        var result = Removal()
        result.kept = all.filter { $0.kind == .vm || $0.kind == .firmware }.count - doomed.filter { $0.kind == .vm || $0.kind == .firmware }.count
        for e in doomed {
            // Looked at again just before it goes: a process may have used it since the listing.
            if e.kind == .vm || e.kind == .firmware, let fresh = entry(named: e.name), fresh.lastUsed > e.lastUsed {
                result.kept += 1
                continue
            }
            if let bytes = remove(e.name) {
                result.removed.append(e.name)
                result.bytes += bytes
            }
        }
        return result
    }

    /// Removes every entry (`p14p-dist clean-cache`), then the folder when nothing else is left in it.
    public func clear() -> Removal {
        var result = Removal()
        for e in entries() {
            if let bytes = remove(e.name) {
                result.removed.append(e.name)
                result.bytes += bytes
            }
        }
        if let left = try? FileManager.default.contentsOfDirectory(atPath: directory), left.isEmpty {
            try? FileManager.default.removeItem(atPath: directory)
        }
        return result
    }

    /// The cache's total size in bytes (folders that are entries).
    public func size() -> Int64 {
        entries().reduce(0) { $0 + FirmwareCache.bytes(under: directory + "/" + $1.name) }
    }

    /// Moves the entry aside (atomically) and deletes it; nil when it was already gone.
    private func remove(_ name: String) -> Int64? {
        let fm = FileManager.default
        let path = directory + "/" + name
        let bytes = FirmwareCache.bytes(under: path)
        var target = path
        if !name.hasPrefix(".trash-") {
            target = directory + "/.trash-\(getpid())-\(UInt32.random(in: 0...UInt32.max))-" + name
            guard rename(path, target) == 0 else { return nil }
        }
        // Another process may be deleting the same trash folder; what is left goes next time.
        try? fm.removeItem(atPath: target)
        return bytes
    }

    /// Whether the process that made `.trash-<pid>-...` is still deleting it.
    static func processIsAlive(trashOwner name: String) -> Bool {
        let fields = name.dropFirst(".trash-".count).split(separator: "-", maxSplits: 1)
        guard let pid = fields.first.flatMap({ pid_t($0) }), pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    static func bytes(under path: String) -> Int64 {
        guard let walker = FileManager.default.enumerator(atPath: path) else { return 0 }
        var total: Int64 = 0
        while let item = walker.nextObject() as? String {
            if let size = (try? FileManager.default.attributesOfItem(atPath: path + "/" + item))?[.size] as? NSNumber {
                total += size.int64Value
            }
        }
        return total
    }

    public static func megabytes(_ bytes: Int64) -> String {
        String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}
