# SPDX-License-Identifier: LGPL-2.1-only
# __init__ stores each attribute of a fresh instance where the same store put
# it in the class's last instance, without asking the class again. Whatever
# could make that wrong: the key already in the dict at another entry, a
# property or descriptor added to the class since, another class at the same
# store, an instance whose dict was filled in another order, __class__ changed.


class Q:
    def __init__(self, first):
        if first:
            self.x = 0
        self.y = 1
        self.z = 2


a = Q(True)
b = Q(False)
print(sorted(vars(a).items()), sorted(vars(b).items()))

c = Q.__new__(Q)
c.y = "early"          # y first, at another store
c.__init__(True)       # x, then y again (already there), then z
print(list(vars(c).items()))


class P:
    def __init__(self, v):
        self.v = v
        self.w = v * 2


ps = [P(i) for i in range(3)]
P.w = property(lambda self: "from the property")
try:
    P(7)
except AttributeError as e:
    print("AttributeError", type(e).__name__)
print([p.w for p in ps], ps[0].__dict__)


class R(P):
    pass


class S:
    def __init__(self, v):
        self.v = v


def init(obj, v):
    obj.v = v          # one store, instances of three classes
    obj.extra = v + 1


for cls in (R, S, Q, R, S):
    o = cls.__new__(cls)
    init(o, 10)
    print(cls.__name__, sorted(vars(o).items()))


class T:
    def __init__(self):
        self.a = 1
        self.b = 2


t1 = T()
t2 = T.__new__(T)
t2.b = "b first"
T.__init__(t2)
print(list(vars(t1).items()), list(vars(t2).items()))
t3 = T.__new__(T)
t3.__class__ = S
S.__init__(t3, 5)
print(type(t3).__name__, vars(t3))

many = [T() for _ in range(1000)]
print(sum(m.a + m.b for m in many))
