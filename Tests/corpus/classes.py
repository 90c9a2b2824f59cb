# SPDX-License-Identifier: LGPL-2.1-only
# Classes: __init__, methods, class vs instance attributes, inheritance,
# overriding, super(), multiple inheritance with C3 order, isinstance,
# issubclass, type(x) is C, simple __str__/__repr__, object().

print("-- basics --")
class Point:
    count = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.count += 1
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def __str__(self):
        return "Point(" + str(self.x) + ", " + str(self.y) + ")"
    def __repr__(self):
        return "P<" + str(self.x) + "," + str(self.y) + ">"
p = Point(3, 4)
q = p.moved(1, -1)
print(p.x, p.y, p.norm2(), q.x, q.y, Point.count, p.count)
print(str(p), repr(q), [p, q], (p,))
print(p, q)
m = p.norm2
print(m(), Point.norm2(q))
print("-- class vs instance attributes --")
class Config:
    level = 1
    tags = []
a = Config()
b = Config()
a.level = 5
a.tags.append("shared")
print(a.level, b.level, Config.level, b.tags, hasattr(a, "level"), hasattr(b, "nothing"))
Config.level = 9
print(a.level, b.level)
del a.level
print(a.level)
b.extra = "dynamic"
print(b.extra, getattr(a, "extra", "missing"))
print("-- inheritance and overriding --")
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + " says " + self.sound
    def kind(self):
        return "animal"
    def describe(self):
        return self.kind() + ": " + self.speak()
class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog"
class Puppy(Dog):
    def __init__(self, name, age):
        Dog.__init__(self, name)
        self.age = age
    def speak(self):
        return super().speak() + " (age " + str(self.age) + ")"
class Cat(Animal):
    sound = "meow"
for pet in (Animal("generic"), Dog("rex"), Puppy("bit", 1), Cat("tom")):
    print(type(pet).__name__, "|", pet.describe())
print("-- multiple inheritance and C3 --")
class Base:
    def who(self):
        return "Base"
    def chain(self):
        return ["Base"]
class Left(Base):
    def who(self):
        return "Left"
    def chain(self):
        return ["Left"] + super().chain()
class Right(Base):
    def who(self):
        return "Right"
    def only_right(self):
        return "only in Right"
    def chain(self):
        return ["Right"] + super().chain()
class Diamond(Left, Right):
    def chain(self):
        return ["Diamond"] + super().chain()
class Reversed(Right, Left):
    pass
d = Diamond()
print(d.who(), d.only_right(), d.chain())
print(Reversed().who(), Reversed().chain())
class Root:
    def chain(self):
        return ["Root"]
    def first(self):
        return "Root"
class X(Root):
    def chain(self):
        return ["X"] + super().chain()
class Y(Root):
    def chain(self):
        return ["Y"] + super().chain()
    def first(self):
        return "Y"
class Z(Root):
    def chain(self):
        return ["Z"] + super().chain()
    def last(self):
        return "Z"
class A(X, Y):
    def chain(self):
        return ["A"] + super().chain()
class B(Y, Z):
    def chain(self):
        return ["B"] + super().chain()
    def last(self):
        return "B"
class M(A, B, Z):
    def chain(self):
        return ["M"] + super().chain()
print(M().chain(), M().first(), M().last(), B().chain(), A().first())
print("-- isinstance / issubclass / type --")
pup = Puppy("p", 2)
print(isinstance(pup, Puppy), isinstance(pup, Dog), isinstance(pup, Animal), isinstance(pup, Cat))
print(isinstance(pup, object), isinstance(pup, (Cat, Dog)), isinstance(3, int), isinstance("s", (int, str)))
print(issubclass(Puppy, Animal), issubclass(Animal, Puppy), issubclass(Dog, Dog), issubclass(Diamond, (Right, Cat)))
print(type(pup) is Puppy, type(pup) is Dog, type(pup) == Puppy, type(d) is Diamond, type(Point) is type)
print(isinstance(True, int), issubclass(bool, int), type(True) is bool, issubclass(int, object))
print("-- object() --")
o1 = object()
o2 = object()
print(type(o1).__name__, o1 is o1, o1 is o2, o1 == o2, isinstance(o1, object))
print("-- special methods --")
class Vec:
    def __init__(self, *c):
        self.c = list(c)
    def __add__(self, other):
        return Vec(*[a + b for a, b in zip(self.c, other.c)])
    def __eq__(self, other):
        return self.c == other.c
    def __len__(self):
        return len(self.c)
    def __getitem__(self, i):
        return self.c[i]
    def __repr__(self):
        return "Vec" + str(tuple(self.c))
v = Vec(1, 2, 3) + Vec(10, 20, 30)
print(v, len(v), v[1], v == Vec(11, 22, 33), v != Vec(0, 0, 0), list(v))
