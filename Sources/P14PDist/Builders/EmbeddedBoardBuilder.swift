// SPDX-License-Identifier: LGPL-2.1-only
//
// The microcontroller boards (`builder = "embedded"`): a recipe becomes
// P14PFirmware's plain parameters, FirmwareBuilder links the VM with the
// board support in recipes/boards/<board>/ and recipes/boards/common/,
// and the app image goes into the firmware's application section.
//
// Recipe fields read here: target, cpu, [memory] (flash, ram, origins,
// heap), [emulator], and the optional [build] table:
//   arch = "cortex-m" | "arm7" | "riscv"     startup code (default from cpu)
//   cpu_flags = [...], clang_target = "..."  code generation (default from cpu)
//   libc = "arm-none-eabi-gcc", libc_flags = [...]   multilib of libc/libm/libgcc
//   libc_archives = ["libc.a", "libm.a"]     archives of that multilib (picolibc: libc.a)
//   stack_slots = 1024, recursion_limit (50/100/200 by RAM), c_stack (8K, 16K above 256K RAM)
//   app_size = "32K", app_align = 1024       the application section in flash
//   runtime_checks = true                    false: the VM without Swift's traps (smaller)
//   inline_hot_paths = true                  false: the VM's always-inline helpers as calls (smaller)
//   output_buffer = 1024 (128 up to 32K RAM)  print() output held before it is written
//   qemu_options = ["-m", "128K"]            extra emulator options

import Foundation
import P14PFirmware

public struct EmbeddedBoardBuilder: BoardBuilder {
    public let name = "embedded"
    /// Where compiled VM objects and linked firmwares are kept between builds.
    public var cacheDirectory: String?

    public init(cacheDirectory: String? = nil) { self.cacheDirectory = cacheDirectory }

    /// Planned boards are skipped with their recipe's reason (today: the VM
    /// does not fit them, which the build would otherwise find out only
    /// after compiling); so are boards whose RAM cannot hold the VM's heap
    /// and stacks, and any board when the tools are missing.
    public func unavailableReason(for board: BoardRecipe) -> String? {
        if board.status == .planned {
            return "planned: \(board.reason ?? "not built yet")"
        }
        do {
            _ = try Toolchain.find()
            let firmware = try ResolvedBoard(board, repositoryRoot: ".").firmware
            if firmware.console.isSemihosting {
                return "its console is semihosting, a debug build that runs only under an emulator or a probe: "
                    + "give recipes/boards/\(board.name).toml a [console] serial driver"
            }
            if Toolchain.which(firmware.libcDriver) == nil {
                return "\(firmware.libcDriver) not found: run `make setup`"
            }
            try firmware.checkRAM()
        } catch {
            return "\(error)"
        }
        return nil
    }

    public func build(_ request: BoardBuildRequest) throws -> BoardBuildResult {
        let recipe = request.board
        do {
            let resolved = try ResolvedBoard(recipe, repositoryRoot: request.repositoryRoot)
            let board = resolved.firmware
            let builder = try FirmwareBuilder(board: board, repositoryRoot: request.repositoryRoot,
                                              cacheDirectory: cacheDirectory, log: request.log)
            let prepared = try builder.prepare()
            if prepared.usesSemihosting {
                throw BoardBuildError(board: recipe.name, message: "the firmware calls semihosting (it would trap on a board "
                    + "without a debugger); its console must be a serial driver")
            }
            let out: FirmwareOutput
            do {
                out = try prepared.write(image: request.image, argv: ["main.py"], outputDirectory: request.workDirectory,
                                         baseName: "firmware", trailer: Array(request.stamp.block.utf8))
            } catch let error as FirmwareError {
                // The firmware fits the board (prepare checked it); this application does not.
                switch error {
                case .doesNotFit, .imageTooLarge: break
                default: throw error
                }
                throw BoardCannotCarryApplication(reason: "the application does not fit: \(error)")
            }
            let map = request.workDirectory + "/firmware.map"
            try writeFileAtomically(map, try prepared.portableLinkerMap(repositoryRoot: request.repositoryRoot))
            let elfSize = (try? FileManager.default.attributesOfItem(atPath: out.elf)[.size] as? Int) ?? 0
            let s = out.sizes
            let emulator = resolved.emulator
            if let emulator, emulator.unavailableReason == nil {
                try EmbeddedBoardBuilder.smokeRun(elf: out.elf, board: recipe.name, emulator: emulator, log: request.log)
            }
            var sizes = FirmwareSizes(file: elfSize, sections: ELFSizes(text: s.text, data: s.data, bss: s.bss), heap: s.heap,
                                      image: request.image.count)
            let breakdown = SizeBreakdown(linkerMap: try String(contentsOfFile: prepared.linkerMap, encoding: .utf8),
                                          vm: VMSourceIndex(repositoryRoot: request.repositoryRoot))
            sizes.flashByPart = SizeBreakdown.Part.allCases.map { PartSize(part: $0.rawValue, bytes: breakdown.bytes[$0] ?? 0) }
                + [PartSize(part: "alignment padding", bytes: breakdown.padding)]
            return BoardBuildResult(
                artifacts: [
                    BuiltArtifact(path: out.elf, bundleName: "firmware.elf", carriesStamp: true),
                    BuiltArtifact(path: out.bin, bundleName: "firmware.bin", carriesStamp: true),
                    BuiltArtifact(path: out.hex, bundleName: "firmware.hex"),
                    BuiltArtifact(path: out.sizeReport, bundleName: "firmware-size.txt"),
                    BuiltArtifact(path: map, bundleName: "firmware.map"),
                ],
                sizes: sizes,
                toolchain: EmbeddedBoardBuilder.toolchainLine(builder: builder, board: board),
                instructions: try EmbeddedBoardBuilder.vendorInstructions(recipe: recipe, board: board, output: out,
                                                                          emulator: emulator, package: request.release.packageName(board: recipe.name)),
                layout: prepared.layout)
        } catch let error as FirmwareError {
            throw BoardBuildError(board: recipe.name, message: error.description)
        }
    }

    /// A firmware that cannot run the application it ships with is not
    /// released: the bundled ELF runs under the board's emulator and must
    /// exit with status 0.
    public static func smokeRun(elf: String, board: String, emulator: P14PFirmware.Emulator, log: (String) -> Void) throws {
        log("running the \(board) firmware with the application under \(emulator.binary) -M \(emulator.machine)")
        let result = try EmulatorRun.run(elf: elf, emulator: emulator, timeout: 60)
        guard result.status == 0 else {
            let err = String(decoding: result.programErrors, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " | ")
            let how = result.timedOut ? "did not finish in 60 s" : "exits with status \(result.status.map(String.init) ?? "?")"
            throw BoardBuildError(board: board, message: "the firmware with this application \(how) under \(emulator.binary): \(err)")
        }
    }

    /// "Swift version 6.3.1 (...), Embedded Swift for armv7em-none-none-eabi; ..."
    /// (`swiftc -version`'s own Target line is the host's, not the firmware's).
    static func toolchainLine(builder: FirmwareBuilder, board: FirmwareBoard) -> String {
        let swift = (try? builder.toolchain.swiftVersion())?.split(separator: "\n").first.map(String.init) ?? "swiftc"
        return "\(swift), Embedded Swift for \(board.swiftTarget) (\(board.cpuFlags.joined(separator: " "))); "
            + "C with clang, linked by ld.lld with the C library of \(board.libcDriver) \(board.libcFlags.joined(separator: " "))"
    }

    /// The package README's part about the board: flashing the firmware and
    /// the program alone, the console, the end and fault lines, the
    /// emulator, from the recipe's [flashing] table and the built firmware.
    static func vendorInstructions(recipe: BoardRecipe, board: FirmwareBoard, output out: FirmwareOutput,
                                   emulator: P14PFirmware.Emulator?, package: String) throws -> String {
        let doc = recipe.document
        try doc.rejectUnknownKeys(in: "flashing", allowed: ["firmware", "program", "console"])
        let s = out.sizes
        func hex(_ n: Int) -> String { "0x" + String(n, radix: 16) }
        func filled(_ key: String, _ fallback: String) throws -> String {
            let text = try doc.optionalString("flashing.\(key)") ?? fallback
            return text.trimmingCharacters(in: .newlines)
                .replacingOccurrences(of: "{flash_origin}", with: hex(board.flashOrigin))
                .replacingOccurrences(of: "{app_address}", with: hex(s.appAddress))
                .split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
        }
        let console = board.console
        return """
            Flashing
              firmware.elf, firmware.bin (flash from \(hex(out.binOrigin))) and firmware.hex hold the same bytes:
            \(try filled("firmware", "Write firmware.bin at \(hex(out.binOrigin)) with the board's programmer."))

            Your own program
              p14p-dist bundle --package \(package) app.py
              puts app.py (and the modules it imports) into this firmware: no toolchain needed.
              With --image-only it writes app.bin and app.hex, the application section alone
              (\(s.appSection) bytes at \(hex(s.appAddress)), on a flash erase sector of its own), which
              replaces the program without touching the VM:
            \(try filled("program", "Write app.bin at \(hex(s.appAddress)) with the board's programmer."))

            Console
              \(console.driver) at \(hex(console.settings["base"] ?? 0)), \(console.baud ?? 115_200) baud, 8 data bits, no parity,
              1 stop bit; lines end in CR LF.
            \(try filled("console", "Open the board's serial port at \(console.baud ?? 115_200) baud."))
              When the program ends the console shows an empty line and
                p14p: exit status N
              (0: finished; 1: an uncaught exception, after its traceback; otherwise the
              status given to sys.exit) and the board halts: reset it to run again.
              A fault in the firmware prints `p14p: fatal: <kind> at pc 0x...`, then
              `p14p: exit status 134`, and halts.
            \(emulator.map { "\nEmulator\n  \($0.binary) " + $0.arguments(elf: "firmware.elf").joined(separator: " ") + "\n" } ?? "")
            """
    }

}
