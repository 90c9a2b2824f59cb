# SPDX-License-Identifier: LGPL-2.1-only
# Subclasses of the built-in types keep their methods: class L(list), D(dict)
# with __missing__, S(str) with __new__, I(int), tuple, set, bytes and float
# subclasses; super() reaches the built-in methods; bases CPython refuses.
class Stack(list):
    def __init__(self, items=()):
        super().__init__(items)
        self.pushes = 0
    def push(self, x):
        self.pushes += 1
        self.append(x)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), s.pushes, len(s), s[0], s[1:], 2 in s, list(reversed(s)))
print(s == [1, 2, 3], [1, 2, 3] == s, s + [4], type(s + [4]).__name__, bool(Stack()), sorted(Stack([3, 1, 2])))
for x in s:
    print(x, end=" ")
print()
s.sort(reverse=True); print(s, s.index(2), s.count(1), s.pop(), s)
print(isinstance(s, list), isinstance(s, Stack), issubclass(Stack, list), Stack.__mro__)

class Counter(dict):
    def __missing__(self, key):
        return 0
    def add(self, key):
        self[key] = self[key] + 1
c = Counter()
for w in "a b a c a b".split():
    c.add(w)
print(c, c["zzz"], "zzz" in c, c.get("q"), sorted(c.items()), len(c), list(c), c.keys())

class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
    def __setattr__(self, name, value):
        self[name] = value
ad = AttrDict(x=1)
ad.y = 2
print(ad.x, ad.y, ad, dict(ad), {**ad})

class Upper(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
    def shout(self):
        return self + "!"
u = Upper("hello")
print(u, repr(u), u.shout(), len(u), u.lower(), u == "HELLO", {u: 1}["HELLO"], "HELLO" in {u}, u[1:3], f"{u}", "%s" % u)
print(u.startswith("HE"), "xHELLOx".find(u), ",".join([u, u]), str(u), type(str(u)).__name__, u.split("L"))

class Meters(float):
    def __repr__(self):
        return "Meters(%r)" % float(self)
m = Meters(2.5)
print(m, repr(m), m * 2, m + 1, m > 2, round(m), int(m))

class Flags(int):
    def has(self, bit):
        return self & bit != 0
f = Flags(6)
print(f, f.has(2), f.has(1), f + 1, 1 + f, f * 2, -f, f == 6, hash(f) == hash(6), f.bit_length(), bin(f), "%d|%x" % (f, f), [0, 1, 2, 3, 4, 5, 6, 7][f])
print(range(f), list(range(Flags(3))), abs(Flags(-3)), str(f), repr(f))

class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(1, 2)
print(p, p.x, p[1], len(p), p + (3,), p == (1, 2), hash(p) == hash((1, 2)))
x, y = p
print(x, y)

class Tags(set):
    def tag(self, t):
        self.add(t)
        return self
t = Tags(["a"])
t.tag("b").tag("a")
print(sorted(t), len(t), "b" in t, t | {"c"} == {"a", "b", "c"})

class B(bytes):
    pass
b = B(b"xy")
print(b, len(b), b.upper(), b + b"z", b[0])
class L2(list):
    pass
l2 = L2()
l2.extend([3, 4]); l2 += [5]
print(l2, type(l2).__name__)
try:
    Counter()[[1]]
except TypeError as e:
    print("TypeError", e)
class LoggingDict(dict):
    def __setitem__(self, key, value):
        print("set", key, value)
        super().__setitem__(key, value)
    def __getitem__(self, key):
        v = super().__getitem__(key)
        return v * 10
    def __len__(self):
        return super().__len__() + 100
d = LoggingDict()
d["a"] = 1
d.update(b=2)
print(d["a"], d.get("a"), len(d), d, list(d.items()), "a" in d)

class Registry(dict):
    def register(self, f):
        self[f.__name__] = f
        return f
reg = Registry()
@reg.register
def hello():
    return "hi"
print(sorted(reg), reg["hello"]())

class Ring(list):
    def __getitem__(self, i):
        return super().__getitem__(i % len(self))
    def __iter__(self):
        return iter(super().__iter__())
r = Ring([10, 20, 30])
print(r[4], r[-1], list(r), [x for x in r], r[0:2] if False else "")

class CI(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()
    def __hash__(self):
        return hash(self.lower())
k = CI("Key")
print(k == "KEY", k != "key", {k: 1}.get(CI("kEy")), sorted([CI("b"), CI("A"), "c"]))

class Money(int):
    def __str__(self):
        return "$" + super().__str__()
    def __add__(self, other):
        return Money(int(self) + int(other))
m = Money(5) + 3
print(m, type(m).__name__, repr(m), m * 2, "%s" % m, f"{m}", str(Money(7)))

class Vec(tuple):
    def __add__(self, other):
        return Vec(a + b for a, b in zip(self, other))
print(Vec((1, 2)) + Vec((3, 4)), type(Vec((1, 2)) + (3, 4)).__name__)

class Big(list):
    pass
items = [Big(range(i)) for i in range(60)]
for i, b in enumerate(items):
    b.tag = i
print(sum(len(b) for b in items), items[59].tag, items[5])
import sys
class Words(list):
    def __init__(self, text):
        super().__init__(text.split())
        self.text = text
w = Words("a bb ccc")
print(w, w.text, w.__dict__, len(w), max(w, key=len), " ".join(w))
class E(dict): pass
e = E({"x": 1}, y=2)
print(e, E.fromkeys("ab", 0), type(E.fromkeys("ab")).__name__, e.copy(), type(e.copy()).__name__)
print(dir(Words) == dir(Words), "append" in dir(w), isinstance(w, Words))
class S2(str): pass
s = S2("abc")
print(s * 2, s.replace("b", "x"), s.encode(), list(s), s.__class__.__name__, S2.__bases__)
print(str.upper(s), list.__len__(Big([1, 2])), dict.get(e, "x"))
for base in (bool, range, slice):
    try:
        class X(base): pass
    except TypeError as e:
        print(e)
try:
    class Y(list, dict): pass
except TypeError as e:
    print(e)
class Err(Exception):
    def __init__(self, code):
        super().__init__("failed", code)
        self.code = code
try:
    raise Err(7)
except Err as e:
    print(e, e.code, e.args)
class Z(int, object): pass
print(Z(3) + Z(4))
class S(str): pass
class I(int): pass
class L(list): pass
class D(dict): pass
s, i, l, d = S("42"), I(3), L([3, 1, 2]), D(a=1)
tests = [
    lambda: int(s), lambda: float(s), lambda: int(S("ff"), 16), lambda: "x" * i, lambda: [1, 2, 3, 4][i],
    lambda: range(i), lambda: chr(I(65)), lambda: s.zfill(I(5)), lambda: "%s %d" % (s, i), lambda: "{} {}".format(s, i),
    lambda: f"{i:>4}|{s:<4}", lambda: format(i, "x"), lambda: str(i), lambda: len(l), lambda: min(l), lambda: tuple(l),
    lambda: set(l) == {1, 2, 3}, lambda: dict(d), lambda: {**d}, lambda: list(d.items()), lambda: sorted(d),
    lambda: "k" in d, lambda: ord(S("a")), lambda: s.isdigit(), lambda: S("a,b").split(","),
    lambda: divmod(I(7), 2), lambda: pow(I(2), 3), lambda: abs(I(-2)), lambda: hex(I(255)), lambda: i.to_bytes(2, "big"),
    lambda: bytes(L([65, 66])), lambda: bytearray(L([65])), lambda: sum(L([1, 2])), lambda: "-".join(L(["a", "b"])),
    lambda: isinstance(i, int) and not isinstance(i, bool), lambda: i.__class__ is I, lambda: l[::-1], lambda: l * 2,
    lambda: (lambda *a, **k: (a, k))(*l, **d), lambda: print(s, i, l, d, sep="|"), lambda: repr(S("q")), lambda: ascii(s),
    lambda: s.encode("utf-8"), lambda: bytes(s, "ascii"), lambda: S("a") < S("b"), lambda: max(S("a"), "b"),
    lambda: {S("a"): 1} == {"a": 1}, lambda: hash(S("a")) == hash("a"), lambda: I(5) // 2, lambda: I(5) / 2, lambda: I(5) ** 2,
    lambda: I(1) << 3, lambda: ~I(1), lambda: -I(1), lambda: +I(1), lambda: I(0) or "zero", lambda: round(I(15), -1),
    lambda: list(enumerate(L("ab"))), lambda: list(zip(l, s)), lambda: any(L([0, 1])), lambda: l.copy(), lambda: d.setdefault("b", 2),
]
for n, t in enumerate(tests):
    try:
        r = t()
        print(n, repr(r), type(r).__name__)
    except Exception as e:
        print(n, "error", type(e).__name__, e)
class R:
    def __rmul__(self, o): return "R*"
print("ab" * R(), [1] * R())
try:
    "a" * 1.5
except TypeError as e: print(e)
