# SPDX-License-Identifier: LGPL-2.1-only
# Syntax error: a character that is not a Python token.
a = 5
b = a $ 3
print(b)
