# p14p-args: --no-long-ints
# p14p-word: 32
# SPDX-License-Identifier: LGPL-2.1-only
# A 32-bit board built without HAVE_LONGINT (PyMite's int): small ints
# have 31 bits, and every result past them raises OverflowError; none
# wraps around. Hashes, ids and lengths stay inside.
big = 2 ** 29
print(big - 1 + big)
cases = [
    ("add", lambda: big + big),
    ("mul", lambda: big * 4),
    ("pow", lambda: 3 ** 20),
    ("shift", lambda: 1 << 31),
    ("neg", lambda: -(-big - big)),
    ("int()", lambda: int("9" * 12)),
    ("literal", lambda: 4294967296),
    ("floordiv", lambda: (-big - big) // -1),
    ("abs", lambda: abs(-big - big)),
]
for name, f in cases:
    try:
        print(name, f())
    except OverflowError:
        print(name, "OverflowError")
print(-1073741824 // -2, 1073741823 * 1, 7 // -2, -7 % 3)
d = {"k%d" % i: i for i in range(50)}
print(len(d), d["k49"], hash("abc") == hash("abc"), (1, 2) in {(1, 2): 0})
print(type(id(d)) is int, id(d) == id(d), id(None) != id(1))
s = {-1073741824, 1073741823, 0}
print(sorted(s), -1073741824 in s)
