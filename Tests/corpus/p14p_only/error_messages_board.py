# p14p-args: --no-error-messages
# SPDX-License-Identifier: LGPL-2.1-only
# A board built without `error_messages` (recipe [features] error_messages = false):
# the exceptions the VM raises keep their kind and carry no text, as PyMite's
# did; what a program raises itself keeps its arguments.
def attempts():
    yield lambda: [1, 2][5]
    yield lambda: {}["key"]
    yield lambda: int("x1")
    yield lambda: 1 + "a"
    yield lambda: len(3)
    yield lambda: undefined_name
    yield lambda: (1).no_such_attribute
    yield lambda: 1 // 0
    yield lambda: "abc".index("z")
    yield lambda: sorted([1, "a"])
for attempt in attempts():
    try:
        attempt()
    except Exception as e:
        print(type(e).__name__, repr(str(e)), e.args)
try:
    raise ValueError("mine", 2)
except ValueError as e:
    print("own:", e, e.args)
try:
    raise KeyError("k")
except LookupError as e:
    print("own:", repr(e))
print([1, 2, 3][1:], "done")
[][0]
