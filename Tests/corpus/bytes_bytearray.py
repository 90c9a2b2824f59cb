# SPDX-License-Identifier: LGPL-2.1-only
# bytes and bytearray: literals, construction, indexing, mutation,
# membership, iteration, concatenation, repetition, comparison, hex(),
# decode() and str.encode().

print("-- literals and construction --")
a = b"abc\x00\xff"
print(a, len(a), type(a).__name__)
print(bytes(3), bytes([65, 66, 67]), bytes(range(3)), bytes(b"xy"))
print(bytearray(), bytearray(2), bytearray([1, 2, 250]), bytearray(b"AB"), bytearray(range(65, 70)))
print(bytes("héllo", "utf-8"), bytearray("abc", "ascii"))
print(b"\t\n\r\\'\"", b'"', b"'", bytes([0, 31, 127, 128]))
try:
    bytes([256])
except ValueError as e:
    print("ValueError", e)

print("-- indexing and iteration --")
print(a[0], a[-1], a[1:3], list(a))
for byte in b"hi!":
    print(" ", byte, chr(byte))
print(sum(b"\x01\x02\x03"), max(b"az"), sorted(b"cab"))

print("-- bytearray mutation --")
ba = bytearray(b"hello")
ba[0] = 72
print(ba)
ba.append(33)
ba.extend(b" ok")
ba.extend([65, 66])
print(ba, len(ba))
print("pop", ba.pop(), ba.pop(0), ba)
ba.insert(0, 104)
ba.insert(-1, 95)
print("insert", ba)
ba.remove(111)
print("remove", ba)
try:
    ba.remove(0)
except ValueError as e:
    print("ValueError remove")
try:
    ba[0] = 300
except ValueError as e:
    print("ValueError", e)
ba2 = bytearray(b"ab")
ba2 += b"cd"
ba2 *= 2
print("in-place", ba2)
ba2.reverse()
print("reverse", ba2)
ba2.clear()
print("clear", ba2, len(ba2))

print("-- membership --")
print(98 in b"abc", b"bc" in b"abc", b"x" in b"abc", 120 not in bytearray(b"xyz"))
print(b"" in b"abc", bytearray(b"ab") in b"cab")

print("-- concatenation, repetition, comparison --")
print(b"ab" + b"cd", b"ab" * 3, 2 * b"-", bytearray(b"x") + b"y", b"x" + bytearray(b"y"))
print(type(bytearray(b"x") + b"y").__name__, type(b"x" + bytearray(b"y")).__name__)
print(b"abc" == bytearray(b"abc"), bytearray(b"abc") == b"abc", b"abc" != b"abd")
print(b"abc" < b"abd", b"ab" < b"abc", bytearray(b"b") > b"a", b"" < b"\x00")
print(sorted([b"b", b"a", b"ab"]), b"a" == "a")

print("-- methods --")
print(b"deadbeef".hex(), bytes([1, 2, 255]).hex(), bytearray(b"\x00\x10").hex())
print(bytes.fromhex("de ad be ef"), bytearray.fromhex("0a0b"))
data = "naïve café".encode()
print(data, len(data))
print(data.decode(), data.decode("utf-8"), "plain".encode("ascii"))
print(b"a,b,c".split(b","), b"  x  ".strip(), b"abc".upper(), b"-".join([b"a", b"b"]))
print(b"hello".find(b"l"), b"hello".count(b"l"), b"hello".replace(b"l", b"L"), b"hello".startswith(b"he"))
print(b"hello".index(b"o"), b"Hello".lower(), b"abc".endswith(b"bc"), b"12".isdigit())
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError:
    print("UnicodeDecodeError")

print("-- conversions --")
print(list(bytearray(b"AZ")), bytes(bytearray(b"q")), bytearray(b"q") == bytes(bytearray(b"q")))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"), (258).to_bytes(2, "big"))
print(str(b"x"), repr(bytearray(b"x")), hash(b"abc") == hash(b"abc"))
