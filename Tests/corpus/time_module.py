# SPDX-License-Identifier: LGPL-2.1-only
# The time functions CPython and p14p share: sleep with ints and floats,
# a monotonic clock that does not go back, and the errors of bad lengths.
import time

t0 = time.monotonic()
time.sleep(0)
time.sleep(0.02)
t1 = time.monotonic()
print("monotonic advanced", t1 >= t0 + 0.015)
print("types", type(time.time()).__name__, type(time.monotonic()).__name__)

for bad in ["1", None, [1]]:
    try:
        time.sleep(bad)
    except TypeError:
        print("TypeError for", type(bad).__name__)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
