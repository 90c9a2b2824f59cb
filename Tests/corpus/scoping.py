# SPDX-License-Identifier: LGPL-2.1-only
# p14p-also: --no-float --no-long-ints --no-bytearray
# Scoping: global statement, LEGB lookup, shadowing, closures over enclosing
# scopes, class bodies, UnboundLocalError.

x = "global x"
print("-- LEGB --")
def local_shadow():
    x = "local x"
    return x
def reads_global():
    return x
def enclosing():
    x = "enclosing x"
    def inner():
        return x
    def inner_local():
        x = "inner local x"
        return x
    return inner(), inner_local(), x
print(local_shadow(), "|", reads_global(), "|", enclosing(), "|", x)
def builtin_lookup():
    return len("four"), abs(-1)
print(builtin_lookup())
def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")
print(shadow_builtin(), len("abc"))
print("-- global statement --")
counter = 0
def increment(step):
    global counter
    counter = counter + step
    return counter
print(increment(1), increment(5), counter)
def set_two():
    global alpha, beta
    alpha = "a"
    beta = "b"
set_two()
print(alpha, beta)
def conditional_global(flag):
    global gamma
    if flag:
        gamma = "set"
conditional_global(False)
print("gamma" in globals())
conditional_global(True)
print(gamma)
print("-- nested functions see updated enclosing values --")
def outer():
    value = 1
    def show():
        return value
    first = show()
    value = 2
    return first, show()
print(outer())
def counter_factory():
    n = 0
    def step():
        nonlocal n
        n += 1
        return n
    def peek():
        return n
    return step, peek
step, peek = counter_factory()
step(); step(); step()
print(peek())
def three_levels():
    a = "a1"
    def level2():
        b = "b2"
        def level3():
            c = "c3"
            return a + b + c + x
        return level3()
    return level2()
print(three_levels())
print("-- UnboundLocalError --")
y = 10
def broken():
    print("before")
    y = y + 1
    return y
try:
    broken()
except UnboundLocalError:
    print("UnboundLocalError caught")
def fine():
    z = y + 1
    return z
print(fine())
def deleted_local():
    w = 1
    del w
    try:
        return w
    except NameError as e:
        return type(e).__name__
print(deleted_local())
print("-- class bodies --")
size = "module size"
class Widget:
    size = "class size"
    doubled = size * 2
    def get_size(self):
        return size
    def get_class_size(self):
        return self.size
w = Widget()
print(w.get_size(), "|", w.get_class_size(), "|", Widget.doubled)
print("-- loop and comprehension variables --")
for i in range(3):
    pass
print("loop var leaks:", i)
j = "kept"
squares = [j * j for j in range(3)]
print("comprehension var does not leak:", j, squares)
print("-- functions defined in loops --")
makers = []
for k in range(3):
    def make(k=k):
        return k * 10
    makers.append(make)
print([m() for m in makers])
def rebinding():
    result = []
    for name in ("first", "second"):
        def f():
            return name
        result.append(f)
    return [g() for g in result]
print(rebinding())
print("-- del of a global --")
temp = 5
del temp
print("temp" in globals())
try:
    print(temp)
except NameError:
    print("NameError for deleted global")
