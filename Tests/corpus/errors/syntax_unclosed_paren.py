# SPDX-License-Identifier: LGPL-2.1-only
# Syntax error: a parenthesis that is never closed.
values = [1, 2, 3]
total = sum(values
print(total)
