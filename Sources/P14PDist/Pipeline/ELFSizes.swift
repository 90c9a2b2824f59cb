// SPDX-License-Identifier: LGPL-2.1-only
//
// text/data/bss of an ELF file (32 or 64 bit, little endian), from its
// section headers: what `size` prints, without needing binutils.

public struct ELFSizes: Equatable, Sendable {
    public var text: Int
    public var data: Int
    public var bss: Int

    public init(text: Int, data: Int, bss: Int) {
        (self.text, self.data, self.bss) = (text, data, bss)
    }

    /// Nil when `bytes` is not a little-endian ELF file.
    public init?(_ bytes: [UInt8]) {
        guard bytes.count >= 52, bytes[0] == 0x7F, bytes[1] == 0x45, bytes[2] == 0x4C, bytes[3] == 0x46,
              bytes[5] == 1 else { return nil }
        let is64 = bytes[4] == 2
        func u(_ offset: Int, _ width: Int) -> Int? {
            guard offset >= 0, offset + width <= bytes.count else { return nil }
            var v = 0
            for i in (0..<width).reversed() { v = v << 8 | Int(bytes[offset + i]) }
            return v
        }
        guard let shoff = is64 ? u(0x28, 8) : u(0x20, 4),
              let shentsize = is64 ? u(0x3A, 2) : u(0x2E, 2),
              let shnum = is64 ? u(0x3C, 2) : u(0x30, 2), shentsize > 0 else { return nil }
        var text = 0, data = 0, bss = 0
        for i in 0..<shnum {
            let base = shoff + i * shentsize
            guard let type = u(base + 4, 4),
                  let flags = is64 ? u(base + 8, 8) : u(base + 8, 4),
                  let size = is64 ? u(base + 32, 8) : u(base + 20, 4) else { return nil }
            let alloc = flags & 0x2 != 0, write = flags & 0x1 != 0
            guard alloc else { continue }
            if type == 8 { bss += size }  // SHT_NOBITS
            else if write { data += size }
            else { text += size }
        }
        self.text = text
        self.data = data
        self.bss = bss
    }
}
