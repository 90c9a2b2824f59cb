# SPDX-License-Identifier: LGPL-2.1-only
# format() with a spec that is not a str (here an int): formatValue
# (Format.swift) reads it as a str: misaligned load trap in a debug build,
# heap-buffer-overflow under ASan in release. Found by fuzz-vm.
# Expected: TypeError: format() argument 2 must be str, not int
print(format([], 0))
