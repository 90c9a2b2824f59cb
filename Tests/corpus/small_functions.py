# SPDX-License-Identifier: LGPL-2.1-only
# A PyMite-sized program (it fits a 16 KiB board): functions, recursion a
# few levels deep, a default argument and tuple assignment.

def fact(n):
    return 1 if n < 2 else n * fact(n - 1)

def fib(n, a=0):
    b = 1
    for _ in range(n):
        a, b = b, a + b
    return a

print(fact(5), fib(20), fib(5, 2))
