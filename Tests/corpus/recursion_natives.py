# p14p-args: --recursion-limit 1000000 --c-stack 1M
# SPDX-License-Identifier: LGPL-2.1-only
# Recursion through special methods, natives calling Python and generators
# ends in RecursionError, never a crash, however high the recursion limit
# is set: p14p runs this with a limit of a million and a 1 MiB C stack.
def attempt(label, f):
    try:
        r = f()
        print(label, "->", r)
    except RecursionError:
        print(label, "-> RecursionError")

class Repr:
    def __repr__(self): return repr(self)
class Str:
    def __str__(self): return str(self)
class Eq:
    def __eq__(self, other): return self == other
class Hash:
    def __hash__(self): return hash(self)
class Iter:
    def __iter__(self): return iter(self)
class Len:
    def __len__(self): return len(self)
class Bool:
    def __bool__(self): return bool(self)
class Lt:
    def __lt__(self, other): return self < other
class Call:
    def __call__(self): return self()
class GetItem:
    def __getitem__(self, i): return self[i]

attempt("repr", lambda: repr(Repr()))
attempt("str", lambda: str(Str()))
attempt("eq", lambda: Eq() == Eq())
attempt("hash", lambda: hash(Hash()))
attempt("iter", lambda: iter(Iter()))
attempt("len", lambda: len(Len()))
attempt("bool", lambda: bool(Bool()))
attempt("lt", lambda: Lt() < Lt())
attempt("call", lambda: Call()())
attempt("getitem", lambda: GetItem()[0])
attempt("sorted key", lambda: sorted([1, 2], key=lambda x: sorted([x], key=None)))

def gen(n):
    yield from gen(n + 1)
attempt("yield from", lambda: next(gen(0)))
def nested_map(n):
    return list(map(nested_map, [n + 1]))
attempt("map", lambda: nested_map(0))

