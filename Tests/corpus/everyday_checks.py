# SPDX-License-Identifier: LGPL-2.1-only
# Issue 15 checks across its groups: __hash__ returning a big int, round of
# big ints, range methods, throw(type, value), OSError errno, sys, print and format
# edge cases, %f of an object with __float__, function attributes and dir(),
# CPython's words for wrong calls, a generator's handled exception kept
# with it while suspended, __context__ and __cause__ of a fresh exception.
import sys
class H:
    def __hash__(self):
        return 2**70
print(hash(H()) == hash(2**70))
print(round(123456789012345678901234567890, -5), round(-15, -1), round(25, -1))
r = range(2**20, 2**20 + 10, 3)
print(len(r), r[1], 2**20 + 3 in r, r.index(2**20 + 6), list(r)[-1])
def g():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)
it = g(); next(it)
print(it.throw(ValueError, "boom"))
it = g(); next(it)
print(it.throw(ValueError("v2")))
try:
    raise OSError(2, "No such file or directory", "x.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, e)
print(issubclass(DeprecationWarning, Warning), issubclass(UnicodeDecodeError, ValueError), LookupError.__subclasses__ if False else "")
print(sys.platform in ("linux", "p14p", "desktop") or sys.platform, type(sys.version), sys.version_info >= (3,), sys.byteorder, sys.implementation.name in ("cpython", "p14p"))
print("a", "b", sep="-", end="!\n", file=sys.stdout, flush=True)
print("{0[1]} {1.real} {x!r:>6} {y:,} {z:_} {p:.1%} {n:n}".format([1, 2], 3, x="q", y=1234567, z=7654321, p=0.256, n=42))
v = 12; w = "s"
print(f"{v=} {w!a} {v:{w and '>'}{5}}|", f"{3.14159:.{2}f}")
class N:
    def __index__(self): return 7
    def __float__(self): return 2.5
print("%d %x %f %s" % (N(), N(), N(), "k"))
print(sorted(dir(lambda: 0))[:3] == sorted(dir(lambda: 0))[:3], "__name__" in dir(len))
import sys as s2
print(s2 is sys, "sys" in sys.modules)
def f(): pass
f.attr = 5
print(f.attr, f.__name__, "attr" in dir(f), f.__globals__ is globals(), f.__code__.co_name)
print(int("  0x_1F  ".replace("_", ""), 16), int("0b101", 0), int("1_000"), (255).to_bytes(2, "little", signed=False), int.from_bytes(b"\xff", "big", signed=True))
print(slice(1, 10, 2).indices(5), range(10)[2:8:2], range(0, 10, 2) == range(0, 9, 2))
x = iter([1, 2])
print(x.__next__(), x.__iter__() is x, iter(range(3)).__next__())
def gen():
    yield 1
    raise StopIteration
try:
    list(gen())
except RuntimeError as e:
    print("RuntimeError", e)
try:
    len(1, 2)
except TypeError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    {}.pop("k")
except KeyError as e:
    print(repr(e))
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    "abc" + 1
except TypeError as e:
    print(e)
try:
    None.x
except AttributeError as e:
    print(e)
try:
    f(1)
except TypeError as e:
    print(e)
print(repr(ValueError().__context__), repr(ValueError().__cause__), ValueError().__suppress_context__)
def g():
    try:
        raise ValueError("inner")
    except ValueError:
        yield 1
it = g()
next(it)
try:
    raise KeyError("outer")
except KeyError as e:
    print(repr(e.__context__))
import sys
print(sys.exc_info()[0] if hasattr(sys, "exc_info") else None)
def g():
    try:
        raise ValueError("inner")
    except ValueError:
        yield 1
        raise TypeError("second")
it = g()
next(it)
try:
    next(it)
except TypeError as e:
    print(repr(e), repr(e.__context__))
def h():
    yield 1
    raise KeyError("in gen")
try:
    raise IndexError("outer")
except IndexError:
    it = h()
    next(it)
    try:
        next(it)
    except KeyError as e:
        print(repr(e.__context__))
