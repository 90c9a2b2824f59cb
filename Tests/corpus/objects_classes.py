# SPDX-License-Identifier: LGPL-2.1-only
# Classes: super() in both forms, __init__ chains over several levels,
# class attributes vs instance attributes, staticmethod, classmethod,
# property with getter and setter.

class Base:
    kind = "base"
    instances = 0
    def __init__(self, name):
        print("  Base.__init__", name)
        self.name = name
        Base.instances += 1
    def describe(self):
        return "Base(" + self.name + ")"

class Middle(Base):
    kind = "middle"
    def __init__(self, name, size):
        print("  Middle.__init__", size)
        super().__init__(name)
        self.size = size
    def describe(self):
        return "Middle<" + super().describe() + ">"

class Leaf(Middle):
    def __init__(self, name, size, colour):
        print("  Leaf.__init__", colour)
        super(Leaf, self).__init__(name, size)
        self.colour = colour
    def describe(self):
        return "Leaf[" + super(Leaf, self).describe() + "]"

print("-- init chain --")
leaf = Leaf("x", 3, "red")
print("attrs", leaf.name, leaf.size, leaf.colour)
print("describe", leaf.describe())
print("kind", leaf.kind, Leaf.kind, Base.kind, "instances", Base.instances)

print("-- class vs instance attributes --")
leaf.kind = "mine"
print("instance shadows", leaf.kind, Leaf.kind)
del leaf.kind
print("after del", leaf.kind)
Middle.kind = "changed"
print("class change", leaf.kind, Base.kind)
other = Base("y")
print("instances", Base.instances, other.instances)

class Shared:
    items = []
    def add(self, v):
        self.items.append(v)
s1, s2 = Shared(), Shared()
s1.add(1)
s2.add(2)
print("shared list", Shared.items, s1.items is s2.items)

print("-- staticmethod and classmethod --")
class Temp:
    scale = "C"
    def __init__(self, degrees):
        self.degrees = degrees
    @staticmethod
    def to_f(c):
        return c * 9 // 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 // 9)
    @classmethod
    def describe(cls):
        return cls.__name__ + " in " + cls.scale
class Kelvin(Temp):
    scale = "K"
print("static", Temp.to_f(100), Temp(0).to_f(37))
t = Temp.from_f(212)
print("classmethod", type(t).__name__, t.degrees)
k = Kelvin.from_f(32)
print("subclass classmethod", type(k).__name__, k.degrees, Kelvin.describe(), k.describe())

print("-- property --")
class Account:
    def __init__(self, owner):
        self.owner = owner
        self._balance = 0
    @property
    def balance(self):
        return self._balance
    @balance.setter
    def balance(self, value):
        if value < 0:
            raise ValueError("negative balance")
        print("  set balance", value)
        self._balance = value
    @property
    def label(self):
        return self.owner + ":" + str(self._balance)
acct = Account("ann")
acct.balance = 50
acct.balance += 25
print("balance", acct.balance, acct.label)
try:
    acct.balance = -1
except ValueError as e:
    print("ValueError", e)
try:
    acct.label = "x"
except AttributeError:
    print("read-only property")
print("final", acct.balance)

print("-- isinstance and issubclass --")
print(isinstance(leaf, Base), isinstance(other, Leaf), issubclass(Leaf, Middle), issubclass(Base, Leaf))
print(type(leaf).__name__, type(leaf) is Leaf, type(leaf) is Base)

# Built-in types are immutable.
for t in (int, str, list):
    try:
        setattr(t, "x", 1)
    except TypeError as e:
        print(e)
print(hasattr(int, "x"))
