# SPDX-License-Identifier: LGPL-2.1-only
# Descriptors: __get__ (data descriptors before the instance dict, others
# after), __set__, __delete__, __set_name__ when the class is made, and a
# property with a deleter.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError("int expected")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("deleting", self.name)

class Plain:
    def __get__(self, obj, objtype=None):
        return "plain from " + (type(obj).__name__ if obj is not None else "class")

class P:
    x = Typed()
    y = Plain()
    def __init__(self):
        self.x = 5

p = P()
print(p.x, p.y, P.y, type(P.x).__name__, p.__dict__)
p.x = 7
print(p.x)
try:
    p.x = "a"
except TypeError as e:
    print("TypeError", e)
del p.x
p.y = "shadow"
print(p.y)

class Prop:
    def __init__(self):
        self._v = 1
    @property
    def v(self):
        return self._v
    @v.setter
    def v(self, value):
        self._v = value
    @v.deleter
    def v(self):
        print("deleter")
        del self._v
q = Prop()
q.v = 3
print(q.v)
del q.v
print(hasattr(q, "_v"))
