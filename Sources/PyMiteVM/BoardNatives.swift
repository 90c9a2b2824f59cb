// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// A port's own Python functions (docs/porting.md): a board folder's
// natives.swift gives one BoardModule, whose natives the VM finds by
// index and name as it finds the built-ins, so the module's names cost no
// RAM until used. Every argument is checked here, in one place, before a
// porter's function sees it: each is an int of at most 32 bits.

/// One Python function of a board's module: its name, how many arguments
/// it takes (at most `BoardArguments.capacity`), and what it does.
public struct BoardNative {
    public var name: StaticString
    public var arguments: ClosedRange<Int>
    public var function: (_ arguments: BoardArguments) -> BoardResult

    public init(_ name: StaticString, arguments: ClosedRange<Int>, _ function: @escaping (_ arguments: BoardArguments) -> BoardResult) {
        self.name = name
        self.arguments = arguments
        self.function = function
    }
}

/// A board native's arguments, already checked: `count` ints.
public struct BoardArguments {
    public static let capacity = 4
    var values: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)
    public private(set) var count = 0

    public subscript(_ i: Int) -> Int32 {
        switch i {
        case 0: return values.0
        case 1: return values.1
        case 2: return values.2
        default: return values.3
        }
    }

    mutating func append(_ v: Int32) {
        switch count {
        case 0: values.0 = v
        case 1: values.1 = v
        case 2: values.2 = v
        default: values.3 = v
        }
        count += 1
    }
}

/// What a board native gives back: None, an int, a bool, or a failure that
/// becomes OSError("board NAME: FUNCTION: REASON").
public enum BoardResult {
    case none
    case int(Int32)
    case bool(Bool)
    case failed(StaticString)
}

/// A board's own module: the name a program imports, how many natives it
/// has, and the native at each index (a porter's switch: code in flash,
/// not a table in RAM).
public struct BoardModule {
    public var name: StaticString
    public var count: Int
    public var native: (_ index: Int) -> BoardNative

    public init(name: StaticString, count: Int, native: @escaping (_ index: Int) -> BoardNative) {
        self.name = name
        self.count = count
        self.native = native
    }
}

extension VM {
    /// Native ids from here up are the board module's natives (Value.native).
    static let boardNativeBase = 1024

    /// The board module, if the program asks for the board's module by name.
    func boardModuleNamed(_ wanted: [UInt8]) -> BoardModule? {
        guard let table = hooks.board.module, wanted == bytes(table.name) else { return nil }
        return table
    }

    func makeBoardModule(_ table: BoardModule) throws(VMError) -> Value {
        let name = try intern(try newStr(table.name))
        let module = try newModule(name)
        boardModule = module
        try dictStore(modules, name, module)
        return module
    }

    /// A name of the board module not in its dict yet: one of its natives.
    func boardModuleAttribute(_ name: Value) -> Value? {
        guard let table = hooks.board.module, isStr(name) else { return nil }
        let text = strBuffer(name)
        for i in 0..<min(table.count, 4096) where sameText(text, table.native(i).name) {
            let fn = Value.native(VM.boardNativeBase + i)
            cache(fn, as: name, in: heap.slot(boardModule.objectOffset, ModuleSlot.dict))
            return fn
        }
        return nil
    }

    /// The board module's native names, for dir().
    func boardNativeNames() -> [StaticString] {
        guard let table = hooks.board.module else { return [] }
        return (0..<min(table.count, 4096)).map { table.native($0).name }
    }

    /// The Python name of any native function value.
    func nativeFunctionName(_ f: Value) -> NameText {
        let id = f.nativeID
        guard id >= VM.boardNativeBase else { return nativeName(Native(rawValue: id)!) }
        let name: StaticString = hooks.board.module.flatMap { id - VM.boardNativeBase < $0.count ? $0.native(id - VM.boardNativeBase).name : nil } ?? "?"
        return NameText(start: name.utf8Start, count: name.utf8CodeUnitCount)
    }

    func callBoardNative(_ index: Int, _ a: Arguments) throws(VMError) -> Value {
        guard let table = hooks.board.module, index < table.count else { throw raise(.runtimeError, "native not available") }
        let native = table.native(index)
        let most = min(native.arguments.upperBound, BoardArguments.capacity)
        try argumentCount(a, native.name, min: native.arguments.lowerBound, max: most)
        if a.keywordCount > 0 {
            throw raise(.typeError, bytes(native.name) + bytes("() takes no keyword arguments"))
        }
        var checked = BoardArguments()
        for i in 0..<a.positionalCount { checked.append(Int32(try indexArgument(a[i], .cInt))) }
        switch native.function(checked) {
        case .none: return .none
        case .int(let n): return .smallInt(Int(n))
        case .bool(let b): return b ? .true : .false
        case .failed(let why):
            throw boardError(.osError, ": ", what: native.name, nil, ": ", nil, why)
        }
    }
}
