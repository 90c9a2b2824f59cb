# SPDX-License-Identifier: LGPL-2.1-only
# Operands of other types: a built-in's operation with a subclass's instance on
# the right, the right operand's reflected method when the left cannot answer,
# a subclass's reflected method and comparison first, == giving __eq__'s object.
class S(str): pass
class L(list): pass
class T(tuple): pass
class B(bytes): pass
class D(dict): pass
class St(set): pass
print("a" + S("b"), [1] + L([2]), (1,) + T((2,)), b"a" + B(b"b"), {1: 2} | D(x=1), {1} | St({2}), S("a") in "cab")
print(type("a" + S("b")).__name__, type([1] + L([2])).__name__, type({1} | St({2})).__name__)


class R:
    def __radd__(s, o): return "radd"
    def __ror__(s, o): return "ror"
    def __rsub__(s, o): return "rsub"
    def __rmul__(s, o): return "rmul"


for f in [lambda: "s" + R(), lambda: [1] + R(), lambda: (1,) + R(), lambda: b"x" + R(), lambda: {1} | R(),
          lambda: {1: 2} | R(), lambda: {1} - R(), lambda: [1] * R(), lambda: 2.5 + R(), lambda: 1 + R()]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)


class V:
    def __init__(s, v): s.v = v
    def __add__(s, o): return "V.add"
    def __radd__(s, o): return "V.radd"
    def __eq__(s, o): return "V.eq"
    def __lt__(s, o): return "V.lt"


class W(V):
    def __radd__(s, o): return "W.radd"
    def __eq__(s, o): return "W.eq"
    def __gt__(s, o): return "W.gt"


class W2(V): pass


print(V(1) + W(2), W(1) + V(2), V(1) + W2(2), V(1) == W(2), V(1) < W(2), V(1) < W2(2), V(1) != W(2))


class SR(str):
    def __radd__(s, o): return "SR.radd"


print("x" + SR("y"), "x" % SR("y") if False else "%s" % SR("y"))


class N:
    def __radd__(s, o): return NotImplemented


try:
    print("x" + N())
except TypeError as e:
    print(e)


class LL(list):
    def __radd__(s, o): return NotImplemented


print([0] + LL([1]))


class Declines:
    calls = 0
    def __eq__(s, o):
        Declines.calls += 1
        return NotImplemented


class DeclinesToo(Declines): pass


a, b = Declines(), DeclinesToo()
print(a == b, a != b, Declines.calls)
