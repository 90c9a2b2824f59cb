# SPDX-License-Identifier: LGPL-2.1-only
# Natives that run Python code (list(), sum(), sorted() with a key, print()
# of an object with __str__) nested inside each other, as a 16 KiB board's
# C stack allows them: two levels run; deeper ones end in RecursionError,
# which the program catches, never in a fault.


def squares(n):
    for i in range(n):
        yield i * i


def totals():
    yield sum(squares(3))
    yield max(squares(4))


print(list(totals()))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __str__(self):
        return "(%d, %d)" % (self.x, self.y)


def nearest_first(points):
    for p in sorted(points, key=lambda p: p.x * p.x + p.y * p.y):
        yield p


points = [Point(3, 4), Point(1, 1), Point(0, 2)]
print(len(list(nearest_first(points))))
print(points[0])


def nest(k):
    if k == 0:
        yield 0
    else:
        yield sum(nest(k - 1)) + 1


try:
    print(list(nest(40)))
except RecursionError:
    print("RecursionError")
print("end")
