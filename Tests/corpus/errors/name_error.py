# SPDX-License-Identifier: LGPL-2.1-only
# Uncaught NameError for an undefined global.
def compute(x):
    return x * factor

print("start")
print(compute(2))
