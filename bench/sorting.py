# SPDX-License-Identifier: LGPL-2.1-only
# Benchmark: sorting lists of ints, strings and tuples, with and without key=
# (the live data stays well under p14p's default 1 MiB heap).
seed = 42
nums = []
for i in range(8000):
    seed = (seed * 1103 + 12345) % 65536
    nums.append(seed)
total = 0
for rnd in range(15):
    a = sorted(nums)
    b = sorted(nums, reverse=True)
    total += a[0] + a[-1] + b[100] + a[len(a) // 2]
    a = b = None
    c = list(nums)
    c.sort(key=lambda v: v % 1000)
    total += c[0] + c[-1]
    c = None
for rnd in range(5):
    strs = [str(v) for v in nums[:2500]]
    strs.sort()
    total += len(strs[0]) + len(strs[-1])
    pairs = [(v % 100, v) for v in nums[:2500]]
    pairs.sort()
    total += pairs[0][1] + pairs[-1][1]
print(total, strs[:3], pairs[:2])
