# SPDX-License-Identifier: LGPL-2.1-only
# p14p-also: --no-float --no-long-ints --no-bytearray
# Closures: nonlocal, late binding over loop variables, cells that outlive
# their frame, global inside nested functions, decorators with arguments.

def make_counter(start=0):
    count = start
    def step(by=1):
        nonlocal count
        count += by
        return count
    def peek():
        return count
    return step, peek

step, peek = make_counter(10)
print("step", step(), step(5), "peek", peek())
s2, p2 = make_counter()
print("independent", s2(), p2(), peek())

print("-- nonlocal through two levels --")
def outer():
    total = 0
    def middle():
        def inner(n):
            nonlocal total
            total += n
        for i in range(4):
            inner(i)
        return total
    r = middle()
    return r, total
print("outer", outer())

print("-- late binding --")
funcs = []
for i in range(3):
    funcs.append(lambda: i * 10)
print("loop lambdas", [f() for f in funcs])
funcs = [lambda: j for j in range(3)]
print("comprehension lambdas", [f() for f in funcs])
funcs = [lambda j=j: j for j in range(3)]
print("default-bound lambdas", [f() for f in funcs])
def builders():
    out = []
    for k in "abc":
        def get():
            return k
        out.append(get)
    k = "z"
    return out
print("rebound after loop", [g() for g in builders()])

print("-- cells outlive their frame --")
def make_accumulator():
    items = []
    def add(x):
        items.append(x)
        return len(items)
    def snapshot():
        return list(items)
    return add, snapshot
add, snap = make_accumulator()
add("a"); add("b")
print("snapshot", snap())
def chain(n):
    if n == 0:
        return lambda: "base"
    prev = chain(n - 1)
    return lambda: prev() + "+" + str(n)
print("chain", chain(3)())

print("-- global in nested functions --")
G = 1
def set_global():
    def inner():
        global G
        G += 100
        return G
    return inner()
print("set_global", set_global(), G)
def shadow():
    G = "local"
    def inner():
        global G
        return G
    return G, inner()
print("shadow", shadow())

print("-- decorators with arguments --")
def repeat(times, sep=" "):
    def decorate(fn):
        def wrapper(*args, **kwargs):
            return sep.join(fn(*args, **kwargs) for _ in range(times))
        wrapper.__name__ = fn.__name__
        return wrapper
    return decorate
calls = []
def logged(fn):
    def wrapper(*args):
        calls.append(fn.__name__)
        return fn(*args)
    return wrapper
@logged
@repeat(3, sep="-")
def shout(word):
    return word.upper()
print("shout", shout("hi"), calls)
@repeat(times=2)
def twice():
    return "ok"
print("twice", twice(), twice.__name__)

print("-- class bodies and closures --")
def make_class(tag):
    class Tagged:
        label = tag
        def show(self):
            return tag + "/" + self.label
    return Tagged
T = make_class("t1")
print("tagged", T().show(), T.label)
