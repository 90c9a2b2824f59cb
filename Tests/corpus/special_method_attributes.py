# SPDX-License-Identifier: LGPL-2.1-only
# Special methods as attributes: __get__ of functions, staticmethod,
# classmethod and property objects; staticmethod objects called; __func__;
# function __defaults__ assigned; __call__; int and float __round__,
# __trunc__, __floor__, __ceil__, __format__ (super().__format__ in a
# subclass), __divmod__, three-argument __pow__; the built-in types' special
# methods called through the class.

class K:
    @staticmethod
    def s(a, b=2):
        return a + b
    @classmethod
    def c(cls, x):
        return cls.__name__ + str(x)
sm = K.__dict__["s"]
cm = K.__dict__["c"]
print(type(sm).__name__, type(cm).__name__)
print(sm(1))
print(sm.__func__(5, 5))
print(cm.__func__(K, 9))
print(cm.__get__(None, K)(3))
print(K.s(10), K().s(1, 1), K.c(7), K().c(8))
funcs = [K.s, K.c]
print([f(1) for f in funcs])
class Sub(K):
    pass
print(Sub.c(1))
print(callable(sm), callable(cm))
bound = K.c
print(bound.__self__.__name__, bound.__func__.__name__)
def free(x): return x * 2
K.f = staticmethod(free)
print(K().f(21))

class Meth:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, cls=None):
        if obj is None:
            return self.f
        def bound(*a, **k):
            return self.f(obj, *a, **k)
        return bound
class W:
    @Meth
    def hello(self, who="world"):
        return f"hello {who} from {type(self).__name__}"
w = W()
print(w.hello(), w.hello(who="you"))
print(W.hello(w, "class"))
def f(self): return "f"
print(f.__get__(w)())
print(f.__get__(w, W).__self__ is w)
class N:
    def __set_name__(self, owner, name):
        print("set_name called", owner.__name__, name)
class Owner:
    a = N()
    b = N()
X = type("X", (), {"c": N()})
class Late: pass
Late.d = N()
print("done")

def f(a, b=2, *args, c, d=4, **kw):
    "Docstring of f."
    x = a + b
    return x
f.counter = 0
f.counter += 1
print(f.counter, f.__name__, f.__doc__, f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_name, f.__code__.co_argcount, f.__code__.co_kwonlyargcount)
print(f.__code__.co_varnames[:4])
print(f.__globals__ is globals(), f.__module__, "counter" in f.__dict__, f.__dict__)
print("counter" in dir(f), "__call__" in dir(f), "__name__" in dir(f))
def g(): pass
print(g.__doc__, g.__defaults__, g.__kwdefaults__, g.__annotations__, g.__dict__)
g.__doc__ = "new"
print(g.__doc__)
f.__defaults__ = (100,)
print(f(1, c=0))
try:
    f.__code__.co_name = "x"
except AttributeError as e:
    print("AttributeError", type(e).__name__)
def h(x: int) -> str: pass
print(h.__annotations__)

d = {}
dict.__setitem__(d, "k", 1)
print(d, dict.__getitem__(d, "k"), dict.__contains__(d, "k"), dict.__len__(d))
l = [10, 20, 30]
print(list.__getitem__(l, 1), list.__len__(l), l.__getitem__(slice(0, 2)), l.__contains__(20))
list.__setitem__(l, 0, 5)
list.__delitem__(l, 2)
print(l, l.__iter__().__next__())
s = {1, 2}
print(set.__contains__(s, 1), s.__contains__(5), s.__len__(), set.__or__(s, {3}))
print(int.__add__(2, 3), (2).__mul__(4), int.__add__(2, 1.5), (5).__radd__(1), (7).__neg__())
print((1.5).__add__(1), float.__mul__(2.0, 3), (3).__truediv__(2), (7).__floordiv__(2), (7).__mod__(3))
print("ab".__add__("c"), str.__len__("abc"), "x".__mul__(3), "a".__eq__("a"), "a".__eq__(1))
print((1).__eq__(1.0), (1).__lt__(2), (1).__lt__("x"))
print([].__class__, (1).__class__.__name__, None.__class__.__name__, type.__class__.__name__)
print(int.__name__, list.__name__, (3).__class__(7), "x".__class__("yz"))
print(tuple.__getitem__((1, 2), -1), str.__getitem__("abc", 1), bytes.__len__(b"ab"))
print((3).__bool__(), (0).__bool__(), [].__len__(), (2).__pow__(10), (2).__pow__(10, 7))
print((5).__index__(), (5.7).__int__(), (5).__float__(), (3.5).__round__(), abs(-2).__abs__())

class Temp:
    def __init__(self, c): self.c = c
    def __format__(self, spec):
        if spec.endswith("F"):
            return format(self.c * 9 / 5 + 32, spec[:-1] + "f") + "°F"
        return format(self.c, spec or ".1f") + "°C"
    def __str__(self): return f"Temp({self.c})"
    def __repr__(self): return "T!"
t = Temp(21.5)
print(f"{t}", f"{t:.0F}", "{:.2}".format(t), format(t), "{0!s} {0!r}".format(t), f"{t!s:>12}")
class Money:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        return "$" + format(self.v, spec)
print(f"{Money(1234567.5):,.2f}", "{:>10}".format(Money(5)), f"{Money(3):03d}")
class Bad:
    def __format__(self, spec): return 5
try:
    format(Bad())
except TypeError as e:
    print("TypeError", e)
class Plain: 
    def __str__(self): return "plain"
print(format(Plain()), f"{Plain()}", "{}".format(Plain()), f"{Plain()!s:*^9}")
class S(str):
    def __format__(self, spec): return "S-formatted"
print(f"{S('x')}", format(S("y"), ">3"), str(S("z")))
class I(int):
    def __format__(self, spec): return "I" + super().__format__(spec)
print(f"{I(5):03}", format(I(7)), "%d" % I(8))

class Name(str):
    def greet(self):
        return "Hi " + str(self)
    def __len__(self):
        return 99
n = Name("bob")
print(n.greet(), len(n), n.upper(), type(n.upper()).__name__, n == "bob", n[0], type(n[0]).__name__)
print(f"{n}", str(n), repr(n), "x".join([n, n]))
d = {n: 1}
print(d["bob"])
class Money(int):
    def __str__(self):
        return f"${int(self)}"
    def __add__(self, o):
        return Money(int(self) + int(o))
m = Money(5)
print(m, m + 3, 3 + m, type(3 + m).__name__, m * 2, type(m * 2).__name__, repr(m))
print(f"{m}", "%d" % m, format(m, "04d"), str(m))
class B(int): pass
print(B(7) == 7, hash(B(7)) == hash(7), B("ff", 16), bool(B(0)))
class Flag(int):
    pass
print(Flag(True), type(Flag(True)).__name__, Flag(3).bit_length(), -Flag(3), type(-Flag(3)).__name__)
