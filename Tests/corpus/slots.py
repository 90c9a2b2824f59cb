# SPDX-License-Identifier: LGPL-2.1-only
# __slots__: instances set only the declared names (and their bases'), no __dict__;
# a base without __slots__ or "__dict__" in them gives a dict back; conflicts refused.
class P:
    __slots__ = ("x", "y")
    def __init__(self):
        self.x = 1
p = P()
p.y = 2
print(p.x, p.y, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError", e)
class Q(P):
    __slots__ = "w"
q = Q()
q.w = 1; q.x = 2
try:
    q.v = 0
except AttributeError as e:
    print("AttributeError", e)
class R(P):
    pass
r = R()
r.anything = 5
print(r.anything, hasattr(r, "__dict__"))
class S:
    __slots__ = ["a", "__dict__"]
s = S(); s.b = 1
print(s.b)
try:
    class T:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print("ValueError", e)
class U:
    __slots__ = ()
    @property
    def val(self): return 42
print(U().val)
try:
    U().q = 1
except AttributeError as e:
    print("AttributeError", e)
