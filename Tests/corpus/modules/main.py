# SPDX-License-Identifier: LGPL-2.1-only
# Modules: import forms, single execution of a module body, __name__,
# module attributes, star imports skipping _private names.
print("main: start, __name__ =", __name__)

print("-- import helper --")
import helper
print(helper.a, helper.b, helper.__name__, helper.bump(), helper.counter)
print("-- import helper as h (no second execution) --")
import helper as h
print(h is helper, h.a, h.bump(), helper.counter, h.describe())
print("-- from helper import a, b as c --")
from helper import a, b as c
print(a, c, c is helper.b)
print("-- from helper import * --")
from helper import *
print(describe(), Greeter("star").greet(), counter)
star_names = sorted(n for n in ("a", "b", "bump", "describe", "Greeter", "_private", "_internal", "counter") if n in globals())
print(star_names)
print("_private" in globals(), "_internal" in globals())
print(helper._private, helper._internal())
print("-- other imports helper again --")
import other
print(other.value, other.use_helper(), other.name_of_helper(), other.helper is helper)
import other
import helper
print("-- module attributes --")
helper.new_attr = "added from main"
print(h.new_attr, getattr(helper, "new_attr"), hasattr(helper, "nothing"), type(helper).__name__)
helper.counter = 100
print(h.counter, counter, helper.bump(), helper.counter)
b.append(4)
print(helper.b, c)
g = helper.Greeter("attr")
print(g.greet(), isinstance(g, h.Greeter), isinstance(g, Greeter))
print("-- missing module --")
try:
    import does_not_exist_anywhere
except ImportError as e:
    print("ImportError", isinstance(e, ImportError))
try:
    from helper import no_such_name
except ImportError:
    print("ImportError for missing name")
print("main: end")
