# SPDX-License-Identifier: LGPL-2.1-only
# Unpacking: tuple/list targets, nesting, starred targets in assignments and
# for loops, swapping, unpacking from any iterable.

print("-- simple --")
a, b = 1, 2
print(a, b)
(c, d) = [3, 4]
[e, f] = (5, 6)
print(c, d, e, f)
x, y, z = "xyz"
print(x, y, z)
p, q = range(2)
print(p, q)
k1, k2 = {"first": 1, "second": 2}
print(k1, k2)
g1, g2, g3 = (n * n for n in range(1, 4))
print(g1, g2, g3)
print("-- swapping and rotation --")
a, b = b, a
print(a, b)
a, b, c = c, a, b
print(a, b, c)
lst = [1, 2, 3]
lst[0], lst[2] = lst[2], lst[0]
print(lst)
i = 0
i, lst[i] = 1, "set"
print(i, lst)
print("-- nested --")
(a, b), c = (1, 2), 3
print(a, b, c)
a, (b, (c, d)) = 1, (2, (3, 4))
print(a, b, c, d)
[a, [b, c]], d = ["A", ("B", "C")], "D"
print(a, b, c, d)
(first, second), = [("only", "pair")]
print(first, second)
print("-- starred in assignment --")
head, *tail = [1, 2, 3, 4]
print(head, tail)
*init, last = [1, 2, 3, 4]
print(init, last)
first, *middle, last = range(6)
print(first, middle, last)
a, *rest = "x"
print(a, rest)
a, *rest, b = "xy"
print(a, rest, b)
*everything, = (7, 8, 9)
print(everything)
(a, *bs), c = [1, 2, 3], 4
print(a, bs, c)
h, *t = "hello"
print(h, t, type(t).__name__)
print("-- starred in for loops --")
for first, *others in [(1, 2, 3), (4, 5), (6,)]:
    print(first, others)
for *front, end in ["abc", "de"]:
    print(front, end)
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c)
for i, (name, score) in enumerate([("ann", 9), ("bob", 7)]):
    print(i, name, score)
for key, value in sorted({"b": 2, "a": 1}.items()):
    print(key, value)
print("-- chained assignment --")
a = b = c = [0]
a.append(1)
print(a, b, c, a is c)
m = n = 5
m += 1
print(m, n)
x, y = y, x = 1, 2
print(x, y)
print("-- unpacking in calls and literals --")
def three(a, b, c):
    return a * 100 + b * 10 + c
args = [1, 2, 3]
print(three(*args), three(9, *[8, 7]), three(*(4, 5), 6))
print([*range(3), *"ab"], (*[1, 2], 3), [0, *[], 1])
print("-- errors --")
for src in ([1, 2, 3], [1], "ab"):
    try:
        u, v = src
        print("unpacked", u, v)
    except ValueError:
        print("ValueError for", src)
try:
    a, b, *c = [1]
except ValueError:
    print("ValueError for starred with too few")
try:
    a, b = 5
except TypeError:
    print("TypeError for non-iterable")
