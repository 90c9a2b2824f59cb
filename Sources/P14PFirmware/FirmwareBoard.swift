// SPDX-License-Identifier: LGPL-2.1-only
//
// What FirmwareBuilder needs to know about a board, as plain values (the
// recipe parser in P14PDist fills it from recipes/boards/<board>.toml).

/// The startup code family in recipes/boards/common/arch/<name>.
public enum FirmwareArchitecture: String, Sendable, CaseIterable {
    case cortexM = "cortex-m"
    case arm7 = "arm7"
    case riscv = "riscv"

    /// The reset entry the linker script names (the ELF entry point).
    var entrySymbol: String {
        switch self {
        case .cortexM: return "p14p_vectors"
        case .arm7, .riscv: return "p14p_reset"
        }
    }
}

/// Where a firmware's stdout and stderr go: a serial port through a family
/// driver (recipes/boards/common/console/<driver>.c) with its settings, or
/// semihosting, the debug console that needs an emulator or a probe.
public struct FirmwareConsole: Sendable, Equatable {
    public static let semihostingDriver = "semihosting"

    public var driver: String
    /// The recipe's [console] numbers (base, clock_hz, baud, pins), given
    /// to the driver as -DP14P_CONSOLE_<KEY>=<value>.
    public var settings: [String: Int]

    public init(driver: String, settings: [String: Int] = [:]) {
        self.driver = driver
        self.settings = settings
    }

    public static let semihosting = FirmwareConsole(driver: semihostingDriver)

    public var isSemihosting: Bool { driver == FirmwareConsole.semihostingDriver }

    /// The C files that make this console, under recipes/boards/common/console.
    public var sourceNames: [String] { isSemihosting ? ["semihosting.c"] : ["serial.c", driver + ".c"] }

    public var defines: [String] {
        settings.keys.sorted().map { "-DP14P_CONSOLE_\($0.uppercased())=\(settings[$0]!)" }
    }

    public var baud: Int? { isSemihosting ? nil : settings["baud"] ?? 115_200 }
}

public struct FirmwareBoard: Sendable, Equatable {
    public var name: String
    public var architecture: FirmwareArchitecture
    /// Swift target triple, e.g. "armv7em-none-none-eabi".
    public var swiftTarget: String
    /// Clang triple for the C and assembly files (default: the Swift triple).
    public var clangTarget: String?
    /// Code generation flags for Swift (-Xcc) and C alike, e.g. ["-mcpu=cortex-m3", "-mfloat-abi=soft"].
    public var cpuFlags: [String]
    /// The GCC driver whose multilib provides libc, libm and libgcc (e.g. "arm-none-eabi-gcc").
    public var libcDriver: String
    /// Flags that select the multilib, e.g. ["-mthumb", "-march=armv7-m", "-mfloat-abi=soft"].
    public var libcFlags: [String]
    /// The C library archives to link from that multilib (picolibc keeps libm in libc.a).
    public var libcArchives: [String] = ["libc.a", "libm.a"]
    public var flashOrigin: Int
    public var flashSize: Int
    public var ramOrigin: Int
    public var ramSize: Int
    /// The VM's Python heap in bytes.
    public var heapSize: Int
    /// Value stack slots (8 bytes each); the VM takes at least 64.
    public var stackSlots: Int
    public var recursionLimit: Int
    /// What the application section tells the VM (AppSection.swift).
    public var vmSettings: VMSettings {
        VMSettings(heapSize: heapSize, stackSlots: stackSlots, recursionLimit: recursionLimit, outputBufferSize: outputBufferSize)
    }
    /// The C stack, at the bottom of RAM so an overflow faults instead of corrupting the heap.
    public var cStackSize: Int
    /// Flash reserved for the application section (header, code image, argv).
    public var appSize: Int
    /// Flash page size the application section is aligned to.
    public var appAlignment: Int
    /// recipes/boards/<board>: the board's own C files (board.c), if any.
    public var supportDirectory: String?
    /// Print the allocator's peak use at exit (on stderr), to measure a board.
    public var reportMemory = false
    /// Swift's run-time checks (overflow, bounds, preconditions) in the VM.
    /// Off (`-remove-runtime-asserts`), the code is about 11% smaller, and a
    /// VM bug that would trap becomes undefined behaviour instead; Python's
    /// own errors (IndexError, OverflowError, ...) are raised either way.
    public var runtimeChecks = true
    /// On, the VM's `@inline(__always)` helpers are inlined as on the host. Off
    /// (`[build] inline_hot_paths = false`) they are calls: 11 to 16 KB less code, a little
    /// slower, and more C stack per Python call made by a native (the 16 KiB boards keep it on).
    public var inlineHotPaths = true
    /// The console (semihosting unless the recipe names a serial driver).
    public var console = FirmwareConsole.semihosting
    /// Bytes of print() output the VM holds before writing them to the console.
    public var outputBufferSize = 1024
    /// VM features the board's recipe turns off and the VM can leave out of
    /// the build (a subset of `FirmwareBoard.removableFeatures`).
    public var leftOutFeatures: [String] = []

    /// Recipe feature switches the VM compiles out when off, with the Swift
    /// condition that does it and the `p14p run` flag that makes the host
    /// behave the same. The others (classes, generators, ...) are always built.
    public static let removableFeatures: [(feature: String, condition: String, hostFlag: String)] = [
        ("float", "P14P_NO_FLOAT", "--no-float"),
        ("long_int", "P14P_NO_LONG_INT", "--no-long-ints"),
        ("bytearray", "P14P_NO_BYTEARRAY", "--no-bytearray"),
        ("set", "P14P_NO_SET", "--no-set"),
        ("format", "P14P_NO_FORMAT", "--no-format"),
        ("more_str_methods", "P14P_NO_MORE_STR_METHODS", "--no-more-str-methods"),
        ("memoryview", "P14P_NO_MEMORYVIEW", "--no-memoryview"),
        ("error_messages", "P14P_NO_ERROR_MESSAGES", "--no-error-messages"),
        ("class_hooks", "P14P_NO_CLASS_HOOKS", "--no-class-hooks"),
        ("special_methods", "P14P_NO_SPECIAL_METHODS", "--no-special-methods"),
    ]

    /// `swiftc -D` conditions for the left-out features.
    public var featureConditions: [String] {
        FirmwareBoard.removableFeatures.filter { leftOutFeatures.contains($0.feature) }.map(\.condition)
    }

    /// `p14p run` flags under which the host VM gives what this board gives (no firmware
    /// carries the compiler: FirmwareBuilder builds every one with P14P_NO_COMPILER).
    public var hostRunFlags: [String] {
        FirmwareBoard.removableFeatures.filter { leftOutFeatures.contains($0.feature) }.map(\.hostFlag) + ["--no-compiler"]
    }

    public init(name: String, architecture: FirmwareArchitecture, swiftTarget: String, clangTarget: String? = nil,
                cpuFlags: [String], libcDriver: String, libcFlags: [String],
                flashOrigin: Int, flashSize: Int, ramOrigin: Int, ramSize: Int, heapSize: Int,
                stackSlots: Int = 1024, recursionLimit: Int = 200, cStackSize: Int = 16 * 1024,
                appSize: Int = 32 * 1024, appAlignment: Int = 1024, supportDirectory: String? = nil) {
        self.name = name
        self.architecture = architecture
        self.swiftTarget = swiftTarget
        self.clangTarget = clangTarget
        self.cpuFlags = cpuFlags
        self.libcDriver = libcDriver
        self.libcFlags = libcFlags
        self.flashOrigin = flashOrigin
        self.flashSize = flashSize
        self.ramOrigin = ramOrigin
        self.ramSize = ramSize
        self.heapSize = heapSize
        self.stackSlots = stackSlots
        self.recursionLimit = recursionLimit
        self.cStackSize = cStackSize
        self.appSize = appSize
        self.appAlignment = appAlignment
        self.supportDirectory = supportDirectory
    }

    /// The VM's value stack in bytes (it never takes fewer than 64 slots).
    public var valueStackBytes: Int { max(64, stackSlots) * 4 }  // every board has the 32-bit value word

    /// A board whose RAM cannot hold the C stack, VM heap and value stack
    /// fails at once, before minutes of compiling (no toolchain needed).
    public func checkRAM() throws {
        let reserve = SizeReport.runtimeReserve(recursionLimit: recursionLimit, outputBuffer: outputBufferSize)
        let needed = cStackSize + heapSize + valueStackBytes + reserve
        if needed > ramSize {
            throw FirmwareError.doesNotFit(
                board: name, memory: "RAM", needed: needed, available: ramSize,
                breakdown: "C stack \(cStackSize) + VM heap \(heapSize) + VM value stack \(valueStackBytes) "
                    + "+ runtime reserve \(reserve), before code data and bss")
        }
    }
}
