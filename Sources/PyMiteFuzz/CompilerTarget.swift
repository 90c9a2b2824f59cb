// SPDX-License-Identifier: LGPL-2.1-only
//
// Fuzz target (a): any bytes as Python source. The lexer, parser, scope
// analysis and code generator must refuse bad input with a thrown error,
// never trap; and whatever compiles must pass the image loader's verifier
// and survive an encode/decode round trip unchanged.

import PyMiteCompiler
import PyMiteVM

public enum CompilerTarget {
    public static func run(_ data: [UInt8]) {
        guard data.count <= FuzzLimits.maxInputBytes else { return }
        // Invalid UTF-8 becomes U+FFFD, so the lexer also meets odd characters.
        let source = String(decoding: data, as: UTF8.self)
        guard let image = try? Compiler.compile(source: source, filename: "fuzz.py", moduleName: "__main__") else { return }
        let bytes = ImageFormat.encode(image)
        let decoded: Image
        do {
            decoded = try ImageFormat.decode(bytes)
        } catch {
            fatalError("the loader refuses compiled code: \(error.message)\n--- source ---\n\(source)")
        }
        // Bytes, not Image ==: a folded NaN constant is not equal to itself.
        guard ImageFormat.encode(decoded) == bytes else { fatalError("the image changed in an encode/decode round trip\n--- source ---\n\(source)") }
        _ = disassemble(image)
    }
}
