# p14p-args: --no-long-ints
# p14p-word: 64
# SPDX-License-Identifier: LGPL-2.1-only
# A board built without HAVE_LONGINT: every result that needs more than
# 63 bits raises OverflowError; none wraps around.
big = 2 ** 61
print(big - 1 + big)
cases = [
    ("add", lambda: big + big),
    ("mul", lambda: big * 4),
    ("pow", lambda: 3 ** 40),
    ("shift", lambda: 1 << 63),
    ("neg", lambda: -(-big - big)),
    ("int()", lambda: int("9" * 30)),
    ("literal", lambda: 123456789012345678901234567890),
    ("floordiv", lambda: (-big - big) // -1),
]
for name, f in cases:
    try:
        print(name, f())
    except OverflowError:
        print(name, "OverflowError")
print(2 ** 62 - 1 + 0 if False else 2 ** 61 + (2 ** 61 - 1))
print(-2147483648 // -1, 2147483647 * 2, 7 // -2, -7 % 3)
