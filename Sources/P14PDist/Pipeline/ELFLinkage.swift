// SPDX-License-Identifier: LGPL-2.1-only
//
// What an ELF executable needs from the machine it runs on: its program
// interpreter (the dynamic loader) and the shared libraries its dynamic
// section names (DT_NEEDED), read from the program headers as `ldd` would
// without running anything. A fully static executable has neither.

public struct ELFLinkage: Equatable, Sendable {
    /// PT_INTERP, e.g. "/lib64/ld-linux-x86-64.so.2".
    public var interpreter: String?
    /// DT_NEEDED names in order, e.g. ["libswiftCore.so", "libc.so.6"].
    public var neededLibraries: [String]
    /// DT_RUNPATH or DT_RPATH, where the loader looks first.
    public var runPath: String?
    /// A .symtab section is present (not stripped).
    public var hasSymbolTable: Bool

    public var isStatic: Bool { interpreter == nil && neededLibraries.isEmpty }

    /// Nil when `bytes` is not a little-endian ELF file with sane headers.
    public init?(_ bytes: [UInt8]) {
        guard bytes.count >= 52, bytes[0] == 0x7F, bytes[1] == 0x45, bytes[2] == 0x4C, bytes[3] == 0x46,
              bytes[5] == 1 else { return nil }
        let is64 = bytes[4] == 2
        func u(_ offset: Int, _ width: Int) -> Int? {
            guard offset >= 0, width <= 8, offset + width <= bytes.count else { return nil }
            var v: UInt64 = 0
            for i in (0..<width).reversed() { v = v << 8 | UInt64(bytes[offset + i]) }
            return v > UInt64(Int.max) ? nil : Int(v)
        }
        func word(_ offset: Int) -> Int? { is64 ? u(offset, 8) : u(offset, 4) }
        func cString(_ offset: Int) -> String? {
            guard offset >= 0, offset < bytes.count else { return nil }
            guard let end = bytes[offset...].firstIndex(of: 0) else { return nil }
            return String(decoding: bytes[offset..<end], as: UTF8.self)
        }
        guard let phoff = word(is64 ? 0x20 : 0x1C), let phentsize = u(is64 ? 0x36 : 0x2A, 2),
              let phnum = u(is64 ? 0x38 : 0x2C, 2), let shoff = word(is64 ? 0x28 : 0x20),
              let shentsize = u(is64 ? 0x3A : 0x2E, 2), let shnum = u(is64 ? 0x3C : 0x30, 2),
              phnum < 4096, shnum < 65536 else { return nil }

        var loads: [(address: Int, offset: Int, size: Int)] = []
        var dynamic: (offset: Int, size: Int)?
        var interpreter: String?
        for i in 0..<phnum {
            let h = phoff + i * phentsize
            guard let type = u(h, 4), let offset = word(is64 ? h + 8 : h + 4),
                  let address = word(is64 ? h + 16 : h + 8), let size = word(is64 ? h + 32 : h + 16) else { return nil }
            switch type {
            case 1: loads.append((address, offset, size))
            case 2: dynamic = (offset, size)
            case 3: interpreter = cString(offset)
            default: break
            }
        }
        var needed: [Int] = [], stringTable: Int?, runPath: Int?
        if let dynamic {
            let entry = is64 ? 16 : 8
            var at = dynamic.offset
            while at + entry <= dynamic.offset + dynamic.size, let tag = word(at), tag != 0 {
                guard let value = word(at + entry / 2) else { return nil }
                switch tag {
                case 1: needed.append(value)
                case 5: stringTable = value
                case 15, 29: runPath = value
                default: break
                }
                at += entry
            }
        }
        // DT_STRTAB is an address: find it in the file through the load segments.
        let tableOffset = stringTable.flatMap { address in
            loads.first { address >= $0.address && address < $0.address + $0.size }.map { $0.offset + address - $0.address }
        }
        func name(_ index: Int) -> String { tableOffset.flatMap { cString($0 + index) } ?? "?" }
        self.interpreter = interpreter
        neededLibraries = needed.map(name)
        self.runPath = runPath.map(name)
        hasSymbolTable = (0..<shnum).contains { u(shoff + $0 * shentsize + 4, 4) == 2 }
    }
}
