# SPDX-License-Identifier: LGPL-2.1-only
# f.__annotations__: the parameters' and the return's annotations, evaluated
# where the function is defined (after its defaults), in parameter order;
# an empty dict made once when there are none; set only to a dict.
def f(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    return True

print(f.__annotations__)
def g(x, y=1):
    pass
print(g.__annotations__, g.__annotations__ is g.__annotations__)
g.__annotations__["x"] = int
print(g.__annotations__)
lam = lambda q: q
print(lam.__annotations__)

def outer():
    class Local:
        pass
    def inner(v: Local) -> Local:
        return v
    return inner
print(outer().__annotations__["v"].__name__)

order = []
def note(v):
    order.append(v)
    return v
def h(p: note("p") = note("default"), *, k: note("k") = note("kwdefault")) -> note("ret"):
    pass
print(order, list(h.__annotations__))

class K:
    def m(self, x: "K") -> None:
        pass
print(K.m.__annotations__, K().m.__annotations__)
print(f(1), sorted(vars(f)))
def deco(fn):
    return fn
@deco
def dd(z: 1 + 1):
    pass
print(dd.__annotations__)
try:
    g.__annotations__ = 5
except TypeError as e:
    print("TypeError", e)
g.__annotations__ = {"y": str}
print(g.__annotations__, "__annotations__" in dir(g), "__annotations__" in vars(g))
