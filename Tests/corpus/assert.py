# SPDX-License-Identifier: LGPL-2.1-only
# assert with and without a message, caught; the message expression is only
# evaluated when the assertion fails.

print("-- passing asserts --")
assert True
assert 1 == 1, "never shown"
assert [1], "non-empty list is true"
assert "x" in "xyz"
print("all passed")
print("-- failing without message --")
try:
    assert 1 == 2
except AssertionError as e:
    print("caught", type(e).__name__, repr(str(e)), e.args)
print("-- failing with messages --")
for msg in ("plain text", 42, None, ("tuple", 1), ["list"]):
    try:
        assert False, msg
    except AssertionError as e:
        print("caught", repr(str(e)), e.args)
print("-- message expression evaluated lazily --")
evaluated = []
def message(text):
    evaluated.append(text)
    return text
for value in (0, 1, 2, 3, 4):
    try:
        assert value % 2 == 0, message("odd value " + str(value))
        print(value, "ok")
    except AssertionError as e:
        print(value, "failed:", e)
print("messages built:", evaluated)
print("-- assert in functions and loops --")
def checked_sqrt(n):
    assert n >= 0, "negative input: " + str(n)
    r = 0
    while (r + 1) * (r + 1) <= n:
        r += 1
    assert r * r <= n < (r + 1) * (r + 1)
    return r
for n in (0, 1, 15, 16, 99, -4):
    try:
        print(n, checked_sqrt(n))
    except AssertionError as e:
        print(n, "AssertionError:", e)
print("-- AssertionError is an Exception --")
try:
    assert [] , "empty list is false"
except Exception as e:
    print(type(e).__name__, isinstance(e, AssertionError), issubclass(AssertionError, Exception), e)
def nested():
    try:
        assert 0, "inner"
    finally:
        print("finally after failed assert")
try:
    nested()
except AssertionError as e:
    print("propagated:", e)
try:
    raise AssertionError("raised explicitly")
except AssertionError as e:
    print(e)
