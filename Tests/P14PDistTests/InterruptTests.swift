// SPDX-License-Identifier: LGPL-2.1-only
//
// A build stopped by SIGINT or SIGTERM takes its children (and what they
// started) with it and leaves no staging folder; a folder left by a build
// that could not clean up (SIGKILL) is removed by the next build, and its
// children stop even then: a guardian between it and each tool stops the
// tool's group when p14p-dist dies.

import XCTest
@testable import P14PDist

final class InterruptTests: XCTestCase {
    var leftovers: [pid_t] = []

    override func tearDown() {
        for pid in leftovers where isAlive(pid) { kill(pid, SIGKILL) }
    }

    func testTheNextBuildRemovesStaleStagingFolders() throws {
        let repo = try makeFixtureRepository()
        let parent = try temporaryFolder("parent")
        let out = parent + "/dist"
        let stale = [".dist-staging-AbC123", ".dist-staging-999999999-xYz789"]  // no pid (older builds); a pid that cannot run
        let live = ".dist-staging-1-keep00"  // pid 1 is always running
        for name in stale + [live] {
            try FileManager.default.createDirectory(atPath: parent + "/" + name + "/work", withIntermediateDirectories: true)
        }
        let reporter = CollectingReporter()
        var options = ReleaseOptions(repositoryRoot: repo, release: ReleaseNumber("09")!, outputDirectory: out)
        options.boards = ["desktop"]
        _ = try ReleasePipeline().run(options, registry: stubRegistry(), reporter: reporter)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent).sorted(), [live, "dist"])
        let notes = reporter.events.compactMap { event -> String? in
            if case .note(let text) = event { return text }
            return nil
        }
        for name in stale {
            XCTAssertTrue(notes.contains("removed the staging folder \(name) left by an interrupted build"), "\(notes)")
        }
    }

    /// Starts `p14p-dist build` with a "p14p" that never answers and has a child
    /// of its own (as swift build has compilers); returns the build, its stderr
    /// pipe, its folder and that grandchild, once the grandchild runs.
    func startStuckBuild() throws -> (build: Process, errors: Pipe, folder: String, grandchild: pid_t) {
        let tool = try XCTUnwrap(productExecutable("p14p-dist"))
        let repo = try makeFixtureRepository()
        let work = try temporaryFolder("interrupt")
        let pidFile = work + "/grandchild.pid"
        try writeTextAtomically(work + "/p14p", "#!/bin/sh\n/bin/sleep 1000 &\necho $! > \(pidFile)\nwait\n", mode: 0o755)
        let build = Process()
        build.executableURL = URL(fileURLWithPath: tool)
        build.arguments = ["build", "--root", repo, "--release", "09", "--board", "desktop", "--p14p", work + "/p14p", "--out", work + "/dist"]
        let errors = Pipe()
        build.standardOutput = FileHandle.nullDevice
        build.standardError = errors
        try build.run()
        // Wait until the build is inside its child (a generous bound, not a timing assertion).
        let started = Date()
        while (try? readText(pidFile))?.hasSuffix("\n") != true && build.isRunning && Date().timeIntervalSince(started) < 120 {
            usleep(20_000)
        }
        let grandchild = try XCTUnwrap(pid_t((try readText(pidFile)).trimmingCharacters(in: .whitespacesAndNewlines)))
        leftovers.append(grandchild)
        XCTAssertTrue(isAlive(grandchild))
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: work).contains { $0.hasPrefix(".dist-staging-") })
        return (build, errors, work, grandchild)
    }

    func testAKilledBuildStillTakesItsChildrenWithIt() throws {
        let (build, _, _, grandchild) = try startStuckBuild()
        kill(build.processIdentifier, SIGKILL)
        build.waitUntilExit()
        XCTAssertEqual(build.terminationReason, .uncaughtSignal)
        // The guardian heard of its parent's death and stopped the tool's group.
        XCTAssertTrue(ends(grandchild), "the killed build's child process outlived it")
    }

    func testAnInterruptedBuildStopsItsChildrenAndRemovesItsStagingFolder() throws {
        for signal in [SIGTERM, SIGINT] {
            let (build, errors, work, grandchild) = try startStuckBuild()

            kill(build.processIdentifier, signal)
            build.waitUntilExit()
            let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            XCTAssertEqual(build.terminationReason, .exit, stderr)
            XCTAssertEqual(build.terminationStatus, 128 + signal, stderr)
            XCTAssertTrue(stderr.contains("interrupted (\(signal == SIGINT ? "SIGINT" : "SIGTERM"))"), stderr)
            XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: work).contains { $0.contains("staging") })
            // The child's child got SIGTERM then SIGKILL before the build exited; allow for it being reaped.
            XCTAssertTrue(ends(grandchild), "the build's child process outlived it")
        }
    }
}
