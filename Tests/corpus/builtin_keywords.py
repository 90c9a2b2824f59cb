# SPDX-License-Identifier: LGPL-2.1-only
# Keyword arguments of the built-in functions and constructors as CPython takes
# or refuses them: len() takes none, int() only base, str() object/encoding/
# errors, round() and pow() their parameters by name.
for f in ['str(b"hi", encoding="ascii")', 'str(object=5)', 'str(b"h\\xffi", "ascii", errors="replace")', 'str(foo=1)',
          'int(x="5")', 'int("ff", base=16)', 'float(x="1.5")', 'list(iterable=[1])', 'bool(x=1)', 'tuple(iterable=[1])', 'set(iterable=[1])',
          'format(5, format_spec="03d")', 'len([], x=1)', 'sorted([3, 1], key=None, reverse=True)', 'min([1, -2], key=abs)', 'sum([1], start=2)',
          'enumerate([5], start=1).__next__()', 'hex(x=1)', 'getattr(1, "real", default=2)', 'str()', 'int()']:
    try: print(f, repr(eval(f)))
    except TypeError as e: print(f, "TE", e)

for f in ["round(number=2.5)", "round(2.567, ndigits=2)", "round(number=2.567, ndigits=1)", "pow(base=2, exp=5)", "pow(2, exp=5, mod=3)", "round(2.5, number=3)", "round(ndigits=2)", "pow(2, base=3)", "round(x=1)"]:
    try: print(f, eval(f))
    except TypeError as e: print(f, "TE", e)
