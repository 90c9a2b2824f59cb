// SPDX-License-Identifier: LGPL-2.1-only
//
// Finding release stamps (PyMiteHost/ReleaseStamp.swift) in a binary or an
// archive member by scanning its bytes, and writing the tree's own stamp
// into Sources/p14p/Release.swift.

import Foundation
import PyMiteHost

extension FirmwareStamp {
    public init(release: ReleaseRecipe) {
        self.init(release: release.number.description, date: release.date.description, license: LicensePolicy.firmware)
    }

    /// Every stamp in `bytes` (a binary may hold more than one copy; all must agree).
    public static func find(in bytes: [UInt8]) -> [FirmwareStamp] {
        var scanner = StampScanner()
        bytes.withUnsafeBytes { scanner.feed($0) }
        return scanner.stamps
    }

    /// The longest JSON between the markers that is read as a stamp.
    static let maxJSON = 4095

    static func index(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        return haystack.withUnsafeBufferPointer { h in
            while i <= last {
                if h[i] == first {
                    var j = 1
                    while j < needle.count && h[i + j] == needle[j] { j += 1 }
                    if j == needle.count { return i }
                }
                i += 1
            }
            return nil
        }
    }
}

/// Finds stamps in a file fed in chunks (an archive member being read):
/// keeps only the bytes a stamp that began in one chunk may still need.
public struct StampScanner {
    public private(set) var stamps: [FirmwareStamp] = []
    private var window: [UInt8] = []
    private static let begin = Array(FirmwareStamp.begin.utf8), end = Array(FirmwareStamp.end.utf8)
    private static let longest = begin.count + FirmwareStamp.maxJSON + end.count

    public init() {}

    public mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        let begin = StampScanner.begin, end = StampScanner.end
        window.append(contentsOf: chunk)
        var i = 0
        var keepFrom: Int?
        while let start = FirmwareStamp.index(of: begin, in: window, from: i) {
            let jsonStart = start + begin.count
            let searchEnd = min(window.count, jsonStart + FirmwareStamp.maxJSON + end.count)
            if let stop = FirmwareStamp.index(of: end, in: Array(window[jsonStart..<searchEnd]), from: 0).map({ $0 + jsonStart }) {
                if let stamp = FirmwareStamp(json: Data(window[jsonStart..<stop])) {
                    stamps.append(stamp)
                }
                i = stop + end.count
            } else if window.count - start < StampScanner.longest {
                keepFrom = start  // the end marker may be in the next chunk
                break
            } else {
                i = start + 1  // a begin marker with no end close enough: not a stamp
            }
        }
        // Keep a stamp still being read, or enough tail to hold a begin marker cut by the chunk's end.
        let drop = keepFrom ?? max(i, window.count - (begin.count - 1))
        window.removeFirst(min(drop, window.count))
    }
}

/// Sources/p14p/Release.swift: the host VM's copy of the stamp, generated
/// from the release recipe by `p14p-dist stamp` and checked by every build.
public enum ReleaseSourceFile {
    public static let path = "Sources/p14p/Release.swift"

    public static func render(_ stamp: FirmwareStamp) -> String {
        """
        // SPDX-License-Identifier: LGPL-2.1-only
        //
        // The release this tree builds, written by `p14p-dist stamp --release \(stamp.release)`
        // from recipes/releases/\(stamp.release).toml. `p14p-dist build` refuses to build a
        // release this block does not name, and reads it back from the built
        // executable (`p14p version` prints it; `p14p-dist inspect` finds it).
        // Edit it only through `p14p-dist stamp`.

        let p14pReleaseMetadata = #"\(stamp.block)"#

        """
    }

    /// The stamp in the checked-in file, or nil when the file has none.
    public static func read(root: String) -> FirmwareStamp? {
        guard let bytes = try? readFileBytes(root + "/" + path) else { return nil }
        return FirmwareStamp.find(in: bytes).first
    }
}
