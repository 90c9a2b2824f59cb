// SPDX-License-Identifier: LGPL-2.1-only
//
// SPDX headers by part of the tree.

import XCTest
@testable import P14PDist

final class LicenseCheckTests: XCTestCase {
    func testTheRepositoryPasses() {
        let report = LicenseCheck.run(root: repositoryRoot, files: SourceTree.files(root: repositoryRoot))
        XCTAssertTrue(report.ok, report.findings.map { "\($0.path): \($0.problem)" }.joined(separator: "\n"))
        XCTAssertGreaterThan(report.checked.count, 50)
        XCTAssertEqual(report.expressions["Sources/PyMiteVM/VM.swift"], LicensePolicy.vmCore)
    }

    func testFilesWithoutTheRightHeaderAreNamed() throws {
        let root = try temporaryFolder("license")
        let files: [String: String] = [
            "Sources/PyMiteVM/Good.swift": "// SPDX-License-Identifier: GPL-2.0-only OR LicenseRef-PyMite-Commercial\n",
            "Sources/PyMiteVM/Wrong.swift": "// SPDX-License-Identifier: LGPL-2.1-only\n",
            "Sources/Tool/None.swift": "import Foundation\n",
            "tools/run.sh": "#!/bin/sh\n# SPDX-License-Identifier: LGPL-2.1-only\n",
            "tools/bare": "#!/bin/sh\necho no header\n",
            "docs/guide.md": "<!-- SPDX-License-Identifier: GFDL-1.2-only -->\n# Guide\n",
            "README.md": "# no header\n",
            "Tests/corpus/x.expected": "data, not source\n",
        ]
        for (path, text) in files {
            try FileManager.default.createDirectory(atPath: root + "/" + (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try writeTextAtomically(root + "/" + path, text)
        }
        let report = LicenseCheck.run(root: root, files: SourceTree.files(root: root))
        XCTAssertEqual(report.findings.map(\.path).sorted(),
                       ["README.md", "Sources/PyMiteVM/Wrong.swift", "Sources/Tool/None.swift", "tools/bare"])
        XCTAssertTrue(report.findings.first { $0.path == "Sources/PyMiteVM/Wrong.swift" }!.problem.contains("GPL-2.0-only OR"))
        XCTAssertFalse(report.checked.contains("Tests/corpus/x.expected"))
        XCTAssertEqual(LicensePolicy.combine(Array(report.expressions.values)),
                       "(GPL-2.0-only OR LicenseRef-PyMite-Commercial) AND LGPL-2.1-only AND GFDL-1.2-only")
    }

    func testTheCommandFailsNamingTheFile() throws {
        let tool = try XCTUnwrap(productExecutable("p14p-dist"))
        let repo = try makeFixtureRepository()
        XCTAssertTrue(try runProcess(tool, ["license-check", "--root", repo]).succeeded)
        try writeTextAtomically(repo + "/recipes/boards/new.toml", "name = \"new\"\n")
        let result = try runProcess(tool, ["license-check", "--root", repo])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("recipes/boards/new.toml: no SPDX-License-Identifier header"), result.stdout)
    }
}
