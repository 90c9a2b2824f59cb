// SPDX-License-Identifier: LGPL-2.1-only
//
// Fuzz target (c): bytes drive ProgramGenerator to a valid Python
// program, which is compiled and run under the fuzzing limits. Python
// exceptions are fine; a trap, a sanitizer report or a hang is a VM bug.
// `runSource` replays a saved reproducer (Fuzz/regressions/vm/*.py).
// P14P_FUZZ_PRINT=1 prints each generated program to stdout first, which
// turns a crash input into the Python program to minimize:
//     P14P_FUZZ_PRINT=1 .build-fuzz/release/fuzz-vm crash-... > crash.py

import Foundation
import PyMiteCompiler
import PyMiteVM

public enum VMTarget {
    public static func run(_ data: [UInt8]) {
        guard data.count <= FuzzLimits.maxInputBytes else { return }
        let source = ProgramGenerator.program(from: data)
        if printPrograms { print(source); fflush(stdout) }
        let image: Image
        do {
            image = try Compiler.compile(source: source, filename: "fuzz.py", moduleName: "__main__")
        } catch {
            fatalError("a generated program does not compile: \(error)\n--- source ---\n\(source)")
        }
        FuzzVM.run(image)
    }

    static let printPrograms = ProcessInfo.processInfo.environment["P14P_FUZZ_PRINT"] != nil

    /// Compiles and runs a Python program under the same limits.
    public static func runSource(_ source: String) {
        guard let image = try? Compiler.compile(source: source, filename: "fuzz.py", moduleName: "__main__") else { return }
        FuzzVM.run(image)
    }
}
