# SPDX-License-Identifier: LGPL-2.1-only
# __init_subclass__ and class keyword arguments: the parents' hook runs once
# the class is made (after __set_name__, with the class cell set), keywords
# are evaluated before the body, object's takes none; type(name, bases, ns)
# runs it too; `metaclass=type` is every class's own.
order = []


def note(what, value):
    order.append(what)
    return value


class Registry:
    members = []

    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Registry.members.append(cls.__name__)
        order.append("init_subclass " + cls.__name__)


class Plugin(Registry, tag=note("keyword", "p")):
    order.append("body")

    def who(self):
        return __class__.__name__


class Sub(Plugin):
    pass


print(order)
print(Registry.members, Plugin.tag, Sub.tag, Plugin().who(), hasattr(Registry, "tag"))

T = type("T", (Registry,), {"x": 1})
print(Registry.members, T.tag, T.x)


class Explicit:
    @classmethod
    def __init_subclass__(cls, **kw):
        print("explicit", cls.__name__, sorted(kw.items()))


class E1(Explicit, b=2, a=1):
    pass


class E2(Explicit, **{"z": 26}):
    pass


class Plain(metaclass=type):
    pass


print(type(Plain).__name__, Plain.__init_subclass__(), object.__init_subclass__())

for attempt in ["object", "plugin", "hook"]:
    try:
        if attempt == "object":
            class Bad(other=1):
                pass
        elif attempt == "plugin":
            class Bad2(Plugin, tag=1, color="red"):
                pass
        else:
            class Strict:
                def __init_subclass__(cls):
                    raise ValueError("no subclasses of " + cls.__name__ + "'s parent")

            class Child(Strict):
                pass
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print("Child" in globals(), Registry.members)
print(super(Sub, Sub()).__class__.__name__, type(super(Sub, Sub())).__name__)
