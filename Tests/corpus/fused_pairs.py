# SPDX-License-Identifier: LGPL-2.1-only
# The pairs the compiler fuses into one instruction (a local and its
# attribute, two locals, a constant operand, a comparison and its jump) do
# what the two instructions did: the same errors, naming the same variable,
# the same calls to __eq__, __bool__, __getattr__ and properties, in order.


class Loud:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("eq", self.v, other)
        return Truthy(self.v == other)

    def __lt__(self, other):
        print("lt", self.v, other)
        return self.v < other


class Truthy:
    def __init__(self, answer):
        self.answer = answer

    def __bool__(self):
        print("bool", self.answer)
        return self.answer


class Lazy:
    def __getattr__(self, name):
        print("getattr", name)
        return len(name)


class Boxed:
    def __init__(self):
        self._x = 1

    @property
    def x(self):
        print("get x")
        return self._x

    @x.setter
    def x(self, v):
        print("set x", v)
        self._x = v


def compare_and_jump(a, b):
    if a < b:
        return "less"
    if a == b:
        return "equal"
    return "greater"


print(compare_and_jump(1, 2), compare_and_jump(2, 2), compare_and_jump(3, 2))
print(compare_and_jump("ab", "b"), compare_and_jump("b", "b"), compare_and_jump("c", "b"))
print(compare_and_jump(1.5, 2), compare_and_jump(2**70, 2**70))
print(compare_and_jump(Loud(1), 1), compare_and_jump(Loud(5), 1))


def contains_and_jump(x, items):
    if x in items:
        return "in"
    if x not in items:
        return "not in"


print(contains_and_jump(2, [1, 2]), contains_and_jump(3, (1, 2)), contains_and_jump("a", "cat"))


def identity_and_jump(x):
    if x is None:
        return "none"
    if x is not None:
        return "some"


print(identity_and_jump(None), identity_and_jump(0))


def truthy_raises(x):
    try:
        if Loud(x) == x:
            return "yes"
        return "no"
    except ZeroDivisionError as e:
        return "raised"


class Bad:
    def __bool__(self):
        return 1 // 0


class Eq:
    def __eq__(self, other):
        return Bad()


def bool_raises():
    try:
        if Eq() == 1:
            return "yes"
    except ZeroDivisionError:
        return "ZeroDivisionError from __bool__"


print(truthy_raises(3), bool_raises())


def unbound_pair(flag):
    if flag:
        a = 1
    b = 2
    return a + b


def unbound_second(flag):
    a = 1
    if flag:
        b = 2
    return a + b


def unbound_attr(flag):
    if flag:
        o = Boxed()
    return o.x


def unbound_store(flag):
    if flag:
        o = Boxed()
    o.x = 5


for f in (unbound_pair, unbound_second, unbound_attr, unbound_store):
    try:
        print(f.__name__, f(True))
        f(False)
    except UnboundLocalError as e:
        print(f.__name__, "UnboundLocalError:", e)


def attributes(o, lazy):
    o.x = o.x + 10
    o.x += 1
    return o.x, lazy.width + lazy.h


print(attributes(Boxed(), Lazy()))


def missing(o):
    return o.nothing


try:
    missing(Boxed())
except AttributeError as e:
    print("AttributeError:", e)


def constant_operands(n, s, t):
    n += 1
    n = n * 3
    s += "!"
    t += (4,)
    items = [1]
    items += (2,)
    return n, s, t, items, n // 2, n % 7, n - 100, s * 2, 2 ** n


print(constant_operands(4, "hi", (1,)))


def constant_type_errors():
    out = []
    for f in (lambda v: v + 1, lambda v: v - "a", lambda v: v * None):
        try:
            f("x")
        except TypeError as e:
            out.append(type(e).__name__)
    return out


print(constant_type_errors())


def loop_compare(limit):
    total, i = 0, 0
    while i < limit:
        if i % 3 == 0:
            total += i
        i += 1
    return total


print(loop_compare(100))


def gen_compare(n):
    k = 0
    while k < n:
        if k != 2:
            yield k
        k += 1


print(list(gen_compare(6)))


# c[lo:hi] without a step: one instruction, no slice object for a str, bytes,
# list or tuple with int or None bounds; anything else gets its slice as before.
class Sliced:
    def __getitem__(self, key):
        return (key.start, key.stop, key.step)


class Text(str):
    pass


def slices(s, b, l, t, lo, hi):
    return s[lo:hi], b[lo:hi], l[lo:hi], t[lo:hi]


for lo, hi in [(1, -1), (None, 3), (-2, None), (None, None), (5, 2), (-100, 100), (0, 0), (True, 2), (2**70, None), (-2**70, 2)]:
    print(lo, hi, slices("héllo wörld", b"bytes!", [1, 2, 3, 4, 5], (1, 2, 3), lo, hi))
print(Sliced()[1:2], Sliced()[:"x"], Text("subclass")[1:4], bytearray(b"abcdef")[2:4], range(10)[3:7], memoryview(b"view")[1:3].tobytes())
five = 5
for bad in [lambda: "abc"[1.5:], lambda: [1][:"2"], lambda: five[1:2]]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
