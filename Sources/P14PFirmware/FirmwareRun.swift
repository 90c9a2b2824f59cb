// SPDX-License-Identifier: LGPL-2.1-only
//
// One program on one emulated board: the path `p14p-dist run` and the
// firmware tests share (prepared firmware + image -> ELF -> QEMU).

import Foundation

public enum FirmwareRun {
    /// Puts `image` and `argv` into the prepared firmware, writes it to a
    /// temporary file and runs it under `emulator`.
    public static func run(_ firmware: PreparedFirmware, image: [UInt8], argv: [String], emulator: Emulator,
                           timeout: Double, stream: Bool = false, input: [UInt8]? = nil) throws -> EmulatorResult {
        let bytes = try firmware.elf(image: image, argv: argv)
        let path = NSTemporaryDirectory() + "p14p-\(firmware.board.name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).elf"
        return try Interrupts.withTemporary([path]) {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return try EmulatorRun.run(elf: path, emulator: emulator, timeout: timeout, stream: stream, input: input)
        }
    }
}
