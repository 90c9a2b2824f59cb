# SPDX-License-Identifier: LGPL-2.1-only
# __new__ (object.__new__(cls), super().__new__, a singleton, returning another
# type's object, which skips __init__), __init__ returning a value (TypeError),
# a class's __bases__ when it names none,
# and dict | dict and |= (PEP 584).
class A:
    def __new__(cls, x):
        o = object.__new__(cls)
        o.x = x
        return o
print(A(3).x)
class Single:
    _it = None
    def __new__(cls, *args, **kw):
        if cls._it is None:
            cls._it = super().__new__(cls)
        return cls._it
    def __init__(self, v=0):
        self.v = v
print(Single(1) is Single(2), Single().v)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Other())
class Sub(A):
    def __init__(self, x):
        self.y = x * 2
s = Sub(5)
print(s.x, s.y, type(s).__name__)
class BadNew:
    def __new__(cls):
        return object.__new__(cls)
    def __init__(self):
        return 2
try:
    BadNew()
except TypeError as e:
    print("TypeError", e)
print({"a": 1} | {"b": 2}); d = {"a": 1}; d |= {"c": 3}; print(d)
class A:
    class B:
        def m(self): pass
print(A.B.__qualname__, A.B.m.__qualname__, A.__bases__, A.__mro__[-1].__name__)
class Bad:
    def __init__(self):
        return 1
try:
    Bad()
except TypeError as e:
    print("TypeError", e)
class Good:
    def __init__(self, x):
        self.x = x
        return None
print(Good(4).x)
class Early:
    def __init__(self, x):
        if x:
            return
        self.y = 1
print(hasattr(Early(1), "y"), hasattr(Early(0), "y"))
