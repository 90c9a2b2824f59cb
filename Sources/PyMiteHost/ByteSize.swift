// SPDX-License-Identifier: LGPL-2.1-only
//
// Sizes as people write them, for every size option and recipe field:
// "65536", "0x10000", "64K", "64KiB", "4M", "1G" (K, M, G are powers of
// 1024, with or without "B"/"iB"). One parser, so `--heap 1G` and
// `--heap 1048576K` get the same answer.

public enum ByteSize {
    /// The largest heap the VM makes: its offsets are 32-bit, and Heap.init
    /// clamps a larger request to this figure. Asking for more is an error
    /// here rather than a silently smaller heap.
    public static let vmHeapMaximum = Int(Int32.max) - 64
    /// The smallest heap the VM makes (Heap.init rounds smaller requests up).
    public static let vmHeapMinimum = 1024
    /// The heap `p14p run` takes when given no --heap (the desktop package records it).
    public static let vmHeapDefault = 4 << 20
    public static let vmHeapDefaultText = "4M"

    static let units: [(suffix: String, shift: Int)] = [
        ("KIB", 10), ("MIB", 20), ("GIB", 30), ("KB", 10), ("MB", 20), ("GB", 30), ("K", 10), ("M", 20), ("G", 30),
    ]

    /// The number of bytes `text` says, between `minimum` and `maximum`.
    public static func parse(_ text: String, minimum: Int = 1, maximum: Int = Int.max) throws(ByteSizeError) -> Int {
        let t = text.trimmingSpaces().uppercased()
        var digits = Substring(t)
        var shift = 0
        for unit in units where t.hasSuffix(unit.suffix) {
            digits = digits.dropLast(unit.suffix.count)
            shift = unit.shift
            break
        }
        let hex = digits.hasPrefix("0X")
        if hex { digits = digits.dropFirst(2) }
        let isDigit: (Character) -> Bool = hex ? { $0.isHexDigit } : { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.allSatisfy(isDigit) else { throw .notASize(text) }
        // Only digits are left, so a failed conversion is an overflow.
        guard let count = Int(digits, radix: hex ? 16 : 10) else { throw .tooLarge(text, bytes: nil, maximum: maximum) }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: 1 << shift)
        if overflow { throw .tooLarge(text, bytes: nil, maximum: maximum) }
        if bytes > maximum { throw .tooLarge(text, bytes: bytes, maximum: maximum) }
        if bytes < minimum { throw .tooSmall(text, bytes: bytes, minimum: minimum) }
        return bytes
    }

    /// A VM heap size: at least `vmHeapMinimum`, at most `vmHeapMaximum`.
    public static func parseHeap(_ text: String) throws(ByteSizeError) -> Int {
        try parse(text, minimum: vmHeapMinimum, maximum: vmHeapMaximum)
    }
}

public enum ByteSizeError: Error, Equatable, CustomStringConvertible {
    case notASize(String)
    /// `bytes` is nil when the figure does not even fit an Int.
    case tooLarge(String, bytes: Int?, maximum: Int)
    case tooSmall(String, bytes: Int, minimum: Int)

    public var description: String {
        switch self {
        case .notASize(let text):
            return "\"\(text)\" is not a size: give bytes or a whole number with K, M or G, e.g. 65536, 64K, 4M, 1G"
        case .tooLarge(let text, let bytes, let maximum):
            let what = bytes.map { "\(text) (\($0) bytes)" } ?? text
            return "\(what) is more than the maximum of \(maximum) bytes"
        case .tooSmall(let text, let bytes, let minimum):
            return "\(text) (\(bytes) bytes) is less than the minimum of \(minimum) bytes"
        }
    }
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s = s.dropFirst() }
        while let c = s.last, c == " " || c == "\t" { s = s.dropLast() }
        return String(s)
    }
}
