# p14p-args: --heap 65536
# SPDX-License-Identifier: LGPL-2.1-only
# sys.heap() returns (free, size) with 0 < free <= size and size equal to
# the --heap value; sys.gc() runs; sys.time() is a non-negative number.
import sys

h = sys.heap()
print(type(h).__name__, len(h))
free, size = h
print(type(free).__name__, type(size).__name__)
print(0 < free <= size, size == 65536)
junk = [[i] * 10 for i in range(20)]
junk = None
sys.gc()
print("gc ran")
free2, size2 = sys.heap()
print(0 < free2 <= size2, size2 == size)
t = sys.time()
print(type(t).__name__ in ("int", "float"), t >= 0)
t2 = sys.time()
print(t2 >= t)
