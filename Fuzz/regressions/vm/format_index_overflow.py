# SPDX-License-Identifier: LGPL-2.1-only
# A str.format field index that does not fit in an Int: the index parser in
# strFormatMethod (Format.swift) overflowed and trapped. Found by fuzz-vm.
# Expected: ValueError: Too many decimal digits in format string
print('{99999999999999999999}'.format(1))
