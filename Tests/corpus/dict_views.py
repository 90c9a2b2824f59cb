# SPDX-License-Identifier: LGPL-2.1-only
# Dict views: keys(), values() and items() are live, sized, their own types
# (dict_keys, ...), keys and items views take the set operators (with sets on
# either side) and compare as sets, reversed() reads them backwards, and they
# are unhashable.
d = {"a": 1, "b": 2}
k, v, i = d.keys(), d.values(), d.items()
d["c"] = 3
print(len(k), "c" in k, ("a", 1) in i, 3 in v, k, v, i)
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(sorted(i & {("a", 1), ("b", 5)}), sorted(i - {("a", 1)}))
print(k == {"a", "b", "c"}, d.keys() == {"a": 0, "b": 0, "c": 0}.keys(), k != {"a"})
print(list(k), list(v), list(i), bool({}.keys()), len(v))
print(sorted({"a", "y"} & k), sorted({"y"} | k), sorted(frozenset("ab") - k))
for key in k:
    pass
print(key, next(iter(k)), list(reversed(k)), list(reversed(i)))
try:
    hash(d.keys())
except TypeError as e:
    print("TypeError", e)
print(d.values() == d.values(), len(d.items()), {}.items() == set())
