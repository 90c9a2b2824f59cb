// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Upper and lower case beyond ASCII, for the scripts a small table
// covers: Latin-1, Latin Extended-A, Greek and Cyrillic. Swift's own
// Unicode tables would cost tens of kilobytes of flash on a board.

/// The other case of `cp` (upper when `toUpper`), or `cp` itself.
func caseMapped(_ cp: UInt32, toUpper: Bool) -> UInt32 {
    if cp < 0x80 {
        if toUpper && cp >= 97 && cp <= 122 { return cp - 32 }
        if !toUpper && cp >= 65 && cp <= 90 { return cp + 32 }
        return cp
    }
    switch cp {
    case 0xE0...0xFE where cp != 0xF7: return toUpper ? cp - 0x20 : cp
    case 0xC0...0xDE where cp != 0xD7: return toUpper ? cp : cp + 0x20
    case 0xFF: return toUpper ? 0x178 : cp
    case 0x178: return toUpper ? cp : 0xFF
    case 0xB5: return toUpper ? 0x39C : cp
    case 0x131: return toUpper ? 0x49 : cp
    case 0x17F: return toUpper ? 0x53 : cp
    case 0x100...0x137, 0x14A...0x177:
        let isUpper = cp & 1 == 0
        return toUpper ? (isUpper ? cp : cp - 1) : (isUpper ? cp + 1 : cp)
    case 0x139...0x148, 0x179...0x17E:
        let isUpper = cp & 1 == 1
        return toUpper ? (isUpper ? cp : cp - 1) : (isUpper ? cp + 1 : cp)
    case 0x3B1...0x3C9: return toUpper ? (cp == 0x3C2 ? 0x3A3 : cp - 0x20) : cp
    case 0x391...0x3A9 where cp != 0x3A2: return toUpper ? cp : cp + 0x20
    case 0x3AC: return toUpper ? 0x386 : cp
    case 0x386: return toUpper ? cp : 0x3AC
    case 0x3AD...0x3AF: return toUpper ? cp - 0x25 : cp
    case 0x388...0x38A: return toUpper ? cp : cp + 0x25
    case 0x3CC: return toUpper ? 0x38C : cp
    case 0x38C: return toUpper ? cp : 0x3CC
    case 0x3CD...0x3CE: return toUpper ? cp - 0x3F : cp
    case 0x38E...0x38F: return toUpper ? cp : cp + 0x3F
    case 0x430...0x44F: return toUpper ? cp - 0x20 : cp
    case 0x410...0x42F: return toUpper ? cp : cp + 0x20
    case 0x450...0x45F: return toUpper ? cp - 0x50 : cp
    case 0x400...0x40F: return toUpper ? cp : cp + 0x50
    case 0x460...0x481:
        let isUpper = cp & 1 == 0
        return toUpper ? (isUpper ? cp : cp - 1) : (isUpper ? cp + 1 : cp)
    default: return cp
    }
}

/// Whether `cp` is a cased letter in the table, and which case.
func isUpperCase(_ cp: UInt32) -> Bool { caseMapped(cp, toUpper: false) != cp }
func isLowerCase(_ cp: UInt32) -> Bool { caseMapped(cp, toUpper: true) != cp || cp == 0xDF }
