# SPDX-License-Identifier: LGPL-2.1-only
# What a wrong call raises, in CPython's words: argument counts in the older
# "find() takes at least 1 argument (0 given)" form where CPython uses it,
# arguments of the wrong type (replace, removeprefix, strip, split's maxsplit),
# int.to_bytes/from_bytes byteorder, dict() of a bad sequence.
tests = [
    lambda: "a".count(),
    lambda: "a".count(1),
    lambda: "a".count("a", "x"),
    lambda: "a".split(1),
    lambda: "a".split(",", "x"),
    lambda: "a".split(",", 1, 2),
    lambda: (5).to_bytes(1, "middle"),
    lambda: (5).to_bytes(-1, "big"),
    lambda: (500).to_bytes(1, "big"),
    lambda: (5).to_bytes("x", "big"),
    lambda: "a".find(),
    lambda: "a".startswith(1),
    lambda: "a".join([1]),
    lambda: "a".replace(1, "b"),
    lambda: "a".strip(1),
    lambda: "a".index("b"),
    lambda: [1].index(2),
    lambda: (1,).index(2),
    lambda: "a".center("x"),
    lambda: "abc".encode("nope"),
    lambda: int.from_bytes("x", "big"),
    lambda: "a" * "b",
    lambda: [].pop(),
    lambda: {}.pop(1),
    lambda: {}.popitem(),
    lambda: set().pop(),
    lambda: "x".zfill("a"),
    lambda: "%d" % "a",
    lambda: "{:d}".format("a"),
    lambda: int("z"),
    lambda: float("z"),
    lambda: chr(-1),
    lambda: ord("ab"),
    lambda: range(1, 2, 0),
    lambda: [1, 2][5],
    lambda: "abc"[10],
    lambda: sorted([1, "a"]),
    lambda: min([]),
    lambda: max(1),
    lambda: divmod(1, 0),
    lambda: 1 % 0,
    lambda: pow(2, -1, 0),
    lambda: getattr(1, "nope"),
    lambda: bytes("x"),
    lambda: bytearray(-1),
    lambda: list(1),
    lambda: dict([1]),
    lambda: tuple(None),
    lambda: hash([]),
    lambda: iter(5),
    lambda: next(iter([])),
    lambda: abs("x"),
    lambda: round("x"),
    lambda: len(5),
    lambda: isinstance(1, 1),
    lambda: issubclass(1, int),
    lambda: int(1, 2),
    lambda: "a".ljust(2, "ab"),
    lambda: "a".partition(""),
    lambda: "a".rsplit(""),
    lambda: "a".split(""),
    lambda: b"a".decode("nope"),
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: [1] + (1,),
    lambda: (1).foo,
    lambda: object().x,
]
for t in tests:
    try:
        t()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)


calls = {
 "count0": lambda: "a".count(), "count5": lambda: "a".count("a",1,2,3,4),
 "find0": lambda: "a".find(), "rfind0": lambda: "a".rfind(), "index0": lambda: "a".index(), "rindex0": lambda: "a".rindex(),
 "startswith0": lambda: "a".startswith(), "endswith5": lambda: "a".endswith("a",1,2,3),
 "split3": lambda: "a".split(",", 1, 2), "rsplit3": lambda: "a".rsplit(",", 1, 2),
 "replace0": lambda: "a".replace(), "replace4": lambda: "a".replace("a","b",1,2),
 "strip2": lambda: "a".strip("a","b"), "center0": lambda: "a".center(), "ljust3": lambda: "a".ljust(1,"a","b"),
 "zfill0": lambda: "a".zfill(), "partition0": lambda: "a".partition(), "join0": lambda: "a".join(),
 "encode3": lambda: "a".encode("utf-8","strict",1), "expandtabs2": lambda: "a".expandtabs(1,2),
 "lpop2": lambda: [].pop(1,2), "linsert1": lambda: [].insert(1), "lindex0": lambda: [].index(),
 "dget0": lambda: {}.get(), "dpop0": lambda: {}.pop(), "dsetdefault0": lambda: {}.setdefault(),
 "bcount0": lambda: b"a".count(), "bfind0": lambda: b"a".find(), "bsplit3": lambda: b"a".split(b",", 1, 2),
 "tindex0": lambda: ().index(), "tcount0": lambda: ().count(),
 "rangeindex0": lambda: range(1).index(),
 "tobytes": lambda: (1).to_bytes(1, "big", 3),
}
for k, f in calls.items():
    try:
        f(); print(k, "no error")
    except TypeError as e:
        print(k, e)


for f in [lambda: 'a'.replace(1,'b'), lambda: 'a'.replace('a',1), lambda: 'a'.removeprefix(1), lambda: 'a'.removesuffix(1), lambda: 'a'.lstrip(1), lambda: 'a'.rstrip(1), lambda: 'a'.split(',', 'x'), lambda: 'a'.rsplit(',', 'x'), lambda: (5).to_bytes(1, 'middle'), lambda: (5).to_bytes(1, 1), lambda: int.from_bytes(b'a', 'middle'), lambda: dict([1]), lambda: dict([(1,)]), lambda: {}.update([1]), lambda: dict(['ab', 'cde']), lambda: (5).to_bytes(2), lambda: int.from_bytes(b'\x01\x02'), lambda: int.from_bytes(b'\x01', 5)]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
