# SPDX-License-Identifier: LGPL-2.1-only
# Tuples: construction, indexing, slicing, methods, comparison, packing,
# immutability, tuples as keys and return values.

t = (10, 20, 30, 20, 40)
print("-- construction --")
print(t, (), (1,), (1, 2), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)))
one = 5,
print(one, len(one), type(one).__name__)
packed = 1, "two", 3.0, None, [5]
print(packed, len(packed))
print((1), (1,), ((1, 2),), ((),))
print("-- indexing and slicing --")
print(t[0], t[-1], t[2], t[1:3], t[::-1], t[::2], t[-2:], t[10:], t[:0])
for i in range(len(t)):
    print(i, t[i], t[:i], t[i:])
print("-- methods --")
print(t.count(20), t.count(99), t.index(20), t.index(40), t.index(20, 2))
print("-- operators --")
print(t + (50,), (1, 2) * 3, 2 * (0,), () * 4, 20 in t, 99 in t, 99 not in t)
print(len(t), min(t), max(t), sum(t), sorted(t), list(reversed(t)))
print("-- comparisons --")
print((1, 2) == (1, 2), (1, 2) != (2, 1), (1, 2) < (1, 3), (1, 2) < (1, 2, 0))
print((2,) > (1, 9), () < (0,), (1, "a") < (1, "b"), (1, 2) == [1, 2], (1,) == (1.0,))
print(sorted([(2, 1), (1, 2), (1, 1), (2, 0), (0, 5)]))
print(max([(1, "z"), (3, "a"), (3, "b")]), min((5, 1), (5, 0)))
print("-- nesting --")
n = ((1, 2), (3, (4, 5)), [6, 7])
print(n[1][1][0], n[2][1], len(n), n[1][1])
n[2].append(8)
print("mutable inside", n)
print("-- immutability --")
try:
    t[0] = 99
except TypeError:
    print("TypeError on item assignment")
try:
    del t[0]
except TypeError:
    print("TypeError on item deletion")
u = t
u += (60,)
print(t, u, t is u)
print("-- tuples as dict keys --")
grid = {}
for x in range(3):
    for y in range(2):
        grid[(x, y)] = x * 10 + y
print(grid)
print(grid[(2, 1)], grid[1, 0], (0, 0) in grid, (5, 5) in grid)
print("-- unpacking and returning --")
def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([4, -2, 9, 3])
print(lo, hi, minmax("hello"))
a, (b, c), d = 1, (2, 3), 4
print(a, b, c, d)
for name, value in (("x", 1), ("y", 2), ("z", 3)):
    print(name, value)
def stats(*args):
    print("args", args, type(args).__name__, len(args))
    return args
stats()
stats(1)
r = stats(1, "a", (2,))
print(r[2][0])
print("-- iteration and conversion --")
total = 0
for v in t:
    total += v
print(total, list(t), [v // 10 for v in t], tuple(v * 2 for v in t))
print(tuple(enumerate("ab")), tuple(zip((1, 2), ("a", "b"))))
print(str((1, "a", 2.5, None, True)), repr(("x",)))
