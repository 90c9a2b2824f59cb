# SPDX-License-Identifier: LGPL-2.1-only
# bytes and bytearray as CPython 3.11 has them: an int as the needle of find() and its kin
# and of `in`, bytes-like arguments, translate()/maketrans(), __bytes__, fill bytes,
# fromhex() errors, int() of bytes and bytearray with a base; and their error messages.


def show(f):
    try:
        r = f()
        print(type(r).__name__, r)
    except Exception as e:
        print(type(e).__name__, e)


b = b"hello world, hello"
ba = bytearray(b"abcabc")

# 1. count/find/rfind/index/rindex (and `in`) with an int or any bytes-like needle.
print(b.count(108), b.find(111), b.find(111, 5), b.rfind(104), b.index(119), b.rindex(108), b.count(b"l", 3, 10))
print(ba.count(97), ba.find(99), ba.rindex(97), ba.index(bytearray(b"ca")), b.find(memoryview(b"wor")))
print(98 in ba, b"ca" in ba, 0 in b, True in b"\x01", bytearray(b"lo") in b, memoryview(b"ll") in b)
for f in [lambda: b.find(300), lambda: b.count(-1), lambda: b.find(2**70), lambda: ba.index(256),
          lambda: b.find("s"), lambda: ba.rfind("a"), lambda: b.count(1.5), lambda: b.index(None),
          lambda: b.index(b"zz"), lambda: b.rindex(122), lambda: ba.index(b"zz"), lambda: "abc".index("z"),
          lambda: 300 in b, lambda: -1 in ba, lambda: "a" in b, lambda: 1.5 in ba]:
    show(f)


class Seven:
    def __index__(self):
        return 111


print(b.find(Seven()), Seven() in b, b.count(Seven()))
print(b"a,b".split(bytearray(b",")), b"a-b-c".rsplit(memoryview(b"-"), 1), ba.replace(memoryview(b"b"), b"B"), ba.split(sep=bytearray(b"c")))
for f in [lambda: b"a b".split("x"), lambda: b"a b".rsplit(1), lambda: b"ab".replace("a", b"b")]:
    show(f)

# 2. startswith/endswith: bytes-like prefixes, CPython's words for others.
print(b.startswith(bytearray(b"he")), b.endswith((b"x", memoryview(b"llo"))), ba.startswith(b"ab"))
for f in [lambda: b.startswith("he"), lambda: b.endswith(1), lambda: ba.startswith("a"),
          lambda: b.startswith((b"x", "h")), lambda: "abc".startswith((1,)), lambda: "abc".endswith(b"c")]:
    show(f)

# 3. translate and maketrans.
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], t[:3], b"aabbcc".translate(t), b"abcd".translate(t, b"d"), b"abc".translate(None, b"b"))
print(b"abc".translate(None), b"hello".translate(None, delete=b"l"), bytearray(b"abc").translate(t))
print(bytearray(b"abc").translate(None, b"ac"), type(bytearray.maketrans(b"a", b"b")).__name__, b"".maketrans(b"q", b"r")[113])
print(b"abc".translate(bytearray(t)), bytearray.maketrans(bytearray(b"a"), memoryview(b"b"))[97])
for f in [lambda: b"abc".translate(b"x" * 255), lambda: b"abc".translate("x" * 256), lambda: b"abc".translate(None, "a"),
          lambda: bytes.maketrans(b"ab", b"x"), lambda: bytes.maketrans("ab", "xy"), lambda: bytes.maketrans(b"a"),
          lambda: "abc".translate({}, 1), lambda: bytearray(b"a").translate(b"")]:
    show(f)
print(str.maketrans("ab", "xy") == {97: 120, 98: 121}, "abc".translate(str.maketrans("a", "A")))


# 4. bytes(obj) and %s/%b through __bytes__.
class Bt:
    def __bytes__(self):
        return b"custom"


class Both:
    def __bytes__(self):
        return b"from __bytes__"

    def __iter__(self):
        return iter([65])


class Wrong:
    def __bytes__(self):
        return "not bytes"


print(bytes(Bt()), b"%s" % Bt(), b"%b|%5s|%-4b|" % (Bt(), Bt(), b"x"), bytes(Both()), bytearray(Both()))
print(b"%s %b" % (memoryview(b"mv"), bytearray(b"ba")), bytearray(b"<%s>") % Bt())
for f in [lambda: bytes(Wrong()), lambda: b"%s" % Wrong(), lambda: b"%b" % 5, lambda: b"%s" % "str",
          lambda: bytes(object()), lambda: b"%b" % object()]:
    show(f)

# 5. center/ljust/rjust with a fill that is not one byte.
print(b"ab".center(6, b"*"), b"ab".ljust(5, bytearray(b"-")), bytearray(b"ab").rjust(4, b"0"), b"ab".center(1, b"*"))
for f in [lambda: b"ab".center(6, b"**"), lambda: b"ab".ljust(6, "*"), lambda: bytearray(b"ab").rjust(6, b""),
          lambda: b"ab".center(6, 42), lambda: "ab".center(6, "**")]:
    show(f)

# 6. fromhex errors.
print(bytes.fromhex("0a 0B ff"), bytearray.fromhex(" 01 "))
for s in ["0", "zz", "0 1", "001", "0g", "12 3x", "é1"]:
    show(lambda: bytes.fromhex(s))
for f in [lambda: bytes.fromhex(b"00"), lambda: bytearray.fromhex(bytearray(b"00")), lambda: bytes.fromhex(1)]:
    show(f)

# 7. int() of bytes and bytearray, with and without a base; from_bytes on a subclass.
print(int(b"0x10", 16), int(bytearray(b"ff"), 16), int(b" 1_0 ", 0), int(bytearray(b"-12")), int(b"0b101", 0))
for f in [lambda: int(b"zz", 16), lambda: int(bytearray(b"zz"), 16), lambda: int(bytearray(b"9"), 8),
          lambda: int(memoryview(b"12"), 10), lambda: int(b"1", 99)]:
    show(f)


class Big(int):
    pass


print(type(Big.from_bytes(b"\x01\x00", "big")).__name__, Big.from_bytes(b"\x01\x00", "big"), (5).from_bytes(b"\x02", "little"))
print(int.from_bytes(memoryview(b"\x01\x02"), "big"), bool.from_bytes(b"\x01", "big"))
