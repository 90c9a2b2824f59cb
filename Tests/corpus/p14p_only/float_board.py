# p14p-args: --no-float
# SPDX-License-Identifier: LGPL-2.1-only
# A board built without HAVE_FLOAT: every way of making a float raises
# NotImplementedError; int arithmetic, // and % are untouched.
print(7 // 2, 7 % 2, -7 // 2, 2 ** 10, divmod(17, 5))
print("%d items, %x hex, %5s|" % (3, 255, "ab"), "{:>4}".format(42), f"{12:04d}")
cases = [
    ("literal", lambda: 1.5),
    ("true division", lambda: 7 / 2),
    ("float()", lambda: float("2.5")),
    ("float(int)", lambda: float(3)),
    ("negative power", lambda: 2 ** -1),
    ("format f", lambda: "{:.2f}".format(3)),
    ("percent f", lambda: "%f" % 3),
    ("tuple literal", lambda: (1, 2.0)),
]
for name, f in cases:
    try:
        print(name, f())
    except NotImplementedError as e:
        print(name, "NotImplementedError:", e)
try:
    x = 1 / 3
except NotImplementedError:
    print("caught")
print(1 / 4)
