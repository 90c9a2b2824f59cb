# SPDX-License-Identifier: LGPL-2.1-only
# Docstrings of functions, methods and properties (f.__doc__, property.__doc__),
# property fget/fset, and dir() through an object's own __dir__.
def f():
    "f docstring here"
    return 1
def g():
    return "not a doc"
def h():
    """Multi
    line"""
class T:
    @property
    def c(self):
        "celsius"
        return 1
    def m(self):
        "method doc"
print(f.__doc__, g.__doc__, repr(h.__doc__), T.c.__doc__, T.m.__doc__, T().m.__doc__, f())
f.__doc__ = "changed"
print(f.__doc__, T.c.fget.__name__, T.c.fset, type(T.c).__name__)
p = property(lambda self: 1)
print(p.__doc__, (lambda: 0).__doc__)
class B:
    def __dir__(self): return ["z", "a", "m"]
print(dir(B()), "__closure__" in dir(f), "__defaults__" in dir(f))
