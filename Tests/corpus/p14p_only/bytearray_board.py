# p14p-args: --no-bytearray
# SPDX-License-Identifier: LGPL-2.1-only
# A board built without HAVE_BYTEARRAY: the name bytearray is not defined;
# bytes work as ever.
b = b"abc" + bytes([100])
print(b, b.upper(), b[1:], list(b), bytes.fromhex("41 42"), len(b), b"b" in b)
try:
    bytearray(b"x")
except NameError as e:
    print("NameError:", e)
