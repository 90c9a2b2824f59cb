# SPDX-License-Identifier: LGPL-2.1-only
# Augmented assignment on names, attributes and subscripts with every operator.

print("-- names, int --")
x = 100
x += 7; print("+=", x)
x -= 10; print("-=", x)
x *= 3; print("*=", x)
x //= 4; print("//=", x)
x %= 17; print("%=", x)
x **= 3; print("**=", x)
x >>= 2; print(">>=", x)
x <<= 3; print("<<=", x)
x &= 0xF0; print("&=", x)
x |= 0x0F; print("|=", x)
x ^= 0xFF; print("^=", x)
x /= 4; print("/=", x)
print("-- negative operands --")
for start in (-17, 17):
    for k in (5, -5):
        v = start; v //= k
        w = start; w %= k
        s = start; s >>= 1
        print(start, k, v, w, s)
print("-- floats --")
f = 1.5
f += 1; f *= 4; f -= 0.5; f /= 2; f //= 1; f **= 2; f %= 7
print(f)
print("-- strings, lists, tuples --")
s = "ab"
s += "cd"; s *= 2
print(s)
l = [1]
alias = l
l += [2]; l *= 2
print(l, alias, l is alias)
t = (1,)
t_alias = t
t += (2,); t *= 2
print(t, t_alias, t is t_alias)
print("-- attributes --")
class Box:
    total = 0
    def __init__(self):
        self.n = 10
        self.items = []
        self.name = "box"
b = Box()
b.n += 5; print(b.n)
b.n -= 1; print(b.n)
b.n *= 3; print(b.n)
b.n //= 4; print(b.n)
b.n %= 6; print(b.n)
b.n **= 4; print(b.n)
b.n <<= 2; print(b.n)
b.n >>= 1; print(b.n)
b.n |= 1; print(b.n)
b.n &= 7; print(b.n)
b.n ^= 2; print(b.n)
b.n /= 2; print(b.n)
b.items += ["x"]
b.name += "!"
Box.total += 100
b.total += 1
print(b.items, b.name, Box.total, b.total)
print("-- subscripts --")
arr = [10, 20, 30, 40]
arr[0] += 1
arr[1] -= 5
arr[2] *= 2
arr[3] //= 3
arr[-1] **= 2
arr[0] %= 4
print(arr)
arr[1] <<= 2; arr[2] >>= 3; arr[3] |= 256; arr[0] &= 2; arr[1] ^= 1
print(arr)
d = {"a": 1, "b": [1]}
d["a"] += 10
d["b"] += [2]
d["a"] *= 3
d["a"] /= 2
print(d)
grid = [[0] * 3 for _ in range(3)]
for i in range(3):
    for j in range(3):
        grid[i][j] += i * 3 + j
        grid[j][i] -= 1
print(grid)
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0)
    counts[ch] += 1
print(counts)
print("-- evaluation order: target evaluated once --")
calls = []
def index(i):
    calls.append(i)
    return i
vals = [1, 2, 3]
vals[index(1)] += 100
print(vals, calls)
class Tracker:
    def __init__(self):
        self.v = 0
        self.gets = 0
tr = Tracker()
def get_tracker():
    tr.gets += 1
    return tr
get_tracker().v += 5
get_tracker().v *= 3
print(tr.v, tr.gets)
print("-- global target --")
g = 1
def bump():
    global g
    g += 1
    g *= 10
bump(); bump()
print(g)
