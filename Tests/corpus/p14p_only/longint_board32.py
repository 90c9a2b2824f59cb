# p14p-args: --no-long-ints
# p14p-word: 32
# SPDX-License-Identifier: LGPL-2.1-only
# A 32-bit board built without HAVE_LONGINT has PyMite's ints: 32 bits,
# signed. Small ints hold 31 bits; the rest of the 32-bit range is boxed
# in the heap and behaves the same (equality, hashing, dict keys,
# printing); every result past 32 bits raises OverflowError, none wraps.
import sys
big = 2 ** 30
print(big - 1 + big, -big - big, sys.maxsize)
cases = [
    ("add", lambda: big + big),
    ("mul", lambda: big * 2),
    ("pow", lambda: 3 ** 20),
    ("shift", lambda: 1 << 31),
    ("neg", lambda: -(-big - big)),
    ("int()", lambda: int("9" * 10)),
    ("literal", lambda: 4294967296),
    ("floordiv", lambda: (-big - big) // -1),
    ("abs", lambda: abs(-big - big)),
]
for name, f in cases:
    try:
        print(name, f())
    except OverflowError:
        print(name, "OverflowError")
x = 2147483647
y = -2147483648
print(x, y, x + y, x // 7, x % 1000, y // 2, -x, x - 1 == 2147483646, x > big, y < -big)
print(type(x).__name__, bool(x), str(y), repr(x), hex(x), x == 2147483647, x is not None)
d = {x: "max", y: "min", big: "big"}
print(d[2147483647], d[-2147483648], d[1073741824], 2147483647 in {x}, hash(x) == hash(2147483647))
print(sorted([x, 5, y, big, -1]), max(x, 3), min(y, 3), sum([big, big - 1]))
print(-1073741824 // -2, 1073741823 * 1, 7 // -2, -7 % 3)
e = {"k%d" % i: i for i in range(50)}
print(len(e), e["k49"], hash("abc") == hash("abc"), (1, 2) in {(1, 2): 0})
print(type(id(e)) is int, id(e) == id(e), id(None) != id(1))
