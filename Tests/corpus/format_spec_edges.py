# SPDX-License-Identifier: LGPL-2.1-only
# Format-spec edges: fields nested in specs, '#' with zero padding, grouping ('_' for b/o/x) and spec errors.


def show(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except (ValueError, IndexError, KeyError) as e:
        print(type(e).__name__, e)


print("-- fields nested in a spec --")
show("{:>{}}".format, "x", 4)
show("{:{}{}}".format, 3.14159, ".", "3")
show("{:{}{}f}".format, 3.14159, ".", "3")
show("{:{}^{}}|".format, "a", "*", 7)
show("{:>{}}{}".format, "a", 3, "b")
show("{:{}{}{}}".format, 42, "0", "8", ",")
show("{0:>{1}}".format, "x", 4)
show("{0:{1}{2}}|{0}".format, 1.5, ">", 7)
show("{0!r:^{1}}|".format, "a", 7)
show("{!r:>{}}".format, "x", 6)
show("{[0]:{}}{}".format, [1], 3, 4)
show("{0[0]:{1}}{2}".format, [1], 3, 4)
show("{a:{w}}{}".format, 5, a=1, w=3)
show("{:{w}}{}".format, 5, 6, w=3)
show("{x:{}} {}".format, 1, 2, x=3)
show("{:{!r}}|".format, 1, 2)
show("{:{[0]}}|".format, 1, [3])
show("{0:{0}}|".format, 5)
show("{0}{1}{0}".format, "a", "b")
show("{{{}}}".format, 7)
w, p = 9, 3
print(f"{3.14159:{w}.{p}f}|{'s':{'^'}{w}}|{12345:{w},}|{'ab':>{5}}")

print("-- numbering errors --")
show("{0:>{}}".format, "x", 4)
show("{:>{1}}".format, "x", 4)
show("{}{0}".format, 1, 2)
show("{0}{}".format, 1, 2)
show("{:{}}".format, 1)
show("{}{}".format, 1)
show("{:{:{}}}".format, 1, 2, 3)
show("{:{}}".format, "a", "{}")
show("{:{}}".format, 5, "0>{}")

print("-- '#' with zero padding --")
for n in (0, 1, 255, -255, 4096):
    for spec in ("#06x", "#06X", "#06o", "#012b", "#08x", "+#08x", " #08x", "-#08o", "#02x"):
        print(spec, repr(format(n, spec)))
print(repr(format(255, "*=#10x")), repr(format(255, "*=+#10x")), repr(format(255, "#=10x")))
print(repr(format(255, "#<10x")), repr(format(255, "#^10x")), repr(format(-255, "0=#12x")))
print(f"{255:#06x} {-255:#08x} {5:#010b} {8:#06o} {3.5:=+8.2f}")
print("%#06x|%-#8o|%#08X|%08.2f|%+05d" % (255, 8, 255, 3.14159, 42))

print("-- grouping --")
for n in (0, 8, 255, 0xFFFFFFFF, 0o12345670, -1, -255, 10**30, -10**30):
    print(format(n, "_b")[:40], format(n, "_o"), format(n, "_x"), format(n, "_X"), format(n, "#_x"), format(n, "_d"), format(n, ","))
print(format(1234567, "_d"), format(1234567, "_"), format(-1234567, ","), format(1234, ",d"))
print(format(True, "^10,"), format(True, "_"), format(True, "x"), format(False, "05"))
for x in (1234.5, 1234567.5, -1234567.5, 1e16, 0.001, 12345.0, float("inf"), float("nan")):
    print(format(x, "_.2f"), format(x, ",.2f"), format(x, ","), format(x, "_"),
          format(x, ",e"), format(x, ",g"), format(x, ",.10g"), format(x, ",.1%"))

print("-- zero padding with grouping --")
for n in (0, 1, 1234, -1234, 1234567, 10**20):
    print(n, [format(n, s) for s in ("04,d", "05,d", "07,d", "08,d", "09,d", "010,d", "08_d", "=08,d", "0=8,d", "*=08,d", "<08,d", "x<08,d", "0>8,d")])
for n in (255, -255, 0):
    print(n, [format(n, s) for s in ("09_x", "010_x", "#010_x", "#011_x", "#012_b", "#015_o", "+#012_X", "#040_X")])
for x in (1234.5, -1234.5, 1000.0, 12.5, float("inf"), -float("inf"), float("nan")):
    print(x, [format(x, s) for s in ("010,.1f", "011,.1f", "012_.2f", "012,", "015,e", "012,.4", "012,.1%", "+015_.1f", " 015,", "#015,.0f", "010")])

print("-- spec errors --")
for v, spec in [(255, ",x"), (255, ",b"), (255, ",o"), (255, ",X"), (255, ",c"), (255, "_c"),
                (255, ",n"), (255, "_n"), (1.5, ",n"), ("abc", ","), ("abc", "_s"), (255, ",_"),
                (255, "_,"), (255, ",,"), (1, "abc"), (1.0, "abc"), ("x", "abc"), ("x", "+"),
                ("x", " "), ("x", "#"), ("x", "=3"), (65, "+c"), (65, "#c"), (1, ".2d"), (1, "q")]:
    show(format, v, spec)
print(repr(format("x", "03")), repr(format("x", "<03")), repr(format("ab", "05")), repr(format(12, "05c")))
