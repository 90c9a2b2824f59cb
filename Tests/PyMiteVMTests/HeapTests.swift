// SPDX-License-Identifier: LGPL-2.1-only
import PyMiteCompiler
import PyMiteHost
import XCTest
@testable import PyMiteVM

final class HeapTests: XCTestCase {
    func testAllocationZeroesSlotsAndSweepFreesUnmarked() {
        var heap = Heap(size: 8192)
        let a = heap.allocate(.tuple, bytes: 40)!
        let b = heap.allocate(.list, bytes: 24)!
        XCTAssertEqual(heap.type(a), .tuple)
        XCTAssertEqual(heap.slot(a, 3), .null)
        let before = heap.freeBytes
        heap.setMark(a)
        heap.sweep()  // b was not marked
        XCTAssertEqual(heap.freeBytes, before + 24)
        XCTAssertGreaterThan(b, a)
        XCTAssertFalse(heap.isMarked(a), "sweep clears marks")
        XCTAssertEqual(heap.type(a), .tuple)
    }

    /// Heap.type casts the header's type byte: every ObjType comes back from its raw value
    /// (which holds only while they run from 0 without a gap), and .free for any other byte.
    func testTypeBytesAreCaseIndexes() {
        for b in 0..<256 {
            let expected = ObjType(rawValue: UInt8(b)) ?? .free
            XCTAssertEqual(objType(byte: UInt8(b)), expected, "type byte \(b)")
        }
        for b in 0...ObjType.last.rawValue { XCTAssertNotNil(ObjType(rawValue: b), "no type has byte \(b)") }
        XCTAssertLessThanOrEqual(HeaderWord(ObjType.last.rawValue), HeaderLayout.typeMask, "the header holds every type byte")
        XCTAssertEqual(ObjType.str.rawValue, 2, "code images hold str objects with this type byte")
    }

    func testFreedNeighboursMerge() {
        var heap = Heap(size: 8192)
        let blocks = (0..<10).map { _ in heap.allocate(.tuple, bytes: 64)! }
        heap.setMark(blocks[0])
        heap.setMark(blocks[9])
        heap.sweep()
        // The eight freed 64-byte blocks in between form one 512-byte block.
        XCTAssertNotNil(heap.allocate(.valueArray, bytes: 512))
    }

    func testLargeBlocksComeFromTheHighEnd() {
        var heap = Heap(size: 16384)
        let small = heap.allocate(.tuple, bytes: 32)!
        let large = heap.allocate(.valueArray, bytes: 2048)!
        XCTAssertLessThan(small, large)
        XCTAssertEqual(Int(large) + 2048, heap.size)
    }

    /// Random allocations and collections keep the arena tiled by blocks,
    /// live blocks intact, and the free count exact.
    /// List and dict storage is freed and made larger as they grow: it comes
    /// from the high end, so the holes it leaves are not among small objects.
    func testGrowingArraysComeFromTheHighEndWhateverTheirSize() {
        var heap = Heap(size: 16384)
        let tuple = heap.allocate(.tuple, bytes: 32)!
        let storage = heap.allocate(.valueArray, bytes: 64)!
        let table = heap.allocate(.rawArray, bytes: 64)!
        let instance = heap.allocate(.instance, bytes: 16)!
        XCTAssertEqual(Int(storage) + 64, heap.size)
        XCTAssertEqual(Int(table) + 64, Int(storage))
        XCTAssertLessThan(tuple, instance)
        XCTAssertLessThan(instance, table)
        // A freed array's hole is reused by the next array of its size.
        heap.setMark(tuple); heap.setMark(table); heap.setMark(instance)
        heap.sweep()
        XCTAssertEqual(heap.allocate(.valueArray, bytes: 64), storage)
    }

    /// A module's dict is made at the size of the globals its code stores,
    /// and a class remembers how many attributes its instances get.
    func testModuleAndInstanceDictsAreMadeAtTheirSize() throws {
        let source = "class A:\n    def __init__(self):\n        self.a = 1\n        self.b = 2\n        self.c = 3\n"
            + "x = A()\ny = A()\nz = 1\nz = 2\n"
        let image = try Compiler.compile(source: source, filename: "t.py", moduleName: "__main__")
        let vm = try VM(config: VMConfig(heapSize: 64 * 1024), hooks: silentHooks())
        try vm.load(image)
        XCTAssertEqual(vm.globalCount(code: 0), 4, "A, x, y, z")
        XCTAssertEqual(vm.runMain(), .finished)
        let main = try XCTUnwrap(vm.dictGetStr(vm.modules, vm.s.__main__))
        let globals = vm.heap.slot(main.objectOffset, ModuleSlot.dict)
        let cls = try XCTUnwrap(vm.dictGetStr(globals, try vm.internBytes(Array("A".utf8))))
        XCTAssertEqual(vm.heap.slot(cls.objectOffset, ClassSlot.instanceSize), .smallInt(3))
        let y = try XCTUnwrap(vm.dictGetStr(globals, try vm.internBytes(Array("y".utf8))))
        XCTAssertEqual(vm.dictCount(vm.instanceDict(y)), 3)
    }

    /// A loaded code record keeps no first line (a 16 KiB board keeps one record per code
    /// object): it is read from the image, after the filename, flags and counts.
    func testLoadedCodeReadsItsFirstLineFromTheImage() throws {
        let source = "x = 1\n\ndef f():\n    return 2\n\n\n\nclass C:\n    def m(self, a, b=3, *c, d, **e):\n        pass\n"
        let image = try Compiler.compile(source: source, filename: "a/longer/name.py", moduleName: "__main__")
        let vm = try VM(config: VMConfig(heapSize: 64 * 1024), hooks: silentHooks())
        try vm.load(image)
        XCTAssertEqual(vm.codes.count, image.codes.count)
        XCTAssertEqual(image.codes.map(\.firstLine), [1, 3, 8, 9])
        for (loaded, code) in zip(vm.codes, image.codes) {
            XCTAssertEqual(loaded.firstLine, code.firstLine, String(decoding: code.name, as: UTF8.self))
            XCTAssertEqual(Array(loaded.name), code.name)
            XCTAssertEqual(String(decoding: loaded.filename, as: UTF8.self), "a/longer/name.py")
        }
    }

    /// classLookup's and the globals' caches hold offsets: after a collection
    /// a new class, name or dict may sit where a freed one was, and must be
    /// looked up afresh (a small heap collects, and reuses offsets, often).
    func testLookupCachesDoNotOutliveACollection() throws {
        let source = """
        for i in range(400):
            class A:
                v = i
                def m(self):
                    return i
            a = A()
            assert a.v == i and a.m() == i and A.v == i, (a.v, i)
            g = {'k%d' % i: i}
            globals()['w'] = i
            assert w == i
        print('ok')
        """
        let (outcome, captured) = try runProgram(source, heap: 16 * 1024)
        XCTAssertEqual(outcome, .finished, captured.err)
        XCTAssertEqual(captured.out, "ok\n")
    }

    /// A reused block comes back cleared, whatever its size (small ones by
    /// word stores, larger ones by memset), from the free lists, the
    /// wilderness or the block small objects are carved from.
    func testReusedBlocksComeBackCleared() {
        var heap = Heap(size: 32 * 1024)
        for round in 0..<3 {
            var blocks: [UInt32] = []
            for size in stride(from: 8, through: 700, by: 4) {
                for type in [ObjType.tuple, .list, .rawArray] {
                    guard let o = heap.allocate(type, bytes: size) else { continue }
                    let n = heap.blockSize(o) - Heap.headerBytes
                    let body = heap.bytePointer(o, Heap.headerBytes)
                    XCTAssertTrue((0..<n).allSatisfy { body[$0] == 0 }, "round \(round): \(type) of \(size) bytes not cleared")
                    body.update(repeating: 0xA5, count: n)  // garbage for the next round to clear
                    blocks.append(o)
                }
            }
            XCTAssertGreaterThan(blocks.count, 100)
            for o in blocks where o % 3 == 0 { heap.setMark(o) }  // keep some, so holes are reused
            heap.sweep()
        }
    }

    /// `copyBytes` copies exactly `count` bytes at any alignment, in each of
    /// its short cases (1 to 3, 4 to 7, 8 to 16 bytes) and through memcpy.
    func testCopyBytesCopiesExactlyTheBytes() {
        let source = (0..<64).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        for n in 0...40 {
            for from in 0..<4 {
                for to in 0..<4 {
                    var target = [UInt8](repeating: 0xEE, count: 64)
                    source.withUnsafeBufferPointer { s in
                        target.withUnsafeMutableBufferPointer { d in copyBytes(to: d.baseAddress! + to, from: s.baseAddress! + from, count: n) }
                    }
                    XCTAssertEqual(Array(target[to..<(to + n)]), Array(source[from..<(from + n)]), "\(n) bytes from \(from) to \(to)")
                    XCTAssertTrue(target[..<to].allSatisfy { $0 == 0xEE } && target[(to + n)...].allSatisfy { $0 == 0xEE },
                                  "\(n) bytes from \(from) to \(to) wrote outside")
                }
            }
        }
    }

    func testRandomAllocationAndSweepKeepTheHeapConsistent() {
        var rng = SplitMix(seed: 42)
        var heap = Heap(size: 64 * 1024)
        var live: [UInt32: (ObjType, Int)] = [:]
        for round in 0..<4000 {
            let size = rng.next() % 8 == 0 ? 520 + Int(rng.next() % 3000) : 16 + Int(rng.next() % 500)
            let type: ObjType = rng.next() % 2 == 0 ? .tuple : .rawArray
            if let o = heap.allocate(type, bytes: size) {
                XCTAssertEqual(o % 8, 0)
                XCTAssertNil(live[o], "block \(o) handed out twice")
                live[o] = (type, heap.blockSize(o))
                XCTAssertGreaterThanOrEqual(heap.blockSize(o), size)
            }
            if round % 10 == 0 {
                // Between collections too (small blocks carved from a free one): every
                // block walks, and the free ones and the wilderness are what freeBytes says.
                var covered = 0, free = 0
                heap.forEachBlock { o in
                    covered += heap.blockSize(o)
                    if live[o] == nil { XCTAssertEqual(heap.type(o), .free); free += heap.blockSize(o) } else { XCTAssertNotEqual(heap.type(o), .free) }
                }
                XCTAssertEqual(covered + Int(heap.high) - Int(heap.top), heap.size - 8)
                XCTAssertEqual(free + Int(heap.high) - Int(heap.top), heap.freeBytes)
            }
            if round % 50 == 49 || heap.freeBytes < 4096 {
                // Keep about half of the blocks.
                for (o, _) in live where rng.next() % 2 == 0 { live[o] = nil }
                for (o, _) in live { heap.setMark(o) }
                heap.sweep()
                var covered = 0, free = 0
                heap.forEachBlock { o in
                    let n = heap.blockSize(o)
                    covered += n
                    if let (t, size) = live[o] {
                        XCTAssertEqual(heap.type(o), t)
                        XCTAssertEqual(n, size)
                        XCTAssertFalse(heap.isMarked(o))
                    } else {
                        XCTAssertEqual(heap.type(o), .free, "a dead block at \(o) was not freed")
                        free += n
                    }
                }
                XCTAssertEqual(covered + Int(heap.high) - Int(heap.top), heap.size - 8)
                XCTAssertEqual(free + Int(heap.high) - Int(heap.top), heap.freeBytes)
            }
        }
    }

    func testCollectorFreesCyclesAndKeepsReachableObjects() throws {
        let (outcome, out) = try runProgram("""
            import sys
            class Node:
                def __init__(self):
                    self.other = None
            sys.gc()
            start = sys.heap()[0]
            keep = []
            for i in range(2000):
                a = Node(); b = Node()
                a.other = b; b.other = a          # a cycle, garbage next round
                if i % 500 == 0:
                    keep.append(a)
            a = b = None
            sys.gc()
            print(len(keep), keep[1].other.other is keep[1])
            print(start - sys.heap()[0] < 4000)
            """, heap: 64 * 1024)
        XCTAssertEqual(outcome, .finished, out.err)
        XCTAssertEqual(out.out, "4 True\nTrue\n")
    }

    /// The collector's mark stack has a fixed size (at most 256 entries): a
    /// list of 3000 lists overflows it, the heap is rescanned, and nothing
    /// reachable is freed (a freed list would be reused by the garbage after).
    func testMarkStackOverflowRescansAndKeepsEverything() throws {
        var output: [UInt8] = []
        var hooks = HostPlatform.hooks
        hooks.write = { _, bytes in output += bytes }
        let image = try Compiler.compile(source: """
            import sys
            keep = [[i, str(i)] for i in range(3000)]
            nested = [[[[j] for j in range(3)] for k in range(3)] for i in range(300)]
            sys.gc()
            junk = [[i, i] for i in range(3000)]
            junk = None
            sys.gc()
            print(all(keep[i] == [i, str(i)] for i in range(3000)), sum(len(x) for x in nested))
            """, filename: "gc.py", moduleName: "__main__")
        let vm = try VM(config: VMConfig(heapSize: 1 << 20), hooks: hooks)
        try vm.load(image)
        XCTAssertEqual(vm.runMain(), .finished, String(decoding: output, as: UTF8.self))
        XCTAssertEqual(String(decoding: output, as: UTF8.self), "True 900\n")
        XCTAssertGreaterThan(vm.markStackRescans, 0, "the mark stack never overflowed: the test does not test the rescan")
    }

    func testExhaustedHeapRaisesMemoryError() throws {
        let (outcome, out) = try runProgram("""
            keep = []
            try:
                while True:
                    keep.append(list(range(20)))
            except MemoryError:
                n = len(keep)
                keep = None
                print("MemoryError", n > 10)
            print(sum(range(100)))
            """, heap: 48 * 1024)
        XCTAssertEqual(outcome, .finished, out.err)
        XCTAssertEqual(out.out, "MemoryError True\n4950\n")
    }

    func testHeapReportsFreeAndSize() throws {
        let (_, out) = try runProgram("import sys\nf, s = sys.heap()\nprint(s, 0 < f < s)", heap: 100_000)
        XCTAssertEqual(out.out, "\(100_000 & ~7) True\n")
    }

    func testTooSmallHeapIsAnErrorNotACrash() {
        XCTAssertThrowsError(try VM(config: VMConfig(heapSize: 2048), hooks: silentHooks()))
    }

    func testBootstrapFitsInASmallHeap() throws {
        let vm = try VM(config: VMConfig(heapSize: 16 * 1024), hooks: silentHooks())
        let used = vm.heapCensus().reduce(0) { $0 + $1.bytes }
        // About 3.6 KiB: built-in functions, methods, exception classes, the
        // types but object and type, their namespaces and sys are not in the
        // heap until a program uses them (NativeLookup.swift, typeClass,
        // makeSysModule); it was 35 KiB, then 8.
        XCTAssertLessThan(used, 4 * 1024, "the built-in objects should leave room in a 16 KiB heap")
    }

    /// Built-in types are made on first use and behave alike in any heap.
    func testBuiltinTypesMadeOnFirstUseBehaveAlike() throws {
        let source = "print(type({1}).__name__, isinstance(True, int), bool.__mro__, issubclass(bool, object), type(type) is type)"
        let (_, small) = try runProgram(source, heap: 16 * 1024)
        let (_, large) = try runProgram(source, heap: 256 * 1024)
        XCTAssertEqual(small.out, "set True (<class 'bool'>, <class 'int'>, <class 'object'>) True True\n")
        XCTAssertEqual(small.out, large.out)
    }

    /// A built-in type made on first use in a full heap is a MemoryError, never a crash.
    func testTypeWithoutRoomIsMemoryError() throws {
        // Room to start (about 3,700 bytes: a class has 8 slots), not for the program: `range`'s class is made on first use.
        let (outcome, out) = try runProgram("x = 0\nfor i in range(5):\n    x = x + i\nprint(x)\n", heap: 3740)
        XCTAssertEqual(outcome, .exited(1))
        XCTAssertTrue(out.err.hasSuffix("MemoryError\n"), out.err)
        let (roomy, fits) = try runProgram("x = 0\nfor i in range(5):\n    x = x + i\nprint(x)\n", heap: 8192)
        XCTAssertEqual(roomy, .finished)
        XCTAssertEqual(fits.out, "10\n")
    }

    /// Built-ins found in the static tables behave as if they had been in the heap all along.
    func testBuiltinsAreFoundOnFirstUseInASmallHeap() throws {
        let source = """
            from sys import exit
            import sys
            print(len("abc"), "a-b".split("-"), [3, 1].copy(), dict.fromkeys("ab"), b"x".upper(), hex(255))
            try:
                {}["k"]
            except LookupError as e:
                print(type(e).__name__, isinstance(e, KeyError), KeyError.__mro__[1].__name__)
            print("upper" in dir(""), "exit" in dir(sys), exit is sys.exit, Ellipsis, NotImplemented)
            class C:
                def __init__(self):
                    super().__init__()
            C()
            print(hasattr("", "nope"), getattr([], "pop").__name__)
            """
        let (outcome, out) = try runProgram(source, heap: 32 * 1024)
        XCTAssertEqual(outcome, .finished, out.err)
        XCTAssertEqual(out.out, """
            3 ['a', 'b'] [3, 1] {'a': None, 'b': None} b'X' 0xff
            KeyError True LookupError
            True True True Ellipsis NotImplemented
            False pop

            """)
    }
}

final class InterpreterTests: XCTestCase {
    func testTracebackNamesEveryFrame() throws {
        let (outcome, out) = try runProgram("""
            def inner(x):
                return 10 // x
            def outer():
                return inner(0)
            outer()
            """)
        XCTAssertEqual(outcome, .exited(1))
        XCTAssertEqual(out.err, """
            Traceback (most recent call last):
              File "test.py", line 5, in <module>
              File "test.py", line 4, in outer
              File "test.py", line 2, in inner
            ZeroDivisionError: integer division or modulo by zero

            """)
    }

    func testSysExitStatus() throws {
        let (outcome, _) = try runProgram("import sys\nsys.exit(7)")
        XCTAssertEqual(outcome, .exited(7))
    }

    static let wideArithmetic = """
        x = 2 ** 61
        print(x - 1 + x)
        for f in (lambda: x * 4, lambda: -x - x - 1, lambda: 9223372036854775807 + 1, lambda: 1 << 64):
            try:
                print(f())
            except OverflowError:
                print("overflow")
        print(-2147483648 // -1, 2147483647 * 2)
        """

    /// A board without long ints raises OverflowError past 63 bits: never a wrapped value.
    func testIntegersNeverWrapWithoutLongInts() throws {
        let (outcome, out) = try runProgram(Self.wideArithmetic, longInts: false)
        XCTAssertEqual(outcome, .finished, out.err)
        XCTAssertEqual(out.out, "4611686018427387903\noverflow\noverflow\noverflow\noverflow\n2147483648 4294967294\n")
    }

    func testIntegersAreExactWithLongInts() throws {
        let (outcome, out) = try runProgram(Self.wideArithmetic)
        XCTAssertEqual(outcome, .finished, out.err)
        XCTAssertEqual(out.out, "4611686018427387903\n9223372036854775808\n-4611686018427387905\n9223372036854775808\n18446744073709551616\n2147483648 4294967294\n")
    }

    func testRecursionLimitRaisesRecursionError() throws {
        let (outcome, out) = try runProgram("""
            def down(n):
                return down(n + 1)
            try:
                down(0)
            except RecursionError:
                print("caught")
            """)
        XCTAssertEqual(outcome, .finished, out.err)
        XCTAssertEqual(out.out, "caught\n")
    }

    func testBackwardJumpLimitStopsARunawayLoop() throws {
        let (outcome, out) = try runProgram("while True:\n    pass\n", limit: 10_000)
        XCTAssertEqual(outcome, .exited(1))
        XCTAssertTrue(out.err.contains("instruction budget exhausted"))
    }
}
