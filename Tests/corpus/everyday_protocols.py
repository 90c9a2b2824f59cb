# SPDX-License-Identifier: LGPL-2.1-only
# Everyday calls and protocols: iter(f, sentinel), positional-only parameters,
# __index__ where CPython takes it, bool & | ^, identical items equal in containers,
# reversed(dict), sys.version_info fields, zip(strict=), __defaults__, methods
# that take no arguments, number slots returning NotImplemented.
# --- t1
n = float("nan")
print([n] == [n], n in [n], [n].count(n), (n,) == (n,), n == n, n != n, [n].index(n))
class E:
    def __eq__(self, o):
        print("eq called")
        return False
e = E()
print(e == e, e != e, [e] == [e], e in [e], [e].count(e))
it = iter([1, 2, 0, 3])
print(list(iter(lambda: next(it), 0)))
calls = []
def f():
    calls.append(1)
    if len(calls) > 3: raise StopIteration
    return len(calls)
i2 = iter(f, 99)
print(list(i2), list(i2), next(i2, "end"))
try:
    iter(5, 1)
except TypeError as x:
    print(x)
d = {n: 1}
print(d[n], n in {n}, {n: 2} == {n: 2})
# --- t2
def f(a, /, **kw): return a, kw
print(f(1, a=2))
try:
    f(a=1)
except TypeError as e:
    print(e)
def g(a, b, /, c): return a, b, c
print(g(1, 2, c=3), g(1, 2, 3))
for call in (lambda: g(1, b=2, c=3), lambda: g(a=1, b=2, c=3), lambda: g(1, 2)):
    try:
        call()
    except TypeError as e:
        print(e)
h = lambda x, /, y=2: (x, y)
print(h(1), h(1, y=5))
try:
    h(x=1)
except TypeError as e:
    print(e)
class C:
    def m(self, v, /): return v
print(C().m(4))
try:
    C().m(v=4)
except TypeError as e:
    print(e)
# --- t3
import sys
v = sys.version_info
print(v.major, v.minor >= 0, v[0], v[:2] >= (3, 0), v >= (3, 8), len(v), type(v).__name__, isinstance(v, tuple))
major, minor, *rest = v
print(major, tuple(v)[0], v.releaselevel in ("final", "alpha", "beta", "candidate"))
print(True & False, True | False, True ^ True, type(True & True).__name__, True & 3, 1 | True)
print(list(reversed({"a": 1, "b": 2})), list(reversed({})))
# --- t4
print(list(zip([1, 2], [3, 4], strict=True)), list(zip(strict=True)), list(zip([1], strict=False)))
for args in (([1, 2], [1]), ([1], [1, 2]), ([1, 2], [1, 2], [1]), ([1], [1], [1, 2]), ([], [1])):
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print(e)
try:
    zip([1], foo=1)
except TypeError as e:
    print(e)
def f(a, b=2, *, c=3, d): pass
print(f.__defaults__, f.__kwdefaults__, (lambda: 0).__defaults__, (lambda *, k=1: 0).__kwdefaults__)
# --- t5
for e in ['"abc".upper(1)', '"a".lower(1, 2)', '{}.keys(1)', '(1).bit_length(2)', '[].copy(1)', 'b"a".upper(1)', '"A".upper()', '[3,1].reverse()', 'set().pop(1)', '{1:2}.items()']:
    try:
        print(e, eval(e))
    except Exception as x:
        print(e, type(x).__name__, x)
# --- t6
print(int.__add__(3, 2.5), (1).__lt__(2.0), (1).__eq__(1.0), (1).__add__(True), (2.5).__add__(1), (2.5).__radd__(1), (1.0).__eq__(1), (3).__mul__("a"))
print(int.__add__(3, 4), (5).__rsub__(1), float.__truediv__(1.0, 4))
# --- __index__
class N:
    def __index__(self): return 2
for e in ["[10, 20, 30][N()]", "hex(N())", "bin(N())", "range(N())", "'ab' * N()", "[0,1,2,3][N():]", "int(N())", "(5).to_bytes(N(), 'big')", "bytes(N())"]:
    try: print(e, eval(e))
    except Exception as x: print(e, type(x).__name__, x)
