# SPDX-License-Identifier: LGPL-2.1-only
# str.format_map: named fields from a mapping (a dict subclass's __missing__, any
# object with __getitem__), attribute and item lookups, nested specs; positional
# fields refused.
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"

print("{name} is {age}".format_map({"name": "Ada", "age": 36}))
print("{name} has {pets}".format_map(Default(name="Bob")))
print("{p.real}/{p.imag} {d[k]}".format_map({"p": 3, "d": {"k": "v"}}))
print("{x:>{w}}|".format_map({"x": "ab", "w": 5}))
print("{{literal}} {a!r}".format_map({"a": "q"}))
class Lookup:
    def __getitem__(self, key):
        return key.upper()
print("{hello} {world}".format_map(Lookup()))
for bad in ("{0}", "{}", "{missing}"):
    try:
        print(bad.format_map({}))
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
try:
    "{a}".format_map()
except TypeError as e:
    print("TypeError")
try:
    "{a}".format_map(5)
except TypeError as e:
    print("TypeError", e)
