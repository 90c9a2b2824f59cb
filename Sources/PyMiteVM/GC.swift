// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Mark-sweep collection over the arena. Roots: the value stack, every
// frame, the loaded constants and names, the VM's own tables, objects
// allocated since the last instruction boundary, and natives' temporary
// roots. Marking uses an explicit stack so deep structures cannot
// overflow the Swift stack.

extension VM {
    /// Keeps `v` alive through collections until the matching `unroot()`:
    /// natives root the temporaries a later allocation could free, always as
    /// `root(v); defer { unroot() }`, so the roots unwind with the scope.
    func root(_ v: Value) { extraRoots.append(v) }

    func root(_ a: Value, _ b: Value) { extraRoots.append(a); extraRoots.append(b) }

    /// Drops the last root pushed by `root` (`unroot(n)`: the last `n`).
    func unroot() { extraRoots.removeLast() }

    func unroot(_ count: Int) { extraRoots.removeLast(count) }

    func collectGarbage() {
        collections += 1
        // A freed class's, name's or value's offset may be reused: the lookup caches start again
        // (attrCache only when a class goes, below).
        lookupEpoch &+= 1
        if lookupEpoch == 0 { lookupEpoch = 1 }
        // A collection visits the whole heap: under the instruction budget it
        // costs a step per 4 KiB, so a program that keeps its heap full and
        // catches MemoryError in a loop (a collection for every allocation)
        // still ends within the budget's time (fuzz-image found one that took
        // 40 s of 20,000 steps).
        if config.backwardJumpLimit > 0 { budgetSteps += 1 + heap.size / 4096 }
        // A fixed mark stack, kept between collections: a board must not need
        // fresh RAM to collect when it is short of RAM. When it is full, an
        // object is marked but its slots are left for a rescan of the heap,
        // which visits every marked object again (as MicroPython's gc.c). One
        // entry per 256 bytes of heap: 18 on a 4.5 KiB heap, where the 72 of
        // one per 64 bytes were the RAM that a 16 KiB board's C side lacked.
        if markStack.capacity == 0 { markStack.reserveCapacity(max(16, min(256, heap.size / 256))) }
        markOverflowed = false
        for i in 0..<sp { gcMark(stack[i]) }
        for i in 0..<frames.count {
            let f = frames[i]
            gcMark(f.function); gcMark(f.globals); gcMark(f.namespace); gcMark(f.generator); gcMark(f.constructed)
        }
        for i in 0..<constantCount { gcMark(constants[i]) }
        for i in 0..<nameCount { gcMark(names[i]) }
        gcMark(generatorReturnValue); gcMark(builtins); gcMark(modules); gcMark(pendingException)
        gcMark(handledException); gcMark(memoryErrorInstance); gcMark(sysModule)
        gcMark(timeModule); gcMark(machineModule); gcMark(boardModule)
        if internTable != 0 {
            heap.setMark(internTable)
            for i in 0..<internCapacity {
                let entry = heap.u32(internTable, rawDataOffset + 4 * i)
                if entry != 0 { gcMark(.object(entry)) }
            }
        }
        for v in typeClasses { gcMark(v) }
        gcMark(objectBases); gcMark(plainClasses)
        for v in exceptionClasses { gcMark(v) }
        for v in extraRoots { gcMark(v) }
        for i in 0..<young.count { gcMark(.object(young[i])) }
        if emergencyReserve != 0 { heap.setMark(emergencyReserve) }
        gcDrain()
        while markOverflowed {
            markOverflowed = false
            markStackRescans += 1
            heap.forEachBlock { o in
                if heap.isMarked(o) && !heap.type(o).isRaw {
                    gcMarkSlots(of: o)
                    gcDrain()
                }
            }
        }
        heap.sweptClass = false
        heap.sweep()
        if heap.sweptClass { attrCacheChanged() }
    }

    private func gcMark(_ v: Value) {
        guard v.isObject else { return }
        let o = v.objectOffset
        if heap.isStatic(o) || heap.isMarked(o) { return }  // an image's names live outside the heap
        heap.setMark(o)
        guard !heap.type(o).isRaw else { return }
        // Never past the reserved capacity: growing would need RAM the collector is there to find.
        if markStack.count < markStack.capacity { markStack.append(o) } else { markOverflowed = true }
    }

    private func gcMarkSlots(of o: UInt32) {
        let n = heap.slotCount(o)
        var i = 0
        while i < n {
            gcMark(heap.slot(o, i))
            i += 1
        }
    }

    private func gcDrain() {
        while let o = markStack.popLast() { gcMarkSlots(of: o) }
    }

    /// sys.heap(): (free bytes, heap size), as in PyMite.
    func heapStatus() -> (free: Int, size: Int) { (heap.freeBytes, heap.size) }
}

extension VM {
    /// Live blocks per object type (count, bytes), for tests and tuning.
    public func heapCensus() -> [(type: UInt8, count: Int, bytes: Int)] {
        var table = [(type: UInt8, count: Int, bytes: Int)](repeating: (0, 0, 0), count: 64)
        heap.forEachBlock { o in
            let t = Int(heap.typeByte(o))
            let size = heap.blockSize(o)
            if t < 64 { table[t] = (UInt8(t), table[t].count + 1, table[t].bytes + size) }
        }
        return table.filter { $0.count > 0 && $0.type != 0 }
    }
}
