# SPDX-License-Identifier: LGPL-2.1-only
# f-strings (conversions, format specs, nested specs, =), str.format with
# positional, numbered, named and attribute/index fields, and format().

name = "Ada"
n = 42
pi = 3.14159265
items = [1, 2, 3]

print("-- f-strings --")
print(f"hello {name}!")
print(f"{n} {n!r} {name!r} {name!s} {name!a}")
print(f"{'café'!a} {'tab	'!r}")
print(f"[{n:5}] [{n:<5}] [{n:^5}] [{n:>5}] [{n:05}] [{n:+}] [{-n:+}]")
print(f"[{name:10}] [{name:>10}] [{name:*^11}] [{name:.2}]")
print(f"{pi:.2f} {pi:10.3f} {pi:e} {pi:.0f} {1e20:g} {0.00001:g} {pi:%}")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#o} {n:#b} {255:08b}")
print(f"{1234567:,} {1234567:_} {1234567.891:,.2f} {-5:05d}")
print(f"{items} {items[1]} {len(items)} {items!r:>12}")
print(f"{n * 2} {n // 5} {n > 40} {'yes' if n else 'no'}")
d = {"k": "v"}
print(f"{d['k']} {d} {(lambda x: x + 1)(1)}")
width, prec = 12, 3
print(f"[{pi:{width}.{prec}f}] [{name:>{width}}] [{n:{'^'}{width}}]")
print(f"{n=} {name=!s} {pi=:.1f} {n + 1 = }")
print(f"{{literal}} {{{n}}}")
print(f"multi" f"-part {n}" " plain" f" {name}")
print(f"""triple {name}
second line {n}""")
class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "P(%d)" % self.x
    def __str__(self):
        return "p" + str(self.x)
    def __format__(self, spec):
        return "<" + spec + ":" + str(self.x) + ">"
p = P(7)
print(f"{p} {p!s} {p!r} {p:abc}")
print(f"{True} {None} {3.0} {-0.0} {1/3}")

print("-- str.format --")
print("{} + {} = {}".format(1, 2, 3))
print("{0}{1}{0}".format("ab", "-"))
print("{name} is {age}".format(name="Bob", age=30))
print("{0[1]} {1[k]} {2.x}".format(items, d, p))
print("[{:>6}] [{:<6}] [{:^6}] [{:06.2f}]".format("a", "b", "c", pi))
print("{!r} {!s} {:d}%".format("q", "q", 50))
print("{:{w}}|{:>{w}}|".format("x", "y", w=4))
print("{{}} {}".format("braces"))
print("{0:,} {0:x} {0:e}".format(123456))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError", e)
try:
    "{missing}".format()
except KeyError as e:
    print("KeyError", e)

print("-- format() --")
print(format(n), format(n, "08b"), format(pi, ".3"), format(pi, "10.4f") + "|")
print(format("s", "^5") + "|", format(True), format(1234.5, ",.1f"), format(p, "spec"))
print(format(-12, "+d"), format(12, " d"), format(0.5, ".0%"), format(2 ** 70, ","))
try:
    format(1, "q")
except ValueError as e:
    print("ValueError", e)
