// SPDX-License-Identifier: LGPL-2.1-only
//
// Stage 6: provenance.intoto.json, an in-toto Statement (v1) with a SLSA
// provenance predicate (v1): the packages by SHA-256 (the subjects), and
// what they were built from: the commit, the release and board recipes
// and the application image by digest, the boards asked for, each board's
// toolchain, and this tool's version. SHA256SUMS lists it, so the
// signature covers it; its only time is the build date, so it is
// reproducible like the packages.

import Foundation
import PyMiteHost

public struct ProvenanceStage: ReleaseStage {
    public let name = "provenance"
    public static let fileName = "provenance.intoto.json"
    public init() {}

    public func run(_ context: ReleaseContext) throws -> String? {
        let packages = context.artifacts.packageNames.sorted()
        guard !packages.isEmpty else { throw context.artifacts.missing("packages", stage: name, madeBy: "bundle board packages") }
        let image = try context.artifacts.image(for: name)
        let root = context.options.repositoryRoot
        let subjects: [[String: Any]] = try packages.map {
            ["name": $0, "digest": ["sha256": try context.digest(.sha256, of: $0)]]
        }
        var dependencies: [[String: Any]] = []
        if let checkout = SourceTree.commit(root: root) {
            dependencies.append(["uri": "git+file:p14p", "digest": ["gitCommit": checkout.hash],
                                 "annotations": ["dirty": checkout.dirty]])
        }
        var recipes = ["recipes/releases/\(context.release.number).toml"]
        recipes += context.artifacts.boardBuilds.map { "recipes/boards/\($0.board.name).toml" }
        for recipe in recipes where fileExists(root + "/" + recipe) {
            dependencies.append(["name": recipe, "digest": ["sha256": try Digest.hex(.sha256, ofFile: root + "/" + recipe)]])
        }
        dependencies.append(["name": "app.pmi", "digest": ["sha256": image.sha256]])
        var toolchains: [String: String] = [:]
        for (board, result) in context.artifacts.boardBuilds { toolchains[board.name] = result.toolchain }
        let statement: [String: Any] = [
            "_type": "https://in-toto.io/Statement/v1",
            "subject": subjects,
            "predicateType": "https://slsa.dev/provenance/v1",
            "predicate": [
                "buildDefinition": [
                    "buildType": "urn:p14p:p14p-dist:release:v1",
                    "externalParameters": [
                        "release": context.release.number.description,
                        "boards": context.outcomes.filter { $0.result == "built" }.map(\.board),
                    ],
                    "internalParameters": ["sourceDateEpoch": context.timestamp],
                    "resolvedDependencies": dependencies,
                ],
                "runDetails": [
                    "builder": ["id": "urn:p14p:p14p-dist", "version": ["p14p-dist": p14pToolVersion].merging(toolchains) { a, _ in a }],
                    "metadata": ["startedOn": context.buildDate],
                ],
            ] as [String: Any],
        ]
        let json = try JSONSerialization.data(withJSONObject: statement, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        try writeFileAtomically(context.staging + "/" + ProvenanceStage.fileName, Array(json) + [0x0A])
        context.artifacts.add(.statement(name: ProvenanceStage.fileName))
        return "\(ProvenanceStage.fileName): \(packages.count) packages, \(dependencies.count) inputs"
    }
}
