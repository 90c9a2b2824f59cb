# SPDX-License-Identifier: LGPL-2.1-only
# p14p-args: --heap 65536
# The uncaught exception stays alive while its traceback is printed, even
# when printing its context runs Python code that fills the heap (a
# fuzz-vm find: the exception was freed by the collection that __str__
# caused, and its traceback read from freed memory).
class Noisy(Exception):
    def __str__(self):
        n = 0
        for i in range(3000):
            n += len([str(i) * 20, (i, i)])  # garbage: collections while printing
        return "noisy %d" % n


def fail():
    try:
        raise Noisy()
    except Noisy:
        raise ValueError("after noisy")


fail()
