# SPDX-License-Identifier: LGPL-2.1-only
# Uncaught IndexError from reading past the end of a list.
items = [10, 20, 30]
i = 0
while True:
    print(i, items[i])
    i += 1
