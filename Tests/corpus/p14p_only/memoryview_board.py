# p14p-args: --no-memoryview
# SPDX-License-Identifier: LGPL-2.1-only
# A board built without `memoryview` (recipe [features] memoryview = false):
# the name is not defined; bytes and their slices work as ever.
b = b"hello"
print(b[1:3], bytes(b[::-1]), len(b))
try:
    memoryview(b)
except NameError as e:
    print("NameError:", e)
