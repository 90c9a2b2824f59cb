# SPDX-License-Identifier: LGPL-2.1-only
# A PyMite-sized program (it fits a 16 KiB board): loops, conditions and
# integer arithmetic.

total = 0
for i in range(10):
    if i % 3 == 0:
        continue
    total += i * i
print(total)
a, b = 1071, 462
while b:
    a, b = b, a % b
print("gcd", a)
