// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// The Python heap: one fixed-size arena, tiled by blocks. Each block
// starts with an 8-byte header: size in bytes (high 32 bits), the
// "being printed" flag (bit 9), mark bit (bit 8) and object type (low
// 8 bits; 0 = free). Objects are reached
// by byte offset, never by Swift reference, so a collection is a plain
// mark-sweep over the arena (GC.swift) and cycles cost nothing special.
//
// Most objects are "slotted": after the header comes an array of Values
// filling the block, which the collector scans. "Raw" objects (floats,
// strings, byte buffers) hold bytes the collector must not scan.

public enum ObjType: UInt8 {
    case free = 0
    // Raw objects.
    case float = 1, str, bytes, rawArray, longInt
    // Slotted objects (the collector scans every slot).
    case tuple = 16, list, valueArray, dict, set, range, function, cell
    case klass, instance, boundMethod, module, generator, iterator, slice
    case property, staticMethod, classMethod, superObject, bytearray, pin

    @inline(__always) var isRaw: Bool { rawValue < 16 }
}

struct Heap {
    let base: UnsafeMutableRawPointer
    let size: Int
    /// Small blocks grow up from the bottom, large ones down from the end,
    /// so short-lived big arrays do not fragment the long-lived small
    /// objects' space. Everything in top..<high is free, outside the lists.
    var top: UInt32
    var high: UInt32
    /// Exact-size free lists for blocks up to `smallLimit` bytes, indexed by size / 8.
    var smallFree: [UInt32]
    /// Bit k set when smallFree[k] is not empty (k = size / 8, up to 64),
    /// so finding a larger free block is a bit scan, not a walk.
    var smallMask: (low: UInt64, high: UInt64) = (0, 0)
    /// Larger free blocks, first fit.
    var largeFree: UInt32 = 0
    var freeInLists: Int = 0

    static let smallLimit = 512
    static let minBlock = 16

    init(size requested: Int) {
        // Offsets are UInt32; Int(Int32.max) also fits a 32-bit board's Int.
        let size = max(1024, min(requested, Int(Int32.max) - 64)) & ~7
        self.size = size
        base = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        top = 8  // offset 0 is the null value
        high = UInt32(size)
        smallFree = [UInt32](repeating: 0, count: Heap.smallLimit / 8 + 1)
    }

    // MARK: Block headers

    @inline(__always) func header(_ o: UInt32) -> UInt64 { base.load(fromByteOffset: Int(o), as: UInt64.self) }
    @inline(__always) func setHeader(_ o: UInt32, _ h: UInt64) { base.storeBytes(of: h, toByteOffset: Int(o), as: UInt64.self) }
    @inline(__always) func blockSize(_ o: UInt32) -> Int { Int(header(o) >> 32) }
    @inline(__always) func typeByte(_ o: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: header(o)) }
    @inline(__always) func type(_ o: UInt32) -> ObjType { ObjType(rawValue: typeByte(o)) ?? .free }
    @inline(__always) func isMarked(_ o: UInt32) -> Bool { header(o) & 0x100 != 0 }
    @inline(__always) func setMark(_ o: UInt32) { setHeader(o, header(o) | 0x100) }
    @inline(__always) func clearMark(_ o: UInt32) { setHeader(o, header(o) & ~0x100) }
    /// A container whose repr is being written: met again, it prints as [...].
    @inline(__always) func isBeingPrinted(_ o: UInt32) -> Bool { header(o) & 0x200 != 0 }
    @inline(__always) func setBeingPrinted(_ o: UInt32, _ on: Bool) {
        setHeader(o, on ? header(o) | 0x200 : header(o) & ~0x200)
    }

    // MARK: Slots and raw bytes
    //
    // Debug builds check every access: it must land in a live block, a
    // slot index within a slotted object, bytes within the block. A value
    // taken for the wrong kind of object traps where it is misread
    // instead of reading a neighbour's memory. Release builds check nothing.

    @inline(__always) func slot(_ o: UInt32, _ i: Int) -> Value {
        assert(isSlotInside(o, i), "heap: slot outside its object")
        return Value(raw: base.load(fromByteOffset: Int(o) + 8 + i * 8, as: UInt64.self))
    }
    @inline(__always) func setSlot(_ o: UInt32, _ i: Int, _ v: Value) {
        assert(isSlotInside(o, i), "heap: slot outside its object")
        base.storeBytes(of: v.raw, toByteOffset: Int(o) + 8 + i * 8, as: UInt64.self)
    }
    @inline(__always) func slotCount(_ o: UInt32) -> Int { (blockSize(o) - 8) / 8 }
    @inline(__always) func slotPointer(_ o: UInt32, _ i: Int) -> UnsafeMutablePointer<Value> {
        assert(isSlotInside(o, i) || (isLiveBlock(o) && !type(o).isRaw && i == slotCount(o)), "heap: slot outside its object")
        return (base + Int(o) + 8 + i * 8).assumingMemoryBound(to: Value.self)
    }
    @inline(__always) func u32(_ o: UInt32, _ byteOffset: Int) -> UInt32 {
        assert(isByteInside(o, byteOffset, 4), "heap: bytes outside their object")
        return base.load(fromByteOffset: Int(o) + byteOffset, as: UInt32.self)
    }
    @inline(__always) func setU32(_ o: UInt32, _ byteOffset: Int, _ v: UInt32) {
        assert(isByteInside(o, byteOffset, 4), "heap: bytes outside their object")
        base.storeBytes(of: v, toByteOffset: Int(o) + byteOffset, as: UInt32.self)
    }
    @inline(__always) func bytePointer(_ o: UInt32, _ byteOffset: Int) -> UnsafeMutablePointer<UInt8> {
        assert(isByteInside(o, byteOffset, 0), "heap: bytes outside their object")
        return (base + Int(o) + byteOffset).assumingMemoryBound(to: UInt8.self)
    }

    /// A free block's link to the next one in its list (the allocator's own field).
    @inline(__always) func freeLink(_ o: UInt32) -> UInt32 { base.load(fromByteOffset: Int(o) + 8, as: UInt32.self) }
    @inline(__always) func setFreeLink(_ o: UInt32, _ next: UInt32) {
        base.storeBytes(of: next, toByteOffset: Int(o) + 8, as: UInt32.self)
    }

    /// Whether `o` looks like the start of a live block (debug checks).
    func isLiveBlock(_ o: UInt32) -> Bool {
        guard o >= 8, o & 7 == 0, Int(o) + 8 <= size else { return false }
        let n = blockSize(o)
        return typeByte(o) != 0 && ObjType(rawValue: typeByte(o)) != nil
            && n >= Heap.minBlock && n & 7 == 0 && Int(o) + n <= size
    }
    func isSlotInside(_ o: UInt32, _ i: Int) -> Bool {
        isLiveBlock(o) && !type(o).isRaw && i >= 0 && i < slotCount(o)
    }
    func isByteInside(_ o: UInt32, _ byteOffset: Int, _ width: Int) -> Bool {
        isLiveBlock(o) && byteOffset >= 8 && byteOffset + width <= blockSize(o)
    }
    /// Debug builds check that `v` is an object of one of `kinds`.
    @inline(__always) func expect(_ o: UInt32, _ kind: ObjType) {
        assert(isLiveBlock(o) && type(o) == kind, "heap: object of the wrong kind")
    }
    @inline(__always) func expect(_ o: UInt32, _ kind: ObjType, or other: ObjType) {
        assert(isLiveBlock(o) && (type(o) == kind || type(o) == other), "heap: object of the wrong kind")
    }

    // MARK: Allocation

    @inline(__always) static func roundedSize(_ bytes: Int) -> Int { max(minBlock, (bytes + 7) & ~7) }

    /// A block of at least `bytes` bytes (header included) typed `type`, its
    /// slots set to null; nil when no free block is large enough.
    mutating func allocate(_ type: ObjType, bytes: Int) -> UInt32? {
        let need = Heap.roundedSize(bytes)
        guard need < size else { return nil }
        var block: UInt32 = 0
        let small = need <= Heap.smallLimit
        if small, smallFree[need / 8] != 0 {
            block = popSmall(need / 8)
        } else if small, let b = splitSmall(need) {
            // Reusing holes before growing keeps the wilderness whole for big blocks.
            block = b
        } else if small, Int(top) + need <= Int(high) {
            block = top
            top += UInt32(need)
            setHeader(block, UInt64(need) << 32)
        } else if let b = takeLarge(need) {
            block = b
        } else if !small, Int(high) - need >= Int(top) {
            high -= UInt32(need)
            block = high
            setHeader(block, UInt64(need) << 32)
        } else {
            return nil
        }
        let got = blockSize(block)
        setHeader(block, UInt64(got) << 32 | UInt64(type.rawValue))
        (base + Int(block) + 8).initializeMemory(as: UInt8.self, repeating: 0, count: got - 8)
        return block
    }

    /// Best fit over the large list (and, failing that, over larger small
    /// lists), splitting off the rest of the block when it can stand alone.
    /// Best fit keeps big holes whole for the big arrays that need them.
    private mutating func takeLarge(_ need: Int) -> UInt32? {
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
            split(best, have: bestSize, need: need)
            return best
        }
        if need < Heap.smallLimit, let b = splitSmall(need) { return b }
        return nil
    }

    /// A free block from the next larger small size that has one, split.
    private mutating func splitSmall(_ need: Int) -> UInt32? {
        let first = need / 8 + 1
        var k = -1
        if first < 64 {
            let bits = smallMask.low & (~0 << UInt64(first))
            if bits != 0 { k = bits.trailingZeroBitCount }
        }
        if k < 0 && smallMask.high & 1 != 0 && first <= 64 { k = 64 }
        guard k >= 0 else { return nil }
        let b = popSmall(k)
        split(b, have: k * 8, need: need)
        return b
    }

    private mutating func popSmall(_ k: Int) -> UInt32 {
        let b = smallFree[k]
        smallFree[k] = freeLink(b)
        freeInLists -= k * 8
        if smallFree[k] == 0 {
            if k < 64 { smallMask.low &= ~(1 << UInt64(k)) } else { smallMask.high = 0 }
        }
        return b
    }

    private mutating func split(_ block: UInt32, have: Int, need: Int) {
        if have - need >= Heap.minBlock {
            setHeader(block, UInt64(need) << 32)
            addFree(block + UInt32(need), size: have - need)
        } else {
            setHeader(block, UInt64(have) << 32)
        }
    }

    mutating func addFree(_ block: UInt32, size: Int) {
        setHeader(block, UInt64(size) << 32)
        if size <= Heap.smallLimit {
            setFreeLink(block, smallFree[size / 8])
            smallFree[size / 8] = block
            if size / 8 < 64 { smallMask.low |= 1 << UInt64(size / 8) } else { smallMask.high = 1 }
        } else {
            setFreeLink(block, largeFree)
            largeFree = block
        }
        freeInLists += size
    }

    /// Bytes available for new objects.
    var freeBytes: Int { freeInLists + Int(high) - Int(top) }

    /// Frees every unmarked block, clears the marks, and merges runs of
    /// free blocks (the wilderness at `top` absorbs a free tail).
    mutating func sweep() {
        for i in 0..<smallFree.count { smallFree[i] = 0 }
        smallMask = (0, 0)
        largeFree = 0
        freeInLists = 0
        // The low region; a free tail joins the wilderness.
        if let tail = sweepRange(from: 8, to: top, keepLastRun: true) { top = tail }
        // The high region; a free head joins the wilderness.
        var o = high
        while o < UInt32(size) {
            let h = header(o)
            if UInt8(truncatingIfNeeded: h) != 0 && h & 0x100 != 0 { break }
            o += UInt32(h >> 32)
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
            let sz = Int(h >> 32)
            let live = UInt8(truncatingIfNeeded: h) != 0 && h & 0x100 != 0
            if live {
                setHeader(o, h & ~0x100)
                if runSize > 0 { addFree(runStart, size: runSize); runSize = 0 }
            } else {
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
        var o: UInt32 = 8
        while o < top { body(o); o += UInt32(blockSize(o)) }
        o = high
        while o < UInt32(size) { body(o); o += UInt32(blockSize(o)) }
    }
}
