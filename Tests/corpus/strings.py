# SPDX-License-Identifier: LGPL-2.1-only
# Strings: indexing, slicing, operators, comparisons, len/ord/chr, non-ASCII
# text and the common str methods.

s = "hello world"
print("-- indexing and slicing --")
print(s[0], s[4], s[-1], s[-5], s[len(s) - 1])
print(s[0:5], s[6:], s[:5], s[:], s[-5:], s[:-6], s[3:3], s[8:2])
print(s[-100:3], s[5:100], s[100:], s[::2], s[::-1], s[1:8:3], s[-1:-6:-1])
for i in range(-len(s), len(s), 3):
    print(i, s[i], s[i:], s[:i])
print("-- concatenation, repetition, in --")
a = "abc"
b = a + "def"
print(b, a * 3, 3 * a, a * 0, a * -1, "" * 5, len(a * 4))
print("b" in a, "bc" in a, "cb" in a, "" in a, "x" not in a, "abc" in a)
c = a
c += "!"
print(a, c)
print("-- comparisons --")
print("abc" == "abc", "abc" != "abd", "abc" < "abd", "ab" < "abc", "b" > "abc")
print("Z" < "a", "" < "a", "abc" <= "abc", "abc" >= "abd", "a" < "é")
print(sorted(["pear", "Apple", "apple", "banana", "", "b", "Banana"]))
print(min("hello"), max("hello"), sorted("hello"))
print("-- len, ord, chr --")
print(len(""), len("a"), len(s), ord("a"), ord("A"), ord(" "), ord("~"))
print(chr(65), chr(97), chr(48), chr(233), chr(10003), repr(chr(10)))
print("".join([chr(ord(ch) + 1) for ch in "HAL"]))
print("-- non-ASCII --")
u = "héllo wörld ✓"
print(u, len(u), u[1], u[7], u[-1], u[0:5], u[6:11], u[::-1])
print(u.find("ö"), u.find("✓"), u.count("l"), u.count("ö"), u.split(" "), u.upper()[:1])
print([ord(ch) for ch in u[:3]], u.index("w"), "✓" in u, u.replace("ö", "o"))
print(len("日本語"), "日本語"[1], "日本語"[::-1], "añb".upper()[0], "ÀÉÎ"[1:], "añb" < "aob")
print("-- find, index, count --")
print(s.find("o"), s.find("o", 5), s.find("o", 5, 7), s.find("xyz"), s.find(""), s.find("world"))
print(s.index("w"), s.index("l", 4), s.count("l"), s.count("o"), s.count("z"), s.count(""))
print("aaaa".count("aa"), "banana".count("an"), "banana".find("na", 3), "banana".count("a", 2))
print("-- join --")
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), "-".join("abc"), "+".join([]))
print(" and ".join(("one", "two")), ", ".join(str(i) for i in range(5)))
print("-- split --")
print("a b  c".split(), "  lead and trail  ".split(), "".split(), "   ".split())
print("a,b,,c".split(","), "a,b,c".split(",", 1), "a b c d".split(None, 2), ",".split(","))
print("one--two--three".split("--"), "x".split("x"), "abc".split("z"), "1 2 3".split(" ", 0))
print("line1\nline2\tword  end".split(), "a b c".split(maxsplit=1), "a:b:c".split(sep=":"))
print("-- strip --")
print(repr("  hi  ".strip()), repr("  hi  ".lstrip()), repr("  hi  ".rstrip()))
print(repr("\t\n hi \n".strip()), repr("xxhixx".strip("x")), repr("abchiabc".strip("cab")))
print(repr("xxhixx".lstrip("x")), repr("xxhixx".rstrip("x")), repr("".strip()), repr("aaa".strip("a")))
print("-- replace --")
print(s.replace("o", "0"), s.replace("l", "L", 2), s.replace("xyz", "!"), "aaa".replace("a", "bb"))
print("abc".replace("", "-"), "banana".replace("ana", "X"), s.replace("world", ""), s.replace("o", "0", 0))
print("-- startswith / endswith --")
print(s.startswith("hello"), s.startswith("world"), s.startswith(""), s.startswith("world", 6))
print(s.endswith("world"), s.endswith("hello"), s.endswith(("x", "ld")), s.startswith(("a", "b", "h")))
print(s.startswith(("a", "b")), s.endswith(""), "file.py".endswith((".txt", ".py")))
print("-- upper / lower --")
print(s.upper(), "MiXeD 123 CaSe".lower(), "MiXeD".upper(), "".upper(), "123".lower())
print("-- str() and repr() --")
print(str(42), str(-3.5), str(None), str(True), str([1, "a"]), str((1, "b")), str("x"))
print(repr("a'b"), repr(""), repr("tab\there"), repr(["s", 1]))
print("-- strings as sequences --")
total = 0
for ch in "12345":
    total = total + int(ch)
print(total, list("abc"), tuple("xy"), [ch * 2 for ch in "abc"])
words = "the quick brown fox jumps over the lazy dog".split()
print(len(words), sorted(words), [w[0] for w in words], max(words, key=len))
acc = ""
for w in words:
    acc = acc + w[::-1] + "|"
print(acc, len(acc))
print("-- immutability --")
try:
    s[0] = "H"
except TypeError as e:
    print("TypeError caught")
print(s)
