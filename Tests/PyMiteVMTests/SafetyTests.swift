// SPDX-License-Identifier: LGPL-2.1-only
//
// The checks that keep a Python program inside its own objects: the debug
// build's heap-access checks, the linear substring search, the C stack
// limit and the printing flag that replaced the repr cycle list.
import PyMiteHost
import XCTest
@testable import PyMiteVM

final class SafetyTests: XCTestCase {
    func testHeapAccessChecksKnowWhereEachObjectEnds() {
        var heap = Heap(size: 8192)
        let tuple = heap.allocate(.tuple, bytes: 8 + 3 * 8)!
        let str = heap.allocate(.str, bytes: 24 + 5)!
        XCTAssertTrue(heap.isSlotInside(tuple, 0))
        XCTAssertTrue(heap.isSlotInside(tuple, 2))
        XCTAssertFalse(heap.isSlotInside(tuple, 3), "one past the last slot")
        XCTAssertFalse(heap.isSlotInside(tuple, -1))
        XCTAssertFalse(heap.isSlotInside(str, 0), "a str has bytes, not slots")
        XCTAssertTrue(heap.isByteInside(str, 24, 5))
        XCTAssertFalse(heap.isByteInside(str, 24, 9), "past the block")
        XCTAssertFalse(heap.isByteInside(str, 4, 4), "inside the header")
        // Words that are no object: null, unaligned, past the arena, the middle of a block, a free block.
        XCTAssertFalse(heap.isLiveBlock(0))
        XCTAssertFalse(heap.isLiveBlock(tuple + 4))
        XCTAssertFalse(heap.isLiveBlock(UInt32(heap.size)))
        XCTAssertFalse(heap.isLiveBlock(tuple + 8), "a null slot read as a header")
        heap.setMark(str)
        heap.sweep()
        XCTAssertFalse(heap.isLiveBlock(tuple), "freed")
        XCTAssertTrue(heap.isLiveBlock(str))
    }

    func testPrintingFlagLeavesTypeMarkAndSizeAlone() {
        var heap = Heap(size: 4096)
        let list = heap.allocate(.list, bytes: 24)!
        let size = heap.blockSize(list)
        heap.setBeingPrinted(list, true)
        XCTAssertTrue(heap.isBeingPrinted(list))
        XCTAssertEqual(heap.type(list), .list)
        XCTAssertEqual(heap.blockSize(list), size)
        heap.setMark(list)
        heap.sweep()
        XCTAssertTrue(heap.isLiveBlock(list))
        heap.setBeingPrinted(list, false)
        XCTAssertFalse(heap.isBeingPrinted(list))
        XCTAssertEqual(heap.type(list), .list)
    }

    /// The two-way search against a plain one, on strings where periodic
    /// needles and near misses are common.
    func testSubstringSearchAgreesWithTheNaiveSearch() {
        var rng = SplitMix(seed: 7)
        func naive(_ hay: [UInt8], _ needle: [UInt8], from: Int, last: Bool) -> Int? {
            let start = max(0, from)
            guard start <= hay.count, hay.count - start >= needle.count else { return nil }
            let positions = Array(start...(hay.count - needle.count))
            for i in (last ? positions.reversed() : positions) where Array(hay[i..<(i + needle.count)]) == needle {
                return i
            }
            return nil
        }
        for round in 0..<20_000 {
            let alphabet = UInt8(1 + rng.next() % 3)
            let hay = (0..<Int(rng.next() % 80)).map { _ in UInt8(97) + UInt8(rng.next() % UInt64(alphabet)) }
            var needle = (0..<Int(rng.next() % 24)).map { _ in UInt8(97) + UInt8(rng.next() % UInt64(alphabet)) }
            if round % 3 == 0, !hay.isEmpty {
                let at = Int(rng.next() % UInt64(hay.count))
                needle = Array(hay[at..<min(hay.count, at + 1 + Int(rng.next() % 20))])
            }
            let from = Int(rng.next() % 90) - 5
            hay.withUnsafeBufferPointer { h in
                needle.withUnsafeBufferPointer { n in
                    XCTAssertEqual(findBytes(h, n, from: from), naive(hay, needle, from: from, last: false), "find \(hay) \(needle) \(from)")
                    XCTAssertEqual(rfindBytes(h, n, from: from), naive(hay, needle, from: from, last: true), "rfind \(hay) \(needle) \(from)")
                }
            }
        }
    }

    /// countByte (split's count of a one-byte separator) reads eight bytes at a time:
    /// every byte value, at every offset and length around a word, is counted exactly.
    func testCountByteCountsEveryByteValueExactly() {
        var rng = SplitMix(seed: 7)
        for _ in 0..<2000 {
            let hay = (0..<Int(rng.next() % 40)).map { _ in [0, 1, 0x7F, 0x80, 0x81, 0xFE, 0xFF, 32][Int(rng.next() % 8)] as UInt8 }
            let offset = hay.isEmpty ? 0 : Int(rng.next() % UInt64(hay.count))
            for byte: UInt8 in [0, 1, 0x7F, 0x80, 0xFF, 32, 9] {
                let part = Array(hay[offset...])
                part.withUnsafeBufferPointer { XCTAssertEqual(countByte($0, byte), part.filter { $0 == byte }.count, "\(part) \(byte)") }
            }
        }
    }

    func testSubstringSearchIsLinearOnTheWorstCaseOfANaiveOne() {
        // 'a'*n against 'a'*(n/2)+'b' takes n*n/2 comparisons by hand; the
        // two-way search makes a few per byte. Counted, not timed.
        let hay = [UInt8](repeating: 97, count: 200_000)
        let needle = [UInt8](repeating: 97, count: 100_000) + [98]
        hay.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                XCTAssertNil(findBytes(h, n, from: 0))
                XCTAssertNil(rfindBytes(h, n, from: 0))
            }
        }
        // Counted through a reader that counts: a few reads per byte.
        let counter = ReadCounter()
        XCTAssertNil(search(CountingReader(bytes: hay, counter: counter), CountingReader(bytes: needle, counter: counter)))
        XCTAssertLessThan(counter.reads, 4 * (hay.count + needle.count), "reads of the worst case")
        let periodic = [UInt8](repeating: 97, count: 100_000) + [97, 98]
        counter.reads = 0
        XCTAssertEqual(search(CountingReader(bytes: periodic, counter: counter), CountingReader(bytes: [UInt8](repeating: 97, count: 50_000) + [98], counter: counter)), 50_001)
        XCTAssertLessThan(counter.reads, 4 * (periodic.count + 50_001))
    }

    func testHostStackLimitIsBelowTheCallerAndAboveTheStackEnd() {
        let limit = HostStack.run(stackBytes: 4 << 20) { limit -> (UInt, UInt) in
            var marker = 0
            return (limit, withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) })
        }
        XCTAssertNotEqual(limit.0, 0)
        XCTAssertLessThan(limit.0, limit.1)
        // 4 MiB stack, 1 MiB margin: about 3 MiB usable below the thread's
        // first frame (less under a sanitizer's larger frames).
        XCTAssertGreaterThan(limit.1 - limit.0, 1 << 20)
        XCTAssertLessThan(limit.1 - limit.0, 4 << 20)
    }
}

final class ReadCounter { var reads = 0 }

/// A byte reader that counts what the search reads.
struct CountingReader: SearchText {
    let bytes: [UInt8]
    let counter: ReadCounter
    var count: Int { bytes.count }
    subscript(i: Int) -> UInt8 {
        counter.reads += 1
        return bytes[i]
    }
}
