# SPDX-License-Identifier: LGPL-2.1-only
# Dicts: insertion order, views, get/pop/update/setdefault/clear/copy, del,
# membership, iteration, int/tuple keys, 1 == 1.0 == True as the same key.

d = {"one": 1, "two": 2, "three": 3}
print("-- basics --")
print(d, len(d), d["two"], "one" in d, "four" in d, "four" not in d)
d["four"] = 4
d["one"] = 100
print("insertion order kept on update", d)
print(list(d.keys()), list(d.values()), list(d.items()))
print("-- get --")
print(d.get("two"), d.get("zzz"), d.get("zzz", -1), d.get("one", -1))
print("-- pop --")
print(d.pop("two"), d.pop("missing", "default"), d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError", e)
print("-- setdefault --")
print(d.setdefault("three", 333), d.setdefault("five", 5), d.setdefault("six"), d)
print("-- update --")
d.update({"one": 1, "seven": 7})
print(d)
d.update([("eight", 8), ("three", 3)])
print(d)
d.update(nine=9)
print(d)
print("-- del, re-insert goes to the end --")
del d["one"]
print(d)
d["one"] = 1
print(d)
try:
    del d["nope"]
except KeyError as e:
    print("KeyError on del", e)
print("-- copy and clear --")
c = d.copy()
c["extra"] = True
print(len(d), len(c), "extra" in d, c is d)
d.clear()
print(d, len(d), c == d, bool(d), bool(c))
print("-- iteration --")
inv = {"b": 2, "a": 1, "c": 3}
for k in inv:
    print("key", k, inv[k])
for k, v in inv.items():
    print("item", k, v)
for v in inv.values():
    print("value", v)
print(sorted(inv), sorted(inv.items(), key=lambda kv: -kv[1]), list(reversed(sorted(inv))))
print(sum(inv.values()), max(inv), min(inv.values()), list(enumerate(inv)))
print("-- int and tuple keys --")
sq = {}
for i in range(-3, 8):
    sq[i] = i * i
print(sq, sq[-3], sq[7])
pts = {(0, 0): "origin", (1, 0): "east", (0, -1): "south"}
print(pts[(1, 0)], pts[0, -1], (0, 0) in pts, (2, 2) in pts, pts.get((9, 9), "none"))
print("-- 1, 1.0 and True are the same key --")
m = {1: "int"}
m[1.0] = "float"
print(m)
m[True] = "bool"
print(m, len(m), m[1], m[1.0], m[True])
m[0] = "zero"
print(m[False], m[0.0], 1 in m, 2.0 in m, False in m)
print({1: "a", 1.0: "b", True: "c"}, {0: 1, False: 2, 0.0: 3})
print("-- values of all kinds --")
mixed = {"list": [1, 2], "tuple": (3,), "none": None, "dict": {"x": 1}, 5: "five", 2.5: "f"}
print(mixed)
mixed["list"].append(3)
mixed["dict"]["y"] = 2
print(mixed["list"], mixed["dict"], mixed[5], mixed[2.5])
print("-- constructors and equality --")
print(dict(), dict([("a", 1), ("b", 2)]), dict(x=1, y=2), dict({"k": "v"}), dict(zip("abc", range(3))))
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2}, {} == {})
print({k: k * 2 for k in range(5)}, {c: ord(c) for c in "hey"})
print("-- counting words --")
counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
groups = {}
for n in range(15):
    groups.setdefault(n % 4, []).append(n)
print(groups)
print("-- unhashable keys --")
try:
    bad = {[1, 2]: "list key"}
except TypeError:
    print("TypeError for list key")
try:
    print({}["missing"])
except KeyError as e:
    print("KeyError", e, e.args)
