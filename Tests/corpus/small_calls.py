# SPDX-License-Identifier: LGPL-2.1-only
# A PyMite-sized program (it fits a 16 KiB board): functions, recursion a
# few levels deep and tuples.

def fact(n):
    return 1 if n < 2 else n * fact(n - 1)

def swap(pair):
    a, b = pair
    return b, a

print(fact(5), swap((1, 2)))
