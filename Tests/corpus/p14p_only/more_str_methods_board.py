# p14p-args: --no-more-str-methods
# SPDX-License-Identifier: LGPL-2.1-only
# A board built without `more_str_methods` (recipe [features]
# more_str_methods = false): the common str and bytes methods work, the
# less common ones raise NotImplementedError naming the method.
s = "  Hello, World  "
print(s.strip(), s.split(","), s.lower(), s.upper(), s.find("o"), s.rfind("o"), s.count("l"))
print(s.replace("l", "L"), "-".join(["a", "b"]), s.startswith("  H"), s.endswith("  "), "12".isdigit())
print(b"a,b".split(b","), b"xy".upper(), "abc".encode(), s.index("W"), "a b".rsplit(" ", 1))
calls = [lambda: "ab".center(6), lambda: "ab".zfill(5), lambda: "a=b".partition("="),
         lambda: "a\nb".splitlines(), lambda: "ab cd".title(), lambda: b"ab".ljust(4),
         lambda: "Ab".swapcase(), lambda: "ab".removeprefix("a"), lambda: "ab".isupper(),
         lambda: b"ab".translate(None), lambda: bytes.maketrans(b"a", b"b"), lambda: "ab".translate({})]
for call in calls:
    try:
        print(call())
    except NotImplementedError as e:
        print("NotImplementedError:", e)
print(hasattr("", "center"), callable("".center))
print(b"abc".find(98), 98 in b"abc", b"ab".startswith(bytearray(b"a")), int(bytearray(b"ff"), 16))
