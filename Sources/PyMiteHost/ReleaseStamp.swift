// SPDX-License-Identifier: LGPL-2.1-only
//
// The release metadata a binary carries inside itself, so that one found on
// its own still says what it is. The block is plain ASCII between two
// markers, `<<P14P-METADATA {json} P14P-METADATA>>`: a builder embeds it as
// a constant (Swift string literal, C array, flash section); `p14p version`
// reads its own, and `p14p-dist inspect` finds it by scanning bytes.

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

public struct FirmwareStamp: Codable, Equatable, Sendable {
    public var release: String
    public var date: String
    public var license: String

    public init(release: String, date: String, license: String) {
        self.release = release
        self.date = date
        self.license = license
    }

    public static let begin = "<<P14P-METADATA "
    public static let end = " P14P-METADATA>>"

    /// The stamp in `text`, which holds one block (such as p14p's own constant).
    public init?(block text: String) {
        guard let start = text.firstRange(of: FirmwareStamp.begin), let stop = text.firstRange(of: FirmwareStamp.end),
              start.upperBound <= stop.lowerBound, let stamp = FirmwareStamp(json: Data(text[start.upperBound..<stop.lowerBound].utf8))
        else { return nil }
        self = stamp
    }

    /// The stamp from the JSON between the markers.
    public init?(json: Data) {
        guard let stamp = try? JSONDecoder().decode(FirmwareStamp.self, from: json) else { return nil }
        self = stamp
    }

    /// The block to embed: stable key order, no spaces, ASCII only.
    public var block: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
        return FirmwareStamp.begin + json + FirmwareStamp.end
    }
}
