# SPDX-License-Identifier: LGPL-2.1-only
# Globals and builtins that change while a loop reads them: the VM caches
# where a name is in the globals and builtins dicts, and every store,
# delete, shadowing and growth of the dict must be seen at once.
def count(items):
    return len(items)

print(count([1, 2, 3]))
def len(x):
    return 'shadowed'
print(count([1, 2, 3]))
del len
print(count([1, 2, 3]))

x = 1
def read_x():
    return x
total = 0
for i in range(50):
    total += read_x()
    if i == 10:
        x = 2
    if i == 20:
        del x
        try:
            read_x()
        except NameError as e:
            print('NameError', e)
        x = 3
    if i == 30:
        # Many new globals: the dict grows (its entries move) while x stays.
        for k in range(40):
            globals()['g%d' % k] = k
print(total, x, g39)

def use_abs():
    return abs(-5)
print(use_abs())
abs = lambda v: 'mine'
print(use_abs())
del abs
print(use_abs())
