// SPDX-License-Identifier: LGPL-2.1-only
//
// The VM's IR on its way from swiftc to clang: string literals whose
// address is all the code takes get byte alignment; one that code loads
// from keeps what LLVM gave it; nothing else changes.

import XCTest
@testable import P14PFirmware

final class VMCodegenTests: XCTestCase {
    let ir = """
        @.str.5.short = private unnamed_addr constant [6 x i8] c"short\\00"
        @".str.26.a message, align it nowhere" = private unnamed_addr constant [27 x i8] c"a message, align it nowhere\\00"
        @.str.20.loaded_from_directly = private unnamed_addr constant [21 x i8] c"loaded_from_directly\\00"
        @.str.7.aligned = private unnamed_addr constant [8 x i8] c"aligned\\00", align 4
        @.str.17.given_to_a_c_call = private unnamed_addr constant [18 x i8] c"given_to_a_c_call\\00"
        @.str.17.copied_by_memcpy_ = private unnamed_addr constant [18 x i8] c"copied_by_memcpy_\\00"
        @table = constant [1 x i32] [i32 ptrtoint (ptr @.str.5.short to i32)]
        @"$e8PyMiteVM5ValueV4noneACvpZ" = protected constant i32 2, align 4

        define i8 @f(i1 %c) {
          %a = select i1 %c, i32 ptrtoint (ptr @.str.5.short to i32), i32 ptrtoint (ptr @".str.26.a message, align it nowhere" to i32)
          %b = load i32, ptr @.str.20.loaded_from_directly, align 16
          %d = call i8 @g(i32 ptrtoint (ptr @.str.20.loaded_from_directly to i32), i32 ptrtoint (ptr @.str.7.aligned to i32))
          tail call void @p14p_console_write(i32 2, ptr nonnull @.str.17.given_to_a_c_call, i32 17)
          call void @llvm.memcpy.p0.p0.i32(ptr align 4 %buf, ptr align 16 @.str.17.copied_by_memcpy_, i32 16, i1 false)
          ret i8 %d
        }
        """

    func testOnlyLiteralsUsedByAddressBecomeByteAligned() {
        let out = VMCodegen.alignStringLiteralsToBytes(ir: ir).split(separator: "\n", omittingEmptySubsequences: false)
        let before = ir.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(out.count, before.count)
        XCTAssertEqual(out[0], before[0] + ", align 1")
        // A quoted name with ", align" in its text is still recognised by its own end.
        XCTAssertEqual(out[1], before[1] + ", align 1")
        // Loaded with an alignment the optimizer may have counted on: left alone.
        XCTAssertEqual(out[2], before[2])
        // An alignment of its own: left alone.
        XCTAssertEqual(out[3], before[3])
        // Its address given to a C function: byte-aligned; given to memcpy, which may be expanded for its alignment: left alone.
        XCTAssertEqual(out[4], before[4] + ", align 1")
        XCTAssertEqual(out[5], before[5])
        XCTAssertEqual(Array(out[6...]), Array(before[6...]))
    }

    func testFindsEveryLiteralALineNames() {
        let uses = VMCodegen.stringLiteralUses(Substring(
            "  %d = call i8 @g(i32 ptrtoint (ptr @.str.1.x to i32), ptr @\".str.3.a b\", ptr @other)"))
        XCTAssertEqual(uses.map { String($0.0) }, ["@.str.1.x", "@\".str.3.a b\""])
        XCTAssertEqual(uses.map(\.1), [true, true])
        let loads = VMCodegen.stringLiteralUses(Substring("  %v = load i32, ptr getelementptr (i8, ptr @.str.9.x, i32 4), align 4"))
        XCTAssertEqual(loads.map(\.1), [false])
        XCTAssertNil(VMCodegen.stringLiteralDefinition(Substring("@.str.1.x = private unnamed_addr constant [2 x i16] c\"x\\00\"")))
    }
}
