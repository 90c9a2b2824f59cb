# SPDX-License-Identifier: LGPL-2.1-only
# Assignment expressions (:=): in conditions, loops and comprehensions,
# where the name binds in the enclosing function (or module).

data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
print("n after if", n)

print("-- while with walrus --")
stack = list(data)
while (top := stack.pop()) != 1:
    print("popped", top)
print("stopped at", top, "left", stack)

print("-- comprehension binds outside --")
squares = [sq for x in data if (sq := x * x) > 10]
print("squares", squares, "last sq", sq)
running = 0
totals = [running := running + x for x in data]
print("totals", totals, "running", running)

def first_big(values, limit):
    if any((hit := v) > limit for v in values):
        return hit
    return None
print("first_big 5", first_big(data, 5))
print("first_big 50", first_big(data, 50))

def nested():
    pairs = [[(last := a * b) for b in range(3)] for a in range(1, 3)]
    return pairs, last
print("nested", nested())

def in_closure():
    found = []
    check = lambda v: (m := v % 4) == 0 and found.append(m)
    for v in range(9):
        check(v)
    return found
print("in_closure", in_closure())

print("-- walrus in expressions --")
values = [(y := 5), y + 1, y * 2]
print("values", values)
print("conditional", (z := 4) if True else 0, z)
text = "key=value"
if (pos := text.find("=")) >= 0:
    print("split", text[:pos], text[pos + 1:])
def f(a):
    return [a, (b := a + 1), b + 1]
print("f", f(10))
