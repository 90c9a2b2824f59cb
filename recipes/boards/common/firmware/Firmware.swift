// SPDX-License-Identifier: LGPL-2.1-only
//
// The firmware's Swift entry, shared by every board: find the application
// section in flash (header, code image, argv), run the image in the VM
// with hooks over the board's C runtime, and return the exit status to the
// startup code (which ends the run through the board's p14p_exit).
// FirmwareBuilder compiles it into the PyMiteVM module with the VM sources.

@_extern(c, "p14p_console_write") func boardWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int)
@_extern(c, "p14p_clock_seconds") func boardClock() -> Double
@_extern(c, "p14p_pow") func boardPow(_ x: Double, _ y: Double) -> Double
@_extern(c, "p14p_app_section") func boardAppSection(_ capacity: UnsafeMutablePointer<Int32>) -> UnsafePointer<UInt8>
/// The lowest C stack address a call into Python may start from (the stack's bottom plus room for the deepest native).
@_extern(c, "p14p_stack_limit") func boardStackLimit() -> Int
#if P14P_REPORT_MEMORY
@_extern(c, "p14p_deepest_stack_check") func boardDeepestStackCheck(_ address: UInt)
#endif
@_extern(c, "p14p_memory_mark") func boardMemoryMark(_ phase: Int32)
// The board services of the time and machine modules (runtime/p14p_board.h, docs/porting.md).
@_extern(c, "p14p_ticks_us") func boardTicksUs() -> UInt64
@_extern(c, "p14p_sleep_us") func boardSleepUs(_ us: UInt64)
@_extern(c, "p14p_cpu_hz") func boardCPUHz() -> UInt32
@_extern(c, "p14p_reset") func boardReset()
@_extern(c, "p14p_board_name") func boardName() -> UnsafePointer<UInt8>
@_extern(c, "p14p_pin_count") func boardPinCount() -> Int32
@_extern(c, "p14p_pin_named") func boardPinNamed(_ name: UnsafePointer<UInt8>?, _ length: Int) -> Int32
@_extern(c, "p14p_pin_mode") func boardPinMode(_ pin: Int32, _ output: Int32) -> Int32
@_extern(c, "p14p_pin_write") func boardPinWrite(_ pin: Int32, _ high: Int32)
@_extern(c, "p14p_pin_read") func boardPinRead(_ pin: Int32) -> Int32
@_extern(c, "p14p_unique_id") func boardUniqueID(_ out: UnsafeMutablePointer<UInt8>?, _ capacity: Int) -> Int
@_extern(c, "p14p_console_baud") func boardConsoleBaud() -> UInt32
@_extern(c, "p14p_console_read") func boardConsoleRead(_ waitUs: UInt32) -> Int32
@_extern(c, "p14p_console_any") func boardConsoleAny() -> Int32
@_extern(c, "p14p_adc_count") func boardADCCount() -> Int32
@_extern(c, "p14p_adc_read") func boardADCRead(_ channel: Int32) -> Int32

/// The application section (docs/firmware.md; P14PFirmware/AppSection.swift
/// writes it): a 36-byte header of little-endian u32s ("P14B", image
/// length, argv length, CRC-32 of everything from offset 16 to the end of
/// argv, heap size, stack slots, recursion limit, output buffer,
/// reserved), the image, then argv as (u32 length, bytes) pairs after a
/// u32 count.
struct AppSection {
    static let magic: [UInt8] = [0x50, 0x31, 0x34, 0x42]  // "P14B"
    static let headerSize = 36
    /// The image where it lies in flash: decoded in place, never copied to RAM.
    var image: UnsafeBufferPointer<UInt8>
    var argv: [[UInt8]]
    var heapSize: Int, stackSlots: Int, recursionLimit: Int, outputBufferSize: Int

    enum Problem { case none, empty, damaged }

    static func read(_ problem: inout Problem) -> AppSection? {
        var capacity: Int32 = 0
        let base = boardAppSection(&capacity)
        let size = Int(capacity)
        problem = .damaged
        if size < headerSize { return nil }
        if base[0] == 0xff && base[1] == 0xff && base[2] == 0xff && base[3] == 0xff { problem = .empty }
        for i in 0..<4 where base[i] != magic[i] { return nil }
        func word(_ at: Int) -> Int {
            Int(base[at]) | Int(base[at + 1]) << 8 | Int(base[at + 2]) << 16 | Int(base[at + 3]) << 24
        }
        let imageLength = word(4), argvLength = word(8)
        if imageLength < 0 || argvLength < 0 || imageLength > size - headerSize || argvLength > size - headerSize - imageLength {
            return nil
        }
        let end = headerSize + imageLength + argvLength
        if crc32(base + 16, end - 16) != UInt32(truncatingIfNeeded: word(12)) { return nil }
        let image = UnsafeBufferPointer(start: base + headerSize, count: imageLength)
        var argv: [[UInt8]] = []
        var at = headerSize + imageLength
        if argvLength >= 4 {
            let count = word(at)
            at += 4
            for _ in 0..<count {
                if at + 4 > end { return nil }
                let n = word(at)
                at += 4
                if n < 0 || n > end - at { return nil }
                argv.append(Array(UnsafeBufferPointer(start: base + at, count: n)))
                at += n
            }
        }
        problem = .none
        return AppSection(image: image, argv: argv, heapSize: word(16), stackSlots: word(20),
                          recursionLimit: word(24), outputBufferSize: word(28))
    }

    /// CRC-32 (IEEE, as zlib's), bit by bit: no table in flash.
    static func crc32(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for i in 0..<count {
            crc ^= UInt32(bytes[i])
            for _ in 0..<8 { crc = (crc >> 1) ^ (0xedb8_8320 & (0 &- (crc & 1))) }
        }
        return ~crc
    }
}

func writeError(_ text: StaticString) {
    boardWrite(2, text.utf8Start, text.utf8CodeUnitCount)
}

func writeError(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { boardWrite(2, $0.baseAddress, $0.count) }
}

// The float hooks. Float text is the VM's own (FloatText); a board without
// floats (its recipe's float = false) never raises a double, so there pow
// does nothing and the C library's libm stays out of the firmware.
#if P14P_NO_FLOAT
func power(_ x: Double, _ y: Double) -> Double { 0 }
/// sys.time() and time.time() give floats; without them the clock is never read
/// as seconds, and the C side's double division stays out of the firmware.
func clockSeconds() -> Double { 0 }
#else
func power(_ x: Double, _ y: Double) -> Double { boardPow(x, y) }
func clockSeconds() -> Double { boardClock() }
#endif

// A board folder's natives.swift gives `boardModule` (docs/porting.md); the builder then sets P14P_BOARD_NATIVES.
#if P14P_BOARD_NATIVES
let boardModuleIfAny: BoardModule? = boardModule
#else
let boardModuleIfAny: BoardModule? = nil
#endif

/// The VM's hooks over the board's C runtime and drivers. Made when the
/// firmware starts, not kept as a global: the VM holds the one copy, and a
/// 16 KiB board has no RAM for a second in .data.
func makeBoardHooks() -> PlatformHooks {
    PlatformHooks(
        write: { fd, bytes in boardWrite(Int32(fd), bytes.baseAddress, bytes.count) },
        clock: { clockSeconds() },
        pow: { power($0, $1) },
        board: BoardHooks(
            name: { boardName() }, ticksUs: { boardTicksUs() }, sleepUs: { boardSleepUs($0) },
            pinCount: { boardPinCount() }, pinNamed: { boardPinNamed($0, $1) }, pinMode: { boardPinMode($0, $1) },
            pinWrite: { boardPinWrite($0, $1) }, pinRead: { boardPinRead($0) }, frequency: { boardCPUHz() },
            reset: { boardReset() }, uniqueID: { boardUniqueID($0, $1) },
            uartBaud: { boardConsoleBaud() }, uartRead: { boardConsoleRead($0) }, uartAny: { boardConsoleAny() },
            adcCount: { boardADCCount() }, adcRead: { boardADCRead($0) }, module: boardModuleIfAny))
}

@_cdecl("p14p_firmware_main")
public func firmwareMain() -> Int32 {
    var problem = AppSection.Problem.none
    guard let app = AppSection.read(&problem) else {
        if problem == .empty {
            writeError("p14p: no application in this firmware's application section (erased flash)\n")
        } else {
            writeError("p14p: the application section is damaged (header, lengths or CRC); write it again\n")
        }
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
        heapSize: app.heapSize,
        stackSlots: app.stackSlots,
        recursionLimit: app.recursionLimit,
        argv: app.argv,
        outputBufferSize: app.outputBufferSize,
        cStackLimit: UInt(bitPattern: boardStackLimit()))
    let vm: VM
    do {
        vm = try VM(config: config, hooks: makeBoardHooks())
        boardMemoryMark(0)
        try vm.load(layout, from: app.image)  // one code object at a time, from flash
        boardMemoryMark(1)
    } catch {
        writeError("p14p: the VM heap of this firmware is too small to start the program\n")
        return 1
    }
    #if P14P_REPORT_MEMORY
    defer { boardDeepestStackCheck(deepestStackCheck) }
    #endif
    switch vm.runMain() {
    case .finished:
        vm.flushOutput()
        return 0
    case .exited(let status):
        vm.flushOutput()
        return status
    }
}
