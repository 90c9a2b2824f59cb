# SPDX-License-Identifier: LGPL-2.1-only
# Benchmark: inserting and looking up many int and str keys.
total = 0
for rnd in range(4):
    d = {}
    for i in range(30000):
        d[i * 7 % 65521] = i
    for i in range(0, 60000, 3):
        v = d.get(i)
        if v is not None:
            total += v & 1023
    s = {}
    for i in range(15000):
        k = "key" + str(i % 5000)
        s[k] = s.get(k, 0) + 1
    for i in range(5000):
        total += s["key" + str(i)]
    total += len(d) + len(s)
    for k in list(d)[:5000]:
        del d[k]
    total += len(d)
print(total)
