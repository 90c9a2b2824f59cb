// SPDX-License-Identifier: LGPL-2.1-only
//
// The version of the p14p tools, one constant for `p14p version` and the
// packages p14p-dist writes (metadata.json's p14p_version).

public let p14pToolVersion = "0.1.0"
