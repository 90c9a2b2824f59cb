// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// The Python heap: one fixed-size arena, tiled by blocks. Each block
// starts with a header word as wide as a value (HeaderWord): its size in
// bytes, the "being printed" flag, the mark bit and the object type
// (0 = free). Block sizes and offsets are multiples of that width. Objects are reached
// by byte offset, never by Swift reference, so a collection is a plain
// mark-sweep over the arena (GC.swift) and cycles cost nothing special.
//
// Most objects are "slotted": after the header comes an array of Values
// filling the block, which the collector scans. "Raw" objects (floats,
// strings, byte buffers) hold bytes the collector must not scan.

public enum ObjType: UInt8 {
    case free = 0
    // Raw objects.
    case float = 1, str, bytes, rawArray, longInt, boxedInt
    // Slotted objects (the collector scans every slot).
    case tuple, list, valueArray, dict, set, range, function, cell
    case klass, instance, boundMethod, module, generator, iterator, slice
    case property, staticMethod, classMethod, superObject, bytearray, pin, uart, adc
    case frozenset  // a set's layout (Objects/Set.swift), hashable and never changed
    case memoryview  // Objects/MemoryView.swift
    case code  // a code object (compile(), f.__code__): CodeObjectSlot
    // New types go before `code`, or `last` follows: raw values stay one run from 0.

    /// The highest type byte. Raw values run from 0 without a gap, so each is
    /// also the case's index, which is how Swift stores an enum.
    @inline(__always) static var last: ObjType { .code }

    @inline(__always) var isRaw: Bool { rawValue < ObjType.tuple.rawValue }
}

/// The ObjType a header's type byte names, .free for a byte no type has. With
/// no gap in the raw values the byte is the case's index: a type test is a
/// compare of the header's byte (`heap.type(o) == .dict`), with no table
/// (mixed 2%) nor, on a board, the switch `ObjType(rawValue:)` would be.
@inline(__always) func objType(byte b: UInt8) -> ObjType {
    b <= ObjType.last.rawValue ? unsafeBitCast(b, to: ObjType.self) : .free
}

/// The header word: on a 64-bit host, size in the high 32 bits, the
/// printed flag bit 9, the mark bit 8, the type the low 8 bits; on a 32-bit
/// board, size in bits 8-31 (blocks up to 16 MiB), printed bit 7, mark
/// bit 6, type the low 6 bits.
#if _pointerBitWidth(_32) || P14P_VALUE32
typealias HeaderWord = UInt32
enum HeaderLayout {
    static let sizeShift: HeaderWord = 8
    static let markBit: HeaderWord = 0x40
    static let printedBit: HeaderWord = 0x80
    static let typeMask: HeaderWord = 0x3F
    static let maxBlock = (1 << 24) - 4  // the largest block a header can describe
}
#else
typealias HeaderWord = UInt64
enum HeaderLayout {
    static let sizeShift: HeaderWord = 32
    static let markBit: HeaderWord = 0x100
    static let printedBit: HeaderWord = 0x200
    static let typeMask: HeaderWord = 0xFF
    static let maxBlock = Int(Int32.max) - 7
}
#endif

struct Heap {
    let base: UnsafeMutableRawPointer
    let size: Int
    /// Small blocks grow up from the bottom, large ones down from the end,
    /// so short-lived big arrays do not fragment the long-lived small
    /// objects' space. Everything in top..<high is free, outside the lists.
    var top: UInt32
    var high: UInt32
    /// Exact-size free lists for blocks up to `smallLimit` bytes, indexed by size / granule
    /// (`smallLists` heads). Memory of its own, not an Array: with no reference in it, a
    /// Heap is plain data, and reading `vm.heap` costs no retain and release.
    let smallFree: UnsafeMutablePointer<UInt32>
    static let smallLists = smallLimit / granule + 1
    /// Bit k set when smallFree[k] is not empty (k = size / granule, up to 64),
    /// so finding a larger free block is a bit scan, not a walk.
    var smallMask: (low: UInt64, high: UInt64) = (0, 0)
    /// Larger free blocks, first fit.
    var largeFree: UInt32 = 0
    var freeInLists: Int = 0
    /// A free block small objects are carved from, front first, once the
    /// wilderness is used up (`carve`): its rest, from `carveAt` to
    /// `carveEnd`, always carries a free block's header, so a walk over the
    /// heap sees it as one. Nothing between collections: `sweep` takes it back.
    var carveAt: UInt32 = 0, carveEnd: UInt32 = 0
    /// Set by `sweep` when it freed a class object (the attribute cache names classes by offset).
    var sweptClass = false

    /// Bytes of a block header, and of a slot; block sizes are multiples of it.
    static let granule = MemoryLayout<HeaderWord>.size
    static let headerBytes = MemoryLayout<HeaderWord>.size
    static let slotBytes = MemoryLayout<Value>.size
    /// 65 exact-size lists (0...64 granules): the size of `smallMask`.
    static let smallLimit = 64 * MemoryLayout<HeaderWord>.size
    /// A header and a free-list link.
    static let minBlock = 2 * MemoryLayout<HeaderWord>.size

    /// The host with a board's value word (make value32) keeps a copy of the
    /// VM's own names (`vmNameWords`) and the image it loads right after the
    /// arena, where 32-bit offsets reach them, so it uses them in place as a
    /// board uses its flash: its heap then holds what a board's holds (and
    /// the tests check that path). Address space only: its pages are touched
    /// when the names and an image are copied in.
    #if P14P_VALUE32 && _pointerBitWidth(_64)
    static let imageRoom = 16 << 20
    static let vmNamesBytes = (vmNameWords.count * 4 + 15) & ~15
    var imageRoomTaken = false
    /// The room after the arena for an image of `count` bytes, once.
    mutating func takeImageRoom(_ count: Int) -> UnsafeMutableRawPointer? {
        guard !imageRoomTaken, count <= Heap.imageRoom - Heap.vmNamesBytes else { return nil }
        imageRoomTaken = true
        return base + size + Heap.vmNamesBytes
    }
    /// The copy of `vmNameWords`, first in the room.
    var vmNames: UnsafeRawPointer { UnsafeRawPointer(base + size) }
    #else
    static let imageRoom = 0
    #endif

    init(size requested: Int) {
        // Offsets are UInt32; Int(Int32.max) also fits a 32-bit board's Int.
        let size = max(1024, min(requested, Int(Int32.max) - 64)) & ~7
        self.size = size
        // Not cleared here: `allocate` clears each block it hands out, and
        // nothing reads the arena beyond the blocks carved so far. A host's
        // untouched pages then cost neither time nor resident memory (a
        // 4 MiB heap took 4.2 M instructions to clear, most of an empty
        // program's start).
        base = UnsafeMutableRawPointer.allocate(byteCount: size + Heap.imageRoom, alignment: 16)
        #if P14P_VALUE32 && _pointerBitWidth(_64)
        let names = base + size
        vmNameWords.withUnsafeBytes { names.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        #endif
        top = UInt32(Heap.granule)  // offset 0 is the null value
        high = UInt32(size)
        smallFree = UnsafeMutablePointer<UInt32>.allocate(capacity: Heap.smallLists)
        smallFree.initialize(repeating: 0, count: Heap.smallLists)
    }

    /// Frees the arena and the free lists' heads (the VM's deinit).
    func release() {
        base.deallocate()
        smallFree.deallocate()
    }

    // MARK: Block headers

    /// Where object `o` starts, from `base`. A 32-bit board reaches an
    /// image's names in flash (`isStatic`) through offsets that wrap
    /// around the address space, so the offset is taken as a bit pattern.
    @inline(__always) static func address(_ o: UInt32) -> Int { Int(bitPattern: UInt(o)) }

    /// An object outside the arena: a name of the loaded image, a str used
    /// where it lies (`ImageStr`), never collected and never written.
    @inline(__always) func isStatic(_ o: UInt32) -> Bool { UInt(o) >= UInt(size) }

    #if _pointerBitWidth(_32) || P14P_VALUE32
    /// The offset by which the heap reaches `object`, a str object of the
    /// loaded image outside the arena; nil when no 32-bit offset does.
    func staticOffset(of object: UnsafeRawPointer) -> UInt32? {
        let distance = UInt(bitPattern: object) &- UInt(bitPattern: base)
        guard distance <= UInt(UInt32.max), distance >= UInt(size), distance % 4 == 0 else { return nil }
        return UInt32(truncatingIfNeeded: distance)
    }
    #endif

    @inline(__always) func header(_ o: UInt32) -> HeaderWord { base.load(fromByteOffset: Heap.address(o), as: HeaderWord.self) }
    @inline(__always) func setHeader(_ o: UInt32, _ h: HeaderWord) { base.storeBytes(of: h, toByteOffset: Heap.address(o), as: HeaderWord.self) }
    /// A header for a block of `size` bytes of type `type` (free: 0), unmarked.
    @inline(__always) static func header(size: Int, type: UInt8 = 0) -> HeaderWord {
        HeaderWord(truncatingIfNeeded: size) << HeaderLayout.sizeShift | HeaderWord(type)
    }
    @inline(__always) static func size(of h: HeaderWord) -> Int { Int(h >> HeaderLayout.sizeShift) }
    @inline(__always) static func isLive(_ h: HeaderWord) -> Bool { h & HeaderLayout.typeMask != 0 && h & HeaderLayout.markBit != 0 }
    @inline(__always) func blockSize(_ o: UInt32) -> Int { Heap.size(of: header(o)) }
    @inline(__always) func typeByte(_ o: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: header(o) & HeaderLayout.typeMask) }
    @inline(__always) func type(_ o: UInt32) -> ObjType {
        objType(byte: typeByte(o))
    }
    @inline(__always) func isMarked(_ o: UInt32) -> Bool { header(o) & HeaderLayout.markBit != 0 }
    @inline(__always) func setMark(_ o: UInt32) { setHeader(o, header(o) | HeaderLayout.markBit) }
    @inline(__always) func clearMark(_ o: UInt32) { setHeader(o, header(o) & ~HeaderLayout.markBit) }
    /// A container whose repr is being written: met again, it prints as [...].
    @inline(__always) func isBeingPrinted(_ o: UInt32) -> Bool { header(o) & HeaderLayout.printedBit != 0 }
    @inline(__always) func setBeingPrinted(_ o: UInt32, _ on: Bool) {
        setHeader(o, on ? header(o) | HeaderLayout.printedBit : header(o) & ~HeaderLayout.printedBit)
    }

    // MARK: Slots and raw bytes
    //
    // Debug builds check every access: it must land in a live block, a
    // slot index within a slotted object, bytes within the block. A value
    // taken for the wrong kind of object traps where it is misread
    // instead of reading a neighbour's memory. Release builds check nothing.

    @inline(__always) func slot(_ o: UInt32, _ i: Int) -> Value {
        assert(isSlotInside(o, i), "heap: slot outside its object")
        return Value(raw: base.load(fromByteOffset: Heap.address(o) + Heap.headerBytes + i * Heap.slotBytes, as: ValueWord.self))
    }
    @inline(__always) func setSlot(_ o: UInt32, _ i: Int, _ v: Value) {
        assert(isSlotInside(o, i), "heap: slot outside its object")
        base.storeBytes(of: v.raw, toByteOffset: Heap.address(o) + Heap.headerBytes + i * Heap.slotBytes, as: ValueWord.self)
    }
    @inline(__always) func slotCount(_ o: UInt32) -> Int { (blockSize(o) - Heap.headerBytes) / Heap.slotBytes }
    @inline(__always) func slotPointer(_ o: UInt32, _ i: Int) -> UnsafeMutablePointer<Value> {
        assert(isSlotInside(o, i) || (isLiveBlock(o) && !type(o).isRaw && i == slotCount(o)), "heap: slot outside its object")
        return (base + Heap.address(o) + Heap.headerBytes + i * Heap.slotBytes).assumingMemoryBound(to: Value.self)
    }
    @inline(__always) func u32(_ o: UInt32, _ byteOffset: Int) -> UInt32 {
        assert(isByteInside(o, byteOffset, 4), "heap: bytes outside their object")
        return base.load(fromByteOffset: Heap.address(o) + byteOffset, as: UInt32.self)
    }
    @inline(__always) func setU32(_ o: UInt32, _ byteOffset: Int, _ v: UInt32) {
        assert(isByteInside(o, byteOffset, 4), "heap: bytes outside their object")
        base.storeBytes(of: v, toByteOffset: Heap.address(o) + byteOffset, as: UInt32.self)
    }
    @inline(__always) func bytePointer(_ o: UInt32, _ byteOffset: Int) -> UnsafeMutablePointer<UInt8> {
        assert(isByteInside(o, byteOffset, 0), "heap: bytes outside their object")
        return (base + Heap.address(o) + byteOffset).assumingMemoryBound(to: UInt8.self)
    }

    /// A free block's link to the next one in its list (the allocator's own field).
    @inline(__always) func freeLink(_ o: UInt32) -> UInt32 { base.load(fromByteOffset: Int(o) + Heap.headerBytes, as: UInt32.self) }
    @inline(__always) func setFreeLink(_ o: UInt32, _ next: UInt32) {
        base.storeBytes(of: next, toByteOffset: Int(o) + Heap.headerBytes, as: UInt32.self)
    }

    /// Whether `o` looks like the start of a live block (debug checks).
    func isLiveBlock(_ o: UInt32) -> Bool {
        if o != 0 && isStatic(o) {
            // A 32-bit board's static strs lie in flash, checked by the image reader; the host with
            // a board's value word keeps them in the room after the arena; a 64-bit host has none.
            #if _pointerBitWidth(_32)
            return typeByte(o) == ObjType.str.rawValue
            #elseif P14P_VALUE32
            return Int(o) + Heap.headerBytes <= size + Heap.imageRoom && typeByte(o) == ObjType.str.rawValue
            #else
            return false
            #endif
        }
        let g = Heap.granule
        guard Int(o) >= g, Int(o) % g == 0, Int(o) + g <= size else { return false }
        let n = blockSize(o)
        return typeByte(o) != 0 && ObjType(rawValue: typeByte(o)) != nil
            && n >= Heap.minBlock && n % g == 0 && Int(o) + n <= size
    }
    func isSlotInside(_ o: UInt32, _ i: Int) -> Bool {
        isLiveBlock(o) && !type(o).isRaw && i >= 0 && i < slotCount(o)
    }
    func isByteInside(_ o: UInt32, _ byteOffset: Int, _ width: Int) -> Bool {
        isLiveBlock(o) && byteOffset >= Heap.headerBytes && byteOffset + width <= blockSize(o)
    }
    /// Debug builds check that `v` is an object of one of `kinds`.
    @inline(__always) func expect(_ o: UInt32, _ kind: ObjType) {
        assert(isLiveBlock(o) && type(o) == kind, "heap: object of the wrong kind")
    }
    @inline(__always) func expect(_ o: UInt32, _ kind: ObjType, or other: ObjType) {
        assert(isLiveBlock(o) && (type(o) == kind || type(o) == other || (other == .set && type(o) == .frozenset)),
               "heap: object of the wrong kind")
    }

    // MARK: Allocation

    @inline(__always) static func roundedSize(_ bytes: Int) -> Int { max(minBlock, (bytes + granule - 1) & ~(granule - 1)) }

    /// A block of at least `bytes` bytes (header included) typed `type`, its
    /// slots set to null; nil when no free block is large enough. Only the
    /// first `clearing` bytes after the header of a raw block are zeroed (a
    /// block with slots is always cleared whole): a str's text is written
    /// whole by its maker.
    mutating func allocate(_ type: ObjType, bytes: Int, clearing: Int = Int.max) -> UInt32? {
        let need = Heap.roundedSize(bytes)
        guard need < size && need <= HeaderLayout.maxBlock else { return nil }
        var block: UInt32 = 0
        let small = need <= Heap.smallLimit
        // Arrays that grow (list and dict storage, tables) come from the high
        // end with the big blocks: the holes they leave behind when they grow
        // then lie among arrays, not between the small long-lived objects.
        let fromHigh = !small || type == .valueArray || type == .rawArray
        if small, smallFree[need / Heap.granule] != 0 {
            block = popSmall(need / Heap.granule)
        } else if small, !fromHigh, let k = largerSmallList(need) {
            // Reusing holes before growing keeps the wilderness whole for big blocks.
            block = splitSmall(k, need)
        } else if !fromHigh, Int(top) + need <= Int(high) {
            block = top
            top += UInt32(need)
            setHeader(block, Heap.header(size: need))
        } else if small, !fromHigh, let b = carve(need) {
            block = b
        } else if let b = takeLarge(need) {
            block = b
        } else if fromHigh, Int(high) - need >= Int(top) {
            high -= UInt32(need)
            block = high
            setHeader(block, Heap.header(size: need))
        } else {
            return nil
        }
        let got = blockSize(block)
        setHeader(block, Heap.header(size: got, type: type.rawValue))
        let body = base + Int(block) + Heap.headerBytes
        let count = type.isRaw ? min(clearing, got - Heap.headerBytes) : got - Heap.headerBytes
        if count <= 4 * Heap.granule {
            // Most objects are a few words: word stores, not a call to memset
            // (written out, since LLVM turns a loop of them into that call).
            // A raw object's count rounds up to whole words, all of them its own.
            let g = Heap.granule
            if count > 0 { body.storeBytes(of: 0, as: HeaderWord.self) }
            if count > g { body.storeBytes(of: 0, toByteOffset: g, as: HeaderWord.self) }
            if count > 2 * g { body.storeBytes(of: 0, toByteOffset: 2 * g, as: HeaderWord.self) }
            if count > 3 * g { body.storeBytes(of: 0, toByteOffset: 3 * g, as: HeaderWord.self) }
        } else {
            body.initializeMemory(as: UInt8.self, repeating: 0, count: count)
        }
        return block
    }

    /// A small block from the front of the carving block, which is the
    /// large block best fit would split for it: one header written per
    /// object, where splitting searched the large list and put the rest
    /// back each time (a quarter of a small allocation's instructions once
    /// the wilderness was used up). nil when the large list is empty.
    @inline(__always) private mutating func carve(_ need: Int) -> UInt32? {
        if Int(carveEnd) - Int(carveAt) < need {
            if carveAt != carveEnd { addFree(carveAt, size: Int(carveEnd) - Int(carveAt)) }
            carveAt = 0; carveEnd = 0
            guard let b = takeLarge(need, whole: true) else { return nil }
            carveAt = b
            carveEnd = b + UInt32(blockSize(b))
        }
        let block = carveAt
        let rest = Int(carveEnd) - Int(carveAt) - need
        if rest >= Heap.minBlock {
            carveAt += UInt32(need)
            setHeader(carveAt, Heap.header(size: rest))
            setHeader(block, Heap.header(size: need))
        } else {
            carveAt = carveEnd  // the whole rest: too small to stand alone
        }
        return block
    }

    /// Best fit over the large list (and, failing that, over larger small
    /// lists), splitting off the rest of the block when it can stand alone
    /// (`whole`: the large block unsplit, for `carve`).
    /// Best fit keeps big holes whole for the big arrays that need them.
    private mutating func takeLarge(_ need: Int, whole: Bool = false) -> UInt32? {
        var prev: UInt32 = 0, cur = largeFree
        var best: UInt32 = 0, bestPrev: UInt32 = 0, bestSize = Int.max
        while cur != 0 {
            let have = blockSize(cur)
            if have >= need && have < bestSize {
                best = cur; bestPrev = prev; bestSize = have
                if have == need { break }
            }
            prev = cur
            cur = freeLink(cur)
        }
        if best != 0 {
            let next = freeLink(best)
            if bestPrev == 0 { largeFree = next } else { setFreeLink(bestPrev, next) }
            freeInLists -= bestSize
            if !whole { split(best, have: bestSize, need: need) }
            return best
        }
        if !whole, need < Heap.smallLimit, let k = largerSmallList(need) { return splitSmall(k, need) }
        return nil
    }

    /// The first small free list above `need`'s size that has a block (its index), from
    /// the lists' mask: asked inline, as most allocations after a collection find none.
    @inline(__always) private func largerSmallList(_ need: Int) -> Int? {
        let first = need / Heap.granule + 1
        if first < 64 {
            let bits = smallMask.low & (~0 << UInt64(first))
            if bits != 0 { return bits.trailingZeroBitCount }
        }
        return smallMask.high & 1 != 0 && first <= 64 ? 64 : nil
    }

    /// A block of small list `k` (larger than `need`), split.
    private mutating func splitSmall(_ k: Int, _ need: Int) -> UInt32 {
        let b = popSmall(k)
        split(b, have: k * Heap.granule, need: need)
        return b
    }

    private mutating func popSmall(_ k: Int) -> UInt32 {
        let b = smallFree[k]
        smallFree[k] = freeLink(b)
        freeInLists -= k * Heap.granule
        if smallFree[k] == 0 {
            if k < 64 { smallMask.low &= ~(1 << UInt64(k)) } else { smallMask.high = 0 }
        }
        return b
    }

    private mutating func split(_ block: UInt32, have: Int, need: Int) {
        if have - need >= Heap.minBlock {
            setHeader(block, Heap.header(size: need))
            addFree(block + UInt32(need), size: have - need)
        } else {
            setHeader(block, Heap.header(size: have))
        }
    }

    mutating func addFree(_ block: UInt32, size: Int) {
        setHeader(block, Heap.header(size: size))
        if size <= Heap.smallLimit {
            let k = size / Heap.granule
            setFreeLink(block, smallFree[k])
            smallFree[k] = block
            if k < 64 { smallMask.low |= 1 << UInt64(k) } else { smallMask.high = 1 }
        } else {
            setFreeLink(block, largeFree)
            largeFree = block
        }
        freeInLists += size
    }

    /// Bytes available for new objects.
    var freeBytes: Int { freeInLists + Int(high) - Int(top) + Int(carveEnd) - Int(carveAt) }

    /// Frees every unmarked block, clears the marks, and merges runs of
    /// free blocks (the wilderness at `top` absorbs a free tail).
    mutating func sweep() {
        carveAt = 0; carveEnd = 0  // its rest is a free block, merged with its neighbours below
        smallFree.update(repeating: 0, count: Heap.smallLists)
        smallMask = (0, 0)
        largeFree = 0
        freeInLists = 0
        // The low region; a free tail joins the wilderness.
        if let tail = sweepRange(from: UInt32(Heap.granule), to: top, keepLastRun: true) { top = tail }
        // The high region; a free head joins the wilderness.
        var o = high
        while o < UInt32(size) {
            let h = header(o)
            if Heap.isLive(h) { break }
            o += UInt32(Heap.size(of: h))
        }
        high = o
        _ = sweepRange(from: high, to: UInt32(size), keepLastRun: false)
    }

    /// Frees dead blocks in from..<to, merging neighbours. With
    /// `keepLastRun`, a free run reaching `to` is returned, not listed.
    private mutating func sweepRange(from: UInt32, to: UInt32, keepLastRun: Bool) -> UInt32? {
        var o = from
        var runStart: UInt32 = 0
        var runSize = 0
        while o < to {
            let h = header(o)
            let sz = Heap.size(of: h)
            if Heap.isLive(h) {
                setHeader(o, h & ~HeaderLayout.markBit)
                if runSize > 0 { addFree(runStart, size: runSize); runSize = 0 }
            } else {
                if h & HeaderLayout.typeMask == HeaderWord(ObjType.klass.rawValue) { sweptClass = true }
                if runSize == 0 { runStart = o }
                runSize += sz
            }
            o += UInt32(sz)
        }
        if runSize > 0 {
            if keepLastRun { return runStart }
            addFree(runStart, size: runSize)
        }
        return nil
    }

    /// Calls `body` with every block, free ones included.
    func forEachBlock(_ body: (UInt32) -> Void) {
        var o = UInt32(Heap.granule)
        while o < top { body(o); o += UInt32(blockSize(o)) }
        o = high
        while o < UInt32(size) { body(o); o += UInt32(blockSize(o)) }
    }
}
