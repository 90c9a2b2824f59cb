// SPDX-License-Identifier: LGPL-2.1-only
//
// Licensing by directory, as PyMite release 09 did: the VM core under GPL v2
// or a commercial license, everything else under LGPL 2.1 (docs may use the
// GNU FDL 1.2). Every artifact carries the SPDX expression of what is in it.

public enum LicensePolicy {
    public static let vmCore = "GPL-2.0-only OR LicenseRef-PyMite-Commercial"
    public static let lgpl = "LGPL-2.1-only"
    public static let fdl = "GFDL-1.2-only"

    /// A firmware or executable links the VM core with LGPL parts (host hooks, ports).
    public static let firmware = "(\(vmCore)) AND \(lgpl)"

    /// The license texts a firmware bundle ships in LICENSES/, by file name in licenses/.
    public static let firmwareTexts = ["GPL-2.0-only.txt", "LGPL-2.1-only.txt", "LicenseRef-PyMite-Commercial.txt"]
    public static let allTexts = firmwareTexts + ["GFDL-1.2-only.txt"]

    /// The expressions a file may carry, by where it lives.
    public static func allowed(for path: String) -> [String] {
        if path.hasPrefix("Sources/PyMiteVM/") { return [vmCore] }
        if path.hasPrefix("docs/") { return [lgpl, fdl] }
        return [lgpl]
    }

    /// The expression of a set of parts: each distinct one, parenthesised when compound, joined by AND.
    public static func combine(_ expressions: [String]) -> String {
        var seen: [String] = []
        for e in expressions where !seen.contains(e) { seen.append(e) }
        let order = [vmCore, lgpl, fdl]
        seen.sort { (order.firstIndex(of: $0) ?? 99, $0) < (order.firstIndex(of: $1) ?? 99, $1) }
        if seen.count == 1 { return seen[0] }
        return seen.map { $0.contains(" OR ") ? "(\($0))" : $0 }.joined(separator: " AND ")
    }
}
