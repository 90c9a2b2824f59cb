# SPDX-License-Identifier: LGPL-2.1-only
# Control flow: if/elif/else, while/else, for/else, break, continue, pass,
# nested loops, range with all step signs, truthiness, conditional expressions.

print("-- if / elif / else --")
for n in (-5, 0, 1, 7, 10, 15, 100):
    if n < 0:
        kind = "negative"
    elif n == 0:
        kind = "zero"
    elif n % 2 == 0 and n > 50:
        kind = "big even"
    elif n % 5 == 0:
        kind = "multiple of 5"
    else:
        kind = "other"
    print(n, kind)
print("-- truthiness --")
for v in (0, 1, -1, 0.0, 2.5, "", "a", [], [0], (), (None,), {}, {0: 0}, None, True, False, range(0), range(1)):
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
print("-- and / or / not return values --")
print(0 or 5, 3 or 5, 0 and 5, 3 and 5, "" or "default", [] and "x", None or 0 or "last")
print(not [], not [1], 1 and 2 and 3, 1 and 0 and 3, 0 or "" or None)
print("-- conditional expression --")
for x in range(-2, 3):
    print(x, "pos" if x > 0 else "zero" if x == 0 else "neg")
print("-- while / else --")
i = 0
while i < 5:
    i += 1
else:
    print("while finished normally, i =", i)
i = 0
while True:
    i += 1
    if i == 3:
        continue
    if i > 6:
        break
    print("while", i)
else:
    print("not printed")
print("after while, i =", i)
print("-- for / else --")
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
for x in []:
    print("never")
else:
    print("for over empty list still runs else")
print("-- continue and pass --")
out = []
for n in range(15):
    if n % 3 == 0:
        continue
    elif n % 5 == 0:
        pass
    else:
        out.append(n)
print(out)
if True:
    pass
class Empty:
    pass
def nothing():
    pass
print(nothing(), type(Empty()).__name__)
print("-- range with negative steps --")
print(list(range(5)), list(range(2, 8)), list(range(0, 10, 3)), list(range(10, 0, -1)))
print(list(range(10, 0, -3)), list(range(-1, -10, -2)), list(range(5, 5)), list(range(5, 0)), list(range(0, 5, -1)))
print(len(range(0, 100, 7)), range(0, 20, 4)[2], range(10, 0, -2)[-1], 14 in range(0, 20, 7), 15 in range(0, 20, 7))
for i in range(3, -4, -2):
    print("down", i)
print("-- nested loops with break out of both --")
found = None
for a in range(1, 20):
    for b in range(a, 20):
        if a * a + b * b == 13 * 13:
            found = (a, b)
            break
    if found:
        break
print("found", found)
table = []
for r in range(1, 5):
    row = []
    for c in range(1, 5):
        if c > r:
            break
        row.append(r * c)
    table.append(row)
print(table)
print("-- while with complex condition --")
a, b = 0, 1
fibs = []
while b < 200 and len(fibs) < 20:
    fibs.append(b)
    a, b = b, a + b
print(fibs)
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz 27 steps", steps)
print("-- loop variable after loop --")
for k in range(4):
    pass
print("k =", k)
