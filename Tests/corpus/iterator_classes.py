# SPDX-License-Identifier: LGPL-2.1-only
# zip, map, filter, enumerate and reversed are classes, as in CPython: what
# they make is an instance of them (isinstance, type(...) is), they print as
# classes, and calling one checks its arguments as the function did.
z = zip([1, 2], "ab")
print(type(z) is zip, isinstance(z, zip), list(z))
m = map(abs, [-1, -2])
print(type(m).__name__, isinstance(m, map), list(m))
f = filter(None, [0, 1, 2])
print(isinstance(f, filter), list(f))
e = enumerate("xy", 1)
print(isinstance(e, enumerate), list(e), type(e) is enumerate)
r = reversed((1, 2, 3))
print(isinstance(r, reversed), list(r), type(r).__name__)
print(isinstance(reversed([1]), reversed), type(reversed([1])).__name__)
print(zip, map, filter, enumerate, reversed)
print(zip.__name__, callable(zip), type(zip))
print(isinstance(zip, type), issubclass(zip, object))
print(list(zip(*[[1, 2], [3, 4]], strict=True)))
for cls in (zip, map, filter, enumerate, reversed):
    print(cls.__name__, repr(cls), cls is type(cls([1]) if cls is not map and cls is not filter else cls(abs, [1])))
try:
    map()
except TypeError as ex:
    print("TypeError", ex)
try:
    enumerate()
except TypeError as ex:
    print("TypeError")
try:
    zip([1], bad=1)
except TypeError as ex:
    print("TypeError", ex)
builtin_kinds = [zip, map, filter, enumerate, reversed, range, list]
print([k.__name__ for k in builtin_kinds])
print(sorted(zip([3, 1, 2], "cab")))
print(dict(zip("ab", range(2))))
print(hasattr(zip([]), "__next__"), next(zip([5], [6])))
