// SPDX-License-Identifier: LGPL-2.1-only
import XCTest
@testable import PyMiteVM

final class ImageFormatTests: XCTestCase {
    func testRoundTrip() throws {
        var code = CodeObject(name: Array("<module>".utf8), filename: Array("t.py".utf8))
        code.flags = CodeFlags.module
        code.stackSize = 1
        code.constants = [.none, .int(-5), .str(Array("hé".utf8)), .float(1.5), .bigInt(Array("123456789012345678901234567890".utf8))]
        code.instructions = [Instruction(.loadConst, 0).raw, Instruction(.returnValue).raw]
        code.lineTable = [LineEntry(start: 0, line: 1)]
        let image = Image(modules: [ImageModule(name: Array("__main__".utf8), code: 0)], codes: [code])
        let bytes = ImageFormat.encode(image)
        XCTAssertEqual(try ImageFormat.decode(bytes), image)
    }
}
