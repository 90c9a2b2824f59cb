# SPDX-License-Identifier: LGPL-2.1-only
# Uncaught exception raised in a function called by a generator, reaching
# the module through a for loop: the traceback lists every frame.
def parse(text):
    print("parsing", text)
    return int(text)

def numbers(texts):
    for t in texts:
        yield parse(t)

total = 0
for n in numbers(["1", "2", "x3"]):
    total += n
    print("total", total)
