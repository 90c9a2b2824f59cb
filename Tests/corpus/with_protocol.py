# SPDX-License-Identifier: LGPL-2.1-only
# A with statement on an object that is no context manager raises TypeError
# (CPython 3.11's messages), while __enter__/__exit__ looked up as plain
# attributes still raise AttributeError.

class OnlyEnter:
    def __enter__(self):
        return self

class OnlyExit:
    def __exit__(self, *args):
        return False

for manager in (1, "text", [1], OnlyEnter(), OnlyExit(), None):
    try:
        with manager:
            print("never")
    except TypeError as e:
        print("TypeError:", e)

try:
    (1).__enter__
except AttributeError as e:
    print("AttributeError:", e)

class Manager:
    def __enter__(self):
        print("enter")
        return "value"
    def __exit__(self, kind, value, tb):
        print("exit", kind.__name__ if kind else None)
        return True

with Manager() as v:
    print("body", v)
with Manager():
    raise ValueError("swallowed")
print("done")
