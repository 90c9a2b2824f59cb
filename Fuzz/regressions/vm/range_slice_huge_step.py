# SPDX-License-Identifier: LGPL-2.1-only
# A range sliced with a step near 2**63 overflowed the 64-bit step product:
# a trap. Found by fuzz-vm. What it raises instead is checked by
# Tests/corpus/p14p_only/range_slice_huge_step.py.
try:
    range(-3, 10, 2)[::2**63]
except OverflowError:
    pass
