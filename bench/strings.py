# SPDX-License-Identifier: LGPL-2.1-only
# Benchmark: building, joining, splitting, slicing and searching strings
# (the live data stays well under p14p's default 1 MiB heap).
words = []
for i in range(4000):
    words.append("w" + str(i % 997) + "x" * (i % 7))
total = 0
for rnd in range(30):
    text = " ".join(words)
    parts = text.split(" ")
    total += len(parts) + len(text)
    for p in parts[::10]:
        total += len(p[1:-1]) + p.find("x") + p.count("9")
    line = ""
    for w in parts[:600]:
        line += w[:3]
    total += len(line.replace("w1", "W")) + len(line.upper())
    text = parts = line = None
print(total)
