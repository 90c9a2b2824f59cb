# p14p-args: --no-format
# SPDX-License-Identifier: LGPL-2.1-only
# A board built without `format` (recipe [features] format = false):
# str.format() and format specs raise NotImplementedError; plain f-strings,
# format(x) without a spec, str() and % formatting work as ever.
x, name = 42, "p14p"
print(f"{x} {name!r} {x + 1}", format(x), format(name, ""), "%5d|%-6s|%02x" % (x, name, 10))
for attempt in [lambda: f"{x:>8}", lambda: format(x, "04d"), lambda: "{} {}".format(1, 2),
                lambda: "{0}!".format(x)]:
    try:
        print(attempt())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
class C:
    def __format__(self, spec):
        return "C(" + spec + ")"
print(format(C(), "any"), f"{C():spec}")
