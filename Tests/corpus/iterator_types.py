# SPDX-License-Identifier: LGPL-2.1-only
# The types of the built-in iterators have CPython's names (list_iterator,
# dict_keyiterator, zip, ...), each one class, an instance of type, not a base.
its = [iter([]), iter(()), iter("ab"), iter("é"), iter(b"x"), iter(bytearray(b"x")), iter(range(3)), iter(range(2**70)),
       iter({}), iter({}.values()), iter({}.items()), iter(set()), iter(frozenset()), reversed([1]), reversed((1,)),
       reversed("ab"), map(len, []), filter(None, []), zip(), enumerate([]), iter(lambda: 1, 1)]
for it in its:
    t = type(it)
    print(t.__name__, isinstance(it, t), t is type(it), repr(it).split(" object")[0], type(t).__name__)
print({}.keys().__class__.__name__, type({}.items()).__name__)
class Seq:
    def __getitem__(self, i):
        if i > 2: raise IndexError
        return i
print(type(iter(Seq())).__name__, list(iter(Seq())))
it = iter([1, 2])
print(next(it), it.__next__(), type(it).__next__ is type(iter([])).__next__)
try:
    class X(type(iter([]))): pass
except TypeError as e:
    print("TypeError", e)
try:
    iter([])[0]
except TypeError as e:
    print("TypeError", e)
print(isinstance(iter([]), type(iter(()))), type(iter([])) == type(iter([5])))

# The type itself: its MRO, dir(), no instances, no new attributes.
it = iter([1])
t = type(it)
print(t, t.__mro__[0].__name__, len(t.__mro__), "__next__" in dir(it), "__next__" in dir(t))
print(t.__name__, t.__qualname__ if hasattr(t, "__qualname__") else None)
try:
    t()
except TypeError as e:
    print("TypeError", e)
try:
    t.x = 1
except TypeError as e:
    print("TypeError", e)
print(issubclass(t, object), isinstance(it, object))
