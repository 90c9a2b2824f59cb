// SPDX-License-Identifier: LGPL-2.1-only
//
// The VM's object is made in two steps: swiftc optimizes the module and
// writes it as LLVM IR, clang generates the code (FirmwareBuilder). Two
// things are changed on the way, each measured in docs/firmware.md:
//
// - swiftc generates position-independent code only; a firmware runs
//   where it is linked, so clang generates it with static addresses
//   (an address is a literal load, not a load and an add of pc).
// - LLVM places a constant of more than 16 bytes that has no alignment of
//   its own on a 16-byte boundary, and Swift gives its string literals
//   none: every VM message began with up to 15 bytes of padding. They are
//   bytes, so they get byte alignment.

import Foundation

enum VMCodegen {
    /// Part of the VM object's cache key: a change here builds the VM again.
    static let scheme = "ir+clang static, string literals align 1 (address and call uses)"

    /// Gives each string literal of the IR file byte alignment, where its
    /// only uses take its address: as an integer (how Swift passes a
    /// `StaticString`) or as an argument of an ordinary call (a C function
    /// given a message). One that code loads from directly, or that an
    /// intrinsic such as `llvm.memcpy` is given, keeps LLVM's alignment,
    /// since that code may have been generated for it.
    static func alignStringLiteralsToBytes(irFile path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let result = alignStringLiteralsToBytes(ir: text)
        try result.write(toFile: path, atomically: false, encoding: .utf8)
    }

    static func alignStringLiteralsToBytes(ir: String) -> String {
        var lines = ir.split(separator: "\n", omittingEmptySubsequences: false)
        var literals: [Substring: Int] = [:]  // name -> line
        var addressOnly: Set<Substring> = []
        for (i, line) in lines.enumerated() {
            if let name = stringLiteralDefinition(line) {
                literals[name] = i
                addressOnly.insert(name)
            }
        }
        for (i, line) in lines.enumerated() {
            for (name, takesAddress) in stringLiteralUses(line) where literals[name] != i {
                if !takesAddress { addressOnly.remove(name) }
            }
        }
        for name in addressOnly {
            let i = literals[name]!
            lines[i] = lines[i] + ", align 1"
        }
        return lines.joined(separator: "\n")
    }

    /// `@.str.5.short = private unnamed_addr constant [6 x i8] c"short\00"`: the name,
    /// for a definition with no alignment given.
    static func stringLiteralDefinition(_ line: Substring) -> Substring? {
        guard line.hasPrefix("@.str") || line.hasPrefix("@\".str"), line.hasSuffix("\""),
              let name = symbol(in: line, at: line.startIndex),
              line[name.endIndex...].hasPrefix(" = private unnamed_addr constant ["),
              line.contains(" x i8] c\"") else { return nil }
        return name
    }

    /// Each string literal the line names, and whether only its address is
    /// taken there (`ptrtoint (ptr @…`, or `ptr @…` among a call's arguments).
    static func stringLiteralUses(_ line: Substring) -> [(Substring, Bool)] {
        var uses: [(Substring, Bool)] = []
        let ordinaryCall = line.contains(" call ") && !line.contains("@llvm.")
        var i = line.startIndex
        while let at = line[i...].firstIndex(of: "@") {
            guard let name = symbol(in: line, at: at) else {
                i = line.index(after: at)
                continue
            }
            if name.hasPrefix("@.str") || name.hasPrefix("@\".str") {
                let before = line[..<at]
                let addressOnly = before.hasSuffix("ptrtoint (ptr ")
                    || (ordinaryCall && (before.hasSuffix(", ptr ") || before.hasSuffix("(ptr ")
                        || before.hasSuffix(", ptr nonnull ") || before.hasSuffix("(ptr nonnull ")))
                uses.append((name, addressOnly))
            }
            i = name.endIndex
        }
        return uses
    }

    /// The global's name starting at `at` ("@name" or "@\"quoted name\"").
    static func symbol(in line: Substring, at: Substring.Index) -> Substring? {
        var i = line.index(after: at)
        guard i < line.endIndex else { return nil }
        if line[i] == "\"" {
            i = line.index(after: i)
            while i < line.endIndex, line[i] != "\"" { i = line.index(after: i) }
            guard i < line.endIndex else { return nil }
            return line[at...i]
        }
        while i < line.endIndex, line[i].isLetter || line[i].isNumber || "._$-".contains(line[i]) {
            i = line.index(after: i)
        }
        return i > line.index(after: at) ? line[at..<i] : nil
    }
}
