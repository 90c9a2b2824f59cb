# SPDX-License-Identifier: LGPL-2.1-only
# round() with any ndigits: exact, ties to even, never a hang or a nan.
for x in [1234.5678, -1234.5678, 0.5, 1.5, 2.5, 1e308, -1e308, 5e307, 1e-300, 0.0, -0.0]:
    for nd in [None, 0, 1, 2, -1, -2, -3, -10, -308, -309, 300, 323, 324, 400, -2**31, 2**31, -10**18, 10**18, -2**63, 2**63 - 1, -10**30, 10**30, True]:
        try:
            print(x, nd, round(x, nd) if nd is not None else round(x))
        except (OverflowError, ValueError) as e:
            print(x, nd, type(e).__name__, e)
for x in [0, 5, 15, 25, -25, 1234, 10**20 + 6, -(10**20) - 5, 10**40 + 5 * 10**19, 2**62, -2**63, True]:
    for nd in [None, 0, 1, -1, -2, -19, -20, -21, -40, -41, 10**30]:
        print(x, nd, round(x, nd))
class I:
    def __index__(self): return -1
print(round(155, I()), round(1.5, I()))
for bad in [1.5, "1", None.__class__]:
    try:
        print(round(1.5, bad))
    except TypeError as e:
        print("TypeError", e)
for x in [1.7e308, -1.7e308, 1.5e308, 2.5, 25.0, 35.0, 15.0, 149.99999999999997, 150.0, 250.0, 1e22, 1.2345e22, 5e-324, 123456789.0, 1e16 + 2]:
    for nd in [-1, -2, -3, -16, -22, -23, -307, -308]:
        try:
            print(x, nd, round(x, nd))
        except OverflowError as e:
            print(x, nd, "OverflowError", e)
for x in [float("inf"), float("-inf"), float("nan")]:
    for nd in [-1, -7, -400, 0, 3, 400]:
        print(x, nd, round(x, nd))
