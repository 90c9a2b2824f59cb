# SPDX-License-Identifier: LGPL-2.1-only
# Wrong argument counts to built-in functions and methods, in CPython's words
# (a method does not count self; one that takes exactly one names its type).
for e in ["[].append()", "[].append(1, 2)", "''.join()", "isinstance(1)", "len()", "len(1, 2)", "{}.get()", "[].insert(1)", "[].index()", "divmod(1)", "{}.setdefault()", "set().add()", "'x'.center()", "[].extend()", "[].remove()", "{}.pop()", "ValueError().with_traceback()", "iter()", "hash()"]:
    try:
        eval(e)
    except TypeError as x:
        print(e, "->", x)

# Special methods as attributes (CPython's slot wrappers) count without self.
for e in ["(1).__add__()", "(1).__add__(1, 2)", "'a'.__len__(1)", "(1).__lt__()", "'a'.__contains__()", "(1).__neg__(2)"]:
    try:
        eval(e)
    except TypeError as x:
        print(e, "->", x)
