# SPDX-License-Identifier: LGPL-2.1-only
# A PyMite-sized program (it fits a 16 KiB board): strings, slices,
# comparison and concatenation.

s = "micro:bit"
print(s[2:5], len(s), s[-3:] == "bit")
print(s.upper())
print("p14p " + s[:5])
