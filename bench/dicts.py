# SPDX-License-Identifier: LGPL-2.1-only
# Benchmark: inserting and looking up many int and str keys (the live data
# stays well under p14p's default 1 MiB heap).
total = 0
for rnd in range(16):
    d = {}
    for i in range(5000):
        d[(i * 7919 + rnd) % 65521] = i
    for i in range(0, 65521, 4):
        v = d.get(i)
        if v is not None:
            total += v & 1023
    s = {}
    for i in range(6000):
        k = "key" + str(i % 1500)
        s[k] = s.get(k, 0) + 1
    for i in range(1500):
        total += s["key" + str(i)]
    total += len(d) + len(s)
    for k in list(d)[:1500]:
        del d[k]
    total += len(d)
print(total)
