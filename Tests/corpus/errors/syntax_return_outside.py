# SPDX-License-Identifier: LGPL-2.1-only
# Syntax error: 'return' outside function.
x = 1
if x:
    return x
print(x)
