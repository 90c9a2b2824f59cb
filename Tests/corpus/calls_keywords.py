# SPDX-License-Identifier: LGPL-2.1-only
# Calls: keyword arguments in any order, keyword-only parameters, *args and
# **kwargs definitions, f(*seq) and f(**mapping), defaults evaluated once,
# keywords for methods, constructors, lambdas and builtins, and the
# TypeError messages of wrong calls.

def show(label, value):
    print(label, "->", value)

def point(x, y=0, z=0):
    return (x, y, z)

print("-- keywords in any order --")
show("point(1)", point(1))
show("point(1, z=3)", point(1, z=3))
show("point(z=3, x=1)", point(z=3, x=1))
show("point(y=2, z=3, x=1)", point(y=2, z=3, x=1))
show("point(1, 2, z=9)", point(1, 2, z=9))

print("-- keyword-only --")
def kwonly(a, *, b=10, c):
    return a + b * c
show("kwonly(1, c=2)", kwonly(1, c=2))
show("kwonly(1, b=3, c=2)", kwonly(1, b=3, c=2))
def after_star(*items, sep="/"):
    return sep.join(str(i) for i in items)
show("after_star(1, 2, 3)", after_star(1, 2, 3))
show("after_star(1, 2, sep='-')", after_star(1, 2, sep="-"))

print("-- *args and **kwargs --")
def collect(first, *rest, **named):
    keys = sorted(named)
    return first, rest, [(k, named[k]) for k in keys]
show("collect(1)", collect(1))
show("collect(1, 2, 3)", collect(1, 2, 3))
show("collect(1, b=2, a=1)", collect(1, b=2, a=1))
args = [4, 5, 6]
opts = {"mode": "fast", "level": 3}
show("collect(*args)", collect(*args))
show("collect(0, *args, **opts)", collect(0, *args, **opts))
show("collect(*args, *args, x=1, **opts)", collect(*args, *args, x=1, **opts))
show("point(**{'x': 7, 'z': 8})", point(**{"x": 7, "z": 8}))
show("point(*(1, 2), **{'z': 3})", point(*(1, 2), **{"z": 3}))

print("-- defaults evaluated once --")
counter = [0]
def next_id():
    counter[0] += 1
    return counter[0]
def stamp(tag, ident=next_id(), seen=[]):
    seen.append(tag)
    return ident, list(seen)
show("stamp('a')", stamp("a"))
show("stamp('b')", stamp("b"))
show("counter", counter[0])

print("-- methods, constructors, lambdas --")
class Box:
    def __init__(self, width, height=1, *, label="box"):
        self.width = width
        self.height = height
        self.label = label
    def area(self, scale=1):
        return self.width * self.height * scale
    def describe(self, *, prefix="", suffix=""):
        return prefix + self.label + suffix
b = Box(3, label="crate", height=4)
show("b.area()", b.area())
show("b.area(scale=2)", b.area(scale=2))
show("b.describe(suffix='!')", b.describe(suffix="!"))
show("Box(width=2).area()", Box(width=2).area())
add = lambda a, b=5, *more, **kw: a + b + sum(more) + len(kw)
show("add(1)", add(1))
show("add(b=1, a=2)", add(b=1, a=2))
show("add(1, 2, 3, 4, x=0, y=0)", add(1, 2, 3, 4, x=0, y=0))

print("-- builtins with keywords --")
print("a", "b", "c", sep="-", end="|\n")
print(end="")
print("x", sep="")
words = ["pear", "fig", "banana", "kiwi"]
show("sorted(key=len)", sorted(words, key=len))
show("sorted(reverse=True)", sorted(words, reverse=True))
show("sorted(key, reverse)", sorted(words, key=len, reverse=True))
show("int('ff', base=16)", int("ff", base=16))
show("int('777', 8)", int("777", 8))
show("dict(a=1, b=2)", dict(a=1, b=2))
show("dict([(1, 2)], c=3)", dict([(1, 2)], c=3))
show("max(key=)", max(words, key=len))
show("min(key=)", min([-7, 3, -1], key=abs))
show("max(default=)", max([], default="empty"))
words.sort(key=lambda w: w[-1])
show("list.sort(key=)", words)

print("-- wrong calls --")
def attempt(label, fn):
    try:
        fn()
    except TypeError as e:
        print(label, "-> TypeError:", e)
attempt("missing", lambda: point())
attempt("too many", lambda: point(1, 2, 3, 4))
attempt("unexpected", lambda: point(1, w=2))
attempt("duplicate", lambda: point(1, x=2))
attempt("kwonly missing", lambda: kwonly(1))
attempt("kwonly positional", lambda: kwonly(1, 2, 3))
attempt("method missing", lambda: b.area(1, 2))
attempt("ctor unexpected", lambda: Box(1, colour="red"))
attempt("dup via **", lambda: point(1, **{"x": 3}))
