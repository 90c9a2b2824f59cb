// SPDX-License-Identifier: LGPL-2.1-only
//
// A firmware's flash and RAM figures, measured from the linked ELF, and
// the check that the VM's heap and value stack fit in the RAM it leaves.

import PyMiteVM

public struct SizeReport: Sendable, Equatable, Codable {
    public var board: String
    /// Code and constants (.text, .ARM.exidx).
    public var text: Int
    /// Initialised data: in RAM, with its initial values in flash.
    public var data: Int
    public var bss: Int
    /// The application section (header, image, argv) reserved in flash.
    public var appSection: Int
    /// Where the application section starts.
    public var appAddress: Int
    public var cStack: Int
    /// RAM left for the allocator: VM heap, value stack, Swift-side tables.
    public var arena: Int
    public var heap: Int
    public var valueStack: Int
    public var flashSize: Int
    public var ramSize: Int

    /// Swift-side allocations besides the heap, value stack and loaded code:
    /// the VM's start (1.6 KiB on a 32-bit board: the VM object, the heap's
    /// free lists, the type and exception class tables, argv), the print
    /// buffer, the frame array at the recursion limit (48 bytes a frame,
    /// reserved at start up to a limit of 64; beyond, 112 with the array's
    /// growth), and 1 KiB for what natives build while they run. Measured on
    /// QEMU with the allocator's peak over the corpus (MemoryFigureTests);
    /// see docs/firmware.md.
    public static func runtimeReserve(recursionLimit: Int, outputBuffer: Int) -> Int {
        let frames = recursionLimit <= 64 ? 48 * (recursionLimit + 1) : 112 * recursionLimit
        return 1600 + outputBuffer + frames + 1024
    }

    /// RAM a 32-bit board's Swift side takes to load `image`, counted from
    /// it (ImageFormat.scan): a 16-byte record per code object, a word per
    /// constant and per name of the image's table (once for all the code objects
    /// that share it; not the slot names, which the VM reads where they
    /// lie: `VM.slotNamesReadInPlace`), the module list, and where floats are left out, a
    /// word per float constant (which raises when loaded); the instructions, names,
    /// line and exception tables stay in flash. Each block also pays the
    /// allocator's 8-byte header and rounding to 8 (runtime/alloc.c).
    /// This is the load's peak as well as what it keeps: constants are made
    /// straight into the VM heap as the image is read (`ConstantValueMaker`),
    /// never copied into Swift arrays first (which once took a 21-string tuple
    /// 1.8 KB more and stopped the micro:bit), and the module list is not
    /// copied again. The Swift tables are reserved at their final sizes.
    public static func loadedCodeBytes(image: [UInt8]) throws -> Int {
        if image.isEmpty { return 0 }
        let layout: ImageLayout
        do {
            layout = try image.withUnsafeBufferPointer { (b) throws(ImageError) in try ImageFormat.scan(buffer: b) }
        } catch {
            throw FirmwareError.badFirmware("the code image is not valid: \(error.message)")
        }
        func block(_ bytes: Int) -> Int { (bytes + 8 + 7) & ~7 }
        let arrayHeader = 16
        let floatless = layout.floatConstantCount > 0 ? block(arrayHeader + 4 * layout.floatConstantCount) : 0
        return block(arrayHeader + VM.codeRecordBytes32 * layout.codeCount) + block(4 * layout.constantCount) + block(4 * (layout.nameCount - layout.slotNameCount)) + floatless
            + block(arrayHeader + 8 * layout.modules.count) + layout.modules.reduce(0) { $0 + block(arrayHeader + $1.name.count) }
    }
    public var recursionLimit: Int
    public var outputBuffer: Int

    enum CodingKeys: String, CodingKey {
        case board, text, data, bss, arena, heap
        case appSection = "app_section", appAddress = "app_address", cStack = "c_stack", valueStack = "value_stack"
        case flashSize = "flash_size", ramSize = "ram_size", recursionLimit = "recursion_limit", outputBuffer = "output_buffer"
    }

    init(board: FirmwareBoard, elf: ELFFile) throws {
        func size(_ names: [String]) -> Int { names.compactMap { elf.section($0)?.size }.reduce(0, +) }
        self.board = board.name
        text = size([".text", ".ARM.exidx"])
        data = size([".data"])
        bss = size([".bss"])
        appSection = size([".p14p_app"])
        appAddress = Int(elf.section(".p14p_app")?.address ?? 0)
        cStack = board.cStackSize
        let start = Int(elf.symbols["__p14p_arena_start"] ?? 0)
        arena = board.ramOrigin + board.ramSize - start
        heap = board.heapSize
        valueStack = board.valueStackBytes
        recursionLimit = board.recursionLimit
        outputBuffer = board.outputBufferSize
        flashSize = board.flashSize
        ramSize = board.ramSize
    }

    /// RAM the firmware needs to run `image` (empty: the firmware alone).
    public func ramNeeded(image: [UInt8]) throws -> Int {
        cStack + data + bss + heap + valueStack + runtimeReserve + (try SizeReport.loadedCodeBytes(image: image))
    }

    /// `runtimeReserve` for this firmware's board.
    var runtimeReserve: Int {
        SizeReport.runtimeReserve(recursionLimit: recursionLimit, outputBuffer: outputBuffer)
    }

    /// Throws `doesNotFit` naming the memory, the overflow and what takes
    /// the room; `badFirmware` for an image that is not valid.
    public func check(image: [UInt8] = []) throws {
        let flashNeeded = text + data + appSection
        if flashNeeded > flashSize {
            throw FirmwareError.doesNotFit(
                board: board, memory: "flash", needed: flashNeeded, available: flashSize,
                breakdown: "code \(text) + initialised data \(data) + application section \(appSection)")
        }
        let loaded = try SizeReport.loadedCodeBytes(image: image)
        let needed = try ramNeeded(image: image)
        if needed > ramSize {
            throw FirmwareError.doesNotFit(
                board: board, memory: "RAM", needed: needed, available: ramSize,
                breakdown: "C stack \(cStack) + data \(data) + bss \(bss) + VM heap \(heap) + VM value stack \(valueStack) "
                    + "+ runtime reserve \(runtimeReserve)"
                    + (image.isEmpty ? "" : " + loaded code \(loaded) (this \(image.count)-byte image's code records, "
                        + "constants and names; a smaller program, or a board with more RAM, fits)"))
        }
    }

    public var summary: String {
        """
        board \(board)
        flash: text \(text) + data \(data) + application section \(appSection) = \(text + data + appSection) of \(flashSize) bytes
        RAM:   C stack \(cStack) + data \(data) + bss \(bss) + arena \(arena) = \(ramSize) bytes
        arena: VM heap \(heap) + VM value stack \(valueStack) + Swift runtime \(arena - heap - valueStack) bytes

        """
    }
}
