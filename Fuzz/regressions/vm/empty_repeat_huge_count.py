# SPDX-License-Identifier: LGPL-2.1-only
# An empty str, bytes, list or tuple times 10**18: the VM looped 10**18
# times copying nothing (a hang). Found by fuzz-vm.
# Expected: the empty sequence, at once, as CPython.
for n in [10**18, 2**62, 2**63 - 1]:
    print(repr('' * n), repr(b'' * n), [] * n, () * n)
    x = []
    x *= n
    print(x)
print('survived')
