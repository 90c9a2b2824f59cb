# SPDX-License-Identifier: LGPL-2.1-only
# Recursion: deep recursion within limits (depth 500), mutual recursion,
# recursive data processing, and catching RecursionError from unbounded
# recursion.

print("-- depth 500 --")
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(10), depth(100), depth(500))
def sum_to(n):
    return 0 if n == 0 else n + sum_to(n - 1)
print(sum_to(500))
def build(n):
    if n == 0:
        return []
    rest = build(n - 1)
    rest.append(n)
    return rest
r = build(400)
print(len(r), r[:5], r[-3:])
print("-- mutual recursion --")
def ping(n, log):
    if n == 0:
        return log
    log.append("ping")
    return pong(n - 1, log)
def pong(n, log):
    if n == 0:
        return log
    log.append("pong")
    return ping(n - 1, log)
print(ping(5, []), len(ping(300, [])))
print("-- recursive algorithms --")
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
def power(b, e):
    if e == 0:
        return 1
    half = power(b, e // 2)
    return half * half * (b if e % 2 else 1)
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
def perms(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i in range(len(items)):
        for p in perms(items[:i] + items[i + 1:]):
            out.append([items[i]] + p)
    return out
def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left = merge_sort(xs[:mid])
    right = merge_sort(xs[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i]); i += 1
        else:
            out.append(right[j]); j += 1
    return out + left[i:] + right[j:]
print(gcd(1071, 462), gcd(17, 5), power(3, 13), power(2, 20), ackermann(2, 3), ackermann(1, 10))
print(perms([1, 2, 3]), len(perms(list("abcde"))))
print(merge_sort([5, -2, 9, 0, 3, 3, 12, -7, 1]))
print("-- recursive data --")
def nest(n):
    return [] if n == 0 else [nest(n - 1)]
def measure(x):
    return 0 if not x else 1 + measure(x[0])
def flatten(x):
    if type(x) is not list:
        return [x]
    out = []
    for item in x:
        out += flatten(item)
    return out
print(measure(nest(200)), nest(3), flatten([1, [2, [3, [4, [5]]]], [[6]], 7]))
class Tree:
    def __init__(self, value, left=None, right=None):
        self.value = value
        self.left = left
        self.right = right
def insert(t, v):
    if t is None:
        return Tree(v)
    if v < t.value:
        t.left = insert(t.left, v)
    else:
        t.right = insert(t.right, v)
    return t
def inorder(t):
    return [] if t is None else inorder(t.left) + [t.value] + inorder(t.right)
def height(t):
    return 0 if t is None else 1 + max(height(t.left), height(t.right))
root = None
for v in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    root = insert(root, v)
print(inorder(root), height(root))
chain = None
for v in range(300):
    chain = insert(chain, v)
print(height(chain), inorder(chain)[-3:])
print("-- unbounded recursion --")
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError:
    print("caught RecursionError")
def forever_method_style(x):
    return [forever_method_style(x)]
try:
    forever_method_style(1)
except RecursionError:
    print("caught RecursionError")
print("still works after:", depth(50), sum_to(100))
