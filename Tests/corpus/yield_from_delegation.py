# SPDX-License-Identifier: LGPL-2.1-only
# yield from passes throw() and close() on to what it delegates to (PEP 380):
# a generator or any iterator with throw/close methods; GeneratorExit closes
# the subiterator first; without a throw method the exception is raised in
# the delegating generator. And dir() of built-in objects lists their
# special methods.


class Counter:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration(99)
        return self.i

    def throw(self, exc):
        print("counter throw", type(exc).__name__ if not isinstance(exc, type) else exc.__name__)
        if isinstance(exc, KeyError):
            raise StopIteration("stopped by throw")
        return -1

    def close(self):
        print("counter close")


def outer():
    r = yield from Counter()
    print("returned", r)
    yield "after"


g = outer()
print(next(g), g.throw(ValueError), next(g))
g.close()
g = outer()
print(next(g), g.throw(KeyError("k")))


def inner():
    try:
        yield 1
        yield 2
    except KeyError as e:
        print("inner caught", repr(e))
        yield "recovered"
        return "inner done"
    finally:
        print("inner finally")


def middle():
    try:
        r = yield from inner()
        print("middle got", r)
        yield "middle"
    finally:
        print("middle finally")


g = middle()
print(next(g), g.throw(KeyError("k")), next(g))
g.close()
g = middle()
next(g)
try:
    g.throw(ZeroDivisionError("z"))
except ZeroDivisionError as e:
    print("propagated", e)
print(list(g))


class NoThrow:
    def __iter__(self):
        return self

    def __next__(self):
        return 5


def around():
    try:
        yield from NoThrow()
    except ValueError as e:
        print("caught in the delegating generator", e)
        yield "handled"


g = around()
print(next(g), g.throw(ValueError("v")))
g = around()
next(g)
g.close()
print("closed")

print("__add__" in dir(1), "__len__" in dir([]), "append" in dir([]), "__hash__" in dir([]),
      "__contains__" in dir("ab"), "__class__" in dir(3.0), "__getitem__" in dir({}), "__iter__" in dir(range(3)))
