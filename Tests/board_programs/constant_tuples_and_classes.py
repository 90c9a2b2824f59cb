# SPDX-License-Identifier: LGPL-2.1-only
# The program that ran the 16 KiB boards out of RAM while it loaded although
# the size check had let it on (docs/firmware.md, "Where the flash goes",
# session 22): Tests/corpus's builtin_keywords_and_words.py at 83edcad, whose
# tuple constants of 21, 7 and 9 strings the loader once copied into Swift
# arrays. RAMCheckTests runs it on the micro:bit. A board has no compiler, so
# eval() and exec() raise NotImplementedError, which it catches as well.
# Keyword arguments of the built-in functions and constructors as CPython takes
# or refuses them; __file__; CPython's words for unpacking a non-iterable, str
# indices, divmod() and a method given the wrong receiver; divmod() through
# __divmod__/__rdivmod__; a built-in's bound method is builtin_function_or_method.
for f in ['str(b"hi", encoding="ascii")', 'str(object=5)', 'str(b"h\\xffi", "ascii", errors="replace")', 'str(foo=1)',
          'int(x="5")', 'int("ff", base=16)', 'float(x="1.5")', 'list(iterable=[1])', 'bool(x=1)', 'tuple(iterable=[1])', 'set(iterable=[1])',
          'format(5, format_spec="03d")', 'len([], x=1)', 'sorted([3, 1], key=None, reverse=True)', 'min([1, -2], key=abs)', 'sum([1], start=2)',
          'enumerate([5], start=1).__next__()', 'hex(x=1)', 'getattr(1, "real", default=2)', 'str()', 'int()']:
    try: print(f, repr(eval(f)))
    except (TypeError, NotImplementedError) as e: print(f, type(e).__name__, e)

print(__file__.endswith("constant_tuples_and_classes.py"), "__file__" in globals())
for src in ["x, y = 5", "a, *b = 5", "i = 1.0; 'abc'[i]", "divmod('a', 1)", "str.upper(5)", "i = 1.0; [1][i]", "k = 'a'; (1,)[k]"]:
    try:
        exec(src, {})
    except (TypeError, NotImplementedError) as e:
        print(src, "|", type(e).__name__, e)


class D:
    def __divmod__(s, o): return ("dm", o)
    def __rdivmod__(s, o): return ("rdm", o)


print(divmod(D(), 3), divmod(3, D()))


class K:
    def m(self): pass


print(type("a".split).__name__, type([].append).__name__, type(K().m).__name__, type(len).__name__, repr([].append)[:31])
print(isinstance("a".split, type(len)), callable("a".split))

for f in ["round(number=2.5)", "round(2.567, ndigits=2)", "round(number=2.567, ndigits=1)", "pow(base=2, exp=5)", "pow(2, exp=5, mod=3)", "round(2.5, number=3)", "round(ndigits=2)", "pow(2, base=3)", "round(x=1)"]:
    try: print(f, eval(f))
    except (TypeError, NotImplementedError) as e: print(f, type(e).__name__, e)
