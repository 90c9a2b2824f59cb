# SPDX-License-Identifier: LGPL-2.1-only
# Operator overloading through special methods: arithmetic and reflected
# forms, in-place forms, comparisons, __eq__/__hash__, container protocol,
# iteration, __call__, __str__/__repr__, __bool__, __len__.

class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "<%s, %s>" % (self.x, self.y)
    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        if isinstance(other, int):
            return Vec(self.x + other, self.y + other)
        return NotImplemented
    def __radd__(self, other):
        print("  radd with", other)
        return self + other
    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return Vec(k * self.x, k * self.y)
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return abs(self.x) + abs(self.y)
    def __invert__(self):
        return Vec(self.y, self.x)
    def __iadd__(self, other):
        print("  iadd in place")
        self.x += other.x
        self.y += other.y
        return self
    def __eq__(self, other):
        return isinstance(other, Vec) and self.x == other.x and self.y == other.y
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, other):
        return abs(self) < abs(other)
    def __le__(self, other):
        return abs(self) <= abs(other)
    def __bool__(self):
        return self.x != 0 or self.y != 0

a = Vec(1, 2)
b = Vec(3, -4)
print("repr", repr(a), "str", str(a), "list", [a, b])
print("format", "%s and %r" % (a, b))
print("a + b", a + b, "a - b", a - b)
print("a * 3", a * 3, "3 * a", 3 * a)
print("a + 10", a + 10)
print("10 + a", 10 + a)
print("b / 2", b / 2, "b // 2", b // 2, "b % 3", b % 3)
print("-a", -a, "+a", +a, "abs(b)", abs(b), "~a", ~a)
c = a
c += b
print("c", c, "a is c", a is c, "a", a)
print("eq", Vec(1, 1) == Vec(1, 1), Vec(1, 1) != Vec(1, 2), Vec(1, 1) == "x")
print("lt", Vec(1, 1) < Vec(5, 5), "gt", Vec(1, 1) > Vec(5, 5), "ge", Vec(2, 2) >= Vec(1, 3))
print("sorted", sorted([Vec(5, 5), Vec(0, 1), Vec(2, 0)]))
print("bool", bool(Vec(0, 0)), bool(Vec(0, 1)), "yes" if Vec(0, 0) else "no")
seen = {Vec(1, 2): "first"}
seen[Vec(1, 2)] = "again"
print("dict keys", len(seen), seen[Vec(1, 2)], Vec(1, 2) in {Vec(1, 2)})
try:
    Vec(1, 1) + "s"
except TypeError as e:
    print("TypeError", e)

print("-- containers --")
class Grid:
    def __init__(self, w, h):
        self.w = w
        self.cells = [0] * (w * h)
    def __len__(self):
        return len(self.cells)
    def __getitem__(self, pos):
        r, c = pos
        return self.cells[r * self.w + c]
    def __setitem__(self, pos, value):
        r, c = pos
        self.cells[r * self.w + c] = value
    def __delitem__(self, pos):
        self[pos] = 0
    def __contains__(self, value):
        return value in self.cells
    def __iter__(self):
        return iter(self.cells)
g = Grid(3, 2)
g[1, 2] = 7
g[0, 0] = 5
print("len", len(g), "g[1,2]", g[1, 2], "7 in g", 7 in g, "9 in g", 9 in g, "9 not in g", 9 not in g)
del g[0, 0]
print("after del", list(g), sum(g))

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print("countdown", list(Countdown(4)), [x * 2 for x in Countdown(3)])
it = iter(Countdown(2))
print("next", next(it), next(it), next(it, "done"))

class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print("old-style iteration", list(Seq()), 9 in Seq())

print("-- __call__ and __len__ truthiness --")
class Adder:
    def __init__(self, base):
        self.base = base
    def __call__(self, x, y=0):
        return self.base + x + y
add5 = Adder(5)
print("call", add5(1), add5(1, y=2), list(map(add5, [1, 2])))
class Empty:
    def __len__(self):
        return 0
print("len-false", bool(Empty()), not Empty())
