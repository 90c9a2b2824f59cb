# p14p-args: --heap 65536
# SPDX-License-Identifier: LGPL-2.1-only
# Objects made by one instruction are kept alive only until the next
# instruction that may allocate has run: loops whose other instructions
# never allocate (locals, constants, small-int arithmetic, jumps on a
# bool, global reads) must not pile up what each iteration made, in a
# 64 KiB heap.


def tight(n):
    total = 0
    i = 0
    while i < n:
        pair = [i, i + 1]          # allocates
        total = (total + i * 3) & 0xFFFF
        i = i + 1
        if i > 0:
            total = total ^ 1
    return total, pair


print(tight(100000))


def only_fast_after(n):
    keep = None
    for i in range(n):
        keep = "k" + str(i)        # allocates, then the loop's back edge
        j = 0
        while j < 3:
            j += 1
    return keep


print(only_fast_after(50000))

# A built-in class read by name for the first time is made then (the only
# allocation a global read can do); after that it is the same object.
first = [int, str, ValueError, KeyError, OSError, range]
second = [int, str, ValueError, KeyError, OSError, range]
print(all(a is b for a, b in zip(first, second)))

count = 0
for n in range(200000):
    t = (n, n)
    count += t[0] & 1
print(count)
