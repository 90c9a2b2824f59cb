# SPDX-License-Identifier: LGPL-2.1-only
# Introspection: traceback objects (e.__traceback__, tb_lineno, tb_next, and the tb
# given to __exit__), f.__closure__ and cell_contents, gi_running, gi_suspended,
# gi_code, float.as_integer_ratio and hex, int.as_integer_ratio, memoryview.shape.
# --- t18
def inner():
    raise ValueError("x")
def outer():
    inner()
try:
    outer()
except ValueError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines, type(e.__traceback__).__name__)
print(ValueError().__traceback__)
class R:
    def __enter__(self): return self
    def __exit__(self, t, v, tb):
        print(t.__name__ if t else None, tb is not None, tb.tb_lineno if tb else None)
        return True
with R():
    raise KeyError("k")
with R():
    pass
# --- t19
def make():
    x = 1
    y = "two"
    def f(): return x, y
    return f
f = make()
print(f.__closure__ is not None, len(f.__closure__), [c.cell_contents for c in f.__closure__], make.__closure__)
def g():
    yield 1
    yield 2
gen = g()
print(gen.gi_running, gen.gi_suspended, gen.gi_code.co_name, gen.__qualname__)
next(gen)
print(gen.gi_running, gen.gi_suspended)
list(gen)
print(gen.gi_running, gen.gi_suspended)
def selfcheck():
    yield gs.gi_running
gs = selfcheck()
print(next(gs))
# --- t20
for d in [0.1, 0.5, -2.5, 1e300, 5e-324, 3.0, 0.0, -0.0, 1.0, 2.0**60, 123.456]:
    print(d.as_integer_ratio(), d.hex())
for bad in [float("nan"), float("inf")]:
    try:
        bad.as_integer_ratio()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e, bad.hex())
print((7).as_integer_ratio(), (2**70).as_integer_ratio(), True.as_integer_ratio(), float("-inf").hex())
m = memoryview(b"abc")
print(m.shape, m.strides, m[1:].shape)
