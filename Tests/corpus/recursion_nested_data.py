# p14p-args: --recursion-limit 1000000 --c-stack 1M --heap 32M
# SPDX-License-Identifier: LGPL-2.1-only
# repr, str, == and < of deeply nested data recurse in C: they end in
# RecursionError, never a crash, whatever the recursion limit and the C
# stack (p14p runs this with a limit of a million and a 1 MiB C stack).
def attempt(label, f):
    try:
        r = f()
        print(label, "->", r)
    except RecursionError:
        print(label, "-> RecursionError")

def deep(make, n):
    x = make(None)
    for _ in range(n):
        x = make(x)
    return x
lists = deep(lambda x: [x], 20000)
other = deep(lambda x: [x], 20000)
dicts = deep(lambda x: {1: x}, 20000)
attempt("repr nested list", lambda: len(repr(lists)))
attempt("str nested dict", lambda: len(str(dicts)))
attempt("== nested lists", lambda: lists == other)
attempt("< nested lists", lambda: lists < other)
attempt("in nested list", lambda: other in [lists])
shallow = deep(lambda x: [x], 50)
attempt("shallow repr", lambda: len(repr(shallow)))
attempt("shallow ==", lambda: shallow == deep(lambda x: [x], 50))
cycle = [1]
cycle.append(cycle)
d = {}
d["self"] = d
print(cycle, d, [cycle, cycle])
