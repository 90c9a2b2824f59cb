# SPDX-License-Identifier: LGPL-2.1-only
# Class attributes that change while instances use them: the VM caches what
# a class's MRO gives for a name, and every change to a class (setattr,
# delattr, a new class at a collected one's place) must be seen at once.
class A:
    x = 1
    def m(self): return 'A.m'
class B(A): pass
b = B()
print(b.x, b.m())
A.x = 2; print(b.x)
B.x = 3; print(b.x)
del B.x; print(b.x)
def m2(self): return 'new m'
A.m = m2; print(b.m())
b.m = lambda: 'inst'; print(b.m())
d = A.__dict__
print('x' in d, d['x'])
class P:
    @property
    def v(self): return 10
p = P(); print(p.v)
P.v = 5; print(p.v)
for i in range(2000):
    class T:
        y = i
    t = T()
    assert t.y == i
print('ok')
