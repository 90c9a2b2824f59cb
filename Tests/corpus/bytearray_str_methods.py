# SPDX-License-Identifier: LGPL-2.1-only
# bytearray has bytes' str-like methods, each giving bytearrays where bytes give bytes.
ba = bytearray(b"  Hello, World  ")
for name in ["upper", "lower", "strip", "lstrip", "rstrip", "title", "swapcase", "capitalize", "isspace", "islower", "istitle", "splitlines", "expandtabs"]:
    r = getattr(ba, name)()
    print(name, r, type(r).__name__)
print(ba.split(b","), ba.rsplit(None, 1), ba.partition(b","), ba.count(b"l"), ba.rindex(b"o"), ba.zfill(20), ba.center(20, b"*"))
print(ba.removeprefix(b"  He"), ba.find(b"World"), ba.startswith(b"  "), ba.replace(b"l", b"L"), bytearray(b"-").join([b"a", b"b"]))
print(ba, type(ba.strip()[0]).__name__, bytearray(b"ab").isalpha(), bytearray(b"12").isdigit())
