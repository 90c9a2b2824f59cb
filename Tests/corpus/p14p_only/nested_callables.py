# SPDX-License-Identifier: LGPL-2.1-only
# p14p-args: --c-stack 1M
# A call unwraps staticmethod objects and bound methods in a loop, not a level of
# the C stack each: 200,000 nested staticmethods are called on a small C stack.
# (CPython raises RecursionError here; p14p calls the function.)
def f():
    return 1


sm = f
for i in range(200000):
    sm = staticmethod(sm)
print(sm())
