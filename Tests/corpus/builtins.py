# SPDX-License-Identifier: LGPL-2.1-only
# Built-in functions, each called in several ways.

print("-- print --")
print()
print("a", 1, 2.5, None, True, [1], (2,), {"k": 3})
print("x", "y", sep="-")
print("no newline", end="|")
print("next", "line", sep="", end="\n")
print("-- len/abs/min/max/sum --")
print(len("abc"), len([1, 2]), len((1,)), len({"a": 1}), len(set([1, 1, 2])), len(range(10)), len(""))
print(abs(-3), abs(3.5), abs(-0.5), abs(0))
print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max("abc"), min("b", "a"), max(1, 2.5), min((9, 8, 7)))
print(max([1, -5, 3], key=abs), min(["aaa", "b", "cc"], key=len), max([], default="empty"))
print(sum([1, 2, 3]), sum([]), sum((0.5, 0.25)), sum(range(101)), sum([[1], [2]], []), sum([1, 2], 10))
print("-- chr/ord/int/float/str/repr/bool --")
print(chr(65), chr(8364), ord("A"), ord("€"), int("12"), int(-2.7), int("101", 2), float("1.5"), float(2))
print(str(12), str(1.25), str([1, "a"]), repr("a"), repr([1, "a"]), repr(None), repr(1.5))
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0), bool(()))
print("-- list/tuple/dict/set/range --")
print(list(), list("ab"), list((1, 2)), list(range(3)), list({"a": 1, "b": 2}))
print(tuple(), tuple([1, 2]), tuple("xy"))
print(dict(), dict(a=1), dict([(1, 2)]), dict({"z": 0}))
print(sorted(set("hello")), sorted(set([3, 1, 3])), len(set()))
print(range(5), range(1, 5), range(1, 10, 2), list(range(3, 0, -1)), range(10)[3], len(range(2, 20, 5)))
print("-- map/filter/zip/enumerate/reversed/sorted --")
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(zip([1, 2, 3], "abc")), list(zip([1, 2], [3])), list(zip()), list(zip(range(3), range(3), range(3))))
print(list(enumerate("abc")), list(enumerate(["x", "y"], 1)), list(enumerate([], 5)), list(enumerate("ab", start=-1)))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
print(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
print("-- iter/next --")
it = iter([10, 20])
print(next(it), next(it), next(it, "done"), next(it, None))
it2 = iter("ab")
print(next(it2), list(it2))
try:
    next(iter([]))
except StopIteration:
    print("StopIteration from next")
print("-- any/all --")
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any(x > 2 for x in [1, 3]), all("abc"))
print("-- hash of ints --")
print(hash(0), hash(1), hash(-5), hash(123456), hash(True), hash(1) == hash(1.0), hash((1, 2)) == hash((1, 2)))
print("-- type/isinstance/issubclass --")
print(type(1).__name__, type("").__name__, type([]) is list, type(()) is tuple, type(None).__name__)
print(isinstance(1, int), isinstance(1, (str, float)), isinstance([], list), issubclass(bool, int), issubclass(int, str))
print("-- getattr/setattr/hasattr/dir --")
class Thing:
    kind = "thing"
    def __init__(self):
        self.size = 3
    def grow(self):
        self.size += 1
        return self.size
    def _hidden(self):
        return 0
t = Thing()
print(getattr(t, "size"), getattr(t, "kind"), getattr(t, "nope", "default"), hasattr(t, "grow"), hasattr(t, "nope"))
setattr(t, "color", "red")
setattr(t, "size", 10)
print(t.color, t.size, getattr(t, "grow")(), hasattr(t, "color"))
print(sorted(n for n in dir(t) if not n.startswith("_")))
try:
    getattr(t, "missing")
except AttributeError:
    print("AttributeError from getattr")
print("-- globals/locals --")
def local_names(a, b=2):
    c = a + b
    return sorted(locals().keys())
print(local_names(1))
g = globals()
print(sorted(k for k in g.keys() if not k.startswith("_")))
print("Thing" in g, "local_names" in g, "c" in g)
print("-- divmod/pow/hex/oct/bin/round --")
print(divmod(7, 2), divmod(-7, 2), divmod(7.0, 2), pow(2, 8), pow(2, -2), pow(3, 3, 5), pow(2.0, 0.5) > 1.41)
print(hex(255), hex(-1), oct(8), oct(-8), bin(5), bin(-5), bin(0))
print(round(2.5), round(3.5), round(-2.5), round(2.567, 2), round(15, -1), round(25, -1), round(2.0))
print("-- object/callable values --")
o = object()
print(type(o).__name__, o is not None, o == o, o != object())
funcs = [len, abs, str, sorted]
print([f("cba") if f is not abs else f(-1) for f in funcs])
