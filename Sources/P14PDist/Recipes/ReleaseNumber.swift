// SPDX-License-Identifier: LGPL-2.1-only
//
// PyMite's release numbers: two hexadecimal digits, so 09 is followed by 0A.

public struct ReleaseNumber: Comparable, Hashable, CustomStringConvertible, Sendable {
    public let value: Int

    /// Accepts exactly two hex digits ("09", "0A", "0a"); the canonical form is upper case.
    public init?(_ text: String) {
        guard text.count == 2, text.allSatisfy(\.isHexDigit), let v = Int(text, radix: 16) else { return nil }
        value = v
    }

    public init?(value: Int) {
        guard (0...0xFF).contains(value) else { return nil }
        self.value = value
    }

    public var description: String {
        let hex = String(value, radix: 16, uppercase: true)
        return hex.count == 1 ? "0" + hex : hex
    }

    public var next: ReleaseNumber? { ReleaseNumber(value: value + 1) }

    public static func < (a: ReleaseNumber, b: ReleaseNumber) -> Bool { a.value < b.value }
}

/// A calendar date without time zone, as release recipes give it.
public struct ReleaseDate: Comparable, Hashable, CustomStringConvertible, Sendable {
    public let year: Int, month: Int, day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1970...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// "2010-09-21" or PyMite's "2010/09/21".
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// ISO form, 2010-09-21.
    public var description: String { pad4(year) + "-" + pad2(month) + "-" + pad2(day) }
    /// PyMite's notes form, 2010/09/21.
    public var pymiteStyle: String { pad4(year) + "/" + pad2(month) + "/" + pad2(day) }

    /// Seconds since 1970 at midnight UTC (days-from-civil, so no calendar API is needed).
    public var unixTime: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return (era * 146097 + doe - 719468) * 86400
    }

    public static func < (a: ReleaseDate, b: ReleaseDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

func pad4(_ v: Int) -> String {
    let digits = "\(v)"
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
