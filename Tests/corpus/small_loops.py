# SPDX-License-Identifier: LGPL-2.1-only
# A PyMite-sized program (it fits a 16 KiB board): loops, conditions and
# integer arithmetic.

total = 0
for i in range(10):
    if i % 3 == 0:
        continue
    total += i * i
print(total)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps, n)
