// SPDX-License-Identifier: LGPL-2.1-only
//
// metadata.json in every board package: what it is, what built it, how big
// it is, what it may be used under.

import Foundation
import P14PFirmware
import PyMiteHost

public struct BundleMetadata: Codable, Equatable, Sendable {
    public struct ImageInfo: Codable, Equatable, Sendable {
        public var name: String
        public var size: Int
        public var sha256: String
        public var format: Int
    }

    public struct FileInfo: Codable, Equatable, Sendable {
        public var name: String
        public var size: Int
        public var sha256: String
    }

    public var board: String
    public var title: String
    public var mcu: String
    public var cpu: String?
    public var target: String?
    public var status: String
    public var release: String
    public var releaseDate: String
    public var buildDate: String
    public var toolchain: String
    public var p14pVersion: String
    public var license: String
    public var features: [String]
    public var memory: Memory
    public var sizes: FirmwareSizes
    public var image: ImageInfo
    public var files: [FileInfo]
    /// A firmware's memory map and settings (nil for the desktop package).
    public var firmware: FirmwareLayout?
    /// The git commit the release was built from, and whether the tree had
    /// changes not committed (nil when it was not built from a checkout).
    public var commit: String?
    public var dirty: Bool?
    /// SHA-256 of the board's recipe file the firmware was built from.
    public var recipeSHA256: String? = nil
    /// The cross C libraries the firmware linked, "name version" (its SBOM says more).
    public var libraries: [String]? = nil

    public struct Memory: Codable, Equatable, Sendable {
        public var flash: Int?
        public var ram: Int?
        public var heap: Int?
    }

    enum CodingKeys: String, CodingKey {
        case board, title, mcu, cpu, target, status, release, toolchain, license, features, memory, sizes, image, files, firmware
        case commit, dirty, recipeSHA256 = "recipe_sha256", libraries
        case releaseDate = "release_date", buildDate = "build_date", p14pVersion = "p14p_version"
    }

    public func json() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }

    public static func parse(_ bytes: [UInt8]) throws -> BundleMetadata {
        try JSONDecoder().decode(BundleMetadata.self, from: Data(bytes))
    }
}

