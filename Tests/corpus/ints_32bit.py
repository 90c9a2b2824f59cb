# SPDX-License-Identifier: LGPL-2.1-only
# p14p-also: --no-long-ints
# Integer results across the whole signed 32-bit range. Every result (and
# every intermediate value the program computes) stays within
# [-2**31, 2**31 - 1] and must be exact.

MAX = 2147483647
MIN = -2147483648
print("-- limits --")
print(MAX, MIN, MAX + MIN, -MAX, MIN + 1, MAX - 1)
print(MAX == 0x7FFFFFFF, MIN == -0x7FFFFFFF - 1, MIN == -MAX - 1)
print(((1 << 30) - 1) * 2 + 1 == MAX, -(1 << 30) * 2 == MIN, 1 << 30, -(1 << 30))
print("-- add/sub near the limits --")
for d in (0, 1, 2, 100, 65535, 65536, 1000000, 1073741823):
    print(d, MAX - d, MIN + d, (MAX - d) + d == MAX, (MIN + d) - d == MIN)
print(1073741824 + 1073741823, -1073741824 - 1073741824)
print("-- multiplication --")
print(46340 * 46340, -46340 * 46340, 46341 * -46340, 65535 * 32768, -65536 * 32768)
print(32767 * 65537, 2 * 1073741823, -2 * 1073741824, 1000 * 2147483, 7 * 306783378)
x = 1
for i in range(30):
    x = x * 2
    print(i + 1, x, -x, x - 1)
print("-- division and modulo with big operands --")
for a in (MAX, MIN, MAX - 12345, MIN + 98765, 1999999999, -1999999999):
    for b in (1, -1, 2, 7, -7, 10, 65536, -65536, 1000003, MAX):
        if a == MIN and b == -1:
            continue
        q = a // b
        r = a % b
        print(a, b, q, r)
print("-- shifts across the range --")
for s in (0, 1, 7, 15, 16, 24, 30, 31):
    print(s, MAX >> s, MIN >> s, -1 >> s, (1 << s) if s < 31 else 'skip')
print(0x40000000 >> 29, 0x7FFF << 16, 0xFFFF << 15, -1 << 31, -3 << 29)
print("-- bitwise ops with big values --")
vals = (MAX, MIN, -1, 0, 0x55555555, -0x55555556, 0x12345678, -0x12345678, 0x0F0F0F0F)
for a in vals:
    for b in vals[:5]:
        print(a, b, a & b, a | b, a ^ b)
    print('~', a, ~a)
print("-- hex/oct/bin of big values --")
for v in (MAX, MIN, MIN + 1, -0x12345678, 0x7654321F, 1 << 30, -(1 << 30)):
    print(v, hex(v), oct(v), bin(v))
print("-- conversions --")
print(int("2147483647"), int("-2147483648"), int("7fffffff", 16), int("-80000000", 16))
print(str(MAX), str(MIN), len(str(MIN)), repr(MAX))
print(int(2147483520.0), int(-2147483648.0), float(MAX), float(MIN))
print(abs(MIN + 1), abs(-MAX), -(-MAX), divmod(MAX, 10), divmod(MIN, 10))
print(pow(3, 19), pow(-3, 19), pow(2, 30), pow(-2, 29), pow(7, 11), pow(12345, 2))
print(pow(MAX, 3, 46337), pow(2, 1000, 40009), pow(123456789, 987654321, 46301))
print("-- comparisons --")
print(MAX > MIN, MIN < 0 < MAX, MAX == 2147483647, MIN != MAX, MAX >= MAX, MIN <= MIN)
print(sorted([MAX, MIN, 0, -1, 1, MAX - 1, MIN + 1]))
print(max(MAX, MIN), min(MAX, MIN), sum([1073741823, 1073741823, 1]))
print("-- accumulation --")
acc = 0
for i in range(1, 65536, 7):
    acc = acc + i * 3
print(acc)
h = 5381
for ch in "the quick brown fox jumps over the lazy dog":
    h = ((h & 0x3FFFFFF) * 31 + ord(ch)) ^ 0x5A5A5A5A
    print(ch, h)
# Park-Miller minimal standard generator, Schrage's method (no overflow)
seed = 12345
for i in range(25):
    hi = seed // 44488
    lo = seed % 44488
    seed = 48271 * lo - 3399 * hi
    if seed <= 0:
        seed = seed + MAX
    print(i, hi, lo, seed)
