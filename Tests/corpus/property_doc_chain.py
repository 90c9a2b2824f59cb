# SPDX-License-Identifier: LGPL-2.1-only
# A property's __doc__ is its getter's. A long chain of properties over
# properties is not a recursion the VM pays for on the host's C stack.
def getter(self):
    "the getter's doc"
    return 1
print(property(getter).__doc__)
p = property(lambda self: 1)
for i in range(50000):
    p = property(p)
print(p.__doc__)
