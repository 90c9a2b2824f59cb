# p14p-args: --no-set
# SPDX-License-Identifier: LGPL-2.1-only
# A board built without `set` (recipe [features] set = false): set and
# frozenset are not defined and a set display raises NotImplementedError;
# dicts, their views and `in` on other containers work as ever.
d = {"a": 1, "b": 2}
print(sorted(d.keys()), list(d.items()), "a" in d, 2 in [1, 2], "b" in d.keys())
try:
    s = set([1, 2])
except NameError as e:
    print("NameError:", e)
try:
    s = frozenset()
except NameError as e:
    print("NameError:", e)
try:
    s = {1, 2}
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    s = {x for x in range(3)}
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    print(d.keys() & {"a"})
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    print(d.keys() | ["c"])
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    print(d.keys() == d.keys())
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(d == {"b": 2, "a": 1}, list(d.values()))
