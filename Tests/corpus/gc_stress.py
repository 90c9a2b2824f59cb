# p14p-args: --heap 65536
# SPDX-License-Identifier: LGPL-2.1-only
# Garbage collector stress: allocates and drops many lists, dicts, strings
# and objects, and builds and drops reference cycles, many times. Meant to
# run in a 64 KiB heap, so only a small working set is ever live.

class Node:
    def __init__(self, value):
        self.value = value
        self.next = None
        self.other = None

print("-- short-lived lists --")
total = 0
for i in range(3000):
    tmp = [i, i + 1, i + 2, [i] * 3]
    total += tmp[2] + len(tmp[3])
print("lists", total)
print("-- short-lived dicts --")
total = 0
for i in range(2000):
    d = {"a": i, "b": [i, i], i: str(i)}
    d["c"] = d["a"] * 2
    total += d["c"] + len(d[i])
print("dicts", total)
print("-- strings --")
total = 0
for i in range(2000):
    s = "item-" + str(i) + "-" + "x" * (i % 20)
    parts = s.split("-")
    total += len(s) + len(parts)
    s = s.upper().replace("X", "yy")
    total += len(s)
print("strings", total)
acc = ""
for i in range(400):
    acc = acc + chr(97 + i % 26)
    if len(acc) > 60:
        acc = acc[30:]
print("rolling string", acc, len(acc))
print("-- objects --")
total = 0
for i in range(2000):
    n = Node(i)
    n.next = Node(i * 2)
    n.next.next = Node([i])
    total += n.value + n.next.value + len(n.next.next.value)
print("objects", total)
print("-- reference cycles --")
for round_ in range(40):
    head = Node(0)
    cur = head
    for j in range(1, 30):
        nxt = Node(j)
        cur.next = nxt
        nxt.other = head
        cur = nxt
    cur.next = head
    count = 0
    walk = head
    while True:
        count += 1
        walk = walk.next
        if walk is head:
            break
    if round_ % 10 == 0:
        print("ring", round_, count)
    head = cur = walk = nxt = None
print("-- self-referencing containers --")
for i in range(500):
    a = []
    a.append(a)
    b = {"self": None}
    b["self"] = b
    c = [a, b]
    a.append(c)
    a = b = c = None
print("self-cycles done")
print("-- mutual object cycles with lists --")
survivors = []
for i in range(1500):
    x = Node("x")
    y = Node("y")
    x.other = y
    y.other = x
    x.next = [y, x, {"k": x}]
    if i % 300 == 0:
        survivors.append(x)
print("survivors", len(survivors), [s.other.value for s in survivors])
survivors = None
print("-- growing and shrinking a list --")
work = []
for i in range(3000):
    work.append([i, str(i)])
    if len(work) > 50:
        work = work[25:]
print("work", len(work), work[0], work[-1])
work = None
print("-- dict churn --")
table = {}
for i in range(3000):
    table[i % 97] = ("v", i)
    if i % 7 == 0:
        table.pop((i * 3) % 97, None)
print("table", len(table), table.get(5), sorted(table)[:5])
print("-- generators and closures --")
def gen(n):
    for i in range(n):
        yield [i] * 2
def make(k):
    return lambda: k * 2
total = 0
for r in range(200):
    for v in gen(10):
        total += v[0]
    total += make(r)()
print("gen/closure", total)
print("done")
