# SPDX-License-Identifier: LGPL-2.1-only
# compile(), exec() and eval() (the host carries the compiler): globals and
# locals dicts, names defined by exec, eval mode, code objects and f.__code__,
# SyntaxError with lineno and text, the errors for bad arguments.
x = 10
print(eval("x * 2 + 1"))
exec("y = x + 5")
print(y)
g = {"a": 3}
exec("b = a * 2\ndef f(n):\n    return n + a\nc = f(b)", g)
print(sorted(k for k in g if k != "__builtins__"), g["b"], g["c"], list(g)[0])
l = {}
exec("z = 1\nw = z + 1", g, l)
print(l, "z" in g)
print(eval("a + 1", g), eval("q", {"q": 7}), eval("z + w", g, l))
code = compile("1 + 2", "<calc>", "eval")
print(type(code).__name__, code.co_name, code.co_filename, eval(code))
code2 = compile("for i in range(3):\n    total = total + i\n", "<loop>", "exec")
ns = {"total": 0}
exec(code2, ns); exec(code2, ns)
print(ns["total"])
def fn(a, b=2, *args, c, **kw):
    local = 1
print(fn.__code__.co_name, fn.__code__.co_argcount, fn.__code__.co_kwonlyargcount, fn.__code__.co_varnames[:3])
def inner():
    v = 5
    return eval("v + 1"), eval("[v * i for i in range(3)]", {"v": v})
print(inner())
for src in ["x = = 1", "1 +", "def f(:\n    pass", "if True:\nprint(1)"]:
    try:
        compile(src, "<bad>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.lineno, e.filename, type(e.msg).__name__, e.text is None or e.text.endswith("\n"))
try:
    eval("x = 1")
except SyntaxError as e:
    print("eval statement:", type(e).__name__, e.lineno)
try:
    compile("1", "f", "bogus")
except ValueError as e:
    print(e)
try:
    exec("1", [])
except TypeError as e:
    print(e)
try:
    exec(123)
except TypeError as e:
    print(type(e).__name__)
print(eval("  1 + 1"), eval(b"3 * 3"), exec("pass"))
results = [eval("n * n", {"n": n}) for n in range(5)]
print(results)
try:
    exec("raise KeyError('k')")
except KeyError as e:
    print("raised", e)
exec("import sys\nprint('inside', sys.version_info[0])")
exec("class K:\n    v = 3\nprint(K.v)")
print(eval("(lambda q: q + x)(1)"))
def run(n):
    return eval("run(n - 1) + 1 if n else 0", globals(), {"n": n})
print(run(30))
src = "def gen(k):\n    for i in range(k):\n        yield i * i\nresult = list(gen(4))"
ns = {}
exec(src, ns)
print(ns["result"], ns["gen"].__name__, ns["gen"].__code__.co_filename)
for i in range(200):
    v = eval(str(i) + " + 1")
print(v)
try:
    exec("def broken():\n    return undefined_thing\nbroken()")
except NameError as e:
    print("NameError", e)
total = 0
for i in range(1000):
    total += eval("i * 2")
print(total)
print(eval("__name__"), eval("len")([1]))
g = {}
exec("import sys as s2", g)
print("s2" in g)
print(repr(compile("x", "f", "eval"))[:18])
for bad in ({"globals": []}, {"locals": {}}):
    try:
        exec("1", **bad)
    except TypeError as e:
        print(type(e).__name__, e)
for args in (([],), ({}, 5)):
    try:
        exec("1", *args)
    except TypeError as e:
        print(type(e).__name__, e)
