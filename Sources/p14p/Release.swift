// SPDX-License-Identifier: LGPL-2.1-only
//
// The release this tree builds, written by `p14p-dist stamp --release 09`
// from recipes/releases/09.toml. `p14p-dist build` refuses to build a
// release this block does not name, and reads it back from the built
// executable (`p14p version` prints it; `p14p-dist inspect` finds it).
// Edit it only through `p14p-dist stamp`.

let p14pReleaseMetadata = #"<<P14P-METADATA {"date":"2010-09-21","license":"(GPL-2.0-only OR LicenseRef-PyMite-Commercial) AND LGPL-2.1-only","release":"09"} P14P-METADATA>>"#
