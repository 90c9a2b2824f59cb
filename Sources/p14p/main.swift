// SPDX-License-Identifier: LGPL-2.1-only
print("p14p: not built yet")
