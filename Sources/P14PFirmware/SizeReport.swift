// SPDX-License-Identifier: LGPL-2.1-only
//
// A firmware's flash and RAM figures, measured from the linked ELF, and
// the check that the VM's heap and value stack fit in the RAM it leaves.

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

    /// Swift-side allocations besides the heap and value stack: tables and
    /// the VM's start (2.5 KiB), the print buffer, the loaded code (1 byte
    /// per image byte, for at most 0.56 measured: the constant and name
    /// tables, a word each, and one small record per code object; its
    /// instructions, names, line and exception tables stay in the image in
    /// flash), and the frame array at the recursion limit (64 bytes
    /// a frame, reserved at start up to a limit of 64; beyond, 112 with the
    /// array's growth). Measured on QEMU with the allocator's peak over the
    /// corpus (MemoryFigureTests); see docs/firmware.md.
    public static func runtimeReserve(imageBytes: Int, recursionLimit: Int, outputBuffer: Int) -> Int {
        let frames = recursionLimit <= 64 ? 64 * (recursionLimit + 1) : 112 * recursionLimit
        return 2560 + outputBuffer + imageBytes * reservePerImageByte + frames
    }
    /// RAM the loaded code takes per byte of code image.
    public static let reservePerImageByte = 1
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

    /// RAM the firmware needs to run an image of `imageBytes`.
    public func ramNeeded(imageBytes: Int) -> Int {
        cStack + data + bss + heap + valueStack + runtimeReserve(imageBytes: imageBytes)
    }

    /// `runtimeReserve` for this firmware's board.
    func runtimeReserve(imageBytes: Int) -> Int {
        SizeReport.runtimeReserve(imageBytes: imageBytes, recursionLimit: recursionLimit, outputBuffer: outputBuffer)
    }

    /// Throws `doesNotFit` naming the memory, the overflow and what takes the room.
    public func check(imageBytes: Int) throws {
        let flashNeeded = text + data + appSection
        if flashNeeded > flashSize {
            throw FirmwareError.doesNotFit(
                board: board, memory: "flash", needed: flashNeeded, available: flashSize,
                breakdown: "code \(text) + initialised data \(data) + application section \(appSection)")
        }
        let needed = ramNeeded(imageBytes: imageBytes)
        if needed > ramSize {
            throw FirmwareError.doesNotFit(
                board: board, memory: "RAM", needed: needed, available: ramSize,
                breakdown: "C stack \(cStack) + data \(data) + bss \(bss) + VM heap \(heap) + VM value stack \(valueStack) "
                    + "+ runtime reserve \(runtimeReserve(imageBytes: imageBytes))"
                    + (imageBytes > 0 ? " (the loaded code of this \(imageBytes)-byte image takes up to \(SizeReport.reservePerImageByte * imageBytes) bytes of RAM; "
                        + "a smaller program, or a board with more RAM, fits)" : ""))
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
