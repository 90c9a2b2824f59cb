# SPDX-License-Identifier: LGPL-2.1-only
# A format spec with a huge width pads byte by byte in a Swift array
# before the heap is asked (Format.swift, pad): a hang of many seconds and
# gigabytes of host memory instead of a MemoryError from the 64 KiB heap.
# Found by fuzz-image (a mutated image's constant).
# Expected: MemoryError
print(len(f'{1:>1000000000}'))
