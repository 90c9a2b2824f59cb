// SPDX-License-Identifier: LGPL-2.1-only
//
// Builds a board's firmware: PyMiteVM and the shared Swift firmware main
// with Embedded Swift, the board support C with clang, linked by ld.lld
// with the board's C library, then the application section filled with a
// code image. The VM object (the slow part, a minute or two) and the
// linked firmware without an application are cached per board, so running
// many programs only rewrites the application section.

import Foundation

public struct FirmwareBuilder {
    public var board: FirmwareBoard
    /// The p14p checkout: Sources/PyMiteVM and recipes/boards/common.
    public var repositoryRoot: String
    /// Cached objects and base firmwares, one folder per board and inputs.
    public var cacheDirectory: String
    public var toolchain: Toolchain
    /// Progress lines ("compiling PyMiteVM for mps2-an385 ...").
    public var log: (String) -> Void

    public init(board: FirmwareBoard, repositoryRoot: String, cacheDirectory: String? = nil,
                toolchain: Toolchain? = nil, log: @escaping (String) -> Void = { _ in }) throws {
        self.board = board
        self.repositoryRoot = repositoryRoot
        self.cacheDirectory = cacheDirectory ?? repositoryRoot + "/.build-p14p-firmware"
        self.toolchain = try toolchain ?? Toolchain.find()
        self.log = log
    }

    var commonDirectory: String { repositoryRoot + "/recipes/boards/common" }
    var vmSourceDirectory: String {
        ProcessInfo.processInfo.environment["P14P_VM_SOURCES"] ?? repositoryRoot + "/Sources/PyMiteVM"
    }

    /// The firmware without an application, compiled and linked (or found in the cache).
    public func prepare() throws -> PreparedFirmware {
        try board.checkRAM()
        let swiftVersion = try toolchain.swiftVersion()
        let libraries = try toolchain.cLibraries(for: board)
        let vmFiles = try sourceFiles(in: vmSourceDirectory, extensions: ["swift"])
        // A board's own natives (its folder's natives.swift) are compiled with the VM: that board then has a VM of its own.
        let boardSwiftFiles = try board.supportDirectory.map { try sourceFiles(in: $0, extensions: ["swift"]) } ?? []
        let firmwareFiles = try sourceFiles(in: commonDirectory + "/firmware", extensions: ["swift"]) + boardSwiftFiles
        let vmFlags = swiftFlags + (boardSwiftFiles.isEmpty ? [] : ["-D", "P14P_BOARD_NATIVES"])
        let cFiles = try sourceFiles(in: commonDirectory + "/runtime", extensions: ["c", "S"])
            + sourceFiles(in: commonDirectory + "/arch/" + board.architecture.rawValue, extensions: ["c", "S"])
            + consoleSources()
            + (board.supportDirectory.map { try sourceFiles(in: $0, extensions: ["c", "S"]) } ?? [])
        let headers = try sourceFiles(in: commonDirectory + "/runtime", extensions: ["h"])
            + sourceFiles(in: commonDirectory + "/console", extensions: ["h"])
        let template = commonDirectory + "/firmware.ld.in"

        var vmKey = CacheKey()
        vmKey.add(swiftVersion, board.swiftTarget, board.cpuFlags.joined(separator: " "), vmFlags.joined(separator: " "),
                  vmCodegenFlags.joined(separator: " "), VMCodegen.scheme)
        try vmKey.addFiles(vmFiles + firmwareFiles)
        // Boards with the same target and CPU flags share one compiled VM. The
        // firmware main is compiled into the same module: as a module of its
        // own it would carry a second copy of the VM's constant arrays in RAM.
        let vmDirectory = cacheDirectory + "/vm-" + vmKey.hex
        let vmObject = vmDirectory + "/PyMiteVM.o"
        FirmwareCache.markUsed(vmDirectory)  // before looking: a concurrent prune then leaves it alone
        if !FileManager.default.fileExists(atPath: vmObject) {
            log("compiling PyMiteVM with Embedded Swift for \(board.name) (\(board.swiftTarget)); cached afterwards")
            try inFreshDirectory(vmDirectory) { dir in
                // swiftc writes the optimized module as LLVM IR and clang makes the object: swiftc
                // generates position-independent code only, and a firmware is linked where it runs.
                let ir = dir + "/PyMiteVM.ll"
                try Shell.run(toolchain.swiftc, vmFlags + cpuSwiftFlags + [
                    "-enable-experimental-feature", "Extern", "-module-name", "PyMiteVM", "-emit-ir", "-o", ir,
                ] + vmFiles + firmwareFiles, step: "compiling PyMiteVM for \(board.name)")
                try VMCodegen.alignStringLiteralsToBytes(irFile: ir)
                try Shell.run(toolchain.clang, vmCodegenFlags + ["-c", ir, "-o", dir + "/PyMiteVM.o"],
                              step: "generating PyMiteVM's code for \(board.name)")
                try FileManager.default.removeItem(atPath: ir)
            }
        }

        var key = vmKey
        // "map": linked with a linker map beside the ELF (entries from before have none).
        key.add(board.description, libraries.archives.joined(separator: " "), "map without build folders", linkFlags.joined(separator: " "))
        try key.addFiles(cFiles + headers + [template])
        let directory = cacheDirectory + "/" + board.name + "-" + key.hex
        let elfPath = directory + "/firmware.elf"
        if !FileManager.default.fileExists(atPath: elfPath) {
            log("linking the \(board.name) firmware")
            try inFreshDirectory(directory) { dir in
                var objects = [vmObject]
                for (i, source) in cFiles.enumerated() {
                    let object = dir + "/c\(i)-" + URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent + ".o"
                    try Shell.run(toolchain.clang, cFlags(include: libraries.include) + ["-c", source, "-o", object],
                                  step: "compiling \(source) for \(board.name)")
                    objects.append(object)
                }
                try link(objects: objects + libraries.archives, template: template, into: dir)
            }
        }
        FirmwareCache(directory: cacheDirectory, log: log).keep(directory, board: board.name, builtFrom: vmDirectory)  // stamps, prunes (FirmwareCache.swift)
        let elf = try ELFFile(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: elfPath))))
        try FirmwareBuilder.checkVMDataIsReadOnly(elf)
        let report = try SizeReport(board: board, elf: elf)
        try report.check()
        return PreparedFirmware(board: board, baseELF: elfPath, sizes: report,
                                usesSemihosting: elf.symbols["p14p_semihost"] != nil)
    }

    /// Builds the firmware with `image` in it and writes NAME.elf, .bin, .hex and NAME-size.txt.
    public func build(image: [UInt8], argv: [String], outputDirectory: String, baseName: String) throws -> FirmwareOutput {
        try prepare().write(image: image, argv: argv, outputDirectory: outputDirectory, baseName: baseName)
    }

    // MARK: Steps

    var swiftFlags: [String] {
        let flags: [String] = ["-target", board.swiftTarget, "-enable-experimental-feature", "Embedded", "-wmo", "-Osize", "-parse-as-library",
         "-Xfrontend", "-function-sections", "-Xfrontend", "-disable-stack-protector",
         // One trap per function instead of one per check: a failed check still
         // stops the board, and the function it stopped in is still known
         // (about 7 KB less code on every board, `make size`).
         "-Xfrontend", "-mergeable-traps"]
            + board.featureConditions.flatMap { ["-D", $0] }
            // No firmware carries the compiler: compile(), exec() and eval() raise NotImplementedError.
            + ["-D", "P14P_NO_COMPILER"]
            + (board.runtimeChecks ? [] : ["-Xfrontend", "-remove-runtime-asserts"])
            // The host's @inline(__always) buys speed with copies of the hot helpers; where flash
            // is short it is worth more (-11.6 KB on lm3s6965evb). LLVM inlining below -Osize's
            // threshold would save 7 KB more, but its code broke copy-on-write on ARMv7-M
            // (pow(-3, 3, 7) gave 0: a shared array written in place), so that stays as it is.
            // P14P_FLASH_FIRST leaves out code that only buys speed (sorting int keys as pairs).
            + (board.inlineHotPaths ? [] : ["-Xfrontend", "-ignore-always-inline", "-D", "P14P_FLASH_FIRST"])
        // A measuring build records the deepest C stack check passed (MemoryFigureTests).
        return flags + (board.reportMemory ? ["-D", "P14P_REPORT_MEMORY"] : [])
    }

    var cpuSwiftFlags: [String] { board.cpuFlags.flatMap { ["-Xcc", $0] } }

    /// clang's flags for turning the VM's optimized IR into an object: code generation
    /// only (swiftc has run the optimizer), static addresses, a section per function.
    var vmCodegenFlags: [String] {
        ["--target=" + (board.clangTarget ?? board.swiftTarget)] + board.cpuFlags + [
            "-Os", "-Xclang", "-disable-llvm-passes", "-fno-pic", "-ffunction-sections", "-fdata-sections",
            "-Wno-override-module",
        ]
    }

    func cFlags(include: String) -> [String] {
        ["--target=" + (board.clangTarget ?? board.swiftTarget)] + board.cpuFlags + [
            "-Os", "-ffunction-sections", "-fdata-sections", "-fno-common", "-nostdlibinc",
            "-isystem", include, "-I", commonDirectory + "/runtime", "-Wall",
            "-DP14P_APP_SIZE=\(board.appSize)", "-DP14P_BOARD_NAME=\"\(board.name.split(separator: "@")[0])\"",
        ] + (board.reportMemory ? ["-DP14P_REPORT_MEMORY=1"] : []) + board.console.defines
    }

    /// The console's C files; a driver the tree lacks is refused by name.
    func consoleSources() throws -> [String] {
        try board.console.sourceNames.map { name in
            let path = commonDirectory + "/console/" + name
            guard FileManager.default.fileExists(atPath: path) else {
                let known = (try? FileManager.default.contentsOfDirectory(atPath: commonDirectory + "/console")) ?? []
                let drivers = known.filter { $0.hasSuffix(".c") && $0 != "serial.c" }.map { String($0.dropLast(2)) }.sorted()
                throw FirmwareError.missingSupport(
                    "\(board.name): no console driver \"\(board.console.driver)\" (recipes/boards/common/console/\(name)); "
                        + "known: \(drivers.joined(separator: ", "))")
            }
            return path
        }
    }

    /// The linker script puts the VM module's .data in flash: it must hold
    /// only type metadata (mangled names ending in N) and the standard
    /// library's immortal empty array and box. A Swift global variable
    /// with an initial value there would be read-only on a board, so the
    /// build stops and names it.
    static func checkVMDataIsReadOnly(_ elf: ELFFile) throws {
        let written = try writtenVMData(symbols: elf.symbols)
        if !written.isEmpty {
            throw FirmwareError.badFirmware("the VM's .data, linked into flash, holds variables a board would need to write: "
                + written.joined(separator: ", ") + " (make them start at zero, or compute them, so they go to .bss)")
        }
    }

    /// The symbols in the VM's .data that are neither type metadata nor the immortal empty storage.
    static func writtenVMData(symbols: [String: UInt32]) throws -> [String] {
        guard let start = symbols["__p14p_vm_data_start"], let end = symbols["__p14p_vm_data_end"] else {
            throw FirmwareError.badFirmware("the linker script does not mark the VM's data (__p14p_vm_data_start/end)")
        }
        let immortal: Set<String> = ["$es23_swiftEmptyArrayStorageSi_S3itvp", "$es16_emptyBoxStorageSi_Sitvp"]
        // Skipped: the linker's markers, local labels, and ARM's mapping symbols ($d, $t, $d.1).
        func isLabel(_ name: String) -> Bool {
            name.hasPrefix("__p14p_") || name.hasPrefix(".L") || (name.hasPrefix("$") && (name.count <= 2 || name.dropFirst(2).hasPrefix(".")))
        }
        return symbols.filter { name, address in
            address >= start && address < end && !isLabel(name) && !name.hasSuffix("N") && !immortal.contains(name)
        }.keys.sorted()
    }

    /// Unused sections dropped; identical functions folded into one (`--icf=all`: Swift's
    /// specializations repeat code, 0.7 KB on lm3s6965evb; nothing in the firmware compares
    /// function addresses, and Swift emits no address-significance table for `--icf=safe`);
    /// `-O2`: a string that ends another is kept once, as its tail (0.3 KB on mps2-an385).
    let linkFlags = ["--gc-sections", "--icf=all", "-O2"]

    /// Links with the board's memory map; when a region overflows, links again
    /// with room to spare to measure by how much, and says so.
    func link(objects: [String], template: String, into dir: String) throws {
        func attempt(flash: Int, ram: Int, output: String) throws {
            let script = dir + "/" + URL(fileURLWithPath: output).deletingPathExtension().lastPathComponent + ".ld"
            try linkerScript(template: template, flashSize: flash, ramSize: ram).write(toFile: script, atomically: true, encoding: .utf8)
            let map = URL(fileURLWithPath: output).deletingPathExtension().path + ".map"
            try Shell.run(toolchain.lld, ["-T", script] + linkFlags + ["-Map=" + map, "-o", output] + objects,
                          step: "linking the \(board.name) firmware")
            try reproducibleMap(map, objects: objects)
        }
        do {
            try attempt(flash: board.flashSize, ram: board.ramSize, output: dir + "/firmware.elf")
        } catch let FirmwareError.toolFailed(step, command, output) where output.contains("will not fit in region") {
            let roomy = 0x1000_0000
            try? attempt(flash: roomy, ram: roomy, output: dir + "/measure.elf")
            if let data = FileManager.default.contents(atPath: dir + "/measure.elf"),
               let report = try? SizeReport(board: board, elf: ELFFile(bytes: Array(data))) {
                try report.check()
            }
            throw FirmwareError.toolFailed(step: step, command: command, output: output)
        }
    }

    /// The map without the build's own folders (a temporary one, the VM's cache entry): the
    /// same sources and tools then give the same map wherever the tree lies (`verify --rebuild`).
    func reproducibleMap(_ path: String, objects: [String]) throws {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let folders = Set(objects.filter { !$0.hasSuffix(".a") }.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path })
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: folder + "/", with: "")
            text = text.replacingOccurrences(of: URL(fileURLWithPath: folder).lastPathComponent + "/", with: "")
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    func linkerScript(template: String, flashSize: Int, ramSize: Int) throws -> String {
        var text = try String(contentsOfFile: template, encoding: .utf8)
        let values: [String: String] = [
            "ENTRY": board.architecture.entrySymbol,
            "FLASH_ORIGIN": hex(board.flashOrigin), "FLASH_SIZE": hex(flashSize),
            "RAM_ORIGIN": hex(board.ramOrigin), "RAM_SIZE": hex(ramSize),
            "STACK_SIZE": hex(board.cStackSize), "APP_SIZE": hex(board.appSize), "APP_ALIGN": hex(board.appAlignment),
        ]
        for (k, v) in values { text = text.replacingOccurrences(of: "@\(k)@", with: v) }
        // Only the layout (after the leading comment) must be free of placeholders.
        if let body = text.range(of: "ENTRY("), let open = text[body.lowerBound...].range(of: "@") {
            throw FirmwareError.badFirmware("unfilled placeholder in \(template) near \(text[open.lowerBound...].prefix(20))")
        }
        return text
    }

    func sourceFiles(in directory: String, extensions: Set<String>) throws -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: directory) else {
            throw FirmwareError.missingSupport("board support folder \(directory) is missing")
        }
        var files: [String] = []
        while let path = walker.nextObject() as? String {
            if extensions.contains(URL(fileURLWithPath: path).pathExtension) { files.append(directory + "/" + path) }
        }
        return files.sorted()
    }

    /// Builds into a temporary folder and renames it into place, so an
    /// interrupted or concurrent build never leaves a half-written cache entry.
    func inFreshDirectory(_ path: String, _ body: (String) throws -> Void) throws {
        let fm = FileManager.default
        let temp = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try fm.createDirectory(atPath: temp, withIntermediateDirectories: true)
        do {
            try body(temp)
        } catch {
            try? fm.removeItem(atPath: temp)
            throw error
        }
        if fm.fileExists(atPath: path) {
            try? fm.removeItem(atPath: temp)
        } else if (try? fm.moveItem(atPath: temp, toPath: path)) == nil {
            try? fm.removeItem(atPath: temp)
            guard fm.fileExists(atPath: path) else { throw FirmwareError.badFirmware("cannot write \(path)") }
        }
    }
}

func hex(_ n: Int) -> String { "0x" + String(n, radix: 16) }

extension FirmwareBoard: CustomStringConvertible {
    public var description: String {
        "\(name) \(architecture.rawValue) \(swiftTarget) \(clangTarget ?? "-") \(cpuFlags) \(libcDriver) \(libcFlags) "
            + "flash \(hex(flashOrigin))+\(flashSize) ram \(hex(ramOrigin))+\(ramSize) "
            + "cstack \(cStackSize) app \(appSize)/\(appAlignment) "
            + (supportDirectory ?? "-") + (reportMemory ? " report-memory" : "") + (runtimeChecks ? "" : " unchecked")
            + (inlineHotPaths ? "" : " calls") + " \(libcArchives)"
            + " without \(leftOutFeatures) console \(console.driver) \(console.defines)"
    }
}

/// FNV-1a over the inputs of a build step: a new key, a new cache entry.
struct CacheKey {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ strings: String...) {
        for s in strings { add(bytes: Array(s.utf8) + [0]) }
    }

    mutating func add(bytes: [UInt8]) {
        for b in bytes {
            value ^= UInt64(b)
            value = value &* 0x0000_0100_0000_01b3
        }
    }

    mutating func addFiles(_ paths: [String]) throws {
        for p in paths {
            add(p)
            guard let data = FileManager.default.contents(atPath: p) else {
                throw FirmwareError.missingSupport("cannot read \(p)")
            }
            add(bytes: Array(data))
        }
    }

    var hex: String { String(value, radix: 16) }
}
