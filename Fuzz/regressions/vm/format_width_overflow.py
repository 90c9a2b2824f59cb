# SPDX-License-Identifier: LGPL-2.1-only
# A format spec whose width does not fit in an Int: the width parser in
# parseFormatSpec (Format.swift) overflows and traps. Found by fuzz-vm.
# Expected: ValueError: Too many decimal digits in format string
w = '9' * 20
print(f'{1:{w}}')
