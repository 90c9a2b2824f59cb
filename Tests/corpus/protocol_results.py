# SPDX-License-Identifier: LGPL-2.1-only
# What special methods return, checked as CPython checks it: __bool__ and
# __len__ results; %c and %f of objects with __index__ and __float__; format
# conversion errors; print's keywords; slices equal and ordered as tuples;
# set and dict in-place union messages and dict |= pairs; keys and items
# views ordered as sets.

class Bad:
    def __bool__(self): return 1
class BadLen:
    def __len__(self): return -1
class BigLen:
    def __len__(self): return 2**70
class StrLen:
    def __len__(self): return "3"
class LenOnly:
    def __len__(self): return 0
class Truthy:
    def __bool__(self): return False
    def __len__(self): return 5
for obj in [Bad(), BadLen(), BigLen(), StrLen()]:
    for op in (bool, len):
        try:
            print(type(obj).__name__, op.__name__, op(obj))
        except (TypeError, ValueError, OverflowError) as e:
            print(type(obj).__name__, op.__name__, type(e).__name__, e)
print(bool(LenOnly()), bool(Truthy()), len(Truthy()), not Truthy(), "yes" if LenOnly() else "no")
print(bool(object()), bool(NotImplemented) if False else "", bool(None), bool(""), bool(" "))

class I:
    def __index__(self): return 7
class N:
    def __int__(self): return 9
class F:
    def __float__(self): return 2.5
class Both:
    def __index__(self): return 3
    def __float__(self): return 3.75
for fmt in ["%d", "%i", "%x", "%o", "%c", "%f", "%e", "%g", "%5.1f"]:
    out = []
    for obj in [I(), N(), F(), Both(), 4.7, True]:
        try:
            out.append(fmt % obj)
        except TypeError as e:
            out.append("TE:" + str(e))
    print(fmt, out)
print("%s %r" % ("a", "a"), "%-5s|%5s" % ("l", "r"), "%.2s" % "abc", "%*d|%-*d" % (4, 1, 4, 2))
print("%(a)s %(b)03d" % {"a": "A", "b": 5}, "%%", "%c%c" % ("x", 65))
for fmt, args in [("%d", "1"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1), ("%(k)s", 5), ("%c", "ab"), ("%c", -1)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)

w, p = 10, 3
print("{:{}.{}f}|".format(3.14159, w, p), "{0:{1}}|".format("ab", 5), "{:{fill}^{w}}".format("mid", fill="*", w=9))
print(f"{3.14159:{w}.{p}f}|", f"{'x':>{w}}|", f"{42:{'08'}d}")
print("{0[1]} {0[0]} {1[k]} {2.real}".format([1, 2], {"k": "v"}, 5))
print("{a.b}".format(a=type("T", (), {"b": "attr"})()))
print("{!s} {!r} {!a}".format("é", "é", "é"), f"{'é'!a}", "{0!r:>8}".format("x"))
print("{{literal}} {}".format(1), f"{{}}{1}", "{:%}".format(0.25), "{:.1%}".format(1 / 3))
for fmt, args in [("{", ()), ("}", ()), ("{0} {}", (1, 2)), ("{1}", (1,)), ("{x}", ()), ("{!z}", (1,)), ("{:d}", ("s",)), ("{0[5]}", ([1],)), ("{:,d}", (1.5,)), ("{:=5}", ("s",))]:
    try:
        print(fmt.format(*args))
    except (ValueError, IndexError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
print("{0}{0}{1}".format("a", "b"), "{}{}".format(*"xy"), "{:<5}|{:^5}|{:>5}".format("a", "b", "c"))

import sys
print(1, 2, 3, sep="-")
print("a", "b", sep="", end="|\n")
print("no newline", end="")
print()
print(sep="x")
print("x", end=None)
print("y", sep=None)
print(*[1, 2], sep=", ", end=".\n")
print("to stdout", file=sys.stdout, flush=True)
print("to stderr", file=sys.stderr)
print("file None", file=None)
for kw in [{"sep": 5}, {"end": 3}, {"file": 5}, {"foo": 1}]:
    try:
        print("z", **kw)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
w = W()
print("hello", 42, file=w, sep="+")
print(w.parts)
print("", end="")
print(None, True, 1.0, [None], {"a": (1,)})

for s in [slice(None), slice(1, 5), slice(-3, None), slice(None, None, -1), slice(10, -10, -2), slice(2, 100, 3), slice(-100, 100)]:
    print(s, s.indices(6), s.start, s.stop, s.step)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(5), repr(slice(1, "a", None)))
try:
    slice(None, None, 0).indices(5)
except ValueError as e:
    print("ValueError", e)
try:
    slice(1, 2).indices(-1)
except ValueError as e:
    print("ValueError", e)
try:
    slice(1.5, 2).indices(5)
except TypeError as e:
    print("TypeError", e)
print(slice(2**70, -(2**70), -1).indices(10))
print(list(range(10))[slice(*slice(1, 8, 2).indices(10))])
class Idx:
    def __index__(self): return 2
print(slice(Idx(), None).indices(5), [0, 1, 2, 3][Idx():], "abcdef"[Idx():Idx()])
try:
    hash(slice(1, 2))
    print("hashable")
except TypeError as e:
    print("TypeError", e)
try:
    [1, 2][1.0:]
except TypeError as e:
    print("TypeError", e)

s = {1, 2, 3, 4}
s.update([5], (6,), "ab")
print(sorted(s, key=str))
s = {1, 2, 3, 4}
s.intersection_update([1, 2, 9], range(0, 3))
print(s)
s = {1, 2, 3, 4}
s.difference_update([1], {2})
print(s)
s = {1, 2, 3}
s.symmetric_difference_update([3, 4])
print(s)
s = {1, 2}
t = s
s |= {3}
s &= {1, 3, 5}
s -= {1}
s ^= {7}
print(s, s is t)
try:
    s |= [1]
except TypeError as e:
    print("TypeError", e)
try:
    s.symmetric_difference_update([1], [2])
except TypeError as e:
    print("TypeError", e)
print(s.union(), s.intersection(), s.issubset(s), set().issubset([]))
s = {3, 1}
s.discard(9); s.remove(1)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
print(s.pop(), s)
try:
    s.pop()
except KeyError as e:
    print("KeyError", e)

a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a)
c = a
c |= b
print(a, c is a)
c |= {"w": 0}
print(c)
try:
    a | [("q", 1)]
except TypeError as e:
    print("TypeError", e)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], []), dict.fromkeys(range(2), 0))
fk = dict.fromkeys("ab", [])
fk["a"].append(1)
print(fk)
d = {}
print(d.setdefault("k", []), d.setdefault("k", [1]), d)
d.setdefault("n")
print(d)
d = {i: i * i for i in range(4)}
print(d.popitem(), d.popitem(), d)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
print(d.pop(0), d.pop(99, "dflt"))
try:
    d.pop(99)
except KeyError as e:
    print("KeyError", e)
d = dict(a=1)
d.update(b=2)
d.update([("c", 3)], d=4)
print(d, dict([(1, 2)], k=3), dict(d, e=5))
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
d["d"] = 4
print(len(k), len(v), len(it), list(k), list(v))
print("a" in k, 1 in v, ("a", 1) in it, ("a", 2) in it, ["a", 1] in it)
print(k & {"a", "z"}, sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(sorted(it & {("a", 1), ("b", 9)}), type(k & set()).__name__)
print(k == {"a", "b", "c", "d"}, k <= {"a", "b", "c", "d", "e"}, k.isdisjoint(["x"]))
print(repr(k), repr(v)[:12], repr({}.items()))
del d["a"]
print(list(k), list(it))
print(list(reversed(k)), list(reversed(v)))
print(v == v, d.values() == d.values())
try:
    for key in d.keys():
        d[key + "x"] = 0
except RuntimeError as e:
    print("RuntimeError", e)
try:
    k[0]
except TypeError as e:
    print("TypeError", e)
print(sorted({"x": 1}.keys() | ["y"]), {1: 2}.items() | {(3, 4)} == {(1, 2), (3, 4)})
