# SPDX-License-Identifier: LGPL-2.1-only
# Generators: yield from (values, return value, delegation of send),
# return value -> StopIteration.value, send, throw, close/GeneratorExit,
# generators as coroutines, dict and set comprehensions.

def inner():
    got = yield "i1"
    print("  inner got", got)
    got = yield "i2"
    print("  inner got", got)
    return "inner-result"

def outer():
    result = yield from inner()
    print("  outer got result", result)
    yield from [10, 20]
    yield from range(2)
    return "outer-done"

print("-- yield from and send --")
g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(list(g))

print("-- return value --")
def counter(n):
    for i in range(n):
        yield i
    return n * 100
c = counter(2)
print(next(c), next(c))
try:
    next(c)
except StopIteration as e:
    print("StopIteration value", e.value, e.args)
def empty():
    return "nothing"
    yield
try:
    next(empty())
except StopIteration as e:
    print("empty value", e.value)

print("-- throw --")
def resilient():
    while True:
        try:
            x = yield "ready"
            print("  received", x)
        except ValueError as e:
            print("  caught thrown", e)
            yield "recovered"
r = resilient()
print(next(r))
print(r.send(1))
print(r.throw(ValueError("bad")))
print(next(r))
def fragile():
    yield 1
    yield 2
f = fragile()
next(f)
try:
    f.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
print("after throw", list(f))

print("-- close --")
def closable():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("  GeneratorExit seen")
        raise
    finally:
        print("  cleanup")
cl = closable()
print(next(cl))
cl.close()
cl.close()
print("closed", list(cl))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
st = stubborn()
next(st)
try:
    st.close()
except RuntimeError as e:
    print("RuntimeError", e)

print("-- coroutines --")
def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return (count, total)
        total += value
        count += 1
        avg = total / count
def run_avg(values):
    a = averager()
    next(a)
    for v in values:
        print("  avg", a.send(v))
    try:
        a.send(None)
    except StopIteration as e:
        return e.value
print("summary", run_avg([10, 20, 60]))
def delegate():
    result = yield from averager()
    yield ("result", result)
d = delegate()
next(d)
d.send(4)
d.send(8)
print("delegated", d.send(None))

print("-- dict and set comprehensions --")
words = ["apple", "bob", "kayak", "level", "moon"]
lengths = {w: len(w) for w in words}
print("lengths", lengths)
pal = {w for w in words if w == w[::-1]}
print("palindromes", sorted(pal))
squares = {n: n * n for n in range(6) if n % 2 == 0}
print("squares", squares)
mods = {n % 4 for n in range(20)}
print("mods", sorted(mods))
inverted = {v: k for k, v in squares.items()}
print("inverted", inverted)
nested = {(a, b): a * b for a in range(3) for b in range(a)}
print("nested", nested)
gen_sum = sum(x * x for x in range(5))
print("genexpr sum", gen_sum)
