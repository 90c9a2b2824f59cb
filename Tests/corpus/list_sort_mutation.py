# SPDX-License-Identifier: LGPL-2.1-only
# A key function or comparison that changes the list being sorted.
l=[3,2,1]
def k(x):
    print(x, l); l.clear(); return x
try:
    l.sort(key=k)
except ValueError as e:
    print("VE", e)
print(l)
l=[3,2,1]
def k2(x):
    l.append(9); return x
try:
    l.sort(key=k2)
except ValueError as e:
    print("VE", e)
print(l)
l=[3,2,1]
def k3(x):
    if x == 2: raise KeyError(x)
    return x
try:
    l.sort(key=k3)
except KeyError as e:
    print("KE", e)
print(l)
class A:
    def __init__(s, v): s.v = v
    def __lt__(s, o):
        m.clear(); return s.v < o.v
    def __repr__(s): return "A%d" % s.v
m=[A(3), A(1), A(2)]
try:
    m.sort()
except ValueError as e:
    print("VE", e)
print(m)
l = [5,3,4]; l.sort(reverse=True); print(l)
print(sorted([3,1,2], key=lambda x: -x))
