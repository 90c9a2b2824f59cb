# SPDX-License-Identifier: LGPL-2.1-only
# Generators: next, send, generator expressions, infinite generators,
# generators in for loops, nested and chained generators, StopIteration.

print("-- basic generator and next --")
def count_up(n):
    print("  start")
    i = 0
    while i < n:
        print("  yielding", i)
        yield i
        i += 1
    print("  done")
g = count_up(3)
print("created", type(g).__name__)
print(next(g))
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration")
print(next(g, "exhausted default"))
print("-- generators in for loops --")
def squares(n):
    for i in range(n):
        yield i * i
for s in squares(6):
    print("square", s)
print(list(squares(5)), sum(squares(10)), max(squares(4)), sorted(squares(4), reverse=True))
print("-- send --")
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
av = averager()
print(next(av))
print(av.send(10), av.send(20), av.send(60))
try:
    av.send(None)
except StopIteration:
    print("averager stopped")
def echo():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    yield received
e = echo()
print(e.send(None), e.send("a"), e.send("b"), e.send("c"))
print("-- infinite generators with break --")
def naturals():
    n = 0
    while True:
        yield n
        n += 1
for n in naturals():
    if n * n > 50:
        print("first square over 50 from", n)
        break
def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for f in fib_gen():
    if f > 1000:
        break
    out.append(f)
print(out)
print("-- generator expressions --")
ge = (x * 3 for x in range(5))
print(type(ge).__name__, next(ge), next(ge), list(ge), list(ge))
print(sum(x for x in range(101)), list(c.upper() for c in "abc"), any(x > 3 for x in [1, 5]))
print(sorted(w for w in "zeta alpha mu".split()), tuple(i for i in range(4) if i % 2))
print("-- nested and chained generators --")
def evens(src):
    for v in src:
        if v % 2 == 0:
            yield v
def scaled(src, k):
    for v in src:
        yield v * k
def take(src, n):
    for v in src:
        if n <= 0:
            return
        yield v
        n -= 1
print(list(take(scaled(evens(naturals()), 3), 6)))
def flatten(nested):
    for item in nested:
        if type(item) is list:
            for sub in flatten(item):
                yield sub
        else:
            yield item
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]], 8])))
def delegate():
    yield "before"
    yield from range(3)
    yield from ["x", "y"]
    yield "after"
print(list(delegate()))
def pairs(n):
    for i in range(n):
        for j in range(i):
            yield (j, i)
print(list(pairs(4)))
print("-- return value and state --")
def with_return():
    yield 1
    return "result"
w = with_return()
print(next(w))
try:
    next(w)
except StopIteration as stop:
    print("stop value", stop.value)
gens = [count_up(1), squares(2)]
print([list(x) for x in gens])
def interleave(a, b):
    ia = iter(a)
    ib = iter(b)
    while True:
        x = next(ia, None)
        y = next(ib, None)
        if x is None and y is None:
            return
        if x is not None:
            yield x
        if y is not None:
            yield y
print(list(interleave([1, 2, 3], "ab")))
