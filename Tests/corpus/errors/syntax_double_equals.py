# SPDX-License-Identifier: LGPL-2.1-only
# p14p-column: 5
# Syntax error: 'x = = 1' (reported at line 5, column 5: the second '=').
y = 2
x = = 1
print(x)
