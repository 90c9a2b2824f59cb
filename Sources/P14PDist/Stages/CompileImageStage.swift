// SPDX-License-Identifier: LGPL-2.1-only
//
// Stage 2: the application (main.py and what it imports) compiled into one
// code image with p14p's compiler; every board gets the same bytes.

import Foundation
import PyMiteCompiler
import PyMiteVM

public struct CompileImageStage: ReleaseStage {
    public let name = "compile application image"
    public init() {}

    public func run(_ context: ReleaseContext) throws -> String? {
        let main = context.options.app + "/main.py"
        guard fileExists(main) else {
            throw ReleaseError("the application folder \(context.options.app) has no main.py")
        }
        let image: Image
        do {
            // File names relative to the app's folder: the image is the same wherever the tree lies (verify --rebuild).
            image = try Compiler.compileProgram(mainPath: main, namesRelativeTo: context.options.app)
        } catch {
            throw ReleaseError("cannot compile \(main): \(error)")
        }
        let bytes = ImageFormat.encode(image)
        let sha256 = Digest.hex(.sha256, of: bytes)
        context.artifacts.add(.image(bytes: bytes, sha256: sha256))
        return "\(bytes.count) bytes, sha256 \(sha256.prefix(16))..."
    }
}
