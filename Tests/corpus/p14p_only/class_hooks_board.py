# p14p-args: --no-class-hooks
# SPDX-License-Identifier: LGPL-2.1-only
# A board built without `class_hooks` (recipe [features] class_hooks = false):
# plain classes, inheritance, super(), property, staticmethod and classmethod
# work; a class that needs attribute hooks, descriptors, __new__,
# __init_subclass__, keywords, a metaclass or a built-in base is refused.
class Base:
    def __init__(self, x):
        self._x = x
    @property
    def x(self):
        return self._x
    @staticmethod
    def twice(n):
        return 2 * n
    @classmethod
    def make(cls):
        return cls(7)
class Child(Base):
    def __init__(self, x):
        super().__init__(x + 1)
print(Child(1).x, Base.twice(4), Child.make().x, isinstance(Child(0), Base))
attempts = [
    "class A:\n    def __getattr__(self, name): return 1",
    "class B:\n    def __get__(self, obj, owner): return 1",
    "class C:\n    def __new__(cls): return object.__new__(cls)",
    "class D:\n    def __init_subclass__(cls): pass",
    "class E(list): pass",
    "class F(type): pass",
    "class G(Base, tag=1): pass",
    "class H(metaclass=type): pass",
]
for source in attempts:
    try:
        exec(source)
        print("made")
    except NotImplementedError as e:
        print("NotImplementedError:", e)
