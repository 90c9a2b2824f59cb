# SPDX-License-Identifier: LGPL-2.1-only
# Arithmetic: floor division and modulo with every sign combination, **,
# shifts, bitwise ops, int/float mixing, comparisons, divmod, pow, abs,
# round, int()/float() conversions, hex/oct/bin.

print("-- // and % with all signs --")
for a in (7, -7, 6, -6, 0, 1, -1):
    for b in (2, -2, 3, -3, 7, -7):
        print(a, b, a // b, a % b, divmod(a, b), (a // b) * b + a % b == a)
print("-- float // and % --")
for a in (7.5, -7.5, 6.0, -0.5):
    for b in (2.0, -2.0, 0.5):
        print(a, b, a // b, a % b, divmod(a, b))
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5)
print("-- true division --")
print(7 / 2, -7 / 2, 6 / 3, 1 / 4, 1 / 8, -1 / 2)
print(type(6 / 3).__name__, 10 / 4, 3 / 1.5)
print("-- power --")
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, -2 ** 2)
print(2 ** -1, 4 ** 0.5, 2.0 ** 3, 10 ** -2)
print(2 ** 3 ** 2, (2 ** 3) ** 2)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 4, 5), pow(7, 0, 13), pow(-3, 3, 7))
print(pow(5, 3, -7), pow(2.0, 3))
print("-- shifts --")
print(1 << 0, 1 << 4, 5 << 3, 1 << 20, -1 << 3, -5 << 2)
print(256 >> 4, 255 >> 1, 1 >> 1, -1 >> 1, -16 >> 2, -17 >> 2, -1 >> 30)
print(1000 >> 0, 12345 >> 5)
print("-- bitwise --")
for a, b in ((12, 10), (-12, 10), (12, -10), (-12, -10), (0, -1), (255, 15)):
    print(a, b, a & b, a | b, a ^ b, ~a, ~b)
print(~0, ~-1, ~5, ~-6)
print(0xF0 | 0x0F, 0xFF & 0x3C, 0xAA ^ 0xFF)
print("-- unary --")
x = 5
print(-x, +x, -(-x), --x, -+-x, not x, not 0)
print("-- int and float mixing --")
print(1 + 2.0, 3 * 1.5, 10 - 0.5, 2 * 2.5, 7 - 7.0)
print(1 + True, True + True, True * 10, False - 1, 3.0 + True)
print(1 == 1.0, 2 < 2.5, 3 > 2.99, -1 < -0.5, 0 == 0.0, 0 == -0.0)
print("-- comparisons --")
print(1 < 2, 2 < 1, 2 <= 2, 3 >= 4, 5 == 5, 5 != 5, 5 != 6)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 < 2 > 0, 1 <= 1 < 2 <= 2)
a, b, c = 5, 10, 10
print(a < b == c, a < b < c, a < b <= c, c > b, c >= b > a)
print("-- divmod --")
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(0, 3))
print(divmod(7.5, 2), divmod(-7.5, 2))
print("-- abs --")
print(abs(-5), abs(5), abs(0), abs(-2.5), abs(2.5), abs(-0.0), abs(True))
print("-- round --")
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(round(2.4), round(2.6), round(-2.6), round(7), round(-7))
print(round(3.14159, 2), round(2.675, 2), round(1.25, 1), round(1.35, 1), round(0.125, 2))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 0))
print(round(1234.5678, -2), round(1.5, 0), type(round(1.5)).__name__, type(round(1.5, 0)).__name__)
print("-- int() --")
print(int(3.9), int(-3.9), int(0.5), int(-0.5), int(True), int(7))
print(int("42"), int("-17"), int("  12  "), int("+5"), int("0"))
print(int("ff", 16), int("FF", 16), int("777", 8), int("1010", 2), int("z", 36), int("zz", 36))
print(int("0x1f", 16), int("0o17", 8), int("0b101", 2), int("0x1f", 0), int("0o17", 0), int("0b11", 0), int("99", 0))
print(int("-ff", 16), int("10", 3), int("1_000"))
print("-- float() --")
print(float(3), float("2.5"), float("-1e3"), float("  7  "), float(True), float("1_0.5"))
print(float("inf") > 10 ** 9, float("-inf") < 0)
print("-- hex/oct/bin --")
for n in (0, 1, 7, 8, 15, 16, 255, 256, -1, -255, 4096, 2147483647):
    print(n, hex(n), oct(n), bin(n))
print("-- mixed expressions --")
print(2 + 3 * 4, (2 + 3) * 4, 10 - 4 - 3, 100 // 10 // 3, 2 * 3 % 4, -7 // 2 * 2)
print(1 + 2 * 3 ** 2 // 4 % 5 - 6, 3 & 5 | 2 ^ 7, 1 << 2 + 1, ~3 + 1)
total = 0
for i in range(1, 21):
    total += i * i - i // 3 + i % 4
print("total", total)
