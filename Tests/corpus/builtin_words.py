# SPDX-License-Identifier: LGPL-2.1-only
# __file__; CPython's words for unpacking a non-iterable, str indices, divmod()
# and a method given the wrong receiver; divmod() through __divmod__/
# __rdivmod__; a built-in's bound method is builtin_function_or_method.
print(__file__.endswith("builtin_words.py"), "__file__" in globals())
for src in ["x, y = 5", "a, *b = 5", "i = 1.0; 'abc'[i]", "divmod('a', 1)", "str.upper(5)", "i = 1.0; [1][i]", "k = 'a'; (1,)[k]"]:
    try:
        exec(src, {})
    except TypeError as e:
        print(src, "|", e)


class D:
    def __divmod__(s, o): return ("dm", o)
    def __rdivmod__(s, o): return ("rdm", o)


print(divmod(D(), 3), divmod(3, D()))


class K:
    def m(self): pass


print(type("a".split).__name__, type([].append).__name__, type(K().m).__name__, type(len).__name__, repr([].append)[:31])
print(isinstance("a".split, type(len)), callable("a".split))
