# SPDX-License-Identifier: LGPL-2.1-only
# A module's and a class's variable annotations go to their __annotations__
# (a class's own, made empty when it has none; never a base's); a function's
# are not evaluated; other targets' annotations are evaluated for nothing.
x: int = 5
y: "later"
z: list = [1]
print(__annotations__, x, z)
try:
    print(y)
except NameError as e:
    print("NameError", e)

class C:
    a: int
    b: str = "s"
    if True:
        c: float = 1.5
    def m(self):
        local: int = 3
        return local
print(C.__annotations__, C.b, C().m(), C.__dict__.get("a", "no a"))

class D:
    pass
print(hasattr(D, "__annotations__") and D.__annotations__ == {})

def f():
    v: undefined_name = 1
    return v
print(f())

class E:
    x: int
    x: str
print(E.__annotations__)

obj = C()
obj.attr: int = 9
print(obj.attr)
d = {}
d["k"]: str = "v"
print(d, __annotations__)
class Base:
    p: int
class Derived(Base):
    pass
print(Derived.__annotations__, Base.__annotations__, "__annotations__" in Derived.__dict__)
try:
    int.__annotations__
except AttributeError as e:
    print("AttributeError", e)
