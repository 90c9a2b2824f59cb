# SPDX-License-Identifier: LGPL-2.1-only
# Class details as CPython has them: a class's __doc__ is its own; __name__
# assigned only a str; repr by __qualname__; a metaclass's __setattr__;
# duplicate bases and MRO conflicts; type() with 2 or 4 arguments and
# non-class bases; object.__new__ of a built-in type; wrong calls counting
# keyword-only arguments apart; del of an unset slot.

class Frozen:
    __slots__ = ("a", "b")
    def __init__(self, a, b):
        object.__setattr__(self, "a", a)
        object.__setattr__(self, "b", b)
    def __setattr__(self, k, v):
        raise AttributeError(f"cannot assign to field {k!r}")
    def __delattr__(self, k):
        raise AttributeError(f"cannot delete field {k!r}")
f = Frozen(1, 2)
print(f.a, f.b)
for op in ("set", "del"):
    try:
        if op == "set":
            f.a = 3
        else:
            del f.b
    except AttributeError as e:
        print(op, e)
class S:
    __slots__ = ("x",)
s = S()
try:
    s.y = 1
except AttributeError as e:
    print("AE", e)
try:
    print(s.x)
except AttributeError as e:
    print("AE", e)
s.x = 5
del s.x
try:
    del s.x
except AttributeError as e:
    print("AE", e)

class Single:
    _inst = None
    def __new__(cls, *args):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst
    def __init__(self, v):
        print("init", v)
        self.v = v
a = Single(1)
b = Single(2)
print(a is b, a.v)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Other())
class Sub(Single): pass
print(type(Sub(3)).__name__)
o = object.__new__(Other)
print(type(o).__name__)
try:
    object.__new__(int)
except TypeError as e:
    print("TypeError", e)
try:
    object.__new__(5)
except TypeError as e:
    print("TypeError", e)

class Outer:
    class Inner:
        def meth(self): pass
    def method(self):
        def local(): pass
        return local
def func():
    class InFunc: pass
    return InFunc
print(Outer.__name__, Outer.__qualname__)
print(Outer.Inner.__name__, Outer.Inner.__qualname__)
print(Outer.Inner.meth.__qualname__)
print(Outer().method().__qualname__)
print(func().__qualname__)
print((lambda: 0).__qualname__, (lambda: 0).__name__)
Outer.__name__ = "Renamed"
print(Outer.__name__, Outer.__qualname__)
try:
    Outer.__name__ = 5
except TypeError as e:
    print("TypeError", e)
def g(): pass
g.__name__ = "h"
print(g.__name__, g.__qualname__)
print(repr(Outer.Inner).startswith("<class '__main__.Outer.Inner'"))

def init(self, v): self.v = v
P = type("P", (), {"__init__": init, "double": lambda self: self.v * 2, "k": 1})
p = P(21)
print(p.double(), P.__name__, P.__bases__, P.k, type(P).__name__)
Q = type("Q", (P,), {})
print(Q(2).double(), Q.__mro__[1].__name__, isinstance(Q(1), P))
print(type(5) is int, type("x").__name__)
for args in [("A",), ("A", ()), ("A", (), {}, 1), (1, (), {}), ("A", [], {}), ("A", (), []), ("A", (5,), {})]:
    try:
        r = type(*args)
        print("ok", r)
    except TypeError as e:
        print("TypeError", e)

def f(a, b, c=3, *, d, e=5): pass
def g(x, /, y): pass
def h(*args, **kw): pass
class C:
    def m(self, x): pass
    @classmethod
    def cm(cls): pass
calls = [lambda: f(), lambda: f(1), lambda: f(1, 2), lambda: f(1, 2, 3, 4, d=1), lambda: f(1, 2, d=1, z=0),
         lambda: f(1, 2, a=1, d=1), lambda: g(x=1, y=2), lambda: g(1), lambda: C().m(), lambda: C().m(1, 2),
         lambda: C.m(1), lambda: C.cm(1), lambda: h(**{1: 2}), lambda: f(*5), lambda: f(**[1]),
         lambda: f(1, 2, **{"d": 1}, **{"d": 2}), lambda: (lambda: 0)(1), lambda: C(1), lambda: len(), lambda: len(1, 2),
         lambda: abs(), lambda: "x".join(), lambda: [].append(), lambda: {}.get(), lambda: int("1", "2"), lambda: sorted([1], None)]
for c in calls:
    try:
        c()
        print("no error")
    except TypeError as e:
        print(e)

class Meta(type):
    def __new__(mcls, name, bases, ns, *, tag=None, **rest):
        cls = super().__new__(mcls, name, bases, ns, **rest)
        cls.tag = tag
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
class Base(metaclass=Meta, tag="base"):
    def __init_subclass__(cls, extra=None, **kw):
        super().__init_subclass__(**kw)
        cls.extra = extra
class Child(Base, tag="child", extra="E"):
    pass
print(Base.tag, Child.tag, Child.extra, type(Child).__name__)
class M2(type):
    def __getattr__(cls, name):
        return f"meta-attr {name}"
    def __setattr__(cls, name, value):
        print("meta setattr", name)
        super().__setattr__(name, value)
    def __contains__(cls, x):
        return x == "magic"
class U(metaclass=M2):
    real = 1
print(U.real, U.anything, "magic" in U, 3 in U)
U.new = 5
print(U.new, U().real)
try:
    U().anything
except AttributeError as e:
    print("AttributeError", e)
class CallCount(type):
    count = 0
    def __call__(cls, *a):
        CallCount.count += 1
        return super().__call__(*a)
class P(metaclass=CallCount):
    def __init__(self, v=0): self.v = v
P(); P(1); [P(i) for i in range(3)]
print(CallCount.count, P(9).v)

class A:
    "doc A"
    x = 1
    def f(self): pass
class B(A): pass
class C(A):
    y = 2
class D(B, C): pass
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])
print(D.__bases__ == (B, C), A.__bases__, object.__bases__)
print(sorted(k for k in A.__dict__ if not k.startswith("__")))
print(A.__dict__["x"], "__doc__" in A.__dict__, A.__doc__, B.__doc__)
print("x" in B.__dict__, D.x, D.y)
print(A.__module__, D.__base__.__name__)
try:
    class Bad(A, A): pass
except TypeError as e:
    print("TypeError", e)
class X: pass
class Y(X): pass
try:
    class Z(X, Y): pass
except TypeError as e:
    print("TypeError", e)
