// SPDX-License-Identifier: LGPL-2.1-only
//
// The firmware's Swift entry, shared by every board: find the application
// section in flash (header, code image, argv), run the image in the VM
// with hooks over the board's C runtime, and return the exit status to the
// startup code (which ends the run through the board's p14p_exit).
// FirmwareBuilder compiles it into the PyMiteVM module with the VM sources.

@_extern(c, "p14p_console_write") func boardWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int)
@_extern(c, "p14p_clock_seconds") func boardClock() -> Double
@_extern(c, "p14p_format_double")
func boardFormatDouble(_ format: UnsafePointer<UInt8>, _ value: Double, _ out: UnsafeMutablePointer<UInt8>, _ capacity: Int32) -> Int32
@_extern(c, "p14p_parse_double")
func boardParseDouble(_ text: UnsafePointer<UInt8>, _ count: Int32, _ out: UnsafeMutablePointer<Double>) -> Int32
@_extern(c, "p14p_pow") func boardPow(_ x: Double, _ y: Double) -> Double
@_extern(c, "p14p_app_section") func boardAppSection(_ capacity: UnsafeMutablePointer<Int32>) -> UnsafePointer<UInt8>
@_extern(c, "p14p_board_config") func boardConfig(_ index: Int32) -> Int32
/// The lowest C stack address a call into Python may start from (the stack's bottom plus room for the deepest native).
@_extern(c, "p14p_stack_limit") func boardStackLimit() -> Int
@_extern(c, "p14p_memory_mark") func boardMemoryMark(_ phase: Int32)

/// Indexes for p14p_board_config (generated per board from the recipe).
enum ConfigKey: Int32 {
    case heapSize = 0, stackSlots = 1, recursionLimit = 2, reportMemory = 3, outputBuffer = 4
}

/// The application section's layout (docs/firmware.md): "P14A", image
/// length, argv length, reserved, then the image, then argv as
/// (u32 length, bytes) pairs after a u32 count. All little-endian.
struct AppSection {
    static let magic: [UInt8] = [0x50, 0x31, 0x34, 0x41]  // "P14A"
    /// The image where it lies in flash: decoded in place, never copied to RAM.
    var image: UnsafeBufferPointer<UInt8>
    var argv: [[UInt8]]

    static func read() -> AppSection? {
        var capacity: Int32 = 0
        let base = boardAppSection(&capacity)
        let size = Int(capacity)
        if size < 16 { return nil }
        for i in 0..<4 where base[i] != magic[i] { return nil }
        func word(_ at: Int) -> Int {
            Int(base[at]) | Int(base[at + 1]) << 8 | Int(base[at + 2]) << 16 | Int(base[at + 3]) << 24
        }
        let imageLength = word(4), argvLength = word(8)
        if imageLength > size - 16 || argvLength > size - 16 - imageLength { return nil }
        let image = UnsafeBufferPointer(start: base + 16, count: imageLength)
        var argv: [[UInt8]] = []
        var at = 16 + imageLength
        let end = at + argvLength
        if argvLength >= 4 {
            let count = word(at)
            at += 4
            for _ in 0..<count {
                if at + 4 > end { return nil }
                let n = word(at)
                at += 4
                if n > end - at { return nil }
                argv.append(Array(UnsafeBufferPointer(start: base + at, count: n)))
                at += n
            }
        }
        return AppSection(image: image, argv: argv)
    }
}

func writeError(_ text: StaticString) {
    boardWrite(2, text.utf8Start, text.utf8CodeUnitCount)
}

func writeError(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { boardWrite(2, $0.baseAddress, $0.count) }
}

// The float hooks. A board without floats (its recipe's float = false)
// never formats, parses or raises a double, so there they do nothing and
// the C library's printf, strtod and pow stay out of the firmware.
#if P14P_NO_FLOAT
func formatDouble(_ format: [UInt8], _ value: Double) -> [UInt8] { [] }
func parseDouble(_ text: [UInt8]) -> Double? { nil }
func power(_ x: Double, _ y: Double) -> Double { 0 }
#else
/// Empty when the text is longer than a board can spare (the VM then
/// raises MemoryError): a long precision never overruns the buffer.
func formatDouble(_ format: [UInt8], _ value: Double) -> [UInt8] {
    var spec = format
    spec.append(0)
    var size = 64
    while true {
        var out = [UInt8](repeating: 0, count: size)
        let n = Int(spec.withUnsafeBufferPointer { s in
            out.withUnsafeMutableBufferPointer { o in
                boardFormatDouble(s.baseAddress!, value, o.baseAddress!, Int32(o.count))
            }
        })
        if n >= 0 && n < size { return Array(out[0..<n]) }
        if n < 0 || n + 1 > maxFormattedDouble { return [] }
        size = n + 1
    }
}

/// The longest float text a board formats: every repr and the usual
/// precisions, not a thousand digits.
let maxFormattedDouble = 512

func parseDouble(_ text: [UInt8]) -> Double? {
    if text.isEmpty { return nil }
    var chars = text
    chars.append(0)
    var result = 0.0
    let ok = chars.withUnsafeBufferPointer { boardParseDouble($0.baseAddress!, Int32(text.count), &result) }
    return ok != 0 ? result : nil
}

func power(_ x: Double, _ y: Double) -> Double { boardPow(x, y) }
#endif

let boardHooks = PlatformHooks(
    write: { fd, bytes in boardWrite(Int32(fd), bytes.baseAddress, bytes.count) },
    clock: { boardClock() },
    formatDouble: { formatDouble($0, $1) },
    parseDouble: { parseDouble($0) },
    pow: { power($0, $1) }
)

@_cdecl("p14p_firmware_main")
public func firmwareMain() -> Int32 {
    guard let app = AppSection.read() else {
        writeError("p14p: no application image in this firmware's application section\n")
        return 2
    }
    let layout: ImageLayout
    do {
        layout = try ImageFormat.scan(buffer: app.image)  // checked whole before anything is loaded
    } catch {
        writeError("p14p: the application image is not valid: ")
        writeError(error.messageBytes)
        writeError("\n")
        return 2
    }
    let config = VMConfig(
        heapSize: Int(boardConfig(ConfigKey.heapSize.rawValue)),
        stackSlots: Int(boardConfig(ConfigKey.stackSlots.rawValue)),
        recursionLimit: Int(boardConfig(ConfigKey.recursionLimit.rawValue)),
        argv: app.argv,
        outputBufferSize: Int(boardConfig(ConfigKey.outputBuffer.rawValue)),
        cStackLimit: UInt(bitPattern: boardStackLimit()))
    let vm: VM
    do {
        vm = try VM(config: config, hooks: boardHooks)
        boardMemoryMark(0)
        try vm.load(layout, from: app.image)  // one code object at a time, from flash
        boardMemoryMark(1)
    } catch {
        writeError("p14p: the VM heap of this firmware is too small to start the program\n")
        return 1
    }
    switch vm.runMain() {
    case .finished:
        vm.flushOutput()
        return 0
    case .exited(let status):
        vm.flushOutput()
        return status
    }
}
