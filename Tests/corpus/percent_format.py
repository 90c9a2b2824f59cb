# SPDX-License-Identifier: LGPL-2.1-only
# printf-style formatting with the % operator.

print("-- %d and %i --")
for n in (0, 7, -7, 42, -12345, 2147483647):
    print("[%d] [%i] [%5d] [%-5d] [%05d] [%+d] [% d] [%+5d] [%-+6d|]" % (n, n, n, n, n, n, n, n, n))
print("%d %d %d" % (3.99, -3.99, True))
print("%.3d|%6.3d|%-6.3d|" % (5, 5, -5))
print("-- %x %X %o --")
for n in (0, 10, 255, 4096, -255, 3735):
    print("[%x] [%X] [%o] [%#x] [%#X] [%#o] [%8x] [%-8X|] [%08x] [%#08x]" % (n, n, n, n, n, n, n, n, n, n))
print("-- %s and %r --")
print("%s|%s|%s|%s|%s" % ("text", 42, 3.5, None, True))
print("%s|%s|%s" % ([1, 2, "x"], {"k": [1, 2]}, (1, "a")))
print("%s" % ([],), "%s" % ((1, 2),), "%s" % "single", "%s" % 7)
print("%r|%r|%r|%r|%r" % ("text", 42, 3.5, None, [1, "b"]))
print("[%10s] [%-10s] [%.2s] [%10.3s] [%-10.1s]" % ("hello", "hello", "hello", "hello", "hello"))
print("[%5r] [%-8r]" % ("a", "bc"))
print("%s %s" % (1.0, 0.1), "%s" % 1e20, "%s" % -0.0, "%s" % 1.5e-7)
print("-- %f --")
for f in (0.0, 1.0, -1.5, 3.14159265, 2.5, 0.125, 1234.5678, -0.001, 100.0):
    print("[%f] [%.2f] [%.0f] [%10.3f] [%-10.1f] [%+.2f] [% .1f] [%010.2f] [%#.0f]" % (f, f, f, f, f, f, f, f, f))
print("%f %.1f %.3f" % (7, 2, -3))
print("%.0f %.0f %.0f %.0f" % (0.5, 1.5, 2.5, -0.5))
print("-- %e --")
for f in (0.0, 1.0, -1.5, 12345.678, 0.000123, 1e100, 6.02e23):
    print("[%e] [%.2e] [%E] [%12.3e] [%-12.1e] [%+.0e]" % (f, f, f, f, f, f))
print("-- %g --")
for f in (0.0, 1.0, -1.5, 100000.0, 1000000.0, 1234567.0, 0.0001, 0.00001, 123.456, 3.0e-10, 2.5):
    print("[%g] [%.3g] [%G] [%10g] [%-10.2g] [%#g] [%+g]" % (f, f, f, f, f, f, f))
print("-- %c and %% --")
print("%c%c%c" % (72, 105, 33), "%c" % "x", "[%3c] [%-3c]" % ("a", 98), "%c" % 233)
print("100%%", "%d%%" % 50, "%%d", "%%%s%%" % "x")
print("-- tuple and mapping arguments --")
print("%s is %d years" % ("Ann", 30))
point = (3, -4)
print("x=%d y=%d" % point)
print("%s" % (point,))
d = {"name": "Bob", "age": 25, "score": 91.5}
print("%(name)s is %(age)d, score %(score).1f" % d)
print("%(name)10s|%(age)-5d|%(age)05d|%(name)r" % d)
print("%(a)s %(a)s %(b)x" % {"a": "twice", "b": 255})
print("-- building tables --")
rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 10.0)]
for name, qty, price in rows:
    print("%-8s|%4d|%7.2f|%8.3e" % (name, qty, price, qty * price))
line = ""
for i in range(1, 6):
    line = line + "%02d:%-3s" % (i, "*" * i)
print(line)
print("-- errors --")
try:
    print("%d %d" % (1,))
except TypeError:
    print("TypeError: not enough arguments")
try:
    print("%d" % (1, 2))
except TypeError:
    print("TypeError: too many arguments")
try:
    print("%d" % "x")
except TypeError:
    print("TypeError: bad type for %d")
try:
    print("%(missing)s" % {"a": 1})
except KeyError as e:
    print("KeyError", e)
