# SPDX-License-Identifier: LGPL-2.1-only
# List comprehensions and generator expressions: nested for, if filters,
# scoping of the loop variable, dict and set comprehensions.

print("-- simple --")
print([x for x in range(8)], [x * x for x in range(8)], [c for c in "hey"])
print([x for x in range(20) if x % 3 == 0], [x for x in range(20) if x % 2 if x % 3])
print([str(x) + "!" for x in [1, 2.5, None, "s"]], [len(w) for w in "a bb ccc".split()])
print([x if x % 2 else -x for x in range(6)], [(x, x * x) for x in range(4)])
print("-- nested for --")
print([(i, j) for i in range(3) for j in range(2)])
print([(i, j) for i in range(4) for j in range(i)])
print([i * j for i in range(1, 4) for j in range(1, 4) if i != j])
print([c + d for c in "ab" for d in "xyz" if d != "y"])
print([x for row in [[1, 2], [3], [], [4, 5, 6]] for x in row])
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
print("-- nested comprehensions --")
matrix = [[r * 3 + c for c in range(3)] for r in range(4)]
print(matrix)
print([[row[i] for row in matrix] for i in range(3)])
print([sum(row) for row in matrix], sum([sum(row) for row in matrix]))
print([[x for x in row if x % 2 == 0] for row in matrix])
print("-- generator expressions --")
print(sum(x * x for x in range(10)), max(len(w) for w in ["aa", "b", "cccc"]))
print(list(x for x in range(5) if x != 2), tuple(c.upper() for c in "xyz"))
print(sorted(-x for x in [3, 1, 2]), any(x > 8 for x in range(10)), all(x < 8 for x in range(10)))
g = (i * 10 for i in range(3))
print(next(g), list(g))
print(",".join(str(i) for i in range(6)), min(abs(x - 5) for x in [1, 9, 4, 12]))
print(list((i, j) for i in range(2) for j in "ab"))
print("-- dict and set comprehensions --")
print({x: x * x for x in range(6)})
print({w: len(w) for w in "one three five seven".split()})
print({k: v for k, v in [("a", 1), ("b", 2), ("a", 3)]})
print({i: [j for j in range(i)] for i in range(4)})
print(sorted({x % 4 for x in range(20)}), sorted({c for c in "mississippi"}))
print("-- scoping --")
x = "outer x"
squares = [x * x for x in range(4)]
print(x, squares)
i = "outer i"
total = sum(i for i in range(5))
print(i, total)
y = 10
print([y + k for k in range(3)])
def scale_all(vals, factor):
    return [v * factor for v in vals]
print(scale_all([1, 2, 3], 4))
def make_funcs():
    return [lambda n, k=k: n + k for k in range(3)]
print([f(100) for f in make_funcs()])
def uses_closure():
    base = 1000
    return [base + v for v in range(3)], list(base - v for v in range(3))
print(uses_closure())
class Holder:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(Holder.doubled)
print("-- comprehension over various iterables --")
print([k for k in {"b": 1, "a": 2}], [v for v in (5, 6)], [e for e in enumerate("ab")])
print([a + b for a, b in zip([1, 2, 3], [10, 20, 30])], [n for n in range(10, 0, -3)])
print([w for w in sorted({"pear", "fig", "apple"})], [p for p, q in [(1, 2), (3, 4)]])
print([[i] * i for i in range(4)], [len(x) for x in ["", "a", "ab"]])
words = "The Quick brown fox Jumps over the Lazy dog".split()
print([w.lower() for w in words if "A" <= w[0] <= "Z"])
print({w.lower(): i for i, w in enumerate(words)})
print(sorted(set(w.lower() for w in words)))
