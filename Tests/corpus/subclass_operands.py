# SPDX-License-Identifier: LGPL-2.1-only
# Numbers and strs of subclasses of int, float and str mixed with the built-in
# types on either side of arithmetic, comparison and equality.
class I(int): pass
class F(float): pass
class S(str): pass
print(1.5 + I(2), I(2) + 1.5, 2 * F(1.5), F(1.5) * 2, [1, 2] * I(2), "ab" * I(2), I(3) - 1, 10 - I(3), 2 ** I(3), I(7) // 2, 7 % I(4), "%s-%s" % (I(1), S("x")))
print(S("a") + "b", "b" + S("a"), S("a") * 2, 2 * S("a"), I(5) == 5, 5 == I(5), F(0.5) < 1, 1 < F(1.5), S("a") < "b")
print(1.5 < I(2), I(2) > 1.5, 2**70 + I(1), 1.5 == I(1), I(1) == 1.0, 2.5 // I(2), divmod(7.5, I(2)), max(1.5, I(2)), sorted([I(3), 1.5, 2]))
