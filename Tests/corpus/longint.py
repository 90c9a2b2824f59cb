# SPDX-License-Identifier: LGPL-2.1-only
# Arbitrary-precision integers: powers, factorials, int() of long strings,
# %d and str(), floor division and modulo signs, shifts, bitwise operators
# on negatives, comparisons and mixing with small ints.

print("-- powers --")
print("2**64", 2 ** 64)
print("2**100", 2 ** 100)
print("-2**63", -2 ** 63, "(-2)**63", (-2) ** 63)
print("3**50", 3 ** 50)
print("10**30 - 1", 10 ** 30 - 1)
print("pow(7, 40)", pow(7, 40))
print("pow(7, 40, 1000)", pow(7, 40, 1000))

print("-- factorials --")
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
for n in (10, 20, 21, 25, 30):
    print(n, fact(n))
f50 = fact(50)
print("50! digits", len(str(f50)), "trailing zeros", len(str(f50)) - len(str(f50).rstrip("0")))

print("-- overflow boundaries --")
big = 9223372036854775807
print("int64 max + 1", big + 1)
print("int64 min - 1", -big - 2)
print("max * max", big * big)
print("neg * pos", -big * 3)
print("abs(min)", abs(-big - 1))
print("-(min)", -(-big - 1))

print("-- parsing and printing --")
s = "123456789012345678901234567890"
n = int(s)
print("int(str)", n, n + 1, str(n) == s)
print("negative", int("-" + s))
print("with spaces and underscores", int("  1_000_000_000_000_000_000_000 "))
print("hex", int("ffffffffffffffffffff", 16), hex(2 ** 70), bin(2 ** 65))
print("%d" % (2 ** 80), "%x" % (2 ** 80), "%10d|" % 12, "%-30d|" % (3 ** 40))
print("repr", repr(10 ** 25), [10 ** 20, -10 ** 20])

print("-- division and modulo signs --")
a = 10 ** 20 + 7
for x, y in [(a, 3), (-a, 3), (a, -3), (-a, -3), (7, 10 ** 20), (-7, 10 ** 20)]:
    print(x, y, "//", x // y, "%", x % y, "divmod", divmod(x, y))
print("true division", (10 ** 20) / (10 ** 18), 2 ** 70 / 2 ** 69)
try:
    print(a // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

print("-- shifts and bitwise --")
print("1 << 100", 1 << 100)
print("(1 << 100) >> 98", (1 << 100) >> 98)
print("-1 << 70", -1 << 70, "(-1 << 70) >> 69", (-1 << 70) >> 69)
print("-5 >> 1", -5 >> 1, "-(2**70) >> 3", -(2 ** 70) >> 3)
m = 2 ** 68 + 0b1011
print("and", m & 0xFF, m & -16, "or", m | 1, -m | 3, "xor", m ^ (2 ** 68), -m ^ 5)
print("invert", ~m, ~-m)
print("negative and", -12 & 10, -12 | 10, -12 ^ 10, ~-12)

print("-- comparisons and mixing --")
print(2 ** 64 > 2 ** 63, 2 ** 64 == 18446744073709551616, -2 ** 64 < 5, 10 ** 20 == 10.0 ** 20)
print(sorted([2 ** 65, -3, 2 ** 64, 0, -2 ** 70]))
print("hash stable", hash(2 ** 70) == hash(2 ** 70), {2 ** 70: "x"}[2 ** 70])
print("bool", bool(2 ** 100), bool(2 ** 100 - 2 ** 100))
print("back to small", (2 ** 100) // (2 ** 98), type((2 ** 100) // (2 ** 98)).__name__)
print("sum", sum([2 ** 62] * 8), "max", max(2 ** 80, 3 ** 50), "min", min(-2 ** 80, 1))
fib = [0, 1]
while len(fib) < 120:
    fib.append(fib[-1] + fib[-2])
print("fib(119)", fib[119])
