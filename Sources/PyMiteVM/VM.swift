// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// The virtual machine: heap, value stack, frames, loaded code, and the
// built-in classes. The interpreter loop is in Interpreter.swift, the
// collector in GC.swift, builtins in Builtins.swift, methods in Methods.swift.

/// What the VM needs from the machine it runs on. The host CLI, the
/// tests and each board supply these; the core itself does no I/O.
public struct PlatformHooks {
    /// Standard output (fd 1) and error (fd 2).
    public var write: (_ fd: Int, _ bytes: UnsafeRawBufferPointer) -> Void
    /// Seconds since some fixed point, for sys.time().
    public var clock: () -> Double
    /// C's pow.
    public var pow: (Double, Double) -> Double
    /// The board's clock and pins, for the time and machine modules (Machine.swift).
    public var board: BoardHooks
    /// The compiler behind compile(), exec() and eval() (Exec.swift): source, file name and
    /// whether it is one expression; nil on a board, where they raise NotImplementedError.
    public var compile: ((_ source: [UInt8], _ filename: [UInt8], _ evaluates: Bool) -> CompileResult)? = nil
    /// Line `line` (from 1) of the file a program's code came from, which a traceback shows
    /// under the frame as CPython does; nil where there is no file to read (a board, a string).
    public var sourceLine: ((_ filename: [UInt8], _ line: Int) -> [UInt8]?)? = nil
    /// Memory that reads as zeros without being written, and its release: the
    /// host's calloc, whose fresh pages the kernel zeroes. The value stack comes
    /// from it, so the pages a program never reaches are never touched (a 64K-slot
    /// stack cleared by the VM was half an empty program's start on the host).
    /// nil: the VM allocates the stack and clears it. Not in a firmware, whose
    /// RAM is all its own (the hook's copies would cost 0.5 KB of flash).
    #if !hasFeature(Embedded)
    public var zeroedMemory: (allocate: (_ bytes: Int) -> UnsafeMutableRawPointer?, free: (UnsafeMutableRawPointer) -> Void)? = nil
    #endif

    /// Without `board`: a board with no clock and no pins (BoardHooks.none).
    public init(write: @escaping (Int, UnsafeRawBufferPointer) -> Void,
                clock: @escaping () -> Double,
                pow: @escaping (Double, Double) -> Double,
                board: BoardHooks = .none) {
        self.write = write; self.clock = clock
        self.pow = pow
        self.board = board
    }
}

public struct VMConfig {
    public var heapSize: Int
    /// Value stack slots shared by all frames.
    public var stackSlots: Int
    public var recursionLimit: Int
    public var argv: [[UInt8]]
    /// The instruction budget: stop a program with RuntimeError after this many
    /// backward jumps, calls and returns (0: no limit); once spent, no handler catches it.
    public var backwardJumpLimit: Int
    /// HAVE_LONGINT: ints past 63 bits are exact; off, they raise OverflowError.
    public var longInts: Bool
    /// HAVE_FLOAT: off, making a float (a literal, `/`, float()) raises NotImplementedError.
    public var floats: Bool
    /// HAVE_BYTEARRAY: off, there is no `bytearray` (the name is not defined).
    public var byteArrays: Bool
    /// set and frozenset: off, the names are not defined and a set display raises NotImplementedError.
    public var sets: Bool
    /// str.format(), format specs (format(x, ">8"), f"{x:>8}"); off, they raise NotImplementedError
    /// (plain f-strings, format(x) and `%` stay).
    public var formatSpecs: Bool
    /// The less common str and bytes methods (center, partition, splitlines, ...: `Native.isMoreStrMethod`);
    /// off, they are not attributes.
    public var moreStrMethods: Bool
    /// memoryview: off, the name is not defined.
    public var memoryViews: Bool
    /// Attribute hooks, descriptors, `__new__`, `__init_subclass__`, metaclasses and subclasses
    /// of the built-in value types; off, a class that would need them is refused (NotImplementedError).
    public var classHooks: Bool
    /// The built-in types' special methods as attributes (`int.__add__`, `(5).__add__(1)`,
    /// `f.__get__`, `object.__eq__`, `super().__repr__()`: Objects/SlotMethods.swift); off,
    /// they are not attributes (AttributeError), as on PyMite. The operators stay.
    public var specialMethods: Bool
    /// The VM's own error messages; off, the exceptions it raises carry no
    /// text (`str(e) == ""`, the traceback names the kind), as PyMite's did.
    public var errorMessages: Bool
    /// Bytes of standard output held before they are written (a small board keeps this small).
    public var outputBufferSize: Int
    /// The lowest address the C stack may reach before a call into Python
    /// raises RecursionError instead of overrunning it (0: not checked).
    public var cStackLimit: UInt
    public init(heapSize: Int = 256 * 1024, stackSlots: Int = 64 * 1024, recursionLimit: Int = 1000,
                argv: [[UInt8]] = [], backwardJumpLimit: Int = 0, longInts: Bool = true, floats: Bool = true,
                byteArrays: Bool = true, sets: Bool = true, formatSpecs: Bool = true, moreStrMethods: Bool = true,
                memoryViews: Bool = true, errorMessages: Bool = true, classHooks: Bool = true, specialMethods: Bool = true, outputBufferSize: Int = 4096, cStackLimit: UInt = 0) {
        self.outputBufferSize = outputBufferSize
        self.cStackLimit = cStackLimit
        self.longInts = longInts && BuiltFeatures.longInts
        self.floats = floats && BuiltFeatures.floats
        self.byteArrays = byteArrays && BuiltFeatures.byteArrays
        self.sets = sets && BuiltFeatures.sets
        self.formatSpecs = formatSpecs && BuiltFeatures.formatSpecs
        self.moreStrMethods = moreStrMethods && BuiltFeatures.moreStrMethods
        self.memoryViews = memoryViews && BuiltFeatures.memoryViews
        self.errorMessages = errorMessages && BuiltFeatures.errorMessages
        self.classHooks = classHooks && BuiltFeatures.classHooks
        self.specialMethods = specialMethods && BuiltFeatures.specialMethods
        self.heapSize = heapSize; self.stackSlots = stackSlots
        self.recursionLimit = recursionLimit; self.argv = argv
        self.backwardJumpLimit = backwardJumpLimit
    }
}

/// PyMite's feature switches a build can leave out, as compile-time
/// conditions (`swiftc -D P14P_NO_FLOAT -D P14P_NO_LONG_INT -D P14P_NO_BYTEARRAY`, ...), so a board
/// without the feature carries none of its code: no object of the kind can
/// be made, and the tests below are constants the optimizer folds away.
/// A build that has a feature can still turn it off (VMConfig), which is
/// how the host runs a program as such a board would.
public enum BuiltFeatures {
    #if P14P_NO_FLOAT
    public static let floats = false
    #else
    public static let floats = true
    #endif
    #if P14P_NO_LONG_INT
    public static let longInts = false
    #else
    public static let longInts = true
    #endif
    /// A 32-bit value word's small ints have 31 bits; without long ints, ints
    /// up to 32 bits (PyMite's) are boxed in the heap (Objects/LongInt.swift).
    #if _pointerBitWidth(_32) || P14P_VALUE32
    public static let boxedInts = true
    #else
    public static let boxedInts = false
    #endif
    #if P14P_NO_BYTEARRAY
    public static let byteArrays = false
    #else
    public static let byteArrays = true
    #endif
    // Switches of p14p's own, for boards of PyMite's class (VMConfig says what each leaves out).
    #if P14P_NO_SET
    public static let sets = false
    #else
    public static let sets = true
    #endif
    #if P14P_NO_FORMAT
    public static let formatSpecs = false
    #else
    public static let formatSpecs = true
    #endif
    #if P14P_NO_MORE_STR_METHODS
    public static let moreStrMethods = false
    #else
    public static let moreStrMethods = true
    #endif
    #if P14P_NO_MEMORYVIEW
    public static let memoryViews = false
    #else
    public static let memoryViews = true
    #endif
    #if P14P_NO_CLASS_HOOKS
    public static let classHooks = false
    #else
    public static let classHooks = true
    #endif
    #if P14P_NO_SPECIAL_METHODS
    public static let specialMethods = false
    #else
    public static let specialMethods = true
    #endif
    #if P14P_NO_ERROR_MESSAGES
    public static let errorMessages = false
    #else
    public static let errorMessages = true
    #endif
    /// compile(), exec() and eval() need a compiler, which no firmware carries yet: a firmware is
    /// built with P14P_NO_COMPILER, and their loader and encoder (10 KB) are left out of it.
    #if P14P_NO_COMPILER
    public static let compiler = false
    #else
    public static let compiler = true
    #endif
}

/// A Python exception is propagating; the exception object is `VM.pendingException`.
public enum VMError: Error { case exception }

/// How a program run ended.
public enum RunOutcome: Equatable {
    case finished
    /// sys.exit(n) or an uncaught exception (status 1, traceback already printed).
    case exited(Int32)
}

struct Frame {
    var code: Int32
    var ip: Int32
    /// Stack index of slot 0.
    var base: Int32
    /// Where the call's result goes in the caller's stack.
    var resultSlot: Int32
    var function: Value
    var globals: Value
    /// Class bodies: the namespace dict; otherwise null.
    var namespace: Value
    /// Running a generator: the generator object; otherwise null.
    var generator: Value
    /// Constructor frames return this instance instead of __init__'s None.
    var constructed: Value
    /// Returning from this frame leaves the current `run` call (a native called Python).
    var isBoundary: Bool
}

/// A growable stack in memory the VM owns, without an Array's uniqueness
/// checks on every change: the call stack (a Python call pushes a frame) and
/// the young list (cut back at every instruction boundary; 2.4% of a
/// string-heavy program's instructions as an Array). Elements are plain data.
/// The VM keeps the only copy and frees it (`release`) when it goes.
struct OwnedStack<Element> {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(4, capacity)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    func release() { base.deallocate() }

    @inline(__always) subscript(i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    var last: Element? { count > 0 ? base[count - 1] : nil }

    /// The last element where it lies (the stack must not be empty).
    @inline(__always) var top: UnsafeMutablePointer<Element> { base + (count &- 1) }

    @inline(__always) mutating func append(_ e: Element) {
        if count == capacity { grow() }
        (base + count).initialize(to: e)
        count &+= 1
    }

    @discardableResult @inline(__always) mutating func removeLast() -> Element {
        count -= 1
        return (base + count).move()
    }

    /// Keeps the first `n` (plain data: nothing to deinitialize).
    @inline(__always) mutating func truncate(_ n: Int) { if n < count { count = max(0, n) } }

    mutating func removeAll() { count = 0 }

    /// Doubling: a deep recursion on the host; a board's frames are reserved up front.
    private mutating func grow() {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        bigger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity *= 2
    }
}

typealias FrameStack = OwnedStack<Frame>
/// The objects allocated since the last instruction boundary (`VM.young`).
typealias YoungList = OwnedStack<UInt32>

/// What a class's MRO gives for a name (null: nothing), as classLookup
/// found it while `epoch` was the VM's `lookupEpoch`.
struct LookupCacheEntry {
    var cls: UInt32 = 0
    var name: UInt32 = 0
    var epoch: UInt32 = 0
    var value: Value = .null
}

/// Where a name is in a dict of globals (or builtins), as `nameLookup`
/// last found it: the entry's index while the dict's entries array is
/// `entries` (checked against the live key, so a store or delete needs no
/// notice), or, for a name it lacked, how many entries it had then (a dict
/// only gains a key by appending one).
struct NameCacheEntry {
    var dict: UInt32 = 0
    var name: UInt32 = 0
    var epoch: UInt32 = 0
    var entries: UInt32 = 0
    var index: Int32 = 0
    var absent = false
}

/// Where LOAD_ATTR or STORE_ATTR at one instruction (`site`, its address) last
/// found an instance's own attribute: for an instance of `cls`, at `index` in its
/// dict, while no class has changed (`epoch`). `VM.attrCache`.
struct AttrCacheEntry {
    var site: UInt = 0
    var cls: UInt32 = 0
    var epoch: UInt32 = 0
    var index: Int32 = 0
}

/// A loaded code object in the form the loop reads without ARC traffic.
/// Its instructions, names and tables stay in the image (a board's flash,
/// or the host's copy the VM keeps); only an unaligned caller's buffer
/// gets a copy of the instructions and tables (`VM.ownedTables`), laid out as
/// the image lays them out, so that the tables always follow the instructions.
/// A 32-bit board keeps one record per code object in RAM: 16 bytes
/// (`VM.codeRecordBytes32`; 20, 52, 56 and 72 before), where the flags and counts
/// are read from the image, behind the references to the name and file name. The
/// host keeps them in the record, which a call reads (fib: one load each instead
/// of one from the image).
struct LoadedCode {
    let instructions: UnsafePointer<UInt32>
    /// The image's flags after the references to the name and file name: five u16 counts
    /// and the u32 first line follow (little-endian, not aligned: `u32` and `count16` read them).
    private let header: UnsafePointer<UInt8>
    #if _pointerBitWidth(_32) || P14P_VALUE32
    /// The instruction count and where the code's entries start in VM.constants and VM.names
    /// (and its slot names, after its global and attribute names): a board's image is far
    /// smaller than 64 KiB, and the loader refuses a larger count (`LoadedCode.fits`).
    /// The instruction count keeps `isDirect` and `slotNamesInImage` in its top bits: 16,383
    /// instructions are 64 KB, more than a board's application section holds for one code.
    private let small: (countAndBits: UInt16, constBase: UInt16, nameBase: UInt16, slotNameBase: UInt16)
    private static let directBit: UInt16 = 0x8000, slotNamesInImageBit: UInt16 = 0x4000
    var isDirect: Bool { small.countAndBits & LoadedCode.directBit != 0 }
    /// The slot names lie in the image (a board's flash; VM.slotNamesReadInPlace), instead of
    /// in VM.names: their references start `slotNameBase` bytes past `header`, one word each.
    var slotNamesInImage: Bool { small.countAndBits & LoadedCode.slotNamesInImageBit != 0 }
    var count: Int32 { Int32(small.countAndBits & 0x3FFF) }
    var constBase: Int32 { Int32(small.constBase) }
    var nameBase: Int32 { Int32(small.nameBase) }
    var slotNameBase: Int32 { Int32(small.slotNameBase) }
    /// Slot name `slot`'s str object in the image, where its reference leads (`ByteWriter.ref`).
    func slotNameObject(_ slot: Int) -> UnsafeRawPointer {
        let ref = header + Int(slotNameBase) + 4 * slot
        return UnsafeRawPointer(ref - Int(LoadedCode.u32(ref)))
    }
    var flags: UInt32 { LoadedCode.u32(header) }
    var argCount: Int32 { count16(0) }
    var kwOnlyCount: Int32 { count16(1) }
    var localCount: Int32 { count16(2) }
    var freeCount: Int32 { count16(3) }
    var stackSize: Int32 { count16(4) }
    private func count16(_ i: Int) -> Int32 {
        Int32(UInt16(littleEndian: UnsafeRawPointer(header + 4 + 2 * i).loadUnaligned(as: UInt16.self)))
    }

    /// The largest base a 32-bit board's record holds, and the largest instruction count.
    static let largest = Int(UInt16.max), largestCount = 0x3FFF
    #else
    let count: Int32
    let constBase: Int32
    let nameBase: Int32
    let slotNameBase: Int32
    let flags: UInt32
    private let counts: (arg: UInt16, kwOnly: UInt16, local: UInt16, free: UInt16, stack: UInt16)
    /// A call with its positional parameters' count of arguments binds them where they lie:
    /// no keyword-only parameters, *args, **kwargs, free variables, generator or class body
    /// (enterFunction's one test for them; it fits in the record's padding).
    let isDirect: Bool
    var argCount: Int32 { Int32(counts.arg) }
    var kwOnlyCount: Int32 { Int32(counts.kwOnly) }
    var localCount: Int32 { Int32(counts.local) }
    var freeCount: Int32 { Int32(counts.free) }
    var stackSize: Int32 { Int32(counts.stack) }
    static let largest = Int(Int32.max), largestCount = largest
    #endif

    /// Whether the record can hold these counts and bases.
    static func fits(count: Int, constBase: Int, nameBase: Int, slotNameBase: Int) -> Bool {
        max(constBase, nameBase, slotNameBase) <= largest && count <= largestCount
    }
    /// The name's and file name's str objects, where the references before the header lead
    /// (`ByteWriter.ref`): a str's byte count is its second word, its text after the fourth.
    var name: UnsafeBufferPointer<UInt8> { LoadedCode.text(referencedAt: header - 8) }
    var filename: UnsafeBufferPointer<UInt8> { LoadedCode.text(referencedAt: header - 4) }
    private static func text(referencedAt ref: UnsafePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let object = ref - Int(u32(ref))
        return UnsafeBufferPointer(start: object + ImageStr.fieldBytes, count: Int(u32(object + 4)))
    }
    /// The line of the code's first instruction, after the flags and the five counts.
    var firstLine: UInt32 { LoadedCode.u32(header + 4 + 10) }
    /// A count word, then (start, line) pairs: from instruction `start` on, the source line is `line`.
    private var lineTable: UnsafePointer<UInt32> { instructions + Int(count) }
    var lines: UnsafePointer<UInt32> { lineTable + 1 }
    var lineCount: Int32 { Int32(truncatingIfNeeded: lineTable[0]) }
    /// A count word, then (start, end, target, depth) entries; the first one covering an instruction wins.
    private var handlerTable: UnsafePointer<UInt32> { lines + 2 * Int(lineCount) }
    var handlers: UnsafePointer<UInt32> { handlerTable + 1 }
    var handlerCount: Int32 { Int32(truncatingIfNeeded: handlerTable[0]) }

    /// `header` must follow the references to the name and file name in the image
    /// (ImageReader.strRef), with the rest of the code's header after it; the line table and the
    /// exception table must follow the instructions, each after its count, and the counts
    /// and bases must fit (`fits`).
    init(instructions: UnsafePointer<UInt32>, count: Int32, header: UnsafePointer<UInt8>,
         constBase: Int32, nameBase: Int32, slotNameBase: Int32, slotNamesInImage: Bool = false, code: CodeObject) {
        self.instructions = instructions
        self.header = header
        let indirect = CodeFlags.varArgs | CodeFlags.varKeywords | CodeFlags.generator | CodeFlags.classBody
        let isDirect = code.kwOnlyCount == 0 && code.freeCount == 0 && code.flags & indirect == 0
        #if _pointerBitWidth(_32) || P14P_VALUE32
        let bits = (isDirect ? LoadedCode.directBit : 0) | (slotNamesInImage ? LoadedCode.slotNamesInImageBit : 0)
        small = (UInt16(count) | bits, UInt16(constBase), UInt16(nameBase), UInt16(slotNameBase))
        #else
        self.isDirect = isDirect
        self.count = count
        self.constBase = constBase; self.nameBase = nameBase; self.slotNameBase = slotNameBase
        flags = code.flags
        counts = (code.argCount, code.kwOnlyCount, code.localCount, code.freeCount, code.stackSize)
        #endif
    }

    /// A little-endian u32 at `p`, which need not be aligned: one load where the CPU allows
    /// it (Cortex-M3 and up), bytes where it does not (Cortex-M0, RV32).
    @inline(__always) static func u32(_ p: UnsafePointer<UInt8>) -> UInt32 {
        UInt32(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt32.self))
    }

    /// The source line of instruction `index`.
    func line(at index: Int) -> UInt32 {
        var line = firstLine
        for i in 0..<Int(lineCount) {
            if Int(lines[2 * i]) > index { break }
            line = lines[2 * i + 1]
        }
        return line
    }
}

public final class VM {
    var heap: Heap
    let hooks: PlatformHooks
    let config: VMConfig
    /// sys.getrecursionlimit(): the config's until the program sets another.
    var recursionLimit: Int

    // Value stack.
    let stack: UnsafeMutablePointer<Value>
    #if !hasFeature(Embedded)
    /// Whether `stack` came from `hooks.zeroedMemory` (and goes back there).
    private var stackIsZeroedMemory = false
    #endif
    let stackCapacity: Int
    var sp: Int = 0
    var frames: FrameStack

    /// classLookup's cache (LookupCacheEntry), `lookupCacheMask + 1`
    /// entries; a mask of 0 turns it off.
    var lookupCache: UnsafeMutablePointer<LookupCacheEntry>
    var lookupCacheMask = 0
    /// nameLookup's cache of global and builtin names, as big as lookupCache.
    var nameCache: UnsafeMutablePointer<NameCacheEntry>
    /// Instance attributes by instruction (Attributes.swift), as big as lookupCache.
    var attrCache: UnsafeMutablePointer<AttrCacheEntry>
    /// The cache's entries hold only while this stays the same: a
    /// collection (which may free a class, a name or a value, and reuse its
    /// offset) and any change to a class's namespace move it on.
    var lookupEpoch: UInt32 = 1
    /// attrCache's entries hold while this stays the same: any change to a class's
    /// namespace moves it on, and a collection only when it frees a class (an entry
    /// names its class by offset; the rest it checks in the instance's own dict).
    var attrEpoch: UInt32 = 1

    // Loaded program.
    var codes: [LoadedCode] = []
    /// The host's copy of the loaded image (load(_: Image)), which the codes point into.
    var ownedImage: UnsafeMutableRawBufferPointer? = nil
    /// Copies of tables an unaligned image could not lend in place.
    var ownedTables: [UnsafeMutableRawPointer] = []
    /// Constants (indexes into `constants`) left unmade because they hold a
    /// float this build lacks; other unmade ones are ints it cannot hold.
    var floatlessConstants: [Int32] = []
    var constants: UnsafeMutablePointer<Value>
    var constantCount = 0
    /// Room in `constants` and `names` (their counts plus, where there is a compiler, room for
    /// code compiled at run time: address space, touched only when used).
    var constantCapacity = 0, nameCapacity = 0
    /// While code compiled at run time loads: its first code's index (its code constants count from 0).
    var codeBase = 0
    /// Sources compiled at run time (mode, file name, text) and their code: compiled once.
    var compiledSources: [(key: [UInt8], code: Int)] = []
    var names: UnsafeMutablePointer<Value>
    var nameCount = 0
    var imageModules: [ImageModule] = []

    // Roots the collector always marks.
    var builtins: Value = .null
    var modules: Value = .null          // dict: name -> module
    /// Interned strs: an open-addressing set of str offsets in a rawArray.
    var internTable: UInt32 = 0
    var internCapacity = 0
    var internCount = 0
    var typeClasses: [Value] = []       // indexed by TypeKind; null until first used
    /// (object,): the bases of every built-in type but object and bool.
    var objectBases: Value = .null
    /// The classes of objects the VM makes when they are read (traceback, frame), by name,
    /// each made once (`plainClass`); null until the first.
    var plainClasses: Value = .null
    var exceptionClasses: [Value] = []  // indexed by ExceptionKind; null until first used
    var pendingException: Value = .null
    /// Some class defines __getattribute__, __getattr__, __setattr__, __delattr__ or __new__ (Attributes.swift).
    var classHooksSeen = false
    /// Some class has a metaclass other than type / derives from a built-in value type: until
    /// then no call or built-in method looks for one (Metaclasses.swift, BuiltinSubclasses.swift).
    var metaclassesSeen = false, valueSubclassesSeen = false
    /// Whether any class's hooks need looking for: constant false in a build without `class_hooks`.
    @inline(__always) var classHooksDefined: Bool { BuiltFeatures.classHooks && classHooksSeen }
    var handledException: Value = .null
    var memoryErrorInstance: Value = .null
    var sysModule: Value = .null
    /// time and machine once imported, else null (two values, not an array: no allocation at start).
    var timeModule: Value = .null
    var machineModule: Value = .null
    /// The board's own module (BoardNatives.swift) once imported, else null.
    var boardModule: Value = .null
    /// Objects allocated since the last instruction boundary stay alive
    /// through a collection, so natives need not root their temporaries.
    var young = YoungList(capacity: 16)
    var youngBase = 0
    /// Set by each allocation: `young` may hold objects above `youngBase`. The test every
    /// instruction makes is then one load, not the array's count and the base.
    var youngToForget = false
    var extraRoots: [Value] = []

    var collections = 0
    /// The collector's work list (GC.swift), kept between collections; it never grows.
    var markStack: [UInt32] = []
    /// The mark stack was full this collection: a rescan of the heap follows.
    var markOverflowed = false
    /// Heap rescans after the mark stack was full (GC.swift), for tests and tuning.
    public internal(set) var markStackRescans = 0
    /// A block kept free for MemoryError handling (0 while given back).
    var emergencyReserve: UInt32 = 0
    /// Heap copies of the VM's own names where the heap cannot reach its
    /// table (a 64-bit host), by name number; empty on a board.
    var vmNameCopies: [Value] = []
    /// The interned empty str, internStatic's answer when the heap is full.
    var emptyName: Value = .null
    /// Special method names of the binary operators: plain, reflected, in-place.
    var binaryDunderNames: [Value] = []
    /// The receiver type while a str method runs on bytes (they share code).
    var textType: ObjType = .str
    /// Steps counted against the instruction budget (countStep).
    var budgetSteps = 0
    /// print() output waiting for a full buffer, an error message or the end.
    var outputBuffer: [UInt8] = []
    /// Set by yieldValue so `resumeGenerator` can tell a yield from a return.
    var generatorYielded = false
    /// What a finished generator returned (StopIteration.value).
    var generatorReturnValue: Value = .none
    /// Set by `resumeGenerator` when an exception thrown into a generator goes on to the
    /// iterator its `yield from` delegates to: the sent value is then that exception.
    var throwIntoDelegate = false
    var nativeDepth = 0
    /// type.__call__(cls, ...) is calling cls: its metaclass's own __call__ is not asked again.
    var bypassMetaclassCall = false
    /// The native running (set as each is called): a method's wrong argument count is told
    /// as CPython tells it, without counting self (`wrongArgumentCount`).
    var currentNative: Native? = nil
    var exitStatus: Int32? = nil
    var startTime: Double = 0

    // Interned names the VM itself looks up.
    var s: Names! = nil

    /// Whether long ints / floats can be made: constant false where the build leaves them out.
    @inline(__always) var longIntsOn: Bool { BuiltFeatures.longInts && config.longInts }
    @inline(__always) var floatsOn: Bool { BuiltFeatures.floats && config.floats }
    @inline(__always) var byteArraysOn: Bool { BuiltFeatures.byteArrays && config.byteArrays }
    @inline(__always) var setsOn: Bool { BuiltFeatures.sets && config.sets }
    @inline(__always) var formatSpecsOn: Bool { BuiltFeatures.formatSpecs && config.formatSpecs }
    @inline(__always) var moreStrMethodsOn: Bool { BuiltFeatures.moreStrMethods && config.moreStrMethods }
    @inline(__always) var memoryViewsOn: Bool { BuiltFeatures.memoryViews && config.memoryViews }
    @inline(__always) var classHooksOn: Bool { BuiltFeatures.classHooks && config.classHooks }
    @inline(__always) var specialMethodsOn: Bool { BuiltFeatures.specialMethods && config.specialMethods }

    /// Fails when the heap is too small to hold the built-in objects.
    /// Bytes a 32-bit board's `LoadedCode` takes, which the firmware's RAM check counts
    /// per code object (SizeReport.loadedCodeBytes); a board's VM stops at start if not.
    public static let codeRecordBytes32 = 16

    public init(config: VMConfig, hooks: PlatformHooks) throws(VMError) {
        #if _pointerBitWidth(_32)
        precondition(MemoryLayout<LoadedCode>.stride == VM.codeRecordBytes32, "the RAM check counts another code record size")
        #endif
        self.config = config
        recursionLimit = config.recursionLimit
        self.hooks = hooks
        heap = Heap(size: config.heapSize)
        // A board may choose a small value stack; every stack index then fits a frame's Int32 fields.
        stackCapacity = min(max(VM.minStackSlots, config.stackSlots), Int(Int32.max) / 2)
        var zeroed: UnsafeMutableRawPointer? = nil
        #if !hasFeature(Embedded)
        zeroed = hooks.zeroedMemory?.allocate(stackCapacity * MemoryLayout<Value>.stride)
        stackIsZeroedMemory = zeroed != nil
        #endif
        if let zeroed {
            // All-zero bits are `.null` (Value(raw: 0)): zeroed memory is a cleared stack.
            stack = zeroed.bindMemory(to: Value.self, capacity: stackCapacity)
        } else {
            stack = UnsafeMutablePointer<Value>.allocate(capacity: stackCapacity)
            stack.initialize(repeating: .null, count: stackCapacity)
        }
        // A board's small recursion limit gets its frames up front: growing
        // the array by doubling would need half as much again at the peak.
        frames = FrameStack(capacity: min(config.recursionLimit, VM.reservedFramesLimit) + 1)
        constants = UnsafeMutablePointer<Value>.allocate(capacity: 1)
        names = UnsafeMutablePointer<Value>.allocate(capacity: 1)
        // A 16-byte entry per 512 bytes of heap, up to 256: none on the
        // 16 KiB boards, whose RAM the heap needs more.
        var entries = 32
        while entries < 256 && entries * 2 * 512 <= config.heapSize { entries *= 2 }
        if entries * 512 > config.heapSize { entries = 0 }
        lookupCacheMask = max(0, entries - 1)
        lookupCache = UnsafeMutablePointer<LookupCacheEntry>.allocate(capacity: max(1, entries))
        lookupCache.initialize(repeating: LookupCacheEntry(), count: max(1, entries))
        nameCache = UnsafeMutablePointer<NameCacheEntry>.allocate(capacity: max(1, entries))
        nameCache.initialize(repeating: NameCacheEntry(), count: max(1, entries))
        attrCache = UnsafeMutablePointer<AttrCacheEntry>.allocate(capacity: max(1, entries))
        attrCache.initialize(repeating: AttrCacheEntry(), count: max(1, entries))
        startTime = hooks.clock()
        try bootstrap()
    }

    deinit {
        lookupCache.deallocate()
        nameCache.deallocate()
        attrCache.deallocate()
        frames.removeAll()
        frames.release()
        var stackFreed = false
        #if !hasFeature(Embedded)
        if stackIsZeroedMemory, let zeroed = hooks.zeroedMemory { zeroed.free(UnsafeMutableRawPointer(stack)); stackFreed = true }
        #endif
        if !stackFreed { stack.deallocate() }
        constants.deallocate()
        names.deallocate()
        for p in ownedTables { p.deallocate() }
        ownedImage?.deallocate()
        heap.release()
        young.release()
    }

    // MARK: Allocation

    /// A new object of `slots` Value slots (all null).
    @inline(__always)
    func allocSlots(_ type: ObjType, _ slots: Int) throws(VMError) -> UInt32 {
        try allocBytes(type, Heap.headerBytes + slots * Heap.slotBytes)
    }

    func allocBytes(_ type: ObjType, _ bytes: Int, clearing: Int = Int.max) throws(VMError) -> UInt32 {
        if let o = heap.allocate(type, bytes: bytes, clearing: clearing) {
            young.append(o)
            youngToForget = true
            return o
        }
        collectGarbage()
        if let o = heap.allocate(type, bytes: bytes, clearing: clearing) {
            young.append(o)
            youngToForget = true
            if emergencyReserve == 0 && heap.freeBytes > 4 * reserveBytes {
                emergencyReserve = heap.allocate(.rawArray, bytes: reserveBytes) ?? 0
            }
            return o
        }
        // Out of memory: give back the reserve, so the traceback and the
        // handlers of the MemoryError have room to run.
        if emergencyReserve != 0 {
            emergencyReserve = 0
            collectGarbage()
        }
        // Before bootstrap has made the MemoryError there is nothing to raise but the failure.
        if memoryErrorInstance.isObject {
            heap.setSlot(memoryErrorInstance.objectOffset, InstanceSlot.traceback, .null)  // a fresh traceback each time
        }
        pendingException = memoryErrorInstance
        throw .exception
    }

    /// The smallest value stack the VM takes, in slots.
    public static let minStackSlots = 64
    /// Up to this recursion limit the frame array is reserved whole at start.
    public static let reservedFramesLimit = 64

    /// Bytes held back for the moment the heap runs out: 512, or 1/32 of a
    /// small board's heap (at least 256, for a short traceback).
    var reserveBytes: Int { min(512, max(256, heap.size / 32)) }

    /// Forget the young objects above the innermost native call: they are
    /// now reachable from the stack or garbage.
    @inline(__always) func safePoint() {
        if youngToForget { forgetYoung() }
    }

    @inline(never) func forgetYoung() {
        youngToForget = false
        young.truncate(youngBase)
    }

    // MARK: Output

    func write(_ fd: Int, _ bytes: [UInt8]) {
        if fd == 1 && bytes.count < config.outputBufferSize {
            if outputBuffer.count + bytes.count > config.outputBufferSize { flushOutput() }
            if outputBuffer.capacity == 0 { outputBuffer.reserveCapacity(config.outputBufferSize) }
            outputBuffer += bytes
            return
        }
        flushOutput()
        bytes.withUnsafeBytes { hooks.write(fd, $0) }
    }

    public func flushOutput() {
        if outputBuffer.isEmpty { return }
        outputBuffer.withUnsafeBytes { hooks.write(1, $0) }
        outputBuffer.removeAll(keepingCapacity: true)
    }

    // MARK: Stack

    @inline(__always) func push(_ v: Value) { stack[sp] = v; sp &+= 1 }  // no overflow test: the verifier and ensureStack bound sp
    @inline(__always) func pop() -> Value { sp &-= 1; return stack[sp] }

    /// Checks there is room for `n` more values (natives and calls).
    @inline(__always) func ensureStack(_ n: Int) throws(VMError) {
        if sp + n >= stackCapacity {
            throw raise(.recursionError, "maximum recursion depth exceeded")
        }
    }
}

/// Interned strings for names the VM looks up itself.
struct Names {
    var __init__: Value, __name__: Value, __main__: Value, __module__: Value, __qualname__: Value
    var __doc__: Value, __class__: Value, __dict__: Value, __mro__: Value, __bases__: Value
    var args: Value, __str__: Value, __repr__: Value, __len__: Value, __call__: Value
    var __eq__: Value, __hash__: Value, __iter__: Value, __next__: Value, __getitem__: Value
    var __setitem__: Value, __contains__: Value, __bool__: Value, __all__: Value
    var __builtins__: Value, __file__: Value, __lt__: Value, __delitem__: Value
    var __enter__: Value, __exit__: Value, value: Value, __traceback__: Value
}
