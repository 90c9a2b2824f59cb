# SPDX-License-Identifier: LGPL-2.1-only
# Sets: add/remove/discard, operators | & - ^, membership, len. Sets are only
# ever printed through sorted(...) so the output does not depend on hashing.

s = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}
print("-- construction --")
print(sorted(s), len(s), sorted(set()), len(set()), sorted(set([2, 2, 1])), sorted(set("banana")))
print(sorted(set(range(5))), sorted(set((1, 1, 2))), sorted({x % 3 for x in range(10)}))
print(type(s).__name__, type(set()).__name__, type({}).__name__)
print("-- add, remove, discard --")
s.add(7)
s.add(7)
s.add(-1)
print(sorted(s), len(s))
s.remove(9)
print(sorted(s))
try:
    s.remove(100)
except KeyError as e:
    print("KeyError", e)
s.discard(100)
s.discard(1)
print(sorted(s), len(s))
print("-- membership --")
for x in (-1, 0, 1, 2, 7, 9):
    print(x, x in s, x not in s)
print("-- operators --")
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print("a|b", sorted(a | b))
print("a&b", sorted(a & b))
print("a-b", sorted(a - b))
print("b-a", sorted(b - a))
print("a^b", sorted(a ^ b))
print(len(a | b), len(a & b), len(a - b), len(a ^ b))
print(sorted(a | set()), sorted(a & set()), sorted(set() - a), sorted(a ^ a))
print(sorted((a | b) - (a & b)) == sorted(a ^ b))
c = set(a)
c |= {10}
c &= {1, 2, 10, 11}
c -= {2}
c ^= {5, 1}
print("augmented", sorted(c), sorted(a))
print("-- comparisons --")
print({1, 2} == {2, 1}, {1, 2} != {1, 3}, {1} < {1, 2}, {1, 2} <= {1, 2}, {1, 2} < {1, 2})
print({1, 2, 3} > {1}, {1} > {2}, set() < {0}, {1, 2}.issubset({1, 2, 3}), {1, 2, 3}.issuperset({2}))
print("-- strings in sets --")
words = set("the quick brown fox jumps over the lazy dog the end".split())
print(len(words), sorted(words))
print("the" in words, "cat" in words, sorted(words & {"fox", "cat", "dog"}))
vowels = set("aeiou")
letters = set("programming language")
print(sorted(letters & vowels), sorted(letters - vowels - {" "}))
print("-- tuples and numbers in sets --")
pts = {(0, 0), (1, 2), (0, 0), (2, 1)}
print(sorted(pts), (1, 2) in pts, (2, 2) in pts)
nums = {1, 1.0, True, 2, 2.0}
print(len(nums), sorted(nums))
print("-- dedupe keeping order --")
seen = set()
out = []
for ch in "mississippi river":
    if ch not in seen:
        seen.add(ch)
        out.append(ch)
print("".join(out), len(seen))
print("-- iteration --")
total = 0
for v in {10, 20, 30}:
    total += v
print(total, sum({1, 2, 3}), max({4, 9, 2}), min({4, 9, 2}), sorted({5, 3, 8}, reverse=True))
print("-- method forms --")
x = {1, 2, 3}
print(sorted(x.union({9})), sorted(x.intersection({2, 3, 4})), sorted(x.difference({1})))
print(sorted(x.symmetric_difference({3, 4})), x.isdisjoint({7}), x.isdisjoint({3}))
y = x.copy()
y.update([4, 5])
print(sorted(x), sorted(y), len(y))
p = y.pop()
print(p in y, len(y))
y.clear()
print(sorted(y), len(y), bool(y), bool(x))
try:
    {[1]}
except TypeError:
    print("TypeError for unhashable element")
