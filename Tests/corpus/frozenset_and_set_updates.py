# SPDX-License-Identifier: LGPL-2.1-only
# frozenset (hashable: dict keys and set members; its operators and methods, the
# result taking the left operand's type), and set's in-place operators and
# *_update methods.
fs = frozenset([1, 2, 3])
print(fs, len(fs), 2 in fs, 5 not in fs, type(fs).__name__, isinstance(fs, frozenset))
d = {fs: 'x'}
print(d[frozenset([3, 2, 1])], {frozenset(): 0, frozenset([1]): 1})
print(fs | {4}, fs & {1, 5}, fs - {1}, fs ^ {1, 9})
print(sorted({4} | fs), type({4} | fs).__name__)
print(frozenset() == set(), fs == {1, 2, 3}, {1, 2, 3} == fs, hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(sorted(fs), sum(fs), min(fs), max(fs), list(fs))
print(fs.union([9]), fs.intersection({2, 3, 4}), fs.difference([1]), fs.symmetric_difference({3, 4}))
print(fs.issubset({1, 2, 3, 4}), fs.issuperset([1]), fs.isdisjoint([7]), fs.copy() is fs, frozenset(fs) is fs)
print(frozenset("abca") == frozenset("cab"), frozenset(), repr(frozenset([5])))
s = {fs, frozenset([1, 2, 3])}
print(len(s))
g = fs
g |= {10}
print(sorted(g), sorted(fs))
try:
    fs.add(4)
except AttributeError as e:
    print("AttributeError", e)
try:
    hash({1})
except TypeError as e:
    print(e)
print(fs <= {1, 2, 3, 4}, fs < fs, frozenset([1]) < {1, 2})
s = {1, 2}
s |= {3}; s &= {1, 3, 4}; s -= {4}; s ^= {7}
print(sorted(s))
s.update([8], [9]); print(sorted(s))
s.intersection_update({1, 7, 8, 9, 10}); print(sorted(s))
s.difference_update({9}); print(sorted(s))
s.symmetric_difference_update({1, 11}); print(sorted(s))
print({1}.isdisjoint({2}), {1}.issubset({1, 2}), {1, 2}.issuperset({2}))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {3} > set(), {1} >= {1})
print({1, 2}.union([3], (4,)), {1, 2, 3}.intersection([2, 3], {3}), {1, 2, 3}.difference([1], [2]))
