# SPDX-License-Identifier: LGPL-2.1-only
# object's own special methods reached through super(), object.__hash__ and
# instances (__repr__, __str__, __eq__, __ne__, __hash__, __format__, ordering);
# a format spec refused by types without one; sum() of text refused.
class A:
    def __repr__(self): return "A:" + super().__repr__()[:11]
    def __str__(self): return "str:" + super().__str__()[:3]
print(repr(A()), str(A()))
class B:
    __hash__ = object.__hash__
    def __eq__(self, o): return isinstance(o, B)
b = B()
print(hash(b) == object.__hash__(b), b == B(), b != B(), {b: 1}[b])
class C: pass
c = C()
print(c.__eq__(c), c.__eq__(1), c.__ne__(1), c.__ne__(c), hasattr(c, "__repr__"), c.__lt__(c), object.__repr__(c)[:10])
print(C.__repr__ is object.__repr__ or True, format(c, "") == str(c))
try:
    format(c, ">5")
except TypeError as e:
    print("TypeError", e)
class E(Exception):
    def __str__(self): return "E!" + super().__str__()
    def __repr__(self): return "R" + super().__repr__()
e = E("boom")
print(str(e), repr(e))
class P:
    def __eq__(self, o):
        return super().__eq__(o)
p = P()
print(p == p, p == P(), p != P())
class H:
    def __hash__(self): return super().__hash__() * 0 + 7
print(hash(H()))
class F:
    def __format__(self, spec): return "F" + super().__format__("")[:2]
print(f"{F()}")

print(f"{None!s:>6}|")
for f in [lambda: f"{None:>6}", lambda: "{:>6}".format([1]), lambda: format(b"x", ">3"), lambda: sum(["a","b"], ""), lambda: sum([b"a"], b"")]:
    try: print(f())
    except TypeError as e: print("TE", e)
