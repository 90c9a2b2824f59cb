# SPDX-License-Identifier: LGPL-2.1-only
# Everyday objects: bytes.join of bytes-like items, three-argument __pow__, __round__
# with ndigits, dir() in a function, __base__, __class_getitem__, a metaclass's
# __getattr__, SyntaxError(msg, details) attributes, int numerator/denominator, C.mro(),
# dict views' isdisjoint, int.bit_count.
# --- t7
print(b"-".join([b"a", bytearray(b"c"), memoryview(b"m")]))
try:
    b"".join([b"a", 1])
except TypeError as e:
    print(e)
class V:
    def __pow__(self, n, mod=None): return (n, mod)
print(pow(V(), 2, 5), pow(V(), 2), V() ** 3)
class R:
    def __round__(self, n=None):
        return ("r", n)
print(round(R(), 3), round(R()), round(R(), None))
def f():
    x = 1
    y = 2
    return dir()
print(f())
class K:
    a = 1
    print(dir())
print("f" in dir(), "K" in dir())
# --- t8
class A: pass
class B(A): pass
print(B.__base__, A.__base__, object.__base__, int.__base__, bool.__base__)
class G:
    def __class_getitem__(cls, item): return "G[" + item.__name__ + "]"
print(G[int])
class H:
    @classmethod
    def __class_getitem__(cls, item): return (cls.__name__, item)
print(H[3])
class P: pass
try:
    print(P[int])
except TypeError as e:
    print("TypeError", e)
print(list[int] is not None, dict[str, int] is not None)
class M(type):
    def __getattr__(cls, name): return "meta:" + name
class C(metaclass=M):
    x = 1
print(C.anything, C.x, getattr(C, "zz"), hasattr(C, "q"))
# --- t9
e = SyntaxError("msg", ("fn.py", 3, 4, "txt"))
print(e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.args)
e2 = SyntaxError("only")
print(e2.msg, e2.lineno, e2.text, str(e2), repr(e2))
class MySyntax(SyntaxError): pass
print(MySyntax("m", ("f", 1, 2, "t", 1, 3)).end_offset)
try:
    compile("x = (", "<s>", "exec")
except SyntaxError as x:
    print(x.msg, x.lineno, x.offset, repr(x.text), x.filename)
for bad in [("m", (1, 2)), ("m", 5)]:
    try:
        SyntaxError(*bad)
    except TypeError as t:
        print("TypeError", t)
# --- t10
print((5).numerator, (5).denominator, True.numerator, (2**70).real, (2**70).numerator, (2**70).imag, (1.5).real, (-3).denominator)
# --- t11
d = {1: "a", 2: "b"}
print(d.keys().isdisjoint([3]), d.keys().isdisjoint({2}), d.items().isdisjoint([(1, "a")]), d.items().isdisjoint([(1, "z")]), {}.keys().isdisjoint([1]))
print((10).bit_count(), (-7).bit_count(), (2**70 + 3).bit_count(), (0).bit_count(), True.bit_count())
# --- mro()
class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print([k.__name__ for k in D.mro()], D.mro() == list(D.__mro__), type.mro(B) == [B, A, object], int.mro())
print(A.mro()[-1] is object, type(D.mro()).__name__)
