# SPDX-License-Identifier: LGPL-2.1-only
# Globals stored at module level and from functions while the VM caches
# where each lives in the module's dict: every store must land, whatever
# happened to the dict in between.
total = 0
for i in range(1000):
    total = (total + i) & 0xFFFF
print(total, i)

def bump(k):
    global total
    total += k
    return total

for k in range(5):
    bump(k)
print(total)

# The dict grows (new globals) and shrinks (deleted ones) between stores.
for n in range(40):
    globals()["g%d" % n] = n
    total = total + n
    if n % 7 == 0:
        del globals()["g%d" % n]
print(total, g39, "g7" in globals())

# A global deleted, then stored again.
del total
try:
    total
except NameError as e:
    print("NameError", e)
total = 5
total = total * 3
print(total)

# A global that shadows a builtin, then goes away.
len = lambda x: -1
print(len("abc"))
del len
print(len("abc"))
