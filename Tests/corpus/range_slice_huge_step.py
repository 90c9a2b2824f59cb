# SPDX-License-Identifier: LGPL-2.1-only
# A range sliced with a step near 2**63: the new step (range step times
# slice step) overflowed 64 bits and trapped. Found by fuzz-vm. Such a
# slice is now a range with a long-int step, as in CPython.
for k in [2**63, -2**63, 2**62, 10**30]:
    try:
        print(range(-3, 10, 2)[::k])
    except OverflowError as e:
        print('OverflowError', e)
print(range(-3, 10, 2)[::3], range(10)[::-2])
print('survived')
