# SPDX-License-Identifier: LGPL-2.1-only
# range with bounds past the small ints (63 bits on a desktop, 31 on a board):
# length, items, slices, membership, index/count, equality, hash, reversed.
big = 2**70
r = range(big)
print(r, r.start, r.stop, r.step)
print(bool(r), bool(range(big, big)), bool(range(0)))
try:
    print(len(r))
except OverflowError as e:
    print("OverflowError", e)
print(r[0], r[-1], r[2**69], r[-2**69])
try:
    r[big]
except IndexError as e:
    print("IndexError", e)
print(r[::2], r[10:20], r[::-1], r[-5:], r[2**68:2**69:3])
print(list(range(big, big + 5)), list(range(big + 5, big, -2)))
print(list(reversed(range(big, big + 10, 3))), list(reversed(range(big, big))))
print(big - 1 in r, big in r, -1 in r, 2**69 in range(0, big, 2), 2**69 + 1 in range(0, big, 2))
print(5.0 in range(10), 5.5 in range(10), "a" in range(3))
print(r.index(2**69), range(0, big, 7).index(7 * 2**60), range(0, big, 7).count(7), range(0, big, 7).count(8))
try:
    range(0, big, 7).index(8)
except ValueError as e:
    print("ValueError", e)
print(range(big) == range(big), range(big) == range(0, big, 1), range(big, big) == range(0), range(big) == range(big + 1))
print(range(big, big + 1, 5) == range(big, big + 1, 7), range(2**70, 2**70 + 10, 3)[1:3])
print(hash(range(big)) == hash(range(0, big)), hash(range(0)) == hash(range(5, 5)), hash(range(3)) == hash(range(0, 3, 1)))
d = {range(3): "a", range(big): "b"}
print(d[range(0, 3)], d[range(0, big)])
print(len(range(big, big + 7)), len(range(-big, -big + 100, 9)), sum(range(big, big + 4)))
print(range(-big, big, big)[1], list(range(-big, big, big)))
print(max(range(big, big + 3)), min(range(big, big + 3)))
class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(range(I(big)), range(I(1), I(big), I(2**65))[1])
print(range(10)[I(3)], range(10)[2**40 % 7])
for x in range(2**62 - 2, 2**62 + 2):
    print(x)
print(list(range(2**62 - 3, 2**62 + 6, 3)))
print(range(0, 2**62, 2**61)[::2**62])
print(range(0, 10, 2**61)[::3])
print(list(range(10)[::-3]), range(10)[3:100:2])
try:
    range(0, big, 0)
except ValueError as e:
    print("ValueError", e)
try:
    range(big)[::0]
except ValueError as e:
    print("ValueError", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError", e)
print(repr(range(-big, -1, -big)), str(range(5, big)))
print(2.0 in range(3), 3.0 in range(3), True in range(2))
print(list(range(big, big + 3)) == [big, big + 1, big + 2])
it = iter(range(big, big + 2))
print(next(it), next(it), next(it, "done"))
# Lengths past a 32-bit board's small ints (31 bits) but within its ssize_t.
print(len(range(2**31 - 1)), len(range(-2**30, 2**30, 2)), len(range(-2**30, 2**30 - 1)), range(2**31 - 1).__len__())
