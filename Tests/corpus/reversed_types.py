# SPDX-License-Identifier: LGPL-2.1-only
# reversed() of a dict and its views has CPython's iterator types
# (dict_reversekeyiterator, ...), and of a range a range_iterator running
# from the last item back (a long range's longrange_iterator).
d = {"a": 1, "b": 2}
for it in (reversed(d), reversed(d.keys()), reversed(d.values()), reversed(d.items()), reversed([1]), reversed((1, 2)), reversed("ab"), reversed(range(3))):
    print(type(it).__name__, list(it))
print(isinstance(reversed(d), reversed))
for r in (range(0), range(5), range(1, 10, 3), range(10, 0, -2), range(-5, 5, 4), range(2**70, 2**70 + 9, 4), range(5, 5)):
    it = reversed(r)
    print(type(it).__name__, list(it), list(r)[::-1] == list(reversed(r)))
it = reversed(range(3))
print(next(it), list(it), list(it))
