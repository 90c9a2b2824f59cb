// SPDX-License-Identifier: LGPL-2.1-only
//
// A board recipe resolved once into the values the release's planner and
// builders, the doctor, `p14p-dist run`, `bundle` and the size report
// share: the firmware's build parameters (FirmwareBoard, with its
// console) and the emulator that runs it. Every reader of a recipe's
// [memory], [build], [console] and [emulator] tables goes through here.

import Foundation
import P14PFirmware

public struct ResolvedBoard: Sendable {
    public let recipe: BoardRecipe
    public let firmware: FirmwareBoard
    /// The QEMU command of the recipe's [emulator] table; nil for boards without one.
    public let emulator: P14PFirmware.Emulator?

    /// `repositoryRoot` locates the board's own C folder (recipes/boards/<board>/).
    public init(_ recipe: BoardRecipe, repositoryRoot: String) throws {
        self.recipe = recipe
        firmware = try ResolvedBoard.firmwareBoard(for: recipe, repositoryRoot: repositoryRoot)
        emulator = try ResolvedBoard.emulator(for: recipe, console: firmware.console)
    }

    /// The plain build parameters of a recipe (defaults from its CPU, overridden by [build]).
    static func firmwareBoard(for recipe: BoardRecipe, repositoryRoot: String) throws -> FirmwareBoard {
        let doc = recipe.document
        func fail(_ why: String) -> FirmwareError { .missingSupport("recipe \(recipe.name): \(why)") }
        guard let target = recipe.target else { throw fail("an embedded board needs a Swift target triple (target = ...)") }
        guard let flash = recipe.memory.flash, let ram = recipe.memory.ram, let ramOrigin = recipe.memory.ramOrigin,
              let heap = recipe.memory.heap else {
            throw fail("an embedded board needs [memory] flash, ram, ram_origin and heap")
        }
        let defaults = CPUDefaults.forCPU(recipe.cpu ?? "")
        do {
            let archName = try doc.optionalString("build.arch") ?? defaults?.arch.rawValue
            guard let archName, let arch = FirmwareArchitecture(rawValue: archName) else {
                throw fail("unknown CPU \(recipe.cpu ?? "-"): give [build] arch, cpu_flags, libc and libc_flags")
            }
            func strings(_ key: String, _ fallback: [String]?) throws -> [String] {
                if doc.has("build.\(key)") { return try doc.stringArray("build.\(key)") }
                guard let fallback else { throw fail("[build] \(key) is needed for CPU \(recipe.cpu ?? "-")") }
                return fallback
            }
            let supportPath = repositoryRoot + "/recipes/boards/" + recipe.name
            var isDir: ObjCBool = false
            let hasSupport = FileManager.default.fileExists(atPath: supportPath, isDirectory: &isDir) && isDir.boolValue
            // The VM's C stack peaks near 6 KiB on the corpus; frames cost RAM per level of recursion.
            let cStack = ram <= 256 * 1024 ? 8 * 1024 : 16 * 1024
            let recursion = ram <= 64 * 1024 ? 50 : (ram <= 256 * 1024 ? 100 : 200)
            var board = FirmwareBoard(
                name: recipe.name, architecture: arch, swiftTarget: target,
                clangTarget: try doc.optionalString("build.clang_target") ?? defaults?.clangTarget,
                cpuFlags: try strings("cpu_flags", defaults?.cpuFlags),
                libcDriver: try doc.optionalString("build.libc") ?? defaults?.libcDriver ?? "arm-none-eabi-gcc",
                libcFlags: try strings("libc_flags", defaults?.libcFlags),
                flashOrigin: recipe.memory.flashOrigin ?? 0, flashSize: flash,
                ramOrigin: ramOrigin, ramSize: ram, heapSize: heap,
                stackSlots: try doc.optionalInt("build.stack_slots") ?? 1024,
                recursionLimit: try doc.optionalInt("build.recursion_limit") ?? recursion,
                cStackSize: try doc.optionalSize("build.c_stack") ?? cStack,
                appSize: try doc.optionalSize("build.app_size") ?? 32 * 1024,
                appAlignment: try doc.optionalInt("build.app_align") ?? 1024,
                supportDirectory: hasSupport ? supportPath : nil)
            board.console = try console(of: recipe)
            board.runtimeChecks = try doc.optionalBool("build.runtime_checks") ?? true
            board.inlineHotPaths = try doc.optionalBool("build.inline_hot_paths") ?? true
            board.outputBufferSize = try doc.optionalSize("build.output_buffer") ?? (ram <= 32 * 1024 ? 128 : 1024)
            board.libcArchives = try strings("libc_archives", defaults?.libcArchives ?? ["libc.a", "libm.a"])
            let off = Set(recipe.features.all.filter { !$0.on }.map(\.key))
            board.leftOutFeatures = FirmwareBoard.removableFeatures.map(\.feature).filter(off.contains)
            return board
        } catch let error as RecipeError {
            throw fail("\(error)")
        }
    }

    /// The recipe's [console]: a serial driver with its numbers, or semihosting
    /// (the debug console) when the table is missing or says so.
    static func console(of recipe: BoardRecipe) throws(RecipeError) -> FirmwareConsole {
        let doc = recipe.document
        guard let driver = try doc.optionalString("console.driver") else {
            if doc.has("console") { throw doc.error("console.driver", "the [console] table needs driver = \"<name>\"") }
            return .semihosting
        }
        guard !driver.isEmpty, driver.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw doc.error("console.driver", "must be letters, digits and - (it names recipes/boards/common/console/<driver>.c)")
        }
        var settings: [String: Int] = [:]
        for key in doc.keys(of: "console") where key != "driver" {
            guard key.allSatisfy({ ($0.isLetter && $0.isASCII) || $0.isNumber || $0 == "_" }) else {
                throw doc.error("console.\(key)", "a console setting's name must be letters, digits and _")
            }
            settings[key] = try doc.int("console.\(key)")
        }
        if driver != FirmwareConsole.semihostingDriver {
            for needed in ["base", "clock_hz"] where settings[needed] == nil {
                throw doc.error("console.\(needed)", "a serial console needs \(needed)")
            }
        }
        return FirmwareConsole(driver: driver, settings: settings)
    }

    /// The QEMU command of a recipe's [emulator] table, nil for boards without one.
    static func emulator(for recipe: BoardRecipe, console: FirmwareConsole) throws -> P14PFirmware.Emulator? {
        guard case let .qemu(binary, machine, cpu) = recipe.emulator else { return nil }
        let options = recipe.document.has("build.qemu_options") ? try recipe.document.stringArray("build.qemu_options") : []
        let serial = try recipe.document.optionalInt("emulator.serial") ?? 0
        return P14PFirmware.Emulator(binary: binary, machine: machine, cpu: cpu, options: options,
                                     serialPort: console.isSemihosting ? nil : serial)
    }
}

/// Code generation and C library multilib for the CPUs the recipes name.
struct CPUDefaults {
    var arch: FirmwareArchitecture
    var clangTarget: String?
    var cpuFlags: [String]
    var libcDriver: String
    var libcFlags: [String]
    var libcArchives = ["libc.a", "libm.a"]

    static func forCPU(_ cpu: String) -> CPUDefaults? {
        let arm = "arm-none-eabi-gcc"
        switch cpu.uppercased() {
        case "CORTEX-M0", "CORTEX-M0+":
            return CPUDefaults(arch: .cortexM, clangTarget: "thumbv6m-none-eabi", cpuFlags: ["-mcpu=cortex-m0", "-mfloat-abi=soft"],
                               libcDriver: arm, libcFlags: ["-mthumb", "-march=armv6s-m", "-mfloat-abi=soft"])
        case "CORTEX-M3":
            return CPUDefaults(arch: .cortexM, clangTarget: "thumbv7m-none-eabi", cpuFlags: ["-mcpu=cortex-m3", "-mfloat-abi=soft"],
                               libcDriver: arm, libcFlags: ["-mthumb", "-march=armv7-m", "-mfloat-abi=soft"])
        case "CORTEX-M4":
            return CPUDefaults(arch: .cortexM, clangTarget: "thumbv7em-none-eabi", cpuFlags: ["-mcpu=cortex-m4", "-mfloat-abi=soft"],
                               libcDriver: arm, libcFlags: ["-mthumb", "-march=armv7e-m", "-mfloat-abi=soft"])
        case "CORTEX-M4F":
            return CPUDefaults(arch: .cortexM, clangTarget: "thumbv7em-none-eabi",
                               cpuFlags: ["-mcpu=cortex-m4", "-mfpu=fpv4-sp-d16", "-mfloat-abi=softfp"],
                               libcDriver: arm, libcFlags: ["-mthumb", "-march=armv7e-m+fp", "-mfloat-abi=softfp"])
        case "ARM7TDMI", "ARM7TDMI-S":
            // Thumb: about 30% less code than ARM state (the vectors and mode switches stay ARM).
            return CPUDefaults(arch: .arm7, clangTarget: "armv4t-none-eabi", cpuFlags: ["-mcpu=arm7tdmi", "-mthumb", "-mfloat-abi=soft"],
                               libcDriver: arm, libcFlags: ["-mthumb", "-mcpu=arm7tdmi", "-mfloat-abi=soft"])
        case "RV32IMAC":
            return CPUDefaults(arch: .riscv, clangTarget: "riscv32-none-elf", cpuFlags: ["-march=rv32imac", "-mabi=ilp32"],
                               libcDriver: "riscv64-unknown-elf-gcc",
                               libcFlags: ["-march=rv32imac", "-mabi=ilp32", "-B/usr/lib/picolibc/riscv64-unknown-elf/lib/"],
                               libcArchives: ["libc.a"])
        default:
            return nil
        }
    }
}
