// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// The time and machine modules: a program's view of its board, as
// MicroPython's (time.sleep_ms, time.ticks_ms, machine.Pin, ...), over the
// board's hooks (BoardHooks). The modules are made on first import and
// their functions found by name in the native tables when first used, as
// sys's are: a program that does not import them pays nothing. On the
// desktop the hooks are a simulated board (pins in memory, the host clock).

/// What a board gives the time and machine modules: the C functions of
/// recipes/boards/common/runtime/p14p_board.h, which a port writes in its
/// board folder (docs/porting.md). C function pointers, not closures: the
/// struct is copied as plain words and takes no allocation, which matters
/// on a 16 KiB board.
public struct BoardHooks {
    /// The board's name (NUL-terminated), for the errors of what it does not have.
    public var name: @convention(c) () -> UnsafePointer<UInt8>
    /// Microseconds since some fixed point; never goes back.
    public var ticksUs: @convention(c) () -> UInt64
    /// Waits at least `us` microseconds.
    public var sleepUs: @convention(c) (_ us: UInt64) -> Void
    /// Pins the board has: numbers 0..<pinCount (0 when it has none).
    public var pinCount: @convention(c) () -> Int32
    /// The pin a board name stands for ("LED", "BUTTON"), or -1.
    public var pinNamed: @convention(c) (_ name: UnsafePointer<UInt8>?, _ length: Int) -> Int32
    /// Makes `pin` an input (0) or an output (1); 0 when it cannot be.
    public var pinMode: @convention(c) (_ pin: Int32, _ output: Int32) -> Int32
    public var pinWrite: @convention(c) (_ pin: Int32, _ high: Int32) -> Void
    public var pinRead: @convention(c) (_ pin: Int32) -> Int32
    /// The CPU clock in Hz (0: unknown).
    public var frequency: @convention(c) () -> UInt32
    /// Restarts the board; on the desktop, does nothing (the program then ends as `sys.exit()`).
    public var reset: @convention(c) () -> Void
    /// Writes the chip's unique identifier, up to `capacity` bytes; returns its length (0: none).
    public var uniqueID: @convention(c) (_ out: UnsafeMutablePointer<UInt8>?, _ capacity: Int) -> Int
    /// The console port's baud rate; 0 when the console is no UART (the semihosting debug console).
    public var uartBaud: @convention(c) () -> UInt32
    /// One byte received on the console port, waiting at most `waitUs` for it; -1 when none came.
    public var uartRead: @convention(c) (_ waitUs: UInt32) -> Int32
    /// How many received bytes wait to be read (a port that cannot count says 1 for "some").
    public var uartAny: @convention(c) () -> Int32
    /// Analog input channels 0..<adcCount (0 when the board has no ADC).
    public var adcCount: @convention(c) () -> Int32
    /// One conversion of `channel`, scaled to 0...65535; -1 when it failed.
    public var adcRead: @convention(c) (_ channel: Int32) -> Int32
    /// The board's own module of natives a port adds (BoardNatives.swift), if it has one.
    public var module: BoardModule?

    public init(name: @escaping @convention(c) () -> UnsafePointer<UInt8>,
                ticksUs: @escaping @convention(c) () -> UInt64,
                sleepUs: @escaping @convention(c) (UInt64) -> Void,
                pinCount: @escaping @convention(c) () -> Int32 = { 0 },
                pinNamed: @escaping @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32 = { _, _ in -1 },
                pinMode: @escaping @convention(c) (Int32, Int32) -> Int32 = { _, _ in 0 },
                pinWrite: @escaping @convention(c) (Int32, Int32) -> Void = { _, _ in },
                pinRead: @escaping @convention(c) (Int32) -> Int32 = { _ in 0 },
                frequency: @escaping @convention(c) () -> UInt32 = { 0 },
                reset: @escaping @convention(c) () -> Void = {},
                uniqueID: @escaping @convention(c) (UnsafeMutablePointer<UInt8>?, Int) -> Int = { _, _ in 0 },
                uartBaud: @escaping @convention(c) () -> UInt32 = { 0 },
                uartRead: @escaping @convention(c) (UInt32) -> Int32 = { _ in -1 },
                uartAny: @escaping @convention(c) () -> Int32 = { 0 },
                adcCount: @escaping @convention(c) () -> Int32 = { 0 },
                adcRead: @escaping @convention(c) (Int32) -> Int32 = { _ in -1 },
                module: BoardModule? = nil) {
        self.name = name
        self.ticksUs = ticksUs
        self.sleepUs = sleepUs
        self.pinCount = pinCount
        self.pinNamed = pinNamed
        self.pinMode = pinMode
        self.pinWrite = pinWrite
        self.pinRead = pinRead
        self.frequency = frequency
        self.reset = reset
        self.uniqueID = uniqueID
        self.uartBaud = uartBaud
        self.uartRead = uartRead
        self.uartAny = uartAny
        self.adcCount = adcCount
        self.adcRead = adcRead
        self.module = module
    }

    /// A board with no clock and no pins: ticks stand still and a sleep returns at once.
    public static var none: BoardHooks {
        BoardHooks(name: { unnamedBoard.utf8Start }, ticksUs: { 0 }, sleepUs: { _ in })
    }

    /// The name as bytes, for messages.
    var nameBytes: [UInt8] {
        let text = name()
        var out: [UInt8] = []
        while text[out.count] != 0 { out.append(text[out.count]) }
        return out
    }
}

let unnamedBoard: StaticString = "unnamed"

/// The modules whose functions are natives (besides sys).
enum NativeModule: Int, CaseIterable {
    case time, machine

    var name: StaticString {
        switch self {
        case .time: return "time"
        case .machine: return "machine"
        }
    }
}

/// machine.Pin's modes, as MicroPython numbers them.
enum PinMode: Int {
    case input = 0, output = 1
}

extension VM {
    /// ticks_ms and ticks_us wrap at 2**30, as MicroPython's: small ints on every board.
    static let ticksPeriod: Int64 = 1 << 30

    /// `time` or `machine`, made on first import.
    func makeNativeModule(_ kind: NativeModule) throws(VMError) -> Value {
        let name = try internName(kind.name)
        let module = try newModule(name)
        if kind == .time { timeModule = module } else { machineModule = module }
        try dictStore(modules, name, module)
        return module
    }

    /// The native module `module` is, if it is one.
    func nativeModuleKind(_ module: Value) -> NativeModule? {
        module == timeModule ? .time : (module == machineModule ? .machine : nil)
    }

    /// A name of a native module not in its dict yet: a function, or one of machine's classes.
    func nativeModuleAttribute(_ kind: NativeModule, _ name: Value) throws(VMError) -> Value? {
        let dict = heap.slot((kind == .time ? timeModule : machineModule).objectOffset, ModuleSlot.dict)
        var found: Value? = nil
        if let id = nativeNamed(name, group: VM.moduleGroup(kind)) {
            found = .native(id.rawValue)
        } else if kind == .machine, isStr(name) {
            let text = strBuffer(name)
            if sameText(text, "Pin") { found = try typeClass(.pin) }
            else if sameText(text, "UART") { found = try typeClass(.uart) }
            else if sameText(text, "ADC") { found = try typeClass(.adc) }
        }
        if let found { cache(found, as: name, in: dict) }
        return found
    }

    /// Pin.IN and Pin.OUT, found when a lookup on the Pin class misses
    /// (never stored: no heap for them, and no cost to other classes' lookups).
    func pinClassConstant(_ name: Value) -> Value? {
        guard isStr(name) else { return nil }
        let text = strBuffer(name)
        if sameText(text, "IN") { return .smallInt(PinMode.input.rawValue) }
        if sameText(text, "OUT") { return .smallInt(PinMode.output.rawValue) }
        return nil
    }

    func callModuleNative(_ id: Native, _ a: Arguments) throws(VMError) -> Value {
        let board = hooks.board
        switch id {
        case .timeSleep:
            let seconds = a[0]
            let us: Int64
            if let i = intOf(seconds) {
                us = i.multipliedReportingOverflow(by: 1_000_000).overflow ? Int64.max : i * 1_000_000
            } else if isFloat(seconds) {
                let d = floatValue(seconds)
                guard d == d else { throw raise(.valueError, "Invalid value NaN (not a number)") }
                us = d >= 9.2e12 ? Int64.max : Int64(max(d, -1) * 1e6)
            } else {
                throw raiseAboutType(.typeError, "'", seconds, "' object cannot be interpreted as an integer")
            }
            return try sleep(microseconds: us)
        case .timeSleepMs, .timeSleepUs:
            let n = try indexArgument(a[0])
            let us = id == .timeSleepUs ? n : (n.multipliedReportingOverflow(by: 1000).overflow ? Int64.max : n * 1000)
            return try sleep(microseconds: us)
        case .timeTicksMs, .timeTicksUs:
            let us = board.ticksUs()
            let ticks = id == .timeTicksUs ? us : us / 1000
            return .smallInt(Int(Int64(truncatingIfNeeded: ticks % UInt64(VM.ticksPeriod))))
        case .timeTicksDiff:
            let later = try indexArgument(a[0]), earlier = try indexArgument(a[1])
            let half = VM.ticksPeriod / 2
            let diff = ((later &- earlier &+ half) & (VM.ticksPeriod - 1)) - half
            return .smallInt(Int(diff))
        case .timeTicksAdd:
            let ticks = try indexArgument(a[0]), delta = try indexArgument(a[1])
            return .smallInt(Int((ticks &+ delta) & (VM.ticksPeriod - 1)))
        case .timeTime, .timeMonotonic:
            guard floatsOn else { return .smallInt(Int(Int64(truncatingIfNeeded: board.ticksUs() / 1_000_000))) }
            return try newFloat(Double(board.ticksUs()) / 1e6)
        case .machineFreq:
            return .smallInt(Int(board.frequency()))
        case .machineReset:
            flushOutput()
            board.reset()
            pendingException = try newException(.systemExit, args: [])  // a board does not come back; the desktop ends the program
            throw VMError.exception
        case .machineUniqueId:
            var id = [UInt8](repeating: 0, count: 32)
            let n = id.withUnsafeMutableBufferPointer { board.uniqueID($0.baseAddress, $0.count) }
            guard n > 0 else { throw boardLacks("unique id") }
            return try newStr(Array(id[0..<min(n, 32)]), type: .bytes)
        default:
            throw raise(.runtimeError, "native not available")
        }
    }

    /// Sleeps in slices of 0.1 s, counting a step after each, so the instruction budget still stops a long sleep.
    func sleep(microseconds: Int64) throws(VMError) -> Value {
        guard microseconds >= 0 else { throw raise(.valueError, "sleep length must be non-negative") }
        var left = UInt64(microseconds)
        while left > 0 {
            let slice = min(left, 100_000)
            hooks.board.sleepUs(slice)
            left -= slice
            try countStep()
        }
        return .none
    }

    /// NotImplementedError naming the board and what it lacks.
    func boardLacks(_ what: StaticString) -> VMError { boardError(.notImplementedError, " has no ", what: what) }

    /// An error naming the board: "board NAME" + text + n + more + m + end, parts left out when not given.
    /// One function for every board message: each is a few bytes of flash at its call. A board
    /// keeps these without `error_messages`: they are what bringing up its hardware needs.
    @inline(never)
    func boardError(_ kind: ExceptionKind, _ text: StaticString, what: StaticString = "", _ n: Int? = nil,
                    _ more: StaticString = "", _ m: Int? = nil, _ end: StaticString = "") -> VMError {
        var message = bytes("board ") + hooks.board.nameBytes + bytes(text) + bytes(what)
        if let n { message += decimal(n) }
        message += bytes(more)
        if let m { message += decimal(m) }
        return raiseText(kind, message + bytes(end))
    }

    // MARK: machine.Pin

    /// Pin(id, mode=-1, value=None): `id` a pin number or a board name ("LED").
    func makePin(_ a: Arguments) throws(VMError) -> Value {
        try argumentCount(a, "Pin", min: 1, max: 3)
        let board = hooks.board
        let pinCount = Int(board.pinCount())
        if pinCount == 0 { throw boardLacks("pins") }
        let id = a[0]
        let pin: Int
        if isStr(id) {
            let text = strBuffer(id)
            let named = Int(board.pinNamed(text.baseAddress, text.count))
            guard named >= 0, named < pinCount else {
                var m = bytes("board ") + board.nameBytes + bytes(" has no pin named ")
                try appendText(id, &m, repr: true)
                throw raise(.valueError, m)
            }
            pin = named
        } else {
            let n = try indexArgument(id)
            guard n >= 0, n < pinCount else {
                throw boardError(.valueError, " has no pin ", Int(n), " (pins 0 to ", pinCount - 1, ")")
            }
            pin = Int(n)
        }
        let mode = a.positionalCount > 1 ? a[1] : (a.keyword("mode") ?? .smallInt(-1))
        let initial = a.positionalCount > 2 ? a[2] : (a.keyword("value") ?? .none)
        let m = try indexArgument(mode)
        if m != -1 {
            guard let wanted = PinMode(rawValue: Int(m)) else { throw raise(.valueError, "invalid pin mode: use Pin.IN or Pin.OUT") }
            // The level is written before the pin drives it (no glitch where the latch keeps it) and again after
            // (where a latch ignores writes to an input, as Stellaris GPIO does).
            let level = wanted == .output && !initial.isNone ? try isTruthy(initial) : nil
            if let level { board.pinWrite(Int32(pin), level ? 1 : 0) }
            guard board.pinMode(Int32(pin), Int32(wanted.rawValue)) != 0 else {
                throw boardError(.valueError, " cannot make pin ", pin, wanted == .output ? " an output" : " an input")
            }
            if let level { board.pinWrite(Int32(pin), level ? 1 : 0) }
        }
        let o = try allocSlots(.pin, PinSlot.slotCount)
        heap.setSlot(o, PinSlot.number, .smallInt(pin))
        return .object(o)
    }

    func pinNumber(_ pin: Value) -> Int { Int(heap.slot(pin.objectOffset, PinSlot.number).intValue) }

    func callPinMethod(_ id: Native, _ me: Value, _ a: Arguments) throws(VMError) -> Value {
        let board = hooks.board
        let pin = Int32(pinNumber(me))
        switch id {
        case .pinValue:
            if a.positionalCount == 1 { return .smallInt(board.pinRead(pin) != 0 ? 1 : 0) }
            board.pinWrite(pin, try isTruthy(a[1]) ? 1 : 0)
            return .none
        case .pinOn, .pinOff:
            board.pinWrite(pin, id == .pinOn ? 1 : 0)
            return .none
        case .pinToggle:
            board.pinWrite(pin, board.pinRead(pin) != 0 ? 0 : 1)
            return .none
        default:
            throw raise(.runtimeError, "native not available")
        }
    }
}

extension VM {
    // MARK: machine.UART

    /// UART(id=0, baudrate=<the console's>, *, timeout=0): the board's
    /// console port, the one UART every board has wired. Another baud rate is
    /// refused rather than ignored: the console runs at the rate the recipe set.
    func makeUART(_ a: Arguments) throws(VMError) -> Value {
        try argumentCount(a, "UART", min: 0, max: 2)
        let board = hooks.board
        let baud = Int64(board.uartBaud())
        if baud == 0 { throw boardLacks("UART") }
        let id = try indexArgument(a.positionalCount > 0 ? a[0] : (a.keyword("id") ?? .smallInt(0)))
        guard id == 0 else {
            throw boardError(.valueError, " has no UART ", Int(id), " (UART 0 is its console port)")
        }
        if let wanted = a.positionalCount > 1 ? a[1] : a.keyword("baudrate") {
            guard try indexArgument(wanted) == baud else {
                throw boardError(.valueError, "'s UART 0 runs at ", Int(baud), " baud (its console's rate)")
            }
        }
        let timeout = try indexArgument(a.keyword("timeout") ?? .smallInt(0))
        guard timeout >= 0, timeout <= VM.ticksPeriod else { throw raise(.valueError, "timeout must be 0 to 2**30 ms") }
        let o = try allocSlots(.uart, UARTSlot.slotCount)
        heap.setSlot(o, UARTSlot.timeoutMs, .smallInt(Int(timeout)))
        return .object(o)
    }

    func callUARTMethod(_ id: Native, _ me: Value, _ a: Arguments) throws(VMError) -> Value {
        let board = hooks.board
        flushOutput()  // what print() buffered goes out first: a prompt shows before the wait, output stays in order
        switch id {
        case .uartWrite:
            let data = a[1]
            let payload: UnsafeBufferPointer<UInt8>
            if isStr(data) {
                payload = strBuffer(data)
            } else if let view = byteView(data) {
                payload = UnsafeBufferPointer(view)
            } else {
                throw raiseAboutType(.typeError, "object with buffer protocol required, not '", data, "'")
            }
            hooks.write(1, UnsafeRawBufferPointer(payload))
            return .smallInt(payload.count)
        case .uartAny:
            return .smallInt(Int(max(0, board.uartAny())))
        case .uartRead, .uartReadline:
            var limit = Int64.max
            if a.positionalCount > 1 && !a[1].isNone {
                limit = try indexArgument(a[1])
                guard limit >= 0 else { throw raise(.valueError, "read length must be non-negative") }
            }
            let timeoutUs = UInt64(heap.slot(me.objectOffset, UARTSlot.timeoutMs).intValue) * 1000
            var got: [UInt8] = []
            // Each byte gets the whole timeout (MicroPython's timeout_char): a line typed slowly still arrives.
            // The time waited is what the board was asked to wait, not its clock: a board whose clock
            // stands still (ARM7 for now) still ends the wait.
            var waited: UInt64 = 0
            while Int64(got.count) < limit {
                if Int64(got.count) >= Int64(heap.size) { throw raise(.memoryError, "UART read longer than the heap") }
                let slice = min(timeoutUs - waited, 100_000)
                let b = board.uartRead(UInt32(slice))
                if b < 0 {
                    waited += slice
                    if waited >= timeoutUs { break }
                    try countStep()  // a long timeout still yields to the instruction budget
                    continue
                }
                got.append(UInt8(truncatingIfNeeded: b))
                waited = 0
                if id == .uartReadline && b == 0x0A { break }
            }
            if got.isEmpty && limit != 0 { return .none }
            return try newStr(got, type: .bytes)
        default:
            throw raise(.runtimeError, "native not available")
        }
    }

    // MARK: machine.ADC

    /// ADC(channel): one of the board's analog inputs, by number.
    func makeADC(_ a: Arguments) throws(VMError) -> Value {
        try argumentCount(a, "ADC", min: 1, max: 1)
        let board = hooks.board
        let count = Int(board.adcCount())
        if count == 0 { throw boardLacks("ADC") }
        let channel = try indexArgument(a[0])
        guard channel >= 0, channel < count else {
            throw boardError(.valueError, " has no ADC channel ", Int(channel), " (channels 0 to ", count - 1, ")")
        }
        let o = try allocSlots(.adc, ADCSlot.slotCount)
        heap.setSlot(o, ADCSlot.channel, .smallInt(Int(channel)))
        return .object(o)
    }

    func adcChannel(_ adc: Value) -> Int { Int(heap.slot(adc.objectOffset, ADCSlot.channel).intValue) }

    func callADCMethod(_ id: Native, _ me: Value, _ a: Arguments) throws(VMError) -> Value {
        let channel = adcChannel(me)
        let sample = hooks.board.adcRead(Int32(channel))
        guard sample >= 0 else {
            throw boardError(.osError, ": ADC channel ", channel, " did not convert")
        }
        return .smallInt(Int(min(sample, 65535)))
    }
}
