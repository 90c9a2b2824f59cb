// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Code objects as the compiler produces them and the VM runs them. They
// live outside the Python heap (like PyMite's code in program memory):
// they are immutable once loaded, and only the values they create are
// garbage collected.

/// A constant of a code object. Strings are UTF-8 bytes: the core keeps
/// clear of Swift's Unicode tables (tens of KB of flash on a board).
public enum Constant: Equatable {
    case none
    case `true`
    case `false`
    case ellipsis
    case int(Int64)
    /// An integer literal too large for Int64, as decimal digits with an optional '-'.
    case bigInt([UInt8])
    case float(Double)
    case str([UInt8])
    case bytes([UInt8])
    /// Index of a code object in the image.
    case code(UInt32)
    case tuple([Constant])
}

public struct CodeFlags {
    public static let generator: UInt32 = 1
    /// A class body: names go through a namespace dict (loadName/storeName).
    public static let classBody: UInt32 = 2
    /// A module body: its namespace is the module's globals.
    public static let module: UInt32 = 4
    /// Takes *args (the slot after the positional and keyword-only parameters).
    public static let varArgs: UInt32 = 8
    /// Takes **kwargs (the slot after *args, if any).
    public static let varKeywords: UInt32 = 16
    /// A function with a docstring: it is constant 0 (f.__doc__).
    public static let docstring: UInt32 = 32
    /// The high 16 bits: how many positional parameters are positional-only
    /// (before a `/`), which a keyword cannot name.
    public static let positionalOnlyShift: UInt32 = 16
}

/// Maps a run of instructions to a source line: from `start` until the next entry.
public struct LineEntry: Equatable {
    public var start: UInt32
    public var line: UInt32
    public init(start: UInt32, line: UInt32) { self.start = start; self.line = line }
}

/// An exception raised in `start..<end` jumps to `target` with the frame's
/// value stack cut to `depth` items and the exception pushed on top.
/// The first matching entry wins, so inner handlers come first.
public struct ExceptionEntry: Equatable {
    public var start: UInt32
    public var end: UInt32
    public var target: UInt32
    public var depth: UInt32
    public init(start: UInt32, end: UInt32, target: UInt32, depth: UInt32) {
        self.start = start; self.end = end; self.target = target; self.depth = depth
    }
}

public struct CodeObject: Equatable {
    public var name: [UInt8]
    public var filename: [UInt8]
    public var flags: UInt32
    /// Positional parameters (slots 0..<argCount).
    public var argCount: UInt16
    /// Keyword-only parameters (the slots after the positional ones).
    public var kwOnlyCount: UInt16
    /// Local slots, parameters included. Free variables follow them.
    public var localCount: UInt16
    /// Cells taken from the function's closure into slots localCount..<localCount+freeCount.
    public var freeCount: UInt16
    /// Deepest value stack the code needs above its local slots (checked by the loader).
    public var stackSize: UInt16
    public var firstLine: UInt32
    public var constants: [Constant]
    /// Global, attribute and module names used by the instructions.
    public var names: [[UInt8]]
    /// Names of slots 0..<localCount+freeCount, for messages and locals().
    public var slotNames: [[UInt8]]
    public var instructions: [UInt32]
    public var lineTable: [LineEntry]
    public var exceptionTable: [ExceptionEntry]

    public init(name: [UInt8], filename: [UInt8], flags: UInt32 = 0, argCount: UInt16 = 0,
                kwOnlyCount: UInt16 = 0, localCount: UInt16 = 0, freeCount: UInt16 = 0,
                stackSize: UInt16 = 0, firstLine: UInt32 = 1, constants: [Constant] = [],
                names: [[UInt8]] = [], slotNames: [[UInt8]] = [], instructions: [UInt32] = [],
                lineTable: [LineEntry] = [], exceptionTable: [ExceptionEntry] = []) {
        self.name = name; self.filename = filename; self.flags = flags
        self.argCount = argCount; self.kwOnlyCount = kwOnlyCount
        self.localCount = localCount; self.freeCount = freeCount
        self.stackSize = stackSize; self.firstLine = firstLine
        self.constants = constants; self.names = names; self.slotNames = slotNames
        self.instructions = instructions; self.lineTable = lineTable
        self.exceptionTable = exceptionTable
    }

    public var isGenerator: Bool { flags & CodeFlags.generator != 0 }

    /// The source line of instruction `index`.
    public func line(at index: Int) -> UInt32 {
        var line = firstLine
        for entry in lineTable {
            if Int(entry.start) > index { break }
            line = entry.line
        }
        return line
    }
}

/// A module of an image: its dotted name and the code of its body.
public struct ImageModule: Equatable {
    public var name: [UInt8]
    public var code: UInt32
    public init(name: [UInt8], code: UInt32) { self.name = name; self.code = code }
}

/// A whole program: the main module first, then every module it imports.
public struct Image: Equatable {
    public var modules: [ImageModule]
    public var codes: [CodeObject]
    public init(modules: [ImageModule] = [], codes: [CodeObject] = []) {
        self.modules = modules; self.codes = codes
    }
}

/// What `ImageFormat.scan` learns from a checked image: its modules and
/// the sizes of the tables loading it fills.
public struct ImageLayout {
    public var modules: [ImageModule] = []
    public var codeCount = 0
    public var constantCount = 0
    /// Words of names loading takes: the image's table of names, the names of a code that
    /// lists its own (the compiler's never do), and every code object's slot names.
    public var nameCount = 0
    /// Of those, the slot names (parameters, locals, free variables), which a 32-bit
    /// board reads where they lie in the image.
    public var slotNameCount = 0
    /// Constants that are or hold a float (a board without floats lists them).
    public var floatConstantCount = 0
}
