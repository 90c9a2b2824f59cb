# SPDX-License-Identifier: LGPL-2.1-only
# An uncaught MemoryError in a 16 KiB heap ends the program with status 1.
# p14p-args: --heap 16384
print("filling")
keep = []
while True:
    keep.append([len(keep)] * 8)
