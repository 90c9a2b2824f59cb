// SPDX-License-Identifier: LGPL-2.1-only
//
// Fuzz target (b): any bytes as a code image. The checksum is set right
// first (else nearly every mutation would stop there); then `decode` and
// the board's `scan` must agree, and an image they accept must load and
// run under the fuzzing limits without a crash: the verifier's checks are
// what lets the interpreter trust its operands.

import PyMiteVM

public enum ImageTarget {
    public static func run(_ data: [UInt8]) {
        guard data.count <= FuzzLimits.maxInputBytes else { return }
        var bytes = data
        if bytes.count >= 24 {
            let crc = crc32(bytes[0..<(bytes.count - 4)])
            for k in 0..<4 { bytes[bytes.count - 4 + k] = UInt8(truncatingIfNeeded: crc >> UInt32(8 * k)) }
        }
        bytes.withUnsafeBufferPointer { buffer in
            let decoded = try? ImageFormat.decode(buffer: buffer)
            let layout = try? ImageFormat.scan(buffer: buffer)
            switch (decoded, layout) {
            case (nil, nil):
                return
            case let (image?, layout?):
                // Names: the image's table once, and the codes whose names do not begin it one by one
                // (which the decoded image does not tell apart); slot names one by one.
                guard layout.modules == image.modules, layout.codeCount == image.codes.count,
                      layout.constantCount == image.codes.reduce(0, { $0 + $1.constants.count }),
                      layout.slotNameCount == image.codes.reduce(0, { $0 + $1.slotNames.count }),
                      layout.nameCount >= layout.slotNameCount
                else { fatalError("scan and decode disagree on the layout of an image") }
                FuzzVM.run(image)
                FuzzVM.run(layout, from: buffer)
            default:
                fatalError("scan and decode disagree on whether an image is valid")
            }
        }
    }
}
