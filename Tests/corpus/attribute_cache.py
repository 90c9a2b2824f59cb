# SPDX-License-Identifier: LGPL-2.1-only
# One attribute access site seeing instances that change under it: the VM
# caches where an instance's own attribute is, and must notice every change.

class A:
    def __init__(self, x):
        self.x = x

class B:
    def __init__(self, x):
        self.y = 0
        self.x = x

def read(o):
    return o.x          # one LOAD_ATTR site for everything below

def write(o, v):
    o.x = v             # one STORE_ATTR site

objs = [A(1), A(2), B(3), A(4), B(5)]
print([read(o) for o in objs])
for o in objs:
    write(o, read(o) * 10)
print([read(o) for o in objs])

# Deleted, then set again: a new place in the dict.
a = A(7)
print(read(a))
del a.x
try:
    read(a)
except AttributeError as e:
    print("AttributeError", e)
a.z = 1
a.x = 8
print(read(a), a.__dict__)

# The class gains a property of the same name: it comes before the instance's dict.
class C:
    def __init__(self):
        self.x = "instance"
c = C()
print(read(c))
C.x = property(lambda self: "property")
print(read(c))
try:
    write(c, 1)
except AttributeError as e:
    print("AttributeError", e)
del C.x
print(read(c))
write(c, "again")
print(read(c))

# A plain class attribute does not shadow the instance's own.
C.x = "class"
print(read(c), C.x)
del c.x
print(read(c))

# __class__ assignment moves the instance to a class whose attribute comes first.
class D:
    x = property(lambda self: "D's property")
d = A(1)
print(read(d))
d.__class__ = D
print(read(d))
d.__class__ = A
print(read(d))

# A class that sees every access, made after the cache was filled.
class Hooked:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        return "hooked " + name
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)
h = Hooked()
for o in [A(1), h, A(2), h]:
    print(read(o))
write(h, 21)
print(object.__getattribute__(h, "x"))

# Many instances, many writes, collections in between.
class P:
    def __init__(self, i):
        self.x = i
        self.tag = str(i)
ps = [P(i) for i in range(300)]
total = 0
for rnd in range(20):
    for p in ps:
        write(p, read(p) + 1)
        total += read(p)
    junk = [str(i) * 3 for i in range(200)]
print(total, ps[5].x, ps[299].tag)

# Slots: only the named attributes.
class S:
    __slots__ = ("x",)
s = S()
try:
    read(s)
except AttributeError as e:
    print("AttributeError", e)
write(s, 5)
print(read(s))

# Classes made and dropped while one access site reads through them: a class
# freed by a collection may leave its place to the next one.
def read(o):
    return o.x

out = []
for i in range(400):
    if i % 2:
        class K:
            x = property(lambda self: "prop")
            def __init__(self):
                self.__dict__["x"] = "dict"
    else:
        class K:
            def __init__(self):
                self.x = "dict"
    k = K()
    out.append(read(k))
    junk = [[j] for j in range(50)]  # collections in between
    del k, K
print(out.count("prop"), out.count("dict"), out[:4])
