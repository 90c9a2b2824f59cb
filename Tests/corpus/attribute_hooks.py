# SPDX-License-Identifier: LGPL-2.1-only
# Attribute hooks: __getattr__ for what is missing, __getattribute__ for
# every access, __setattr__ and __delattr__, object's plain versions behind
# them (object.__setattr__, super().__getattribute__), and getattr, hasattr,
# setattr and delattr going through them.


class Defaults:
    kind = "class attribute"

    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        if name.startswith("no_"):
            raise AttributeError("no attribute " + name)
        return "<" + name + ">"


d = Defaults()
print(d.real, d.kind, d.missing, getattr(d, "other"))
print(hasattr(d, "anything"), hasattr(d, "no_such"), getattr(d, "no_x", "default"))
try:
    d.no_way
except AttributeError as e:
    print("AttributeError:", e)


class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __setattr__(self, name, value):
        self.log.append(("set", name, value))
        object.__setattr__(self, name, value * 2)

    def __delattr__(self, name):
        self.log.append(("del", name))
        object.__delattr__(self, name)


r = Recorder()
r.x = 5
setattr(r, "y", 7)
print(r.x, r.y, r.__dict__)
del r.x
delattr(r, "y")
print(r.log, hasattr(r, "x"))
try:
    del r.never
except AttributeError as e:
    print("AttributeError on del:", type(e).__name__)


class Counted:
    def __init__(self):
        self.hits = 0
        self.value = 10

    def __getattribute__(self, name):
        if name != "hits":
            object.__setattr__(self, "hits", object.__getattribute__(self, "hits") + 1)
        return super().__getattribute__(name)

    def __getattr__(self, name):
        return "fallback " + name

    def double(self):
        return self.value * 2


c = Counted()
print(c.value, c.double(), c.nothing_here, c.hits)


class Base:
    def __setattr__(self, name, value):
        super().__setattr__(name, str(value))


class Derived(Base):
    pass


x = Derived()
x.a = 3
print(repr(x.a), type(x.a).__name__)


class Late:
    pass


Late.__getattr__ = lambda self, name: name * 2
print(Late().ab)
try:
    getattr(Late(), 5)
except TypeError as e:
    print("TypeError:", e)
