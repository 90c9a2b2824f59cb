# SPDX-License-Identifier: LGPL-2.1-only
# str.ljust/rjust/center with a huge width build the padded text byte by
# byte in a Swift array before asking the heap (Methods.swift, strLjust):
# minutes of work and gigabytes of host memory instead of a MemoryError
# from the 64 KiB heap. Found by fuzz-image (a mutated image's constant).
# Expected: MemoryError
print(len('x'.ljust(10**9)))
