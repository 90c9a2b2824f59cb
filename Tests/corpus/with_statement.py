# SPDX-License-Identifier: LGPL-2.1-only
# with statements: __enter__/__exit__, `as` targets, several items,
# nesting, exceptions reaching __exit__ (which may swallow them), and
# return/break/continue leaving a with body.

class Resource:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("  enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("  exit", self.name, "cleanly")
        else:
            print("  exit", self.name, "with", exc_type.__name__, exc)
        return self.swallow

print("-- plain --")
with Resource("a") as got:
    print("  body got", got)
with Resource("b"):
    print("  body without target")

print("-- several items and nesting --")
with Resource("outer") as o, Resource("inner") as i:
    print("  body", o, i)
with Resource("n1") as x:
    with Resource("n2") as y:
        print("  nested", x, y)

print("-- exceptions --")
try:
    with Resource("c"):
        raise ValueError("boom")
    print("not reached")
except ValueError as e:
    print("caught", e)
with Resource("d", swallow=True):
    raise KeyError("hidden")
print("after swallowed")
try:
    with Resource("e1"), Resource("e2", swallow=True), Resource("e3"):
        1 / 0
    print("swallowed by e2")
except ZeroDivisionError:
    print("not reached")

print("-- return, break, continue --")
def find(items, wanted):
    for item in items:
        with Resource("loop-" + str(item)):
            if item == wanted:
                return "found " + str(item)
    return "missing"
print(find([1, 2, 3], 2))
for k in range(4):
    with Resource("k" + str(k)):
        if k == 1:
            continue
        if k == 2:
            break
        print("  k body", k)
print("loop done")
def early():
    try:
        with Resource("f"):
            return "from with"
    finally:
        print("  finally after with")
print(early())

print("-- __exit__ that raises --")
class Bad:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        raise RuntimeError("exit failed")
try:
    with Bad():
        raise ValueError("original")
except RuntimeError as e:
    print("RuntimeError", e, "context", type(e.__context__).__name__)

print("-- target forms --")
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *args):
        return False
with Pair() as (p, q):
    print("  unpacked", p, q)
holder = {}
with Pair() as holder["pair"]:
    pass
print("  stored", holder)

print("-- generator inside with --")
def gen():
    with Resource("g"):
        yield 1
        yield 2
print(list(gen()))
