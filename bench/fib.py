# SPDX-License-Identifier: LGPL-2.1-only
# Benchmark: plain recursive function calls.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

print(fib(28))
