// SPDX-License-Identifier: LGPL-2.1-only
//
// `p14p-dist bundle`: a user's program into a downloaded board package,
// with no Swift toolchain and no rebuild. The package's firmware.elf gets
// the program in its application section (the release stamp stays), after
// the same size check a release makes, from the memory map its
// metadata.json records. Writes the whole firmware (.elf/.bin/.hex), or
// with `imageOnly` the application section alone at its flash address.

import Foundation
import P14PFirmware
import PyMiteCompiler
import PyMiteHost
import PyMiteVM

public struct BundleRequest: Sendable {
    public var package: String
    /// A .py program (compiled with the modules it imports) or a .pmi image.
    public var program: String
    public var arguments: [String]
    public var outputDirectory: String
    public var imageOnly: Bool
    /// Verify the package against the SHA256SUMS and signature beside it first.
    public var publicKey: String?

    public init(package: String, program: String, arguments: [String] = [], outputDirectory: String,
                imageOnly: Bool = false, publicKey: String? = nil) {
        self.package = package
        self.program = program
        self.arguments = arguments
        self.outputDirectory = outputDirectory
        self.imageOnly = imageOnly
        self.publicKey = publicKey
    }
}

public struct BundleResult: Sendable {
    public var board: String
    public var files: [String]
    public var imageBytes: Int
    public var appAddress: Int
    public var appSize: Int
    /// What was checked, for the user.
    public var notes: [String]
}

public struct BundleError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

public enum Bundler {
    /// The largest firmware.elf a package may hold for bundling.
    static let firmwareLimit = 64 << 20

    public static func bundle(_ request: BundleRequest) throws -> BundleResult {
        var notes: [String] = []
        if let key = request.publicKey {
            let report = try Verifier.verify(path: request.package, publicKey: key)
            guard report.ok else {
                throw BundleError("\(request.package) does not verify: " + report.problems.joined(separator: "; "))
            }
            notes.append("\(request.package): verified against the SHA256SUMS and signature beside it")
        }
        let (metadata, elfBytes) = try readPackage(request.package)
        guard let layout = metadata.firmware, let elfBytes else {
            throw BundleError("\(request.package) holds no board firmware with a memory map (the \(metadata.board.terminalSafe) "
                + "package\(metadata.board == "desktop" ? " runs programs directly: ./p14p run app.py" : " was made before p14p-dist recorded one")")
        }
        try checkImageFormat(metadata, package: request.package)
        let image = try programImage(request.program)
        let argv = [URL(fileURLWithPath: request.program).lastPathComponent] + request.arguments

        var firmware = try FirmwareFile(bytes: elfBytes)
        guard firmware.appAddress == layout.sizes.appAddress, firmware.appSize == layout.sizes.appSection else {
            throw BundleError("\(request.package): firmware.elf's application section (\(firmware.appSize) bytes at "
                + "0x\(String(firmware.appAddress, radix: 16))) disagrees with metadata.json")
        }
        try layout.sizes.check(image: image)
        // The VM settings and the release stamp the section carries stay with the firmware.
        let settings: VMSettings
        do { settings = try AppSection.settings(in: firmware.applicationSection) } catch {
            throw BundleError("\(request.package): firmware.elf's application section \(error)")
        }
        let stamp = FirmwareStamp.find(in: Array(firmware.applicationSection)).first.map { Array($0.block.utf8) } ?? []
        try firmware.setApplication(image: image, argv: argv, settings: settings, trailer: stamp, board: metadata.board)
        notes.append("\(image.count)-byte image fits \(metadata.board): RAM and the \(layout.sizes.appSection)-byte application section")

        var files: [String]
        if request.imageOnly {
            let out = try firmware.writeApplicationSection(outputDirectory: request.outputDirectory, baseName: "app")
            files = [out.bin, out.hex]
        } else {
            let out = try firmware.write(outputDirectory: request.outputDirectory, baseName: "firmware",
                                         sizes: layout.sizes, imageBytes: image.count)
            files = [out.elf, out.bin, out.hex, out.sizeReport]
        }
        let imagePath = request.outputDirectory + "/app.pmi"
        try writeFileAtomically(imagePath, image)
        files.append(imagePath)
        return BundleResult(board: metadata.board, files: files, imageBytes: image.count,
                            appAddress: layout.sizes.appAddress, appSize: layout.sizes.appSection, notes: notes)
    }

    /// A package's firmware reads the code image format its release wrote
    /// (`image.format`); an image of another format would be refused by the
    /// board at start, so it is refused here, before anything is written.
    static func checkImageFormat(_ metadata: BundleMetadata, package: String) throws {
        let reads = metadata.image.format, writes = Int(ImageFormat.version)
        guard reads == writes else {
            throw BundleError("\(package): its firmware reads code images of format \(reads), and this p14p-dist writes format "
                + "\(writes): bundle with the p14p-dist of release \(metadata.release.terminalSafe), or build the board again")
        }
    }

    /// metadata.json and firmware.elf of a package (`<name>/metadata.json`, `<name>/firmware.elf`).
    static func readPackage(_ path: String) throws -> (BundleMetadata, [UInt8]?) {
        guard fileExists(path) else { throw BundleError("\(path): no such file") }
        var metadata: [UInt8]?, elf: [UInt8]?
        try TarReader.forEachMember(path) { member, contents in
            let parts = member.path.split(separator: "/", omittingEmptySubsequences: true)
            guard !member.isDirectory, parts.count == 2 else { return }
            switch parts[1] {
            case "metadata.json": metadata = try contents.bytes()
            case "firmware.elf": elf = try contents.bytes(limit: firmwareLimit)
            default: break
            }
        }
        guard let metadata else { throw BundleError("\(path): not a p14p board package (no metadata.json)") }
        do {
            return (try BundleMetadata.parse(metadata), elf)
        } catch {
            throw BundleError("\(path): metadata.json is not readable: \(error)")
        }
    }

    /// A compiled image (checked as a board checks it) or a program compiled now.
    static func programImage(_ path: String) throws -> [UInt8] {
        guard path.hasSuffix(".pmi") else {
            return ImageFormat.encode(try Compiler.compileProgram(mainPath: path))
        }
        let bytes = try readFileBytes(path)
        do {
            _ = try ImageFormat.decode(bytes)
        } catch {
            throw BundleError("\(path) is not a valid p14p image: \(error)")
        }
        return bytes
    }
}
