# SPDX-License-Identifier: LGPL-2.1-only
# Metaclasses: class M(type) with __new__/__init__/__call__ through super(),
# metaclass= and class keywords, a base's metaclass inherited, a conflict refused,
# a function as metaclass, the metaclass's methods, properties and protocols
# (iter, len, [], in, repr) on its classes; vars().
class Registry(type):
    classes = []
    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append(name)
        cls.tag = kw.get("tag", "none")
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.initialized = True
    def describe(cls):
        return cls.__name__ + ":" + cls.tag

class Base(metaclass=Registry):
    pass
class Child(Base, tag="kid"):
    def hello(self):
        return "hi"
print(Registry.classes, type(Base).__name__, type(Child) is Registry, isinstance(Child, Registry), isinstance(Child, type))
print(Child.tag, Base.tag, Child.initialized, Child.describe(), Child().hello(), isinstance(Child(), Base))

class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, value=0):
        self.value = value
a = Config(1); b = Config(2)
print(a is b, a.value, b.value)

class Colors(type):
    def __iter__(cls):
        return iter(k for k in sorted(vars(cls)) if not k.startswith("_"))
    def __len__(cls):
        return sum(1 for _ in cls)
    def __getitem__(cls, key):
        return getattr(cls, key)
    def __contains__(cls, key):
        return key in list(cls)
    def __repr__(cls):
        return "<palette " + cls.__name__ + ">"
class Palette(metaclass=Colors):
    RED = 1
    GREEN = 2
print(list(Palette), len(Palette), Palette["GREEN"], "RED" in Palette, "BLUE" in Palette, repr(Palette), Palette)

Dyn = Registry("Dyn", (), {"x": 5})
print(Dyn.x, type(Dyn).__name__, Dyn.tag, Registry.classes[-1])
Plain = type("Plain", (Base,), {})
print(type(Plain).__name__, Plain.tag)

class Meta2(type):
    pass
class Other(metaclass=Meta2):
    pass
try:
    class Both(Base, Other):
        pass
except TypeError as e:
    print("TypeError", str(e)[:17])

def factory(name, bases, ns):
    ns["made_by"] = "factory"
    return type(name, bases, ns)
class F(metaclass=factory):
    pass
print(F.made_by, type(F).__name__)

class Counted(type):
    count = 0
    def __call__(cls, *a, **k):
        Counted.count += 1
        return super().__call__(*a, **k)
class P(metaclass=Counted):
    def __init__(self, x):
        self.x = x
ps = [P(i) for i in range(3)]
print(Counted.count, [p.x for p in ps], type(ps[0]).__name__)
class WithSlots(type):
    @property
    def upper_name(cls):
        return cls.__name__.upper()
class Q(metaclass=WithSlots):
    pass
print(Q.upper_name, Q.__class__.__name__)
class Abstract(type):
    def __new__(mcs, name, bases, ns):
        for key, value in ns.items():
            if key.startswith("must_"):
                raise TypeError("no " + key)
        return super().__new__(mcs, name, bases, ns)
try:
    class Bad(metaclass=Abstract):
        must_x = 1
except TypeError as e:
    print(e)
class Good(metaclass=Abstract):
    ok = 1
print(Good.ok, type.__name__, type(type).__name__, isinstance(Good, Abstract))
class UsesClassCell(metaclass=Registry):
    def who(self):
        return __class__.__name__
print(UsesClassCell().who())
class V:
    def __init__(self):
        self.a = 1
print(vars(V()), sorted(k for k in vars(V) if not k.startswith("__")), "a" in vars(V()))
def loc():
    q = 2
    return vars()
print(loc())
try:
    vars(1)
except TypeError as e:
    print(e)
