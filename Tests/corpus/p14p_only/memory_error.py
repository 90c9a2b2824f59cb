# p14p-args: --heap 49152
# SPDX-License-Identifier: LGPL-2.1-only
# Exhausting a 48 KiB heap by keeping a growing list alive raises
# MemoryError, which can be caught; afterwards the program can continue.
keep = []
try:
    i = 0
    while True:
        keep.append([i, i + 1, i + 2, i + 3])
        i += 1
except MemoryError:
    keep = None
    print("MemoryError caught")
print("still running")
small = [1, 2, 3]
print(len(small), sum(small))
