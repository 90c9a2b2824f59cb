// SPDX-License-Identifier: LGPL-2.1-only
//
// The one real board build in the tests: the desktop package made from the
// p14p executable built beside these tests (a release build would take
// minutes; `make release` does that), then unpacked by GNU tar and run.

import XCTest
@testable import P14PDist

final class DesktopBuildTests: XCTestCase {
    func testDesktopPackageRunsAndSaysItsRelease() throws {
        let p14p = try XCTUnwrap(productExecutable("p14p"), "build p14p with the same --scratch-path first")
        let version = try runProcess(p14p, ["version"])
        guard version.stdout.contains("release 09") else {
            throw XCTSkip("the built p14p is not stamped for 09 (\(version.stdout)); the tree was restamped")
        }
        let keys = try temporaryFolder("keys")
        try KeyFiles.generate(privatePath: keys + "/release.key", force: false)
        let out = try temporaryFolder("out")
        var options = ReleaseOptions(repositoryRoot: repositoryRoot, release: ReleaseNumber("09")!, outputDirectory: out)
        options.allowDirty = true  // this test builds the working tree, committed or not
        options.boards = ["desktop"]
        options.signingKey = keys + "/release.key"
        var registry = BuilderRegistry()
        registry.register(DesktopBuilder(prebuiltExecutable: p14p))
        let summary = try ReleasePipeline().run(options, registry: registry, reporter: CollectingReporter())
        XCTAssertEqual(summary.boards.map(\.result), ["built"])
        XCTAssertTrue(summary.boards[0].toolchain?.hasPrefix("Swift version") ?? false)

        let dir = out + "/pymite-09"
        let unpack = try sh("mkdir x && tar -xzf \(dir)/pymite-09-desktop.tar.gz -C x && cd x/pymite-09-desktop && ./p14p run app.pmi && ./p14p version",
                            in: try temporaryFolder("unpack"))
        XCTAssertTrue(unpack.succeeded, unpack.stderr)
        XCTAssertTrue(unpack.stdout.contains("p14p example on"), unpack.stdout)
        XCTAssertTrue(unpack.stdout.contains("release 09 (2010-09-21)"), unpack.stdout)
        XCTAssertTrue(unpack.stdout.contains("license (GPL-2.0-only OR LicenseRef-PyMite-Commercial) AND LGPL-2.1-only"))

        let inspection = try Inspector.inspect(dir + "/pymite-09-desktop.tar.gz")
        XCTAssertEqual(inspection.metadata?.board, "desktop")
        XCTAssertEqual(inspection.metadata?.sizes.text.map { $0 > 0 }, true)
        // The host heap is p14p's run-time default (megabytes), not PyMite's 8 KiB.
        XCTAssertGreaterThanOrEqual(inspection.metadata?.sizes.heap ?? 0, 1 << 20)
        XCTAssertEqual(try Inspector.inspect(p14p).stamps.first?.release, "09")
        XCTAssertTrue(try Verifier.verify(path: dir, publicKey: keys + "/release.pub").ok)
        // The source package is what git tracks.
        let source = try TarReader.read(dir + "/pymite-09-src.tar.gz").map(\.path)
        XCTAssertTrue(source.contains("pymite-09/Sources/PyMiteVM/VM.swift"))
        XCTAssertFalse(source.contains { $0.contains("/.build") || $0.hasPrefix("pymite-09/dist/") })
    }

    /// The p14p a release ships: built with DesktopBuilder's flags (the
    /// release build in .build-release, as `make release` makes it), it has
    /// no program interpreter, needs no shared library and carries no
    /// symbol table, and runs with an empty environment, away from the
    /// toolchain. The debug p14p beside the tests is the counter-check.
    func testShippedExecutableIsStaticAndStripped() throws {
        let debug = try XCTUnwrap(productExecutable("p14p"))
        let dynamic = try XCTUnwrap(ELFLinkage(try readFileBytes(debug)))
        XCTAssertNotNil(dynamic.interpreter)
        XCTAssertTrue(dynamic.neededLibraries.contains("libswiftCore.so"), "\(dynamic.neededLibraries)")
        XCTAssertFalse(dynamic.isStatic)

        let shipped = try DesktopBuilder.buildStaticExecutable(repositoryRoot: repositoryRoot, scratchPath: nil,
                                                               board: "desktop", log: { print($0) })
        let linkage = try XCTUnwrap(ELFLinkage(try readFileBytes(shipped)))
        XCTAssertNil(linkage.interpreter)
        XCTAssertEqual(linkage.neededLibraries, [])
        XCTAssertNil(linkage.runPath)
        XCTAssertFalse(linkage.hasSymbolTable, "not stripped")
        // Nothing that differs from one compile to the next: no random module hash, no build ID hashed over it.
        let sections = try sh("readelf -S -W '\(shipped)' && readelf -n '\(shipped)'")
        XCTAssertTrue(sections.succeeded, sections.stderr)
        XCTAssertFalse(sections.stdout.contains(".swift_modhash"), "the module hash is left in")
        XCTAssertFalse(sections.stdout.contains("Build ID"), "a build ID is left in")
        XCTAssertTrue(sections.stdout.contains(".text"), sections.stdout)

        let dir = try temporaryFolder("static")
        try "import sys\nprint('ran', sys.argv[1:], [1, 2] * 2)\n".write(toFile: dir + "/app.py", atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: shipped, toPath: dir + "/p14p")
        let run = try sh("env -i ./p14p compile app.py -o app.pmi && env -i ./p14p run app.pmi x", in: dir)
        XCTAssertTrue(run.succeeded, run.stderr)
        XCTAssertEqual(run.stdout, "ran ['x'] [1, 2, 1, 2]\n")
    }
    /// The shipped build places the functions a run uses first (ld.lld's
    /// --symbol-ordering-file, Sources/p14p/link-order.txt), which keeps the
    /// empty program's peak RSS under 4 MB. The list is of mangled names: once
    /// enough of the VM's and the compiler's functions are renamed it no
    /// longer does its job, and this test says to write it again.
    func testLinkOrderNamesFunctionsTheReleaseBuildHas() throws {
        let flags = DesktopBuilder.staticBuildFlags(repositoryRoot: repositoryRoot)
        XCTAssertTrue(flags.contains("--symbol-ordering-file=" + repositoryRoot + "/" + DesktopBuilder.linkOrderFile), "\(flags)")
        XCTAssertTrue(flags.contains("-use-ld=lld") && flags.contains("-function-sections"), "\(flags)")
        let listed = try String(contentsOfFile: repositoryRoot + "/" + DesktopBuilder.linkOrderFile, encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        let modules = ["PyMiteVM", "PyMiteCompiler", "PyMiteHost", "p14p"]
        // Swift's mangling: $s, the module name's length, the name.
        let prefixes = modules.map { "$s\($0.count)\($0)" }
        let ours = Set(listed.filter { name in prefixes.contains { name.hasPrefix($0) } })
        XCTAssertGreaterThan(ours.count, 200, "the list has few of the VM's functions: run `make link-order`")
        XCTAssertGreaterThan(listed.count - ours.count, 500, "the list has few runtime functions: run `make link-order`")

        _ = try DesktopBuilder.buildStaticExecutable(repositoryRoot: repositoryRoot, scratchPath: nil, board: "desktop", log: { print($0) })
        let objects = modules.map { "'\(repositoryRoot)/.build-release/release/\($0).build/'*.o" }.joined(separator: " ")
        let nm = try sh("llvm-nm --defined-only -j \(objects)")
        XCTAssertTrue(nm.succeeded, nm.stderr)
        let defined = Set(nm.stdout.split(separator: "\n").map(String.init))
        let found = ours.intersection(defined).count
        XCTAssertGreaterThanOrEqual(Double(found), 0.8 * Double(ours.count),
                                    "only \(found) of the \(ours.count) VM and compiler functions in \(DesktopBuilder.linkOrderFile) "
                                        + "still exist: run `make link-order`")
    }
}
