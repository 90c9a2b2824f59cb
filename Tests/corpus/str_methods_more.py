# SPDX-License-Identifier: LGPL-2.1-only
# p14p-also: --no-float --no-long-ints --no-bytearray
# The common str methods beyond the basics: partition/rpartition,
# justification, zfill, predicates, splitlines, split variants, case
# methods, find/index variants, expandtabs, translate-free replacements.

s = "key=value=more"
print("-- partition --")
print(s.partition("="), s.rpartition("="), s.partition("#"), s.rpartition("#"))
print("a-b".partition("-"), "".partition("x"))

print("-- justification --")
for w in [0, 3, 8]:
    print(repr("abc".rjust(w)), repr("abc".ljust(w)), repr("abc".center(w)))
print(repr("ab".center(7, "*")), repr("abc".center(6, ".")), repr("x".rjust(4, "0")), repr("x".ljust(3, "-")))
print("42".zfill(5), "-42".zfill(6), "+7".zfill(4), "abc".zfill(5), "12345".zfill(3), "".zfill(2))

print("-- predicates --")
samples = ["123", "12a", "abc", "ABC", "aBc", "", " ", "a b", "Title Case", "x1", "\t\n", "Ab1"]
for t in samples:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(), t.isupper(), t.islower(),
          t.istitle(), t.isdecimal(), t.isnumeric(), t.isidentifier())

print("-- splitlines --")
text = "one\ntwo\r\nthree\rfour\n\nsix"
print(text.splitlines())
print(text.splitlines(True))
print("".splitlines(), "x\n".splitlines(), "\n".splitlines())

print("-- split variants --")
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1))
print("  many   spaces here ".split(), "  many   spaces ".split(None, 1), " x ".rsplit())
print("a b c".rsplit(" ", 1), "abc".split("abc"), "".split(), "".split(","))

print("-- case --")
print("hello world".title(), "HeLLo".swapcase(), "hello".capitalize(), "hELLO wORLD".capitalize())
print("ÀÉÎ".lower(), "straße".upper(), "MiXeD".casefold())

print("-- find and index --")
h = "mississippi"
print(h.find("ss"), h.rfind("ss"), h.find("ss", 3), h.find("zz"), h.index("pp"), h.rindex("s"))
print(h.count("s"), h.count("ss"), h.count(""), h.startswith(("x", "mi")), h.endswith("pi", 0, 11))
try:
    h.index("zz")
except ValueError as e:
    print("ValueError", e)

print("-- strip, replace, join --")
print(repr("xxhixx".strip("x")), repr("  a  ".lstrip()), repr("  a  ".rstrip()), repr("abcba".strip("ab")))
print("aaa".replace("a", "b", 2), "abc".replace("", "-"), "-".join("abc"), ", ".join(["x", "y"]))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "x".removeprefix("y"))
print("a\tb\tc".expandtabs(4), repr("1\t22\t333".expandtabs()))

print("-- misc --")
print("abc" * 0, "ab" * 3, "abc"[::-1], min("hello"), max("hello"), sorted("cab"))
print(ord("A"), chr(97), "%s|%5s|%-5s|" % ("a", "b", "c"), str(12).rjust(5, "."))
print("x".join(str(i) for i in range(4)), "".join(reversed("stressed")))
print("Hello World".split("o"), "a-b_c".replace("-", " ").replace("_", " ").title())
