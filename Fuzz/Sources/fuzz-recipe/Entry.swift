// SPDX-License-Identifier: LGPL-2.1-only
// libFuzzer's entry point for RecipeTarget (Sources/PyMiteFuzz/RecipeTarget.swift).
import PyMiteFuzz

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    RecipeTarget.run(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
