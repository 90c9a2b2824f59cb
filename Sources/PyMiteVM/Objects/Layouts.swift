// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// The slot layout of every slotted object kind, in one place. Heap
// objects are read and written by slot number (`heap.slot(o, i)`,
// Heap.swift); these names say what each slot holds, so call sites read
// `heap.slot(o, FunctionSlot.globals)` instead of a bare number. Each
// layout is a caseless enum of plain `static let` Ints: they fold to
// immediates and cost nothing, in Embedded Swift too. `slotCount` is the
// number of slots a fixed-size object is allocated with.

/// tuple: a count, then the items inline (slots firstItem...).
enum TupleSlot {
    static let count = 0       // number of items (small int)
    static let firstItem = 1   // item i is at slot firstItem + i
}

/// list: a count and a valueArray holding the items.
enum ListSlot {
    static let count = 0       // number of items (small int)
    static let items = 1       // valueArray of items, its capacity = its slot count (null while empty)
    static let slotCount = 2
}

/// valueArray: every slot is an item (behind lists, dicts and generators);
/// its capacity is its slot count.
enum ValueArraySlot {
    static let firstItem = 0
}

/// dict and set: an insertion-ordered hash table (Objects/Dict.swift).
/// Sets use the same table with None values.
enum DictSlot {
    static let count = 0          // live entries (small int)
    static let used = 1           // entries used, deleted ones included (small int)
    static let entries = 2        // valueArray of entries, DictEntry.stride slots each
    static let index = 3          // rawArray of Int32 (-1 empty, -2 deleted, else an entry number); null when not indexed
    static let indexCapacity = 4  // index capacity (a power of 2), or 0 for a small table scanned instead of indexed
    static let slotCount = 5
}

/// One entry of a dict's entries valueArray: entry e starts at slot
/// e * stride.
enum DictEntry {
    static let hash = 0        // the key's hash (a tagged int; see dictInsert)
    static let key = 1         // the key; null for a deleted entry
    static let value = 2       // the value (None in a set)
    static let stride = 3      // slots per entry
}

/// bytearray: a mutable byte sequence (Objects/ByteArray.swift).
/// memoryview objects (Objects/MemoryView.swift): the bytes or bytearray they
/// show, and which of its bytes: `count` of them from `start`, `step` apart.
enum MemoryViewSlot {
    static let source = 0      // the bytes or bytearray; None once released
    static let start = 1
    static let count = 2
    static let step = 3
    static let slotCount = 4
}

enum ByteArraySlot {
    static let count = 0       // number of bytes (small int)
    static let buffer = 1      // rawArray holding the bytes (null while empty)
    static let slotCount = 2
}

/// function objects (Calls.swift).
enum FunctionSlot {
    static let code = 0        // code index (small int)
    static let globals = 1     // the globals dict of the defining module
    static let defaults = 2    // defaults tuple, or None
    static let kwDefaults = 3  // keyword-only defaults dict, or None
    static let closure = 4     // closure tuple of cells, or None
    static let name = 5        // __name__ (str)
    static let dict = 6        // attribute dict (null until used)
    static let qualname = 7    // __qualname__ (str)
    static let annotations = 8 // __annotations__ (a dict; null until given or read)
    static let slotCount = 9
}

/// bound methods (Attributes.swift, called in Calls.swift).
enum BoundMethodSlot {
    static let receiver = 0    // self
    static let function = 1    // the function (or native) called with self in front
    static let slotCount = 2
}

/// generators (Calls.swift).
enum GeneratorSlot {
    static let function = 0    // the generator function
    static let frame = 1       // saved frame: valueArray of locals and stack
    static let ip = 2          // saved instruction index (small int)
    static let valueCount = 3  // number of saved values in `frame` (small int)
    static let state = 4       // GeneratorState raw value (small int)
    static let code = 5        // code index (small int)
    static let handled = 6     // the exception its except block handles while it is suspended there (null: none)
    static let slotCount = 7
}

/// cells, holding a closure variable (Interpreter.swift).
enum CellSlot {
    static let contents = 0    // the value; null when empty
    static let slotCount = 1
}

/// iterators, including dict views (Iteration.swift).
enum IteratorSlot {
    static let kind = 0        // IteratorKind raw value (small int)
    static let source = 1      // the object iterated (a dict for views; map/filter: the function; zip: tuple of iterators)
    static let position = 2    // position or counter
    static let extra = 3       // range: stop; dict iteration: the dict's size when it began;
                               // map: tuple of iterators; filter: the inner iterator
    static let extra2 = 4      // range: step; reversed: what a dict's reversal lists (IteratorKind of its view)
    static let slotCount = 5
}

/// range objects (Iteration.swift).
enum RangeSlot {
    static let start = 0       // ints
    static let stop = 1
    static let step = 2
    static let slotCount = 3
}

/// slice objects (Interpreter.swift, Builtins.swift).
enum SliceSlot {
    static let start = 0       // each None when omitted
    static let stop = 1
    static let step = 2
    static let slotCount = 3
}

/// machine.Pin objects (Machine.swift).
enum PinSlot {
    static let number = 0      // the board's pin number, an int
    static let slotCount = 1
}

/// machine.UART objects (Machine.swift): the console port.
enum UARTSlot {
    static let timeoutMs = 0   // how long read() waits for each byte, an int
    static let slotCount = 1
}

/// machine.ADC objects (Machine.swift).
enum ADCSlot {
    static let channel = 0     // the board's ADC channel, an int
    static let slotCount = 1
}

/// classes (Objects/Classes.swift).
enum ClassSlot {
    static let name = 0        // __name__ (str)
    static let bases = 1       // tuple of base classes
    static let mro = 2         // MRO tuple, the class itself first
    static let namespace = 3   // namespace dict (null for a built-in type until first needed)
    static let kind = 4        // TypeKind raw value of the built-in it derives from (small int)
    static let instanceSize = 5 // attributes its last instance had after __init__ (small int or null): a new one's dict is made that big
    static let metaclass = 6   // its metaclass when not type (null for type; Objects/Metaclasses.swift)
    static let slots = 7       // __slots__: tuple of the attribute names its instances may have (null: any)
    static let slotCount = 8
}

/// code objects (Exec.swift): compile()'s result and a function's __code__.
enum CodeObjectSlot {
    static let index = 0       // the code's index in VM.codes (small int)
    static let evaluates = 1   // True: compile(..., "eval"), the code returns the expression's value
    static let slotCount = 2
}

/// instances of user classes, exceptions included (Objects/Classes.swift).
enum InstanceSlot {
    static let klass = 0       // the class
    static let dict = 1        // attribute dict (same slot as ModuleSlot.dict: deleteAttribute relies on it)
    static let traceback = 2   // exceptions: traceback list (null until one is recorded)
    static let value = 2       // subclasses of a built-in value type: the list, str, ... it is (Objects/BuiltinSubclasses.swift)
    static let slotCount = 3
}

/// modules (Bootstrap.swift).
enum ModuleSlot {
    static let name = 0        // module name (str)
    static let dict = 1        // the module's globals dict
    static let slotCount = 2
}

/// property objects (Builtins.swift, Methods.swift).
enum PropertySlot {
    static let getter = 0      // fget, or None
    static let setter = 1      // fset, or None
    static let deleter = 2     // fdel, or None
    static let name = 3        // the class attribute it was made as (a str), or null: for messages
    static let doc = 4         // the doc given to property(), or null: the getter's then
    static let slotCount = 5
}

/// staticmethod and classmethod objects (same layout; Builtins.swift).
enum StaticClassMethodSlot {
    static let function = 0    // the wrapped function
    static let slotCount = 1
}

/// super objects (Builtins.swift, looked up in Attributes.swift).
enum SuperSlot {
    static let start = 0       // the class after which lookup begins
    static let target = 1      // the object (or class) the attributes bind to
    static let slotCount = 2
}
