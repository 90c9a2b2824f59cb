// SPDX-License-Identifier: LGPL-2.1-only
//
// A built firmware's memory map and settings, as a package's metadata.json
// records them ("firmware"): what a vendor needs to flash it and what
// `p14p-dist bundle` needs to put another program into it without the
// recipe or a toolchain (the size check runs from `sizes`).

public struct FirmwareLayout: Codable, Equatable, Sendable {
    public struct Console: Codable, Equatable, Sendable {
        /// "pl011", "stm32-usart", ... or "semihosting" (debug builds only).
        public var driver: String
        public var base: Int?
        public var baud: Int?
    }

    /// The Swift target triple the VM was compiled for.
    public var target: String
    /// Code generation flags (CPU, float ABI).
    public var cpuFlags: [String]
    public var flashOrigin: Int
    public var ramOrigin: Int
    /// The application section starts on a boundary of this many bytes: the
    /// board's flash erase sector, so the program can be flashed alone.
    public var appAlignment: Int
    public var console: Console
    /// Flash, RAM, application section, C stack, heap, value stack and the
    /// rest of the size check's inputs, measured from the linked ELF.
    public var sizes: SizeReport

    enum CodingKeys: String, CodingKey {
        case target, console, sizes
        case cpuFlags = "cpu_flags", flashOrigin = "flash_origin", ramOrigin = "ram_origin", appAlignment = "app_alignment"
    }
}

extension PreparedFirmware {
    public var layout: FirmwareLayout {
        FirmwareLayout(target: board.swiftTarget, cpuFlags: board.cpuFlags, flashOrigin: board.flashOrigin,
                       ramOrigin: board.ramOrigin, appAlignment: board.appAlignment,
                       console: .init(driver: board.console.driver, base: board.console.settings["base"],
                                      baud: board.console.baud),
                       sizes: sizes)
    }
}
