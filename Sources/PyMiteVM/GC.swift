// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial
//
// Mark-sweep collection over the arena. Roots: the value stack, every
// frame, the loaded constants and names, the VM's own tables, objects
// allocated since the last instruction boundary, and natives' temporary
// roots. Marking uses an explicit stack so deep structures cannot
// overflow the Swift stack.

extension VM {
    func collectGarbage() {
        collections += 1
        // The mark stack keeps its storage between collections: a board must
        // not need fresh RAM to collect when it is short of RAM.
        var work: [UInt32] = []
        swap(&work, &markStack)
        defer {
            work.removeAll(keepingCapacity: true)
            swap(&work, &markStack)
        }
        if work.capacity == 0 { work.reserveCapacity(max(16, min(256, heap.size / 64))) }
        @inline(__always) func mark(_ v: Value) {
            guard v.isObject else { return }
            let o = v.objectOffset
            if heap.isMarked(o) { return }
            heap.setMark(o)
            if !heap.type(o).isRaw { work.append(o) }
        }
        for i in 0..<sp { mark(stack[i]) }
        for f in frames {
            mark(f.function); mark(f.globals); mark(f.namespace); mark(f.generator); mark(f.constructed)
        }
        for i in 0..<constantCount { mark(constants[i]) }
        for i in 0..<nameCount { mark(names[i]) }
        for v in [generatorReturnValue, builtins, modules, pendingException, handledException, memoryErrorInstance, sysModule] {
            mark(v)
        }
        if internTable != 0 {
            heap.setMark(internTable)
            for i in 0..<internCapacity {
                let entry = heap.u32(internTable, 8 + 4 * i)
                if entry != 0 { mark(.object(entry)) }
            }
        }
        for v in typeClasses { mark(v) }
        mark(objectBases)
        for v in exceptionClasses { mark(v) }
        for v in extraRoots { mark(v) }
        for o in young { mark(.object(o)) }
        if emergencyReserve != 0 { heap.setMark(emergencyReserve) }
        while let o = work.popLast() {
            let n = heap.slotCount(o)
            var i = 0
            while i < n {
                mark(heap.slot(o, i))
                i += 1
            }
        }
        heap.sweep()
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
