# SPDX-License-Identifier: LGPL-2.1-only
# Slices everywhere: [i:j:k] with negative indices and steps on str,
# bytes, tuple, list, bytearray and range; slice assignment and deletion on
# lists and bytearrays, including a different length; slice objects.

s = "abcdefghij"
t = tuple(range(10))
L = list(range(10))
b = b"0123456789"
ba = bytearray(b"0123456789")
r = range(0, 20, 2)

cases = [(None, None, None), (2, 8, None), (None, None, 2), (1, None, 3), (None, None, -1),
         (8, 2, -2), (-3, None, None), (None, -3, None), (-1, -8, -3), (100, None, None),
         (-100, 3, None), (5, 5, None), (None, None, -4), (3, -1, 2)]
for lo, hi, step in cases:
    print((lo, hi, step), s[lo:hi:step], t[lo:hi:step], L[lo:hi:step])
    print("   ", b[lo:hi:step], ba[lo:hi:step], list(r[lo:hi:step]))

print("-- range slices --")
print(r[2:5], r[::-1], r[::3], range(10)[-3:])
print(len(range(100)[::7]), range(100)[::7][-1])

print("-- slice objects --")
sl = slice(1, 9, 2)
print(sl.start, sl.stop, sl.step, s[sl], L[sl])
print(slice(3).stop, slice(None, 4).start, repr(slice(1, 2)))
print(sl.indices(5), slice(None, None, -1).indices(4))

print("-- list slice assignment --")
L = list(range(10))
L[2:5] = ["a", "b"]
print("shorter", L)
L[1:1] = [100, 200, 300]
print("insert", L)
L[:] = L[::-1]
print("reverse whole", L)
L[::2] = ["x"] * len(L[::2])
print("extended step", L)
try:
    L[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
L[-2:] = "yz"
print("from str", L)
L[3:6] = []
print("emptied", L)

print("-- list slice deletion --")
L = list(range(12))
del L[::3]
print("del ::3", L)
del L[-2:]
print("del -2:", L)
del L[5:1:-1]
print("del 5:1:-1", L)
del L[:]
print("del all", L)

print("-- bytearray slices --")
ba = bytearray(b"hello world")
ba[0:5] = b"HELLO"
print(ba)
ba[5:6] = b"___"
print(ba)
ba[::2] = b"." * len(ba[::2])
print(ba)
del ba[1::2]
print(ba, len(ba))
ba[:] = b"xyz"
print(ba)

print("-- augmented slices --")
L = [1, 2, 3, 4]
L[1:3] += [9]
print(L)
words = "the quick brown fox".split()
print([w[::-1] for w in words], [w[1:-1] for w in words])
