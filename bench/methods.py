# SPDX-License-Identifier: LGPL-2.1-only
# Benchmark: method calls and attribute access on objects.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    def dot(self, other):
        return self.x * other.x + self.y * other.y
    def scaled(self, k):
        return Vec(self.x * k, self.y * k)

class Counter:
    def __init__(self):
        self.n = 0
    def bump(self, by):
        self.n = (self.n + by) & 0xFFFFF
        return self.n

class LoudCounter(Counter):
    def bump(self, by):
        return Counter.bump(self, by * 2)

acc = Vec(0, 0)
c = Counter()
lc = LoudCounter()
step = Vec(1, 2)
total = 0
for i in range(120000):
    acc = acc.add(step)
    if acc.x > 1000:
        acc = Vec(acc.x - 1000, acc.y - 2000).scaled(1)
    total = (total + acc.dot(step) + c.bump(i & 15) + lc.bump(3)) & 0xFFFFFF
print(total, acc.x, acc.y, c.n, lc.n)
