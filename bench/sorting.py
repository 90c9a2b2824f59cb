# SPDX-License-Identifier: LGPL-2.1-only
# Benchmark: sorting lists of ints, strings and tuples, with and without key=.
seed = 42
nums = []
for i in range(40000):
    seed = (seed * 1103 + 12345) % 65536
    nums.append(seed)
total = 0
for rnd in range(3):
    a = sorted(nums)
    b = sorted(nums, reverse=True)
    total += a[0] + a[-1] + b[100] + a[len(a) // 2]
    c = list(nums)
    c.sort(key=lambda v: v % 1000)
    total += c[0] + c[-1]
strs = [str(v) for v in nums[:15000]]
strs.sort()
total += len(strs[0]) + len(strs[-1])
pairs = [(v % 100, v) for v in nums[:15000]]
pairs.sort()
total += pairs[0][1] + pairs[-1][1]
print(total, strs[:3], pairs[:2])
