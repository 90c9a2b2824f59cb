// SPDX-License-Identifier: LGPL-2.1-only
//
// Tools run under p14p-dist's guardian (ChildProcess.guardian) end as they
// would without it: exit status, signal, output, timeout, a missing tool.

import Foundation
import P14PDist
import P14PFirmware
import XCTest

final class ChildProcessTests: XCTestCase {
    override func setUpWithError() throws {
        ChildProcess.guardian = try XCTUnwrap(productExecutable("p14p-dist"))
    }

    override func tearDown() {
        ChildProcess.guardian = nil
    }

    func testTheGuardianPassesOnStatusSignalAndOutput() throws {
        let exited = try ChildProcess.capture("sh", ["-c", "echo out; echo err >&2; exit 3"])
        XCTAssertEqual(exited.status, 3)
        XCTAssertNil(exited.signal)
        XCTAssertEqual(exited.stdout, "out\n")
        XCTAssertEqual(exited.stderr, "err\n")

        let killed = try ChildProcess.capture("sh", ["-c", "kill -TERM $$"])
        XCTAssertNil(killed.status)
        XCTAssertEqual(killed.signal, SIGTERM)

        let folder = try temporaryFolder("guarded")
        let here = try ChildProcess.capture("/bin/pwd", [], directory: folder)
        XCTAssertEqual(here.stdout, URL(fileURLWithPath: folder).resolvingSymlinksInPath().path + "\n")
    }

    func testAMissingToolIsRefusedBeforeAnythingRuns() {
        XCTAssertThrowsError(try ChildProcess.capture("p14p-no-such-tool", [])) { error in
            XCTAssertTrue("\(error)".contains("p14p-no-such-tool"), "\(error)")
            XCTAssertTrue("\(error)".contains("No such file"), "\(error)")
        }
    }

    func testATimeoutStopsTheToolAndWhatItStarted() throws {
        let folder = try temporaryFolder("guarded-timeout")
        let pidFile = folder + "/sleeper.pid"
        let result = try ChildProcess.capture("sh", ["-c", "sleep 1000 & echo $! > \(pidFile); wait"], timeout: 1)
        XCTAssertTrue(result.timedOut)
        let sleeper = try XCTUnwrap(pid_t(try readText(pidFile).trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertTrue(ends(sleeper), "the timed-out tool's child outlived it")
    }
}
