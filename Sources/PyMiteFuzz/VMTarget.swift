// SPDX-License-Identifier: LGPL-2.1-only
//
// Fuzz target (c): bytes drive ProgramGenerator to a valid Python
// program, which is compiled and run under the fuzzing limits. Python
// exceptions are fine; a trap, a sanitizer report or a hang is a VM bug.
// `runSource` replays a saved reproducer (Fuzz/regressions/vm/*.py).
// The prelude is compiled once per process, as a module of its own that
// each run's main module star-imports: compiling it every run took most
// of the time. P14P_FUZZ_PRINT=1 prints each generated program (prelude
// and statements as one module) to stdout first, which
// turns a crash input into the Python program to minimize:
//     P14P_FUZZ_PRINT=1 .build-fuzz/release/fuzz-vm crash-... > crash.py

import Foundation
import PyMiteCompiler
import PyMiteVM

public enum VMTarget {
    public static func run(_ data: [UInt8]) {
        guard data.count <= FuzzLimits.maxInputBytes else { return }
        let statements = ProgramGenerator.statements(from: data)
        if printPrograms { print(ProgramVocabulary.prelude + statements); fflush(stdout) }
        let image: Image
        do {
            image = try imageAfterPrelude(statements)
        } catch {
            fatalError("a generated program does not compile: \(error)\n--- source ---\n\(statements)")
        }
        FuzzVM.run(image)
    }

    /// An image whose main module star-imports the prelude, then runs `statements`.
    public static func imageAfterPrelude(_ statements: String) throws -> Image {
        var image = preludeImage
        try Compiler.append(source: "from \(preludeModule) import *\n" + statements,
                            filename: "fuzz.py", moduleName: "__main__", to: &image)
        // The VM runs the image's first module as the main program.
        image.modules.reverse()
        return image
    }

    static let preludeModule = "fuzzprelude"

    /// The prelude, compiled once.
    static let preludeImage: Image = {
        do {
            return try Compiler.compile(source: ProgramVocabulary.prelude, filename: "\(preludeModule).py",
                                        moduleName: preludeModule)
        } catch {
            fatalError("the fuzzing prelude does not compile: \(error)")
        }
    }()

    static let printPrograms = ProcessInfo.processInfo.environment["P14P_FUZZ_PRINT"] != nil

    /// Compiles and runs a Python program under the same limits.
    public static func runSource(_ source: String) {
        guard let image = try? Compiler.compile(source: source, filename: "fuzz.py", moduleName: "__main__") else { return }
        FuzzVM.run(image)
    }
}
