# p14p-args: --no-special-methods
# SPDX-License-Identifier: LGPL-2.1-only
# A board built without `special_methods` (recipe [features] special_methods =
# false): the built-in types' special methods are not attributes, as on
# PyMite; the operators, the built-in functions and a class's own special
# methods work as before.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        return Money(self.cents + other.cents)
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __hash__(self):
        return hash(self.cents)
    def __repr__(self):
        return "Money(%d)" % self.cents
class Plain:
    pass
m = Money(150) + Money(25)
print(m, m == Money(175), m != Money(1), len({m, Money(175)}))
print(1 + 2, "ab" * 2, [1] + [2], len("abc"), repr(3), str(4.5), hash(7) == hash(7))
print(repr(Plain()).startswith("<__main__.Plain object at "), Plain() == Plain(), str(Plain())[:16])
print(sorted([3, 1, 2]), {"a": 1} == {"a": 1}, 3 in [1, 2, 3])
# Not attributes: AttributeError, with or without the VM's messages.
for expr in ["(5).__add__", "int.__add__", "'ab'.__len__", "[].__getitem__", "object.__eq__",
             "Plain().__repr__", "len.__call__", "(lambda: 1).__get__"]:
    try:
        eval(expr)
        print(expr, "found")
    except AttributeError:
        print(expr, "AttributeError")
# A class's own special methods stay attributes.
print(Money(1).__add__(Money(2)), Money.__eq__(Money(3), Money(3)))
print(hasattr(5, "__add__"), hasattr(Money(1), "__add__"), "__add__" in dir(5))
