# SPDX-License-Identifier: LGPL-2.1-only
# A comparison that raises part-way through a sort leaves every item in the list;
# stable sorts of runs shorter and longer than the first insertion pass.
class K:
    calls = 0
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        K.calls += 1
        if K.calls == 25: raise ValueError("stop")
        return self.v < other.v
xs = [K(v) for v in [5, 3, 9, 1, 7, 2, 8, 6, 4, 0, 11, 10, 13, 12, 15, 14, 19, 17, 16, 18]]
try:
    xs.sort()
except ValueError as e:
    print("raised", e)
print(len(xs), sorted(k.v for k in xs) == list(range(20)))
ys = [(i % 3, i) for i in range(50)]
ys.sort(key=lambda t: t[0])
print(ys[:6], ys[-3:])
print(sorted([3, 1, 2] * 7, reverse=True))
