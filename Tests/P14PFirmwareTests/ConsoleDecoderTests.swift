// SPDX-License-Identifier: LGPL-2.1-only
//
// The host's reading of a serial console (ConsoleDecoder) against what
// recipes/boards/common/console/serial.c writes: every "\n" as "\r\n", then
// "\r\n\n" and "p14p: exit status N\r\n". Whatever the program printed comes
// back byte for byte, however the bytes are split into reads.

import P14PFirmware
import XCTest

final class ConsoleDecoderTests: XCTestCase {
    /// What the firmware sends for `output` and `status`.
    func console(_ output: [UInt8], status: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        for b in output {
            if b == 0x0A { bytes.append(0x0D) }
            bytes.append(b)
        }
        return bytes + Array("\r\n\np14p: exit status \(status)\r\n".utf8)
    }

    func decode(_ bytes: [UInt8], chunk: Int) -> (output: [UInt8], status: Int32?, sawEnd: Bool) {
        var decoder = ConsoleDecoder()
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            out += decoder.feed(Array(bytes[i..<min(bytes.count, i + chunk)]))
            i += chunk
        }
        out += decoder.finish()
        return (out, decoder.status, decoder.sawEnd)
    }

    func testProgramOutputComesBackExactly() {
        let outputs: [String] = [
            "", "hello\n", "no newline at the end", "\n", "\n\n\n", "a\r\nb\n", "\r", "\r\r\n\n", "x\ry\n\rz",
            "p14p: exit status 0\n", "Traceback (most recent call last):\n  File \"main.py\", line 1\nZeroDivisionError\n",
        ]
        for text in outputs {
            for status: Int32 in [0, 1, 3, 134, 255] {
                let bytes = console(Array(text.utf8), status: status)
                for chunk in [1, 2, 3, 7, bytes.count] {
                    let r = decode(bytes, chunk: chunk)
                    XCTAssertEqual(String(decoding: r.output, as: UTF8.self), text, "\(text.debugDescription) in chunks of \(chunk)")
                    XCTAssertEqual(r.status, status, "\(text.debugDescription) in chunks of \(chunk)")
                }
            }
        }
    }

    func testEveryByteValueSurvives() {
        let all = (0...255).map(UInt8.init) + [0x0D, 0x0A, 0x0A, 0x0D, 0x0D]
        let r = decode(console(all, status: 7), chunk: 5)
        XCTAssertEqual(r.output, all)
        XCTAssertEqual(r.status, 7)
    }

    /// A console cut short (the emulator died) has no status, and loses nothing.
    func testConsoleWithoutEndLine() {
        let r = decode(Array("partial\r\nline\r".utf8), chunk: 4)
        XCTAssertEqual(String(decoding: r.output, as: UTF8.self), "partial\nline\r")
        XCTAssertNil(r.status)
        XCTAssertFalse(r.sawEnd)
    }

    /// The end marker followed by something that is not an end line: ended, status unknown.
    func testGarbledEndLine() {
        let r = decode(Array("ok\r\n\ngarbage\r\n".utf8), chunk: 3)
        XCTAssertEqual(String(decoding: r.output, as: UTF8.self), "ok")
        XCTAssertEqual(r.status, -1)
        XCTAssertTrue(r.sawEnd)
    }
}
