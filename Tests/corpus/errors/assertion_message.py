# SPDX-License-Identifier: LGPL-2.1-only
# Uncaught AssertionError with a message.
def average(values):
    assert len(values) > 0, "average of empty list"
    return sum(values) / len(values)

print(average([1, 2, 3]))
print(average([]))
