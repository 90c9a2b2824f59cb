# SPDX-License-Identifier: LGPL-2.1-only
# An uncaught MemoryError in a 48 KiB heap ends the program with status 1.
# p14p-args: --heap 49152
print("filling")
keep = []
while True:
    keep.append([len(keep)] * 8)
