# SPDX-License-Identifier: LGPL-2.1-only
# f(*a, **m) as CPython checks it: a keyword given twice, ** of a non-mapping,
# * of a non-iterable; a mapping with keys() and __getitem__; object() takes no
# attributes; floats hash as the ints they equal; yield from a class's iterator
# gives its StopIteration's value.
def f(*args, **kw):
    return args, kw


class K:
    def m(self, **kw):
        return kw


class Mapping:
    def keys(self):
        return ["p", "q"]

    def __getitem__(self, k):
        return k * 2


cases = [
    lambda: f(d=1, **{"d": 2}),
    lambda: f(**{"d": 1}, **{"d": 2}),
    lambda: f(**{"d": 1}, d=2),
    lambda: dict(**{"a": 1}, **{"a": 2}),
    lambda: f(**[1]),
    lambda: f(*5),
    lambda: f(*None, **{}),
    lambda: K().m(a=1, **{"a": 2}),
    lambda: f(**{1: 2}),
    lambda: f(**Mapping()),
    lambda: f(*"ab", **Mapping(), r=1),
    lambda: f(*range(3)),
    lambda: dict(**{"a": 1}, b=2),
]
for c in cases:
    try:
        print(c())
    except TypeError as e:
        print("TypeError", e)

o = object()
for g in [lambda: setattr(o, "x", 1), lambda: vars(o)]:
    try:
        print(g())
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)


class A:
    pass


a = A()
a.x = 1
print(vars(a))

print(hash(0.5), hash(1.5), hash(-2.25), hash(1e300), hash(2.0), hash(float(2 ** 70)), hash(2 ** 70), hash(-1.0), hash(1e-300))
print({2 ** 70: 1}.get(float(2 ** 70)), {2.0: "a"}.get(2), {0.5: 1}[0.5], hash(float("inf")), hash(-float("inf")))
print(hash(123456789.125), hash(3.141592653589793), 2 ** 80 + 0.0 in {2 ** 80}, {1e20: 1}.get(10 ** 20))


class It:
    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(99)
        return self.n


def g():
    r = yield from It()
    print("r", r)
    r2 = yield from iter([5])
    print("r2", r2)


print(list(g()))
