// SPDX-License-Identifier: LGPL-2.1-only
//
// p14p-dist doctor: on a PATH of fake tools (most of them missing) it names
// each missing thing and how to get it, without crashing; on this machine
// it finds swiftc. And p14p-dist clean-cache.

import Foundation
import XCTest
@testable import P14PDist

final class DoctorTests: XCTestCase {
    /// A folder of shell-script tools; the doctor's PATH and toolchain point here.
    func fakeTools(_ tools: [String: String]) throws -> String {
        let bin = try temporaryFolder("doctor-bin")
        for (name, body) in tools {
            try writeTextAtomically(bin + "/" + name, "#!/bin/sh\n" + body + "\n")
            chmod(bin + "/" + name, 0o755)
        }
        return URL(fileURLWithPath: bin).resolvingSymlinksInPath().path
    }

    func doctor(path: String, probe: Bool = true) throws -> Doctor {
        var d = Doctor(repositoryRoot: repositoryRoot, environment: ["PATH": path])
        d.probeUnsupportedTargets = probe
        d.cacheDirectory = try temporaryFolder("doctor-cache")
        return d
    }

    /// A swiftc that knows its version and crashes on anything else, like Swift 6.3 on AVR.
    let crashingSwiftc = """
        if [ "$1" = -version ]; then echo "Swift version 9.9-fake"; echo "Target: x86_64-unknown-linux-gnu"; exit 0; fi
        echo "Invalid bitcast" >&2; echo "Stack dump:" >&2; kill -ABRT $$
        """

    func testAMachineWithoutTheToolsGetsEachNamedWithItsFix() throws {
        let bin = try fakeTools(["swiftc": crashingSwiftc])
        let report = try doctor(path: bin).run()

        XCTAssertEqual(report.check("swiftc")?.state, .ok)
        XCTAssertEqual(report.check("swiftc")?.detail, "Swift version 9.9-fake at \(bin)/swiftc")
        for name in ["clang", "ld.lld"] {
            XCTAssertEqual(report.check(name)?.state, .missing, name)
            XCTAssertTrue(report.check(name)?.detail.contains("not beside swiftc") ?? false, name)
        }
        let stdlib = try XCTUnwrap(report.check("Embedded stdlib armv7em-none-none-eabi"))
        XCTAssertEqual(stdlib.state, .missing)
        XCTAssertTrue(stdlib.boards.contains("mps2-an385"), "\(stdlib.boards)")
        XCTAssertEqual(report.check("arm-none-eabi-gcc")?.fix, "run `make setup` (apt: gcc-arm-none-eabi)")
        XCTAssertEqual(report.check("riscv64-unknown-elf-gcc")?.fix, "run `make setup` (apt: gcc-riscv64-unknown-elf)")
        XCTAssertEqual(report.check("arm-none-eabi-gcc -mthumb -march=armv7-m -mfloat-abi=soft")?.state, .missing)
        XCTAssertEqual(report.check("qemu-system-arm")?.fix, "run `make setup` (apt: qemu-system-arm)")
        XCTAssertEqual(report.check("qemu-system-riscv32")?.fix, "run `make setup` (apt: qemu-system-misc)")
        XCTAssertEqual(report.check("qemu-system-arm -M mps2-an385")?.state, .missing)
        XCTAssertEqual(report.check("pkg-config")?.fix, "run `make setup` (apt: pkg-config)")
        XCTAssertEqual(report.check("libarchive (pkg-config)")?.state, .missing)
        XCTAssertEqual(report.check("openssl")?.fix, "run `make setup` (apt: openssl)")
        XCTAssertEqual(report.check("Swift compiles for avr-none-none-elf")?.detail, "still fails (compiler crash: Invalid bitcast)")

        XCTAssertFalse(report.ok)
        let mps2 = try XCTUnwrap(report.board("mps2-an385"))
        XCTAssertEqual(mps2.verdict, .notBuildable)
        XCTAssertTrue(mps2.summary.hasPrefix("not buildable: Embedded stdlib armv7em-none-none-eabi: not in "), mps2.summary)
        XCTAssertTrue(mps2.missing.contains("qemu-system-arm: not found on PATH"), "\(mps2.missing)")
        XCTAssertTrue(report.problems.contains("mps2-an385: clang: not beside swiftc (\(bin)/clang)"), "\(report.problems)")
        XCTAssertTrue(report.problems.contains { $0.hasPrefix("desktop: pkg-config") }, "\(report.problems)")
        // Planned and unsupported boards are reported but never fail the doctor.
        XCTAssertFalse(report.problems.contains { $0.hasPrefix("econotag:") || $0.hasPrefix("avr:") })
        XCTAssertEqual(report.board("avr")?.verdict, .skipped)
        XCTAssertTrue(report.board("avr")?.summary.contains("still fails (compiler crash") ?? false)
    }

    func testNoSwiftcAtAll() throws {
        let report = try doctor(path: try fakeTools([:])).run()
        XCTAssertEqual(report.check("swiftc")?.state, .missing)
        XCTAssertTrue(report.check("swiftc")?.fix?.contains("swift.org") ?? false)
        XCTAssertEqual(report.check("clang")?.detail, "needs swiftc")
        XCTAssertEqual(report.board("desktop")?.verdict, .notBuildable)
        XCTAssertTrue(report.board("desktop")?.summary.hasPrefix("not buildable: swiftc: not found on PATH") ?? false)
        XCTAssertEqual(report.check("Swift compiles for avr-none-none-elf")?.detail, "not checked: needs swiftc")
    }

    func testAQEMUWithoutTheMachineAndACompilerThatNowWorks() throws {
        let bin = try fakeTools([
            "swiftc": "if [ \"$1\" = -version ]; then echo 'Swift version 9.9-fake'; fi; exit 0",
            "qemu-system-arm": """
                if [ "$1" = --version ]; then echo "QEMU emulator version 1.0-fake"; exit 0; fi
                echo "Supported machines are:"; echo "mps2-an385           ARM MPS2 with AN385 FPGA image for Cortex-M3"
                """,
        ])
        let report = try doctor(path: bin).run()
        XCTAssertEqual(report.check("qemu-system-arm")?.detail, "QEMU emulator version 1.0-fake at \(bin)/qemu-system-arm")
        XCTAssertEqual(report.check("qemu-system-arm -M mps2-an385")?.state, .ok)
        let netduino = try XCTUnwrap(report.check("qemu-system-arm -M netduinoplus2"))
        XCTAssertEqual(netduino.state, .missing)
        XCTAssertEqual(netduino.detail, "this qemu-system-arm has no machine netduinoplus2")
        XCTAssertEqual(report.check("Swift compiles for avr-none-none-elf")?.detail,
                       "compiles now: the recipe's status can be revisited")
    }

    func testAHangingCompilerIsStoppedAtTheTimeout() throws {
        let bin = try fakeTools(["swiftc": "if [ \"$1\" = -version ]; then echo 'Swift version 9.9-fake'; exit 0; fi; /bin/sleep 30; /bin/sleep 30"])
        var d = try doctor(path: bin)
        d.compileTimeout = 1
        let start = Date()
        let report = try d.run()
        XCTAssertLessThan(Date().timeIntervalSince(start), 15)
        XCTAssertEqual(report.check("Swift compiles for avr-none-none-elf")?.detail, "still fails (no result after 1 s)")
    }

    func testThisMachineHasSwiftc() throws {
        var d = Doctor(repositoryRoot: repositoryRoot)
        d.probeUnsupportedTargets = false
        let report = try d.run()
        let swiftc = try XCTUnwrap(report.check("swiftc"))
        XCTAssertEqual(swiftc.state, .ok, swiftc.detail)
        XCTAssertTrue(swiftc.detail.hasPrefix("Swift version "), swiftc.detail)
        XCTAssertEqual(report.board("desktop")?.verdict, .runnable, report.board("desktop")?.summary ?? "")
        XCTAssertNil(report.check("Swift compiles for avr-none-none-elf"), "--quick skips the probe")
        for b in report.boards where b.required { XCTAssertEqual(b.verdict == .runnable, b.missing.isEmpty, b.summary) }
    }

    // MARK: The command line

    func testTheCommandExitsOneNamingWhatIsMissing() throws {
        let tool = try XCTUnwrap(productExecutable("p14p-dist"))
        let bin = try fakeTools(["swiftc": crashingSwiftc])
        let text = try runProcess(tool, ["doctor", "--quick", "--root", repositoryRoot], environment: ["PATH": bin])
        XCTAssertEqual(text.status, 1)
        XCTAssertTrue(text.stdout.contains("MISSING  qemu-system-arm "), text.stdout)
        XCTAssertTrue(text.stdout.contains("fix: run `make setup` (apt: qemu-system-arm)"), text.stdout)
        let qemuLine = text.stdout.split(separator: "\n").first { $0.hasPrefix("missing: qemu-system-arm (for ") } ?? ""
        XCTAssertTrue(qemuLine.contains("mps2-an385") && qemuLine.contains("stm32"), text.stdout)
        XCTAssertTrue(text.stderr.contains("thing(s) missing for the supported and emulated boards"), text.stderr)

        let json = try runProcess(tool, ["doctor", "--quick", "--json", "--root", repositoryRoot], environment: ["PATH": bin])
        XCTAssertEqual(json.status, 1)
        let report = try JSONDecoder().decode(DoctorReport.self, from: Data(json.stdout.utf8))
        XCTAssertFalse(report.ok)
        XCTAssertTrue(json.stdout.contains("\"ok\" : false"), json.stdout)
        XCTAssertEqual(report.check("ld.lld")?.state, .missing)
        XCTAssertEqual(report.board("stm32")?.verdict, .notBuildable)
    }

    func testTheCommandOnThisMachine() throws {
        let tool = try XCTUnwrap(productExecutable("p14p-dist"))
        let result = try runProcess(tool, ["doctor", "--root", repositoryRoot, "--json"])
        let report = try JSONDecoder().decode(DoctorReport.self, from: Data(result.stdout.utf8))
        XCTAssertEqual(report.check("swiftc")?.state, .ok)
        XCTAssertEqual(result.status, report.ok ? 0 : 1, report.problems.joined(separator: "\n"))
    }

    func testCleanCacheEmptiesOrPrunesTheFirmwareCache() throws {
        let tool = try XCTUnwrap(productExecutable("p14p-dist"))
        let repo = try makeFixtureRepository()
        let cache = repo + "/.build-p14p-firmware"
        for (name, daysAgo) in [("vm-a1", 0.0), ("stm32-b1", 0), ("stm32-b2", 40), ("stm32-b3", 41)] {
            try FileManager.default.createDirectory(atPath: cache + "/" + name, withIntermediateDirectories: true)
            try writeTextAtomically(cache + "/\(name)/firmware.elf", String(repeating: "x", count: 100))
            try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-daysAgo * 86400)],
                                                  ofItemAtPath: cache + "/" + name)
        }
        let stale = try runProcess(tool, ["clean-cache", "--stale", "--root", repo])
        XCTAssertEqual(stale.status, 0, stale.stderr)
        XCTAssertTrue(stale.stdout.hasPrefix("removed 2 entries"), stale.stdout)
        XCTAssertTrue(stale.stdout.hasSuffix("; 2 kept\n"), stale.stdout)
        let all = try runProcess(tool, ["clean-cache", "--root", repo])
        XCTAssertTrue(all.stdout.hasPrefix("removed 2 entries"), all.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache))
    }
}
