# SPDX-License-Identifier: LGPL-2.1-only
# The special methods of the built-in types as attributes: int.__add__(2, 3),
# (5).__radd__(1), "ab".__len__(), dict.__setitem__, list.__delitem__, ...;
# NotImplemented for an operand they do not take; hasattr by type.
print(int.__add__(2, 3), (5).__add__(1), (5).__radd__(1), "ab".__len__(), (5).__add__("x"))
print(list.__getitem__([1, 2], 1), [1, 2].__contains__(2), {1}.__contains__(3), (3).__lt__(4), "b".__gt__("a"))
d = {}
dict.__setitem__(d, "k", 1)
print(d, d.__getitem__("k"), d.__len__(), {"a": 1}.__or__({"b": 2}))
l = [1, 2, 3]
l.__setitem__(0, 9); l.__delitem__(1)
print(l, (7).__neg__(), (-3).__abs__(), (6).__invert__(), (5).__bool__(), (0).__bool__(), (3).__index__())
print(hasattr(5, "__len__"), hasattr("a", "__len__"), hasattr([], "__hash__"), hasattr((), "__hash__"))
print((1).__eq__(1), (1).__ne__(2), (1).__eq__("a"), "%s-%s" % ((10).__str__(), "x".__repr__()))
print(tuple.__add__((1,), (2,)), (2).__mul__(3), "ab".__mul__(2), [0].__mul__(2), (7).__floordiv__(2), (7).__mod__(3), (2).__pow__(5))
print(frozenset([1]).__hash__() == hash(frozenset([1])), range(5).__len__(), range(5).__getitem__(2), iter([7]).__next__())
class V:
    def __init__(self, v): self.v = v
    def __add__(self, o): return V(self.v + (o.v if isinstance(o, V) else o))
    def __radd__(self, o): return V(o + self.v)
print((1 + V(2)).v, (V(1) + V(2)).v, sum([V(1), V(2)], V(0)).v)
try:
    int.__len__
except AttributeError as e:
    print("AttributeError", e)
class C:
    pass
print(hasattr(C(), "__add__"), hasattr(C, "__len__"))
