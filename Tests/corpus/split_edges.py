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
