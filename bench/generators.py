# SPDX-License-Identifier: LGPL-2.1-only
# Benchmark: chained generator pipelines and generator expressions.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(src):
    for v in src:
        if v % 2 == 0:
            yield v

def squares(src):
    for v in src:
        yield (v * v) & 0xFFFF

def running_sum(src):
    s = 0
    for v in src:
        s = (s + v) & 0xFFFFFF
        yield s

total = 0
for rnd in range(3):
    for s in running_sum(squares(evens(numbers(200000)))):
        total = (total + s) & 0xFFFFFF
    total += sum(x & 7 for x in numbers(50000) if x % 3)
print(total)
