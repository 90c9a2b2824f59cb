// SPDX-License-Identifier: LGPL-2.1-only
//
// sbom.cdx.json in every package: a CycloneDX 1.5 bill of materials saying
// what the firmware or executable is made of (the p14p VM, the board
// support code, the toolchain's libraries that were linked in, the
// application image), with versions, licenses and hashes. Made from what
// the build left (the linker map of a firmware, Package.resolved of the
// desktop executable) and the installed system packages, so it names what
// was linked, not what might have been. Reproducible: no clock, no random
// serial number.

import Foundation
import PyMiteHost

public struct PackageSBOM {
    /// One part of the package.
    public struct Part: Equatable {
        public enum License: Equatable {
            case expression(String)  // an SPDX expression
            case named(String)       // a license without one SPDX id
        }

        public var ref: String
        public var type: String  // CycloneDX component type: library, file, ...
        public var name: String
        public var version: String?
        public var license: License?
        public var sha256: String?
        public var description: String?
    }

    public var packageName: String
    public var packageType: String  // "firmware" or "application"
    public var release: String
    public var license: String
    /// When the package was built, as metadata.json's build_date (ReleaseContext.buildDate).
    public var timestamp: String
    public var commit: String?
    public var board: String
    public var parts: [Part]

    /// The JSON, keys sorted, as it goes into the package.
    public func json() -> [UInt8] {
        func component(_ p: Part) -> [String: Any] {
            var c: [String: Any] = ["bom-ref": p.ref, "type": p.type, "name": p.name]
            if let v = p.version { c["version"] = v }
            if let d = p.description { c["description"] = d }
            if let h = p.sha256 { c["hashes"] = [["alg": "SHA-256", "content": h]] }
            switch p.license {
            case .expression(let e)?: c["licenses"] = [["expression": e]]
            case .named(let n)?: c["licenses"] = [["license": ["name": n]]]
            case nil: break
            }
            return c
        }
        let top = Part(ref: "package", type: packageType, name: packageName, version: release, license: .expression(license),
                       sha256: nil, description: "p14p (Python-on-a-Chip) release \(release) for \(board)")
        var properties: [[String: String]] = [["name": "p14p:board", "value": board]]
        if let commit { properties.append(["name": "p14p:commit", "value": commit]) }
        let document: [String: Any] = [
            "bomFormat": "CycloneDX",
            "specVersion": "1.5",
            "version": 1,
            "serialNumber": serialNumber,
            "metadata": [
                "timestamp": timestamp,
                "tools": ["components": [["type": "application", "name": "p14p-dist", "version": p14pToolVersion]]],
                "component": component(top),
                "properties": properties,
            ] as [String: Any],
            "components": parts.map(component),
            "dependencies": [["ref": "package", "dependsOn": parts.map(\.ref)]] + parts.map { ["ref": $0.ref, "dependsOn": [String]()] },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Array(data) + [0x0A]
    }

    /// An RFC 4122 URN made from what the package is (release, board, commit, parts), the same on every rebuild.
    var serialNumber: String {
        var seed = "\(release)/\(board)/\(commit ?? "-")"
        for p in parts { seed += "/\(p.name)@\(p.version ?? "")#\(p.sha256 ?? "")" }
        var b: [UInt8] = Array(Digest.hex(.sha256, of: Array(seed.utf8)).utf8.prefix(32))
        b[12] = UInt8(ascii: "5")  // the version digit of a name-based UUID
        b[16] = UInt8(ascii: "8")  // the RFC 4122 variant
        let h = String(decoding: b, as: UTF8.self)
        func cut(_ from: Int, _ to: Int) -> Substring { h.dropFirst(from).prefix(to - from) }
        return "urn:uuid:\(cut(0, 8))-\(cut(8, 12))-\(cut(12, 16))-\(cut(16, 20))-\(cut(20, 32))"
    }

    // MARK: What a build linked

    /// The archives a firmware's linker map took members from, in the map's order.
    public static func linkedArchives(map: String) -> [String] {
        var seen: [String] = []
        for line in map.split(separator: "\n") {
            guard let close = line.range(of: ".a("), let start = line[..<close.lowerBound].lastIndex(where: { $0 == " " || $0 == "\t" })
            else { continue }
            let path = String(line[line.index(after: start)..<close.lowerBound]) + ".a"
            if path.hasPrefix("/") && !seen.contains(path) { seen.append(path) }
        }
        return seen
    }

    /// A linked archive as a part: which library it is, its system package's version, its license.
    static func archivePart(_ path: String) -> Part {
        let real = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        let file = URL(fileURLWithPath: real).lastPathComponent
        let owner = systemPackage(owning: real)
        let version = owner.flatMap(systemPackageVersion)
        let name: String, license: Part.License, what: String
        if file == "libgcc.a" {
            name = "libgcc"
            license = .expression("GPL-3.0-or-later WITH GCC-exception-3.1")
            what = "GCC's runtime support (integer division, soft float)"
        } else if real.contains("picolibc") {
            name = "picolibc " + file
            license = .named("picolibc license (BSD-style; COPYING.picolibc)")
            what = "the C library"
        } else if real.contains("newlib") || real.contains("arm-none-eabi") {
            name = "newlib " + file
            license = .named("newlib license (BSD-style and other permissive licenses; COPYING.NEWLIB)")
            what = file == "libm.a" ? "the C math library" : "the C library"
        } else {
            name = file
            license = .named("see the system package " + (owner ?? "that provides " + real))
            what = "a library the linker took members from"
        }
        return Part(ref: "lib:" + real, type: "library", name: name, version: version ?? gccVersion(inPath: real),
                    license: license, sha256: try? Digest.hex(.sha256, ofFile: real),
                    description: what + (owner.map { " (Debian package \($0))" } ?? "") + ": " + real)
    }

    /// "12.2.1" from ".../gcc/arm-none-eabi/12.2.1/...", for a machine without dpkg.
    static func gccVersion(inPath path: String) -> String? {
        let parts = path.split(separator: "/")
        guard let i = parts.firstIndex(of: "gcc"), i + 2 < parts.count else { return nil }
        return String(parts[i + 2])
    }

    static func systemPackage(owning path: String) -> String? {
        guard let out = try? runProcess("dpkg-query", ["-S", path]), out.succeeded,
              let line = out.stdout.split(separator: "\n").first, let colon = line.firstIndex(of: ":") else { return nil }
        return String(line[..<colon])
    }

    static func systemPackageVersion(_ package: String) -> String? {
        guard let out = try? runProcess("dpkg-query", ["-W", "-f=${Version}", package]), out.succeeded else { return nil }
        let v = out.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return v.isEmpty ? nil : v
    }

    /// The Swift packages a desktop p14p links, from Package.resolved: (identity, version, revision).
    static func resolvedPackages(root: String, linked: Set<String>) -> [Part] {
        guard let data = FileManager.default.contents(atPath: root + "/Package.resolved"),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let pins = object["pins"] as? [[String: Any]] else { return [] }
        return pins.compactMap { pin -> Part? in
            guard let identity = pin["identity"] as? String, linked.contains(identity),
                  let state = pin["state"] as? [String: Any] else { return nil }
            return Part(ref: "swift:" + identity, type: "library", name: identity, version: state["version"] as? String,
                        license: .expression("Apache-2.0"), sha256: nil,
                        description: "Swift package \((pin["location"] as? String) ?? identity) at \((state["revision"] as? String) ?? "?")")
        }.sorted { $0.name < $1.name }
    }
}

extension PackageSBOM {
    /// What CycloneDX's own validator (cyclonedx-python-lib, which `make setup`
    /// installs) says of `json` against the 1.5 schema: nil when it is valid.
    /// Throws when python3 or the validator is missing.
    public static func schemaProblems(_ json: [UInt8]) throws -> String? {
        let file = NSTemporaryDirectory() + "p14p-sbom-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).json"
        try Data(json).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        let script = """
            import sys
            from cyclonedx.schema import SchemaVersion
            from cyclonedx.validation.json import JsonStrictValidator
            error = JsonStrictValidator(SchemaVersion.V1_5).validate_str(open(sys.argv[1]).read())
            print("valid" if error is None else "invalid: " + str(error.data.message))
            """
        let r = try runProcess("python3", ["-c", script, file])
        guard r.succeeded, r.stdout.hasPrefix("valid") || r.stdout.hasPrefix("invalid") else {
            throw FileError("cannot run CycloneDX's validator (run `make setup`): " + r.stderr.suffix(400))
        }
        return r.stdout.hasPrefix("valid") ? nil : r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
