# SPDX-License-Identifier: LGPL-2.1-only
# An exception leaves a with body; __exit__ sees it and returns False, so it
# propagates with its original traceback.
class Guard:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit saw", exc_type.__name__)
        return False

def work(items):
    with Guard():
        for i in items:
            print("item", 10 // i)

work([5, 2, 0, 1])
