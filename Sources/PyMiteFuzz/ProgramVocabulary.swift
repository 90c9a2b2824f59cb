// SPDX-License-Identifier: LGPL-2.1-only
//
// What generated programs are made of: a fixed prelude of classes whose
// special methods keep or break their contracts, and the names, literals
// and methods the generator picks from. Values of every kind the VM has
// appear here, so a builtin or method meets every kind of argument.

enum ProgramVocabulary {
    /// Module variables every statement may read and replace.
    static let variableCount = 6

    /// Defined before the generated statements. Kept short: it is compiled
    /// on every run.
    static let prelude = """
        import sys, machine, fz
        class E(Exception):
            pass
        class F(E):
            def __init__(self, *a):
                self.extra = a
        class C:
            k = 1
            def __init__(self, *a, **kw):
                self.a = a
                self.kw = kw
            def __repr__(self):
                return 'C' + repr(self.a)
            def __eq__(self, o):
                return isinstance(o, C) and self.a == o.a
            def __hash__(self):
                return len(self.a)
            def __len__(self):
                return len(self.a)
            def __iter__(self):
                return iter(self.a)
            def __getitem__(self, i):
                return self.a[i]
            def __setitem__(self, i, v):
                self.kw[i] = v
            def __add__(self, o):
                return C(self.a, o)
            def __radd__(self, o):
                return C(o, self.a)
            def __lt__(self, o):
                return len(self.a) < len(o)
            def __bool__(self):
                return bool(self.a)
            def __contains__(self, x):
                return x in self.a
            def __call__(self, *a, **kw):
                return C(*a, **kw)
            def __enter__(self):
                return self
            def __exit__(self, *exc):
                return len(self.a) > 1
            def __index__(self):
                return len(self.a)
            @property
            def p(self):
                return self.a
            @staticmethod
            def s(*a):
                return a
            @classmethod
            def m(cls, *a):
                return cls(*a)
        class Bad:
            def __repr__(self):
                return 42
            def __str__(self):
                raise E('str')
            def __len__(self):
                return -1
            def __hash__(self):
                return 'h'
            def __eq__(self, o):
                raise F('eq')
            def __iter__(self):
                return 5
            def __index__(self):
                return 'i'
            def __bool__(self):
                return 2
            def __lt__(self, o):
                return NotImplemented
            def __getattr__(self, n):
                return n
            def __format__(self, spec):
                return spec
            def __getitem__(self, i):
                raise IndexError(i)
        class Rec:
            def __repr__(self):
                return repr(self)
            def __eq__(self, o):
                return self == o
            def __hash__(self):
                return hash(self)
            def __len__(self):
                return len(self)
        class Forever:
            def __iter__(self):
                return self
            def __next__(self):
                return 1
        class K(C, E):
            pass
        class M(type):
            def __call__(cls, *a, **kw):
                return super().__call__(*a, **kw)
            def __iter__(cls):
                return iter(cls.__mro__)
        class L(list):
            def __missing__(self, k):
                return k
        class D(dict, metaclass=M):
            def __missing__(self, k):
                return len(self)
        class S(str):
            def __new__(cls, *a):
                return super().__new__(cls, *a)
        def gen(n):
            for i in range(n):
                x = yield i
                if x:
                    yield x
            return n
        def gen2():
            yield from gen(3)
            try:
                yield 1
            finally:
                yield 2
        def fn(a, b=1, *c, d=2, **e):
            return (a, b, c, d, e)
        def closure(n):
            def inner(*a):
                nonlocal n
                n = n + 1
                return n
            return inner
        v0 = 0
        v1 = 'ab'
        v2 = [1, 'x', None]
        v3 = {1: 2, 'k': [3]}
        v4 = C(1, 2)
        v5 = b'xy'

        """

    /// Built-in functions and types called with generated arguments.
    /// `range` is left out: a huge range fed to sum() never ends, in
    /// CPython too; ranges come only from `rangeLiterals`.
    static let callables = [
        "print", "len", "abs", "min", "max", "sum", "chr", "ord", "repr", "iter", "next", "any", "all",
        "hash", "id", "isinstance", "issubclass", "getattr", "setattr", "hasattr", "delattr", "dir",
        "divmod", "pow", "hex", "oct", "bin", "round", "sorted", "callable", "map", "filter", "zip",
        "enumerate", "reversed", "format", "ascii", "int", "float", "str", "bool", "list", "tuple",
        "dict", "set", "bytes", "bytearray", "slice", "type", "object", "property", "staticmethod",
        "classmethod", "Exception", "ValueError", "KeyError", "StopIteration", "E", "F", "C", "K", "Bad",
        "M", "L", "D", "S", "vars", "eval", "exec", "compile",
        "fn", "gen", "closure(1)", "sys.heap", "sys.gc", "globals", "locals",
        "machine.Pin", "machine.UART", "machine.ADC", "machine.unique_id", "fz.add", "fz.fail",
    ]

    /// Methods of the built-in types and a few special methods, called on any receiver.
    static let methods = [
        // str and bytes
        "find", "rfind", "index", "rindex", "count", "join", "split", "rsplit", "strip", "lstrip", "rstrip",
        "replace", "startswith", "endswith", "upper", "lower", "isdigit", "isalpha", "isspace", "isalnum",
        "isupper", "islower", "capitalize", "title", "swapcase", "center", "ljust", "rjust", "zfill",
        "partition", "rpartition", "splitlines", "encode", "format", "isnumeric", "isdecimal",
        "isidentifier", "casefold", "expandtabs", "istitle", "removeprefix", "removesuffix",
        "decode", "hex", "fromhex", "isascii", "isprintable",
        // bytearray, list, tuple
        "append", "extend", "insert", "pop", "remove", "clear", "reverse", "copy", "sort",
        // dict, set
        "keys", "values", "items", "get", "popitem", "update", "setdefault", "fromkeys",
        "add", "discard", "union", "intersection", "difference", "symmetric_difference",
        "issubset", "issuperset", "isdisjoint",
        // numbers, slices, generators, properties, exceptions
        "bit_length", "conjugate", "from_bytes", "to_bytes", "is_integer", "indices", "bit_count",
        "as_integer_ratio",
        "send", "close", "throw", "setter", "getter", "deleter", "with_traceback",
        // special methods called directly
        "__len__", "__repr__", "__str__", "__eq__", "__lt__", "__hash__", "__getitem__", "__setitem__",
        "__contains__", "__iter__", "__next__", "__init__", "__add__", "__bool__", "__call__",
        "__enter__", "__exit__", "__format__",
        // machine's classes
        "on", "off", "toggle", "read", "readline", "any", "write", "read_u16",
        // the prelude's own
        "p", "s", "m",
    ]

    /// Attributes read from any value.
    static let attributes = [
        "__class__", "__name__", "__dict__", "__mro__", "__bases__", "__doc__", "args", "a", "kw", "k",
        "p", "real", "imag", "start", "stop", "step", "value", "__traceback__", "__cause__", "__context__",
        "extra", "x", "__module__", "__qualname__", "__base__", "__closure__", "__defaults__",
        "__kwdefaults__", "cell_contents", "gi_running", "gi_code", "tb_lineno", "tb_next", "fget", "shape",
        "numerator", "denominator",
    ]

    static let keywords = [
        "key", "reverse", "sep", "end", "default", "start", "base", "maxsplit", "byteorder", "signed",
        "encoding", "errors", "d", "b", "x", "strict",
    ]

    static let binaryOperators = [
        "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "==", "!=", "<", "<=", ">", ">=",
        "in", "not in", "is", "is not", "and", "or",
    ]

    static let unaryOperators = ["-", "+", "~", "not "]

    static let augmentedOperators = ["+=", "-=", "*=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^=", "/="]

    /// Ints at the edges: small-int tag limits, 32 and 64 bits, long ints.
    static let intLiterals = [
        "0", "1", "-1", "2", "3", "7", "-5", "255", "256", "-129", "1000", "2**31", "2**31-1", "-2**31",
        "2**61", "2**62", "2**62-1", "-2**62", "2**63", "2**63-1", "-2**63", "2**64", "-2**64", "10**30",
        "-10**30", "2**200", "(1<<100)-1", "0x7fffffffffffffff", "-0o17", "0b1011", "10**18",
    ]

    static let floatLiterals = [
        "0.0", "-0.0", "1.5", "-2.5", "0.1", "1e308", "-1e308", "5e-324", "1e-320", "float('inf')",
        "float('-inf')", "float('nan')", "3.0", "2.0**62", "1e16", "123456789.125",
    ]

    static let strLiterals = [
        "''", "'a'", "'abc'", "'Hello World'", "'\\u00e9t\\u00e9'", "'\\u2603\\n'", "'\\x00'", "'{}'",
        "'{0}{1}'", "'{:>8}'", "'{!r}'", "'%s'", "'%d %s'", "'%5.2f'", "'%(a)s'", "' 12 '", "'0x1f'",
        "'1_000'", "'-5'", "'inf'", "'\\t a\\tb '", "'a,b,,c'", "'\\r\\n'", "'ß'", "'İ'", "'12.5e3'",
        "'\\u0663\\u0664'", "'\\u3000x\\xa0'", "'latin-1'", "'ascii'", "'replace'", "'\\ud7ff\\U0010ffff'",
    ]

    static let bytesLiterals = [
        "b''", "b'ab'", "b'\\x00\\xff'", "b'hello world'", "b'%s'", "bytes(3)", "bytearray(b'xyz')",
        "bytearray()", "b'\\xc3\\xa9'", "b'  a '",
    ]

    /// Ranges with few items only (see `callables`); two have long-int bounds.
    static let rangeLiterals = [
        "range(5)", "range(0)", "range(-3, 10, 2)", "range(10, 0, -3)", "range(2, 2)", "range(1, 100, 7)",
        "range(2**70, 2**70 + 5)", "range(2**64 + 3, 2**64 - 9, -4)",
    ]

    static let otherLiterals = [
        "None", "True", "False", "...", "[]", "()", "{}", "set()", "[1, 'a']", "(1,)", "(1, (2, 3))",
        "{'a': 1, 2: 'b'}", "{1, 2, 3}", "slice(1, None, -1)", "slice(None)", "C()", "C(1, 2, x=3)", "Bad()",
        "Rec()", "Forever()", "K(1)", "E('x')", "F(1, 2)", "KeyError(1)", "ValueError()", "StopIteration(3)",
        "machine.Pin(0, 1)", "machine.UART(0, 9600, timeout=5)", "machine.ADC(0)", "fz",
        "gen(3)", "gen2()", "iter([1, 2])", "iter('ab')", "reversed([1, 2])", "enumerate('ab')", "zip('ab', [1])",
        "map(abs, [-1])", "filter(None, [0, 1])", "{}.keys()", "{1: 2}.items()", "int", "str", "float", "bool",
        "list", "tuple", "dict", "set", "bytes", "bytearray", "type", "object", "Exception", "C", "Bad", "E",
        "len", "fn", "print", "lambda *a, **k: (a, k)", "lambda x: x", "closure(0)", "sys", "sys.argv",
        "[[1], [2, [3]]]", "{'a': {'b': []}}", "[C(), Bad()]", "NotImplemented",
    ]

    /// Format specs for f-strings and format(), valid and not.
    static let formatSpecs = [
        "", ">8", "<3", "^9", "08.3f", "+d", "x", "#o", "b", ",", "_", ".2e", "g", "%", "s", "r", "=10",
        "*^7", ".0", "10.4", "-", " ", "c", "n", "z", "1000", "0>5", ".100f", "<0",
    ]

    static let percentSpecs = ["%s", "%r", "%d", "%i", "%x", "%o", "%c", "%f", "%e", "%g", "%5s", "%-5d", "%.3s", "%%", "%a", "%*d"]
}
