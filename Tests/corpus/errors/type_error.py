# SPDX-License-Identifier: LGPL-2.1-only
# Uncaught TypeError from adding a str and an int.
def label(prefix, n):
    return prefix + n

print(label("a", "1"))
print(label("b", 2))
