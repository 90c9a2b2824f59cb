# SPDX-License-Identifier: LGPL-2.1-only
# Natives check the kind of every argument before they use it: a value of
# the wrong kind is a TypeError, never a read of another object's memory.
def attempt(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

class C:
    pass

for ns in [(1, 2), [1, 2], C(), 2, 4096, 2**70, "ab", None, {1, 2}, {"x": 1}]:
    attempt("type ns " + type(ns).__name__, lambda: type("A", (), ns).__name__)
for bases in [1, [C], "x", None, (C,)]:
    attempt("type bases " + type(bases).__name__, lambda: type("A", bases, {}).__name__)
for name in [1, None, b"A", "A"]:
    attempt("type name " + type(name).__name__, lambda: type(name, (), {}).__name__)
attempt("type made", lambda: (lambda K: (K.__name__, K().x))(type("K", (C,), {"x": 5})))

for spec in [0, 2, 16, 100, None, b"x", 1.5, [1], ">5"]:
    attempt("format " + repr(spec), lambda: format(12, spec))
class F:
    def __format__(self, spec):
        return 42
attempt("__format__ not str", lambda: format(F(), ""))
attempt("f-string __format__", lambda: f"{F()}")

for sep in [None, " ", "-", 0, -1, [], 2**70, b"x"]:
    attempt("print sep " + repr(sep), lambda: print(1, 2, sep=sep))
    attempt("print end " + repr(sep), lambda: print(1, end=sep))
print()

values = [None, True, False, 0, 1, -1, 2**61, -2**62, 2**62 - 1, 2**70, 1.5, "a", (), [], C()]
ids = [id(v) for v in values]
print("ids distinct:", len(set(ids)) == len(ids), all(isinstance(i, int) for i in ids))
print("id(1) == id(None):", id(1) == id(None), "id(-1) is int:", isinstance(id(-1), int))
print("id stable:", id(values[-1]) == id(values[-1]))

# A key function that empties the list it sorts.
l = [3, 1, 2]
def clearing_key(x):
    print("key sees", x, l)
    l.clear()
    return x
attempt("sort clearing", lambda: l.sort(key=clearing_key))
print("after", l)
l = [3, 1, 2]
def growing_key(x):
    l.append(x)
    return -x
attempt("sort growing", lambda: l.sort(key=growing_key))
print("after", l)
class Cmp:
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        m.append(Cmp(0))
        return self.v < o.v
    def __repr__(self): return "Cmp(%d)" % self.v
m = [Cmp(2), Cmp(1), Cmp(3)]
attempt("sort comparing", lambda: m.sort())
print("after", m)
attempt("sorted key error", lambda: sorted([1, 2, 3], key=lambda x: 1 // (x - 2)))

for bad in [None, "3", 1.5, [1]]:
    attempt("center " + repr(bad), lambda: "ab".center(bad))
    attempt("expandtabs " + repr(bad), lambda: "a\tb".expandtabs(bad))
    attempt("zfill " + repr(bad), lambda: "7".zfill(bad))
    attempt("replace count " + repr(bad), lambda: "aaa".replace("a", "b", bad))
    attempt("chr " + repr(bad), lambda: chr(bad))
    attempt("range " + repr(bad), lambda: range(bad))
    attempt("bytes " + repr(bad), lambda: bytes(bad))
class Index:
    def __index__(self): return 3
print("a".center(Index(), "*"), "x".zfill(Index()), [1, 2, 3, 4][Index()], "abcdef"[Index():], chr(Index()))
print("aaaa".replace("a", "b", 2), "a\tb".expandtabs(tabsize=4), "ab".center(7, "-"))
# Methods called through the class check the kind of self.
for call in [lambda: Exception.__init__("x"), lambda: BaseException.__init__(1), lambda: Exception.__init__(Exception),
             lambda: str.upper(5), lambda: list.append((), 1), lambda: dict.keys([]), lambda: bytes.hex("ab")]:
    try:
        call()
        print("no error")
    except TypeError:
        print("TypeError")
e = KeyError()
Exception.__init__(e, 1, 2)
print(e.args)
