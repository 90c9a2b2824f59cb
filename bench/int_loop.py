# SPDX-License-Identifier: LGPL-2.1-only
# Benchmark: integer arithmetic in a while loop (results stay within 32 bits).
i = 0
total = 0
x = 12345
while i < 1000000:
    total = (total + i * 3 - (i >> 2)) & 0xFFFFFF
    x = (x * 13 + 7) % 1000003
    if x & 1:
        total ^= x
    i += 1
print(total, x)
