# SPDX-License-Identifier: LGPL-2.1-only
# Protocols reachable by name: iterators' and generators' __next__ and __iter__,
# %d of objects with __int__ or __index__ (%x with __index__), %a and !a as
# ascii(), and a staticmethod object callable.
it = iter([1, 2])
print(it.__next__(), next(it), iter(it) is it, it.__iter__() is it)
try:
    it.__next__()
except StopIteration:
    print("StopIteration")
def gen():
    yield 1
    yield 2
g = gen()
print(g.__next__(), g.__iter__() is g, list(g))
d = iter({"a": 1})
print(d.__next__())
r = iter(range(3))
print(r.__next__(), r.__next__())
z = zip([1], [2])
print(next(z))
class I:
    def __index__(self): return 3
    def __int__(self): return 4
class J:
    def __int__(self): return 7
print("%d %x %o %s %i" % (I(), I(), I(), 1, J()), [1, 2, 3, 4][I()])
print("%a %r" % ("é", "é"), "{!a} {!r} {!s}".format("é", "é", "é"), ascii("ü"))
print(callable(staticmethod(len)), callable(classmethod(len)), callable(3))
try:
    "%x" % J()
except TypeError as e:
    print("TypeError", e)
