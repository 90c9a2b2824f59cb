// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// The time and machine modules: a program's view of its board, as
// MicroPython's (time.sleep_ms, time.ticks_ms, machine.Pin, ...), over the
// board's hooks (BoardHooks). The modules are made on first import and
// their functions found by name in the native tables when first used, as
// sys's are: a program that does not import them pays nothing. On the
// desktop the hooks are a simulated board (pins in memory, the host clock).

/// What a board gives the time and machine modules. A port fills it in
/// from its drivers (recipes/boards/<board>/, docs/porting.md). A class:
/// one reference to share, where a struct of closures is copied whole.
public final class BoardHooks {
    /// The board's name, for the errors of what it does not have.
    public let name: [UInt8]
    /// Microseconds since some fixed point; never goes back.
    public let ticksUs: () -> UInt64
    /// Waits at least `us` microseconds.
    public let sleepUs: (_ us: UInt64) -> Void
    /// Pins the board has: numbers 0..<pinCount (0 when it has none).
    public let pinCount: Int
    /// The pin a board name stands for ("LED", "LED2", "BUTTON"); nil for an unknown name.
    public let pinNamed: (_ name: UnsafeBufferPointer<UInt8>) -> Int?
    /// Makes `pin` an input (mode 0) or an output (1); false when it cannot be.
    public let pinMode: (_ pin: Int, _ mode: Int) -> Bool
    public let pinWrite: (_ pin: Int, _ high: Bool) -> Void
    public let pinRead: (_ pin: Int) -> Bool
    /// The CPU clock in Hz.
    public let frequency: () -> Int
    /// Restarts the board; on the desktop, ends the program as `sys.exit()` would.
    public let reset: () -> Void
    /// The chip's unique identifier; empty when it has none.
    public let uniqueID: () -> [UInt8]

    public init(name: [UInt8], ticksUs: @escaping () -> UInt64, sleepUs: @escaping (UInt64) -> Void,
                pinCount: Int = 0, pinNamed: @escaping (UnsafeBufferPointer<UInt8>) -> Int? = { _ in nil },
                pinMode: @escaping (Int, Int) -> Bool = { _, _ in false }, pinWrite: @escaping (Int, Bool) -> Void = { _, _ in },
                pinRead: @escaping (Int) -> Bool = { _ in false }, frequency: @escaping () -> Int = { 0 },
                reset: @escaping () -> Void = {}, uniqueID: @escaping () -> [UInt8] = { [] }) {
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
    }

    /// A board with no clock and no pins: ticks stand still and a sleep returns at once.
    public static let none = BoardHooks(name: bytes("unnamed"), ticksUs: { 0 }, sleepUs: { _ in })
}

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
        let name = try intern(try newStr(kind.name))
        let module = try newModule(name)
        nativeModules[kind.rawValue] = module
        try dictStore(modules, name, module)
        return module
    }

    /// The native module `module` is, if it is one.
    func nativeModuleKind(_ module: Value) -> NativeModule? {
        NativeModule.allCases.first { nativeModules[$0.rawValue] == module }
    }

    /// A name of a native module not in its dict yet: a function, or machine.Pin.
    func nativeModuleAttribute(_ kind: NativeModule, _ name: Value) throws(VMError) -> Value? {
        let dict = heap.slot(nativeModules[kind.rawValue].objectOffset, ModuleSlot.dict)
        var found: Value? = nil
        if let id = nativeNamed(name, group: VM.moduleGroup(kind)) {
            found = .native(id.rawValue)
        } else if kind == .machine, isStr(name), sameText(strBuffer(name), "Pin") {
            found = try typeClass(.pin)
        }
        if let found { cache(found, as: name, in: dict) }
        return found
    }

    /// Pin.IN and Pin.OUT.
    func pinClassConstant(_ name: Value) -> Value? {
        guard isStr(name) else { return nil }
        let text = strBuffer(name)
        if sameText(text, "IN") { return .smallInt(PinMode.input.rawValue) }
        if sameText(text, "OUT") { return .smallInt(PinMode.output.rawValue) }
        return nil
    }

    func callModuleNative(_ id: Native, _ a: Arguments) throws(VMError) -> Value {
        let board = hooks.board
        let name = nativeName(id)
        switch id {
        case .timeSleep:
            try argumentCount(a, name, min: 1, max: 1)
            let seconds = a[0]
            let us: Int64
            if let i = intOf(seconds) {
                us = i.multipliedReportingOverflow(by: 1_000_000).overflow ? Int64.max : i * 1_000_000
            } else if isFloat(seconds) {
                let d = floatValue(seconds)
                guard d == d else { throw raise(.valueError, "Invalid value NaN (not a number)") }
                us = d >= 9.2e12 ? Int64.max : Int64(max(d, -1) * 1e6)
            } else {
                throw raise(.typeError, bytes("'") + typeName(seconds) + bytes("' object cannot be interpreted as an integer"))
            }
            return try sleep(microseconds: us)
        case .timeSleepMs, .timeSleepUs:
            try argumentCount(a, name, min: 1, max: 1)
            let n = try indexArgument(a[0])
            let us = id == .timeSleepUs ? n : (n.multipliedReportingOverflow(by: 1000).overflow ? Int64.max : n * 1000)
            return try sleep(microseconds: us)
        case .timeTicksMs, .timeTicksUs:
            try argumentCount(a, name, min: 0, max: 0)
            let us = board.ticksUs()
            let ticks = id == .timeTicksUs ? us : us / 1000
            return .smallInt(Int(Int64(truncatingIfNeeded: ticks % UInt64(VM.ticksPeriod))))
        case .timeTicksDiff:
            try argumentCount(a, name, min: 2, max: 2)
            let later = try indexArgument(a[0]), earlier = try indexArgument(a[1])
            let half = VM.ticksPeriod / 2
            let diff = ((later &- earlier &+ half) & (VM.ticksPeriod - 1)) - half
            return .smallInt(Int(diff))
        case .timeTicksAdd:
            try argumentCount(a, name, min: 2, max: 2)
            let ticks = try indexArgument(a[0]), delta = try indexArgument(a[1])
            return .smallInt(Int((ticks &+ delta) & (VM.ticksPeriod - 1)))
        case .timeTime, .timeMonotonic:
            try argumentCount(a, name, min: 0, max: 0)
            guard floatsOn else { return .smallInt(Int(Int64(truncatingIfNeeded: board.ticksUs() / 1_000_000))) }
            return try newFloat(Double(board.ticksUs()) / 1e6)
        case .machineFreq:
            try argumentCount(a, name, min: 0, max: 0)
            return .smallInt(board.frequency())
        case .machineReset:
            try argumentCount(a, name, min: 0, max: 0)
            flushOutput()
            board.reset()
            pendingException = try newException(.systemExit, args: [])  // a board does not come back; the desktop ends the program
            throw VMError.exception
        case .machineUniqueId:
            try argumentCount(a, name, min: 0, max: 0)
            let id = board.uniqueID()
            guard !id.isEmpty else { throw boardLacks("unique id") }
            return try newStr(id, type: .bytes)
        default:
            throw raise(.runtimeError, "native not available")
        }
    }

    /// Sleeps in slices, so a long sleep is still stopped by the instruction budget and Ctrl-C on the host.
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
    func boardLacks(_ what: StaticString) -> VMError {
        raise(.notImplementedError, bytes("board ") + hooks.board.name + bytes(" has no ") + bytes(what))
    }

    // MARK: machine.Pin

    /// Pin(id, mode=-1, value=None): `id` a pin number or a board name ("LED").
    func makePin(_ a: Arguments) throws(VMError) -> Value {
        try argumentCount(a, "Pin", min: 1, max: 3)
        let board = hooks.board
        if board.pinCount == 0 { throw boardLacks("pins") }
        let id = a[0]
        let pin: Int
        if isStr(id) {
            guard let named = board.pinNamed(strBuffer(id)) else {
                var m = bytes("board ") + board.name + bytes(" has no pin named ")
                try appendText(id, &m, repr: true)
                throw raise(.valueError, m)
            }
            pin = named
        } else {
            let n = try indexArgument(id)
            guard n >= 0, n < board.pinCount else {
                throw raise(.valueError, bytes("board ") + board.name + bytes(" has no pin ") + decimal(Int(n))
                            + bytes(" (pins 0 to ") + decimal(board.pinCount - 1) + bytes(")"))
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
            if let level { board.pinWrite(pin, level) }
            guard board.pinMode(pin, wanted.rawValue) else {
                throw raise(.valueError, bytes("board ") + board.name + bytes(" cannot make pin ") + decimal(pin)
                            + bytes(wanted == .output ? " an output" : " an input"))
            }
            if let level { board.pinWrite(pin, level) }
        }
        let o = try allocSlots(.pin, PinSlot.slotCount)
        heap.setSlot(o, PinSlot.number, .smallInt(pin))
        return .object(o)
    }

    func pinNumber(_ pin: Value) -> Int { Int(heap.slot(pin.objectOffset, PinSlot.number).intValue) }

    func callPinMethod(_ id: Native, _ me: Value, _ a: Arguments) throws(VMError) -> Value {
        let board = hooks.board
        let pin = pinNumber(me)
        let name = nativeName(id)
        switch id {
        case .pinValue:
            try argumentCount(a, name, min: 1, max: 2)
            if a.positionalCount == 1 { return .smallInt(board.pinRead(pin) ? 1 : 0) }
            board.pinWrite(pin, try isTruthy(a[1]))
            return .none
        case .pinOn, .pinOff:
            try argumentCount(a, name, min: 1, max: 1)
            board.pinWrite(pin, id == .pinOn)
            return .none
        case .pinToggle:
            try argumentCount(a, name, min: 1, max: 1)
            board.pinWrite(pin, !board.pinRead(pin))
            return .none
        default:
            throw raise(.runtimeError, "native not available")
        }
    }
}
