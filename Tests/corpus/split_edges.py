# SPDX-License-Identifier: LGPL-2.1-only
# str.split with a separator and no maxsplit builds its pieces as it finds them:
# the edges (empty text, separator at either end, the whole text, bytes, bytearray, non-ASCII).
print("a,b,,c".split(","), "".split(","), ",".split(","), "abc".split("abc"), b"x--y".split(b"--"), "aaa".split("a"))
try:
    "x".split("")
except ValueError as e:
    print(e)
print(bytearray(b"1 2").split(b" "), "a b".split(" ", -1), "a b c".split(" ", 1), "a b c".rsplit(" ", 1))
print("é,ü".split(","))
big = ",".join(str(i) for i in range(3000))
parts = big.split(",")
print(len(parts), parts[0], parts[-1], sum(len(p) for p in parts))
# No separator: runs of whitespace, ends trimmed; a str knows Unicode's spaces, bytes ASCII's.
print("  a  b\tc\n".split(), "".split(), "   ".split(), "a\u3000b\u00a0c".split(), b" x\x0by ".split(), "x".split(None))
print(" a b ".split(None, 1), " a b ".rsplit(None, 1), bytearray(b" p q ").split())
# Pieces know their length in characters (an ASCII str's pieces are not counted again).
print([len(p) for p in "é,ü,abc".split(",")], [len(p) for p in "日本 語x".split()], [len(p) for p in "ab,,cde".split(",")])
print([p[-1] for p in "xé yü".split()], [len(p) for p in " ab  c ".split()], [len(p) for p in "abc".split("é")])
# The pieces are counted before the list is made: overlapping separators count as found, one-byte ones eight at a time.
print("aaaa".split("aa"), "aaaaa".split("aa"), "abababa".split("aba"), ("x" * 17 + ",").split(","), ",,,,,,,,,".split(","))
print(len(("ab" * 40).split("b")), "\x80\xff".split("\xff"), b"\x00\x01\x00".split(b"\x00"), bytearray(b"\xff\xfe\xff").split(b"\xff"))
# join reads a list of strs where it is; a list with anything else is copied first and left as it was.
class Text(str):
    pass
mixed = ["a", Text("b"), "c"]
print("-".join(mixed), [type(v).__name__ for v in mixed], "".join([]), ",".join(["only"]), b"+".join([b"x", bytearray(b"y"), memoryview(b"z")]))
for bad in (["a", 1], [b"x"], ("a", None)):
    try:
        ",".join(bad)
    except TypeError as e:
        print("TypeError:", e)
