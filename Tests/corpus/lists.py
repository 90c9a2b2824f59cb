# SPDX-License-Identifier: LGPL-2.1-only
# Lists: every method, slicing, del, nesting, repetition, comparisons, +=.

a = [3, 1, 4, 1, 5]
print("-- basics --")
print(a, len(a), a[0], a[-1], a[1:3], a[::-1], a[::2], a[-2:], a[:0])
a.append(9)
print("append", a)
a.extend([2, 6])
print("extend list", a)
a.extend((5, 3))
a.extend("ab")
a.extend(range(2))
print("extend tuple/str/range", a)
a.insert(0, 100)
a.insert(3, 200)
a.insert(-1, 300)
a.insert(1000, 400)
a.insert(-1000, 500)
print("insert", a)
print("pop", a.pop(), a.pop(0), a.pop(2), a.pop(-2), a)
a.remove(1)
print("remove 1", a)
a.remove("a")
print("remove 'a'", a)
print("index", a.index(5), a.index(1), a.index(5, a.index(5) + 1), a.index(9, 2))
print("count", a.count(5), a.count(1), a.count(42), a.count("b"))
a.remove("b")
a.reverse()
print("reverse", a)
a.sort()
print("sort", a)
a.sort(reverse=True)
print("sort reverse", a)
print("-- sort with key --")
words = ["banana", "Apple", "cherry", "fig", "date", "elderberry", "kiwi"]
words.sort()
print(words)
words.sort(key=len)
print(words)
words.sort(key=len, reverse=True)
print(words)
words.sort(key=lambda w: w.lower())
print(words)
words.sort(key=lambda w: (len(w), w))
print(words)
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a"), (0, "q")]
pairs.sort()
print(pairs)
pairs.sort(key=lambda p: p[1])
print("stable", pairs)
print(sorted([5, 2, 8, 1], reverse=True), sorted([-3, 2, -1], key=abs), sorted([]))
print("-- slices --")
b = list(range(10))
print(b[2:8:2], b[8:2:-2], b[-3:], b[:-7], b[5:5], b[100:], b[::3])
b[2:5] = ["x", "y"]
print("slice assign shrink", b)
b[1:2] = [10, 11, 12, 13]
print("slice assign grow", b)
b[:0] = [-1]
print("prepend", b)
b[len(b):] = [99]
print("append via slice", b)
b[::2] = [0] * len(b[::2])
print("extended slice assign", b)
c = b[:]
c.append("copy")
print(len(b), len(c), b is c, b == c[:-1])
print("-- del --")
d = list(range(10))
del d[0]
print(d)
del d[-1]
print(d)
del d[2:4]
print(d)
del d[::2]
print(d)
del d[:]
print(d, len(d))
print("-- nested lists --")
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1], m[1][2], m[-1][-1], [row[0] for row in m])
m[0][0] = 100
print(m)
t = [[r[i] for r in m] for i in range(3)]
print("transpose", t)
shared = [[0] * 2] * 3
shared[0][0] = 1
print("shared rows", shared)
separate = [[0] * 2 for _ in range(3)]
separate[0][0] = 1
print("separate rows", separate)
print("-- repetition and concatenation --")
print([1, 2] * 3, [0] * 5, [] * 10, 2 * ["a"], [1] + [2, 3], [] + [])
print("-- comparisons --")
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9, 9])
print([] < [0], [1, 2] != [1, 2], [[1]] == [[1]], [1, "a"] == [1, "a"], [1] == [1.0])
print(3 in [1, 2, 3], 4 not in [1, 2, 3], [1] in [[1], [2]])
print("-- += and identity --")
e = [1]
f = e
e += [2, 3]
print(e, f, e is f)
e = e + [4]
print(e, f, e is f)
f += "xy"
print(f)
print("-- min/max/sum over lists --")
nums = [7, -2, 15, 0, 3]
print(min(nums), max(nums), sum(nums), sum(nums, 100), len(nums), list(reversed(nums)))
print("-- errors --")
for op in ("pop", "remove", "index", "idx"):
    try:
        if op == "pop":
            [].pop()
        elif op == "remove":
            [1, 2].remove(3)
        elif op == "index":
            [1, 2].index(3)
        else:
            [1, 2][5]
    except (IndexError, ValueError) as ex:
        print(op, type(ex).__name__)

# Item access by small ints (read and written inline by the loop), negative, out of range, huge, bool.
l = [1, 2, 3]
print(l[0], l[-1], l[-3], l[2])
for bad in (3, -4, 2**40, -2**40):
    try:
        l[bad]
    except IndexError as e:
        print("IndexError", e)
    try:
        l[bad] = 0
    except IndexError as e:
        print("IndexError", e)
l[-1] = 9; l[0] = 7
print(l, l[True], l[False])
l[True] = 5
print(l)
