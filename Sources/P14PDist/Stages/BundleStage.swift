// SPDX-License-Identifier: LGPL-2.1-only
//
// Stage 4: one reproducible pymite-<release>-<board>.tar.gz per built board:
// the firmware or executable, app.pmi, LICENSES/, README and metadata.json.

import Foundation
import PyMiteHost
import PyMiteVM

public struct BundleStage: ReleaseStage {
    public let name = "bundle board packages"
    public init() {}

    public func run(_ context: ReleaseContext) throws -> String? {
        let release = context.release
        let commit = SourceTree.commit(root: context.options.repositoryRoot)
        let image = try context.artifacts.image(for: name)
        var packages: [String] = []
        for (board, result) in context.artifacts.boardBuilds {
            var entries: [ArchiveEntry] = []
            var files: [BundleMetadata.FileInfo] = []
            for artifact in result.artifacts {
                entries.append(ArchiveEntry(path: artifact.bundleName, file: artifact.path, executable: artifact.executable))
                files.append(.init(name: artifact.bundleName, size: fileSize(artifact.path),
                                   sha256: try Digest.hex(.sha256, ofFile: artifact.path)))
            }
            // The application image: one for the whole release, from CompileImageStage.
            entries.append(ArchiveEntry(path: "app.pmi", bytes: image.bytes))
            files.append(.init(name: "app.pmi", size: image.bytes.count, sha256: image.sha256))
            for text in LicensePolicy.firmwareTexts {
                let source = context.options.licensesDirectory + "/" + text
                guard fileExists(source) else { throw ReleaseError("missing license text \(source)") }
                entries.append(ArchiveEntry(path: "LICENSES/" + text, file: source, executable: false))
            }
            let metadata = BundleMetadata(
                board: board.name, title: board.title, mcu: board.mcu, cpu: board.cpu, target: board.target,
                status: board.status.rawValue, release: release.number.description,
                releaseDate: release.date.description, buildDate: context.buildDate, toolchain: result.toolchain,
                p14pVersion: p14pToolVersion, license: LicensePolicy.firmware, features: board.features.enabled,
                // The heap the build has (for the desktop, p14p run's default), as in `sizes`.
                memory: .init(flash: board.memory.flash, ram: board.memory.ram, heap: result.sizes.heap),
                sizes: result.sizes,
                image: .init(name: "app.pmi", size: image.bytes.count, sha256: image.sha256, format: Int(ImageFormat.version)),
                files: files.sorted { $0.name < $1.name }, firmware: result.layout,
                commit: commit?.hash, dirty: commit?.dirty)
            var stamped = metadata
            stamped.recipeSHA256 = try? Digest.hex(.sha256, ofFile: context.options.recipesDirectory + "/boards/\(board.name).toml")
            let bill = sbom(board: board, result: result, image: image.sha256, commit: commit?.hash, context: context)
            let libraries = bill.parts.filter { $0.ref.hasPrefix("lib:") }.map { $0.name + " " + ($0.version ?? "(version unknown)") }
            stamped.libraries = libraries.isEmpty ? nil : libraries
            entries.append(ArchiveEntry(path: "metadata.json", bytes: stamped.json()))
            entries.append(ArchiveEntry(path: "sbom.cdx.json", bytes: bill.json()))
            entries.append(ArchiveEntry(path: "README", bytes: Array(vendorReadme(board: board, result: result, release: release,
                                                                                  commit: commit).utf8)))
            let package = release.packageName(board: board.name)
            try TarWriter.write(entries, root: String(package.dropLast(".tar.gz".count)), to: context.staging + "/" + package,
                                mtime: context.timestamp)
            context.artifacts.add(.package(name: package, board: board.name, license: LicensePolicy.firmware))
            packages.append(package)
        }
        return packages.joined(separator: ", ")
    }

    /// The package's bill of materials: the VM and what the build linked with it, and the application image.
    func sbom(board: BoardRecipe, result: BoardBuildResult, image sha256: String, commit: String?,
              context: ReleaseContext) -> PackageSBOM {
        let release = context.release.number.description
        // "Swift version 6.3.1 (swift-6.3.1-RELEASE)" of the toolchain line, without what follows about C.
        let swift = result.toolchain.split(whereSeparator: { $0 == "\n" || $0 == "," || $0 == ";" }).first.map(String.init)
        var parts: [PackageSBOM.Part] = [
            .init(ref: "p14p-vm", type: "library", name: "p14p VM and firmware main", version: release,
                  license: .expression(LicensePolicy.vmCore), sha256: nil,
                  description: "Sources/PyMiteVM and recipes/boards/common/firmware" + (commit.map { " at commit " + $0 } ?? "")),
            .init(ref: "swift-stdlib", type: "library", name: "Swift standard library", version: swift,
                  license: .expression("Apache-2.0 WITH Swift-exception"), sha256: nil,
                  description: "the parts of Swift's standard library and runtime compiled or linked in"),
        ]
        if let map = result.artifacts.first(where: { $0.bundleName == "firmware.map" }),
           let text = try? String(contentsOfFile: map.path, encoding: .utf8) {
            parts.append(.init(ref: "board-support", type: "library", name: "p14p board support for \(board.name)", version: release,
                               license: .expression("LGPL-2.1-only"), sha256: nil,
                               description: "recipes/boards/common (runtime, startup, console driver) and recipes/boards/\(board.name)"))
            parts += PackageSBOM.linkedArchives(map: text).map(PackageSBOM.archivePart)
        } else {
            parts[0].name = "p14p VM, compiler and command"
            parts[0].description = "Sources/PyMiteVM, PyMiteCompiler, PyMiteHost and p14p" + (commit.map { " at commit " + $0 } ?? "")
            parts += PackageSBOM.resolvedPackages(root: context.options.repositoryRoot, linked: ["swift-argument-parser"])
            if let exe = result.artifacts.first(where: { $0.executable }), let bytes = FileManager.default.contents(atPath: exe.path),
               ELFLinkage(Array(bytes))?.isStatic == true {
                parts.append(.init(ref: "glibc", type: "library", name: "GNU C Library (static)",
                                   version: PackageSBOM.systemPackageVersion("libc6-dev"), license: .expression("LGPL-2.1-or-later"),
                                   sha256: nil, description: "linked statically into the p14p executable"))
            }
        }
        parts.append(.init(ref: "app.pmi", type: "file", name: "app.pmi", version: nil, license: nil, sha256: sha256,
                           description: "the application, a p14p code image (format \(ImageFormat.version))"))
        return PackageSBOM(packageName: String(context.release.packageName(board: board.name).dropLast(".tar.gz".count)),
                           packageType: parts.contains { $0.ref == "board-support" } ? "firmware" : "application",
                           release: release, license: LicensePolicy.firmware, timestamp: context.buildDate, commit: commit,
                           board: board.name, parts: parts)
    }

    /// What a program meets on a board without a switch (docs/firmware.md, "Feature switches").
    func leftOut(_ features: FeatureSwitches) -> String {
        var lines: [String] = []
        if !features.float { lines.append("Without float: making a float (a literal, /, float()) raises NotImplementedError.") }
        if !features.longInt { lines.append("Without long_int: an int result past 63 bits raises OverflowError.") }
        if !features.bytearray { lines.append("Without bytearray: the name bytearray is not defined (bytes are there).") }
        if !features.set { lines.append("Without set: set and frozenset are not defined; a set display ({1, 2}) raises NotImplementedError.") }
        if !features.format {
            lines.append("Without format: str.format() and format specs (format(x, \">8\"), f\"{x:>8}\") raise NotImplementedError; % and plain f-strings stay.")
        }
        if !features.memoryview { lines.append("Without memoryview: the name memoryview is not defined.") }
        if !features.moreStrMethods {
            lines.append("Without more_str_methods: the less common str and bytes methods (center, partition, splitlines, title, ...) raise NotImplementedError.")
        }
        if !features.classHooks {
            lines.append("Without class_hooks: a class with attribute hooks (__getattr__, ...), descriptors (__get__, ...), __new__, __init_subclass__, class keywords, a metaclass or a built-in base (list, dict, str, ...) raises NotImplementedError; plain classes, inheritance, property, staticmethod and classmethod stay.")
        }
        if !features.specialMethods {
            lines.append("Without special_methods: the built-in types' special methods are not attributes (int.__add__, (5).__add__(1), object.__eq__, super().__repr__() raise AttributeError); the operators, len(), repr() and the rest stay.")
        }
        if !features.errorMessages {
            lines.append("Without error_messages: the exceptions the VM raises carry no text (str(e) is empty; the traceback names the kind and the line).")
        }
        return lines.joined(separator: "\n")
    }

    /// What each file of a package is, for its README.
    static let fileRoles: [String: String] = [
        "p14p": "the p14p VM and compiler for this host (`./p14p run app.pmi`)",
        "firmware.elf": "the firmware with the application, as an ELF (for debuggers and OpenOCD)",
        "firmware.bin": "the same, as raw flash bytes from the first flash address",
        "firmware.hex": "the same, as Intel HEX",
        "firmware.map": "the linker map: where each function and variable lies",
        "firmware-size.txt": "flash and RAM figures of the firmware",
        "app.pmi": "the application, a p14p code image",
    ]

    func vendorReadme(board: BoardRecipe, result: BoardBuildResult, release: ReleaseRecipe,
                      commit: (hash: String, dirty: Bool)?) -> String {
        let names = result.artifacts.map(\.bundleName) + ["app.pmi"]
        let width = (names + ["metadata.json"]).map(\.count).max() ?? 0
        func row(_ name: String, _ role: String) -> String { "  " + name + String(repeating: " ", count: width - name.count) + "  " + role }
        let files = names.map { row($0, BundleStage.fileRoles[$0] ?? "") }
            + [row("metadata.json", "board, release, commit, memory map, sizes, image hash, license (machine-readable)"),
               row("sbom.cdx.json", "what the firmware is made of, with versions and licenses (CycloneDX 1.5)"),
               row("LICENSES/", "the license texts")]
        let built = commit.map { "Built from: commit \($0.hash)" + ($0.dirty ? " with changes not committed" : "") }
            ?? "Built from: a source tree outside git"
        var text = """
        p14p (Python-on-a-Chip) release \(release.number), \(release.date), for \(board.title)

        Board: \(board.name) (\(board.mcu)\(board.cpu.map { ", " + $0 } ?? ""))
        Toolchain: \(result.toolchain)
        \(built)
        License: \(LicensePolicy.firmware)
        Python features (the recipe's switches): \(board.features.enabled.joined(separator: ", "))
        \(leftOut(board.features))

        \(result.instructions)

        Files
        \(files.joined(separator: "\n"))

        Licensing
          The VM core is free software under the GNU General Public License
          version 2, or, for products that cannot publish their linked code,
          under a commercial license: see LICENSES/LicenseRef-PyMite-Commercial.txt.
          The host and port code linked with it is under the GNU Lesser General
          Public License version 2.1. Selling this binary in a product is allowed
          under either choice; the GPL asks that you pass on the corresponding
          source (pymite-\(release.number)-src.tar.gz of this release).

        Checking this package
          sha256sum -c SHA256SUMS --ignore-missing
          openssl pkeyutl -verify -pubin -inkey release.pub -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig

        """
        text = text.replacingOccurrences(of: "\n\n\n", with: "\n\n")
        return text
    }
}
