# SPDX-License-Identifier: LGPL-2.1-only
# BaseException.add_note (3.11): __notes__, type checks.
try:
    e = ValueError("bad value")
    e.add_note("while reading row 3")
    e.add_note("file data.csv")
    raise e
except ValueError as err:
    print(err.__notes__, str(err))
try:
    ValueError().add_note(5)
except TypeError as t:
    print("TypeError", t)
e2 = KeyError("k")
e2.add_note("only note")
print(e2.__notes__)
print(hasattr(ValueError(), "__notes__"))
