// SPDX-License-Identifier: LGPL-2.1-only
//
// The size table's classification, on a small linker map in ld.lld's
// format and a few lines of made-up VM source: each input section of
// .text lands in its part, by the file it came from or, for the VM's
// functions, by the source file that declares the function.

import XCTest
@testable import P14PFirmware

final class SizeBreakdownTests: XCTestCase {
    let sources = [
        "Interpreter.swift": "extension VM {\n    func run() throws(VMError) -> Value {}\n}\n",
        "Methods.swift": "extension VM {\n    func callStrMethod(_ o: Value) {}\n    func shared() {}\n}\n",
        "ImageFormat.swift": "enum ImageFormat {\n    static func verify() {}\n}\n",
        "List.swift": "extension VM {\n    func shared() {}\n    var listCount: Int { 0 }\n}\n",
    ]

    let map = """
             VMA      LMA     Size Align Out     In      Symbol
               0        0      200    16 .text
               0        0       40     4         /c/fw/c4-startup.o:(.vectors)
               0        0       40     1                 p14p_vectors
              40       40       30     2         /c/vm/PyMiteVM.o:(.text.$e8PyMiteVM0C0C3runAA5ValueVyAA7VMErrorOYKF)
              41       41       30     1                 $e8PyMiteVM0C0C3runAA5ValueVyAA7VMErrorOYKF
              70       70       20     2         /c/vm/PyMiteVM.o:(.text.$e8PyMiteVM0C0C13callStrMethodyAA5ValueVF)
              90       90       10     2         /c/vm/PyMiteVM.o:(.text.$e8PyMiteVM11ImageFormatO6verifyyyFZ)
              a0       a0        8     2         /c/vm/PyMiteVM.o:(.text.$e8PyMiteVM0C0C6sharedyyF)
              a8       a8        8     2         /c/vm/PyMiteVM.o:(.text.$es22_ContiguousArrayBufferV20_consumeAndCreateNew)
              b0       b0        4     2         /c/vm/PyMiteVM.o:(.text.OUTLINED_FUNCTION_1)
              b8       b8       10     4         /usr/lib/libgcc.a(_udivmoddi4.o):(.text)
              c8       c8       18     4         /usr/lib/libc.a(lib_a-vfprintf.o):(.text)
              e0       e0        8     4         /usr/lib/libc.a(lib_a-memcpy.o):(.text)
              e8       e8       10     1         <internal>:(.rodata.str1.1)
              f8       f8        8     4         /c/vm/PyMiteVM.o:(.data.rel.ro)
             100      100       10     4         /usr/lib/libm.a(lib_a-s_ceil.o):(.text)
             110      110       10     4 .ARM.exidx
             110      110       10     4         <internal>:(.ARM.exidx)
        20000000      120        8     4 .data
        20000000      120        8     4         /c/fw/c3-runtime.o:(.data)
        """

    /// Every VM source file with code goes to a part of its own; the heap's, the
    /// values' and the tables' files are the "heap, collector, values" row by design,
    /// so a new file cannot fall there unseen.
    func testEveryVMSourceFileHasItsPart() throws {
        let vm = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/PyMiteVM")
        let heapRow: Set = ["Heap.swift", "GC.swift", "Value.swift", "VM.swift", "Layouts.swift",
                            "NativeIndexTable.swift", "VMNameTable.swift"]
        let files = try FileManager.default.subpathsOfDirectory(atPath: vm.path).filter { $0.hasSuffix(".swift") }
            .map { URL(fileURLWithPath: $0).lastPathComponent }
        XCTAssertGreaterThan(files.count, 20)
        for file in files where !heapRow.contains(file) {
            XCTAssertNotNil(VMSourceIndex.partOfFile[file], "\(file) has no part in the size table (VMSourceIndex.partOfFile)")
        }
    }

    /// The VM's biggest functions are found in their own files in the real sources: a name
    /// declared in two files is left out, so a local `let run` elsewhere once moved the
    /// interpreter loop (VM.run, 7.7 KB) to the "heap, collector, values" row unseen.
    func testTheBigFunctionsOfTheRealSourcesKeepTheirFiles() {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
        let index = VMSourceIndex(repositoryRoot: root)
        let expected = [
            "$e8PyMiteVM0C0C3runAA5ValueVyAA7VMErrorOYKF": "Interpreter.swift",
            "$e8PyMiteVM0C0C13callStrMethodyAA5ValueVAA6NativeO_AfA9ArgumentsVtAA7VMErrorOYKF": "Methods.swift",
            "$e8PyMiteVM0C0C11callBuiltinyAA5ValueVAA6NativeO_AA9ArgumentsVtAA7VMErrorOYKF": "Builtins.swift",
            "$e8PyMiteVM0C0C8newClass4name5bases9namespaceAA5ValueVAI_A2ItAA7VMErrorOYKF": "Classes.swift",
        ]
        for (symbol, file) in expected { XCTAssertEqual(index.file(ofSymbol: symbol), file, symbol) }
    }

    func testEachSectionLandsInItsPart() {
        let b = SizeBreakdown(linkerMap: map, vm: VMSourceIndex(sources: sources))
        XCTAssertEqual(b.bytes[.interpreter], 0x30, "run() is declared in Interpreter.swift")
        XCTAssertEqual(b.bytes[.strings], 0x20, "callStrMethod in Methods.swift")
        XCTAssertEqual(b.bytes[.loader], 0x10, "the type ImageFormat")
        XCTAssertEqual(b.bytes[.swift], 8, "a generic specialization from the standard library")
        XCTAssertEqual(b.bytes[.vm], 8 + 4, "a name two files declare, and outlined code")
        XCTAssertEqual(b.bytes[.float], 0x18 + 0x10, "printf and libm")
        XCTAssertEqual(b.bytes[.constants], 0x10 + 8, "merged string literals, Swift's read-only data")
        XCTAssertEqual(b.bytes[.runtime], 0x40 + 0x10 + 8 + 0x10, "startup, libgcc, memcpy, the unwind table")
        XCTAssertEqual(b.padding, 4, "0xb4 to 0xb8")
        XCTAssertEqual(b.total, 0x120, ".text and .ARM.exidx with the padding, not .data")
        XCTAssertEqual(b.vmFiles["Interpreter.swift"], 0x30)
        XCTAssertEqual(b.vmFiles["?"], 8)
    }

    func testPaddingBetweenSectionsIsCounted() {
        let gapped = map.replacingOccurrences(of: "      70       70       20", with: "      78       78       20")
        XCTAssertEqual(SizeBreakdown(linkerMap: gapped, vm: VMSourceIndex(sources: sources)).padding, 4 + 8)
    }

    func testIdentifiersOfAMangledName() {
        XCTAssertEqual(VMSourceIndex.identifiers(in: "0C0C13callStrMethodyAA5ValueVF"), ["callStrMethod", "Value"])
        XCTAssertEqual(VMSourceIndex.identifiers(in: "11ImageFormatO6verifyyyFZ"), ["ImageFormat", "verify"])
        XCTAssertEqual(VMSourceIndex.identifiers(in: "99tooLong"), [])
    }

    func testAMapWithoutItsHeaderMeasuresNothing() {
        XCTAssertEqual(SizeBreakdown(linkerMap: "not a map\n", vm: VMSourceIndex(sources: [:])).total, 0)
    }
}
