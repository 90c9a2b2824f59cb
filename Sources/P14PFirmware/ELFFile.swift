// SPDX-License-Identifier: LGPL-2.1-only
//
// Just enough of 32-bit little-endian ELF to measure a firmware, find its
// symbols and loadable bytes, and overwrite one section in place.

import Foundation

struct ELFFile {
    struct Section {
        var name: String
        var type: UInt32
        var flags: UInt32
        var address: UInt32
        var offset: Int
        var size: Int

        var isAllocated: Bool { flags & 0x2 != 0 }
        var isNoBits: Bool { type == 8 }
    }

    struct Segment {
        var type: UInt32
        var offset: Int
        var virtualAddress: UInt32
        var physicalAddress: UInt32
        var fileSize: Int
    }

    var bytes: [UInt8]
    var sections: [Section] = []
    var segments: [Segment] = []
    var symbols: [String: UInt32] = [:]

    init(bytes: [UInt8]) throws {
        self.bytes = bytes
        guard bytes.count >= 52, bytes[0] == 0x7f, bytes[1] == 0x45, bytes[2] == 0x4c, bytes[3] == 0x46,
              bytes[4] == 1, bytes[5] == 1 else {
            throw FirmwareError.badFirmware("not a 32-bit little-endian ELF file")
        }
        let phoff = Int(u32(0x1c)), shoff = Int(u32(0x20))
        let phentsize = Int(u16(0x2a)), phnum = Int(u16(0x2c))
        let shentsize = Int(u16(0x2e)), shnum = Int(u16(0x30)), shstrndx = Int(u16(0x32))
        guard shoff + shnum * shentsize <= bytes.count, phoff + phnum * phentsize <= bytes.count, shstrndx < shnum else {
            throw FirmwareError.badFirmware("truncated ELF headers")
        }
        var raw: [(name: UInt32, section: Section, link: Int)] = []
        for i in 0..<shnum {
            let h = shoff + i * shentsize
            let s = Section(name: "", type: u32(h + 4), flags: u32(h + 8), address: u32(h + 12),
                            offset: Int(u32(h + 16)), size: Int(u32(h + 20)))
            raw.append((u32(h), s, Int(u32(h + 24))))
        }
        let names = raw[shstrndx].section
        sections = raw.map { entry in
            var s = entry.section
            s.name = string(at: names.offset + Int(entry.name))
            return s
        }
        for i in 0..<phnum {
            let h = phoff + i * phentsize
            segments.append(Segment(type: u32(h), offset: Int(u32(h + 4)), virtualAddress: u32(h + 8),
                                    physicalAddress: u32(h + 12), fileSize: Int(u32(h + 16))))
        }
        if let symtab = raw.first(where: { $0.section.type == 2 }) {
            let strtab = sections[symtab.link]
            var at = symtab.section.offset
            while at + 16 <= symtab.section.offset + symtab.section.size {
                let name = string(at: strtab.offset + Int(u32(at)))
                if !name.isEmpty { symbols[name] = u32(at + 4) }
                at += 16
            }
        }
    }

    func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    func u32(_ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }

    func string(at start: Int) -> String {
        var end = start
        while end < bytes.count && bytes[end] != 0 { end += 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    func section(_ name: String) -> Section? { sections.first { $0.name == name } }

    /// The bytes a programmer writes to flash: each loadable segment at its load address.
    var loadableChunks: [(address: UInt32, bytes: ArraySlice<UInt8>)] {
        segments.filter { $0.type == 1 && $0.fileSize > 0 }
            .sorted { $0.physicalAddress < $1.physicalAddress }
            .map { ($0.physicalAddress, bytes[$0.offset..<($0.offset + $0.fileSize)]) }
    }

    /// Replaces a section's contents with bytes of exactly its size.
    mutating func overwrite(section name: String, with contents: [UInt8]) throws {
        guard let s = section(name), !s.isNoBits else {
            throw FirmwareError.badFirmware("the firmware has no \(name) section")
        }
        guard contents.count == s.size else {
            throw FirmwareError.badFirmware("\(name) holds \(s.size) bytes, not \(contents.count)")
        }
        bytes.replaceSubrange(s.offset..<(s.offset + s.size), with: contents)
    }
}
