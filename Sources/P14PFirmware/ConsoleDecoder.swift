// SPDX-License-Identifier: LGPL-2.1-only
//
// Reads a firmware's serial console (recipes/boards/common/console/serial.c):
// the program's output with every "\n" sent as "\r\n", then "\r\n\n" and the
// end line "p14p: exit status N\r\n". "\n\n" cannot occur before the end,
// so the first one marks it. The decoder gives back the program's bytes as
// it printed them (one "\r" dropped before each "\n") as they arrive, and
// the exit status once the end line is complete.

public struct ConsoleDecoder {
    /// The program's exit status, once the end line has been read.
    public private(set) var status: Int32?
    /// Bytes after "\n\n": the end line, up to its "\r\n".
    private var endLine: [UInt8]?
    /// Held back until the next byte says what they are: "\r" or "\r\n".
    private var held: [UInt8] = []

    public static let endLinePrefix = Array("p14p: exit status ".utf8)

    public init() {}

    /// The end line has been seen (the status may still be arriving).
    public var sawEnd: Bool { endLine != nil }

    /// Decodes `bytes`; returns the program output they complete.
    public mutating func feed(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        for b in bytes {
            if endLine != nil {
                readEndLine(b)
                continue
            }
            switch (held, b) {
            case ([], 0x0D): held = [0x0D]
            case ([0x0D], 0x0A): held = [0x0D, 0x0A]
            case ([0x0D], 0x0D): out.append(0x0D)  // the first "\r" was the program's own
            case ([0x0D, 0x0A], 0x0A):
                held = []
                endLine = []
            case ([0x0D, 0x0A], _):
                out.append(0x0A)
                held = []
                if b == 0x0D { held = [0x0D] } else { out.append(b) }
            default:
                out += held
                held = []
                if b == 0x0D { held = [0x0D] } else { out.append(b) }
            }
        }
        return out
    }

    /// What is still held back when the console closes without an end line.
    public mutating func finish() -> [UInt8] {
        defer { held = [] }
        return held == [0x0D, 0x0A] ? [0x0A] : held
    }

    private mutating func readEndLine(_ b: UInt8) {
        guard status == nil, var line = endLine else { return }
        if b == 0x0A {
            if line.last == 0x0D { line.removeLast() }
            if line.starts(with: ConsoleDecoder.endLinePrefix),
               let n = Int32(String(decoding: line.dropFirst(ConsoleDecoder.endLinePrefix.count), as: UTF8.self)) {
                status = n
            } else {
                status = -1  // an end marker without a readable status
            }
        } else if line.count < 64 {
            line.append(b)
        }
        endLine = line
    }
}
