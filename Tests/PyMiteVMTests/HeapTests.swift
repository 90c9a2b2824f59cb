// SPDX-License-Identifier: LGPL-2.1-only
import XCTest
import PyMiteHost
@testable import PyMiteVM

final class HeapTests: XCTestCase {
    func testBootstrapFootprint() {
        let vm = try! VM(config: VMConfig(heapSize: 1 << 20), hooks: HostPlatform.hooks)
        for row in vm.heapCensus() { print("census", ObjType(rawValue: row.type)!, row.count, row.bytes) }
    }
}
