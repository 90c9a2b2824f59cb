# SPDX-License-Identifier: LGPL-2.1-only
# Slices are unhashable (3.11), e.with_traceback, a generator's gi_frame (f_lineno,
# f_code; None once it ends), float.fromhex.
try:
    hash(slice(1, 2))
except TypeError as e:
    print("TypeError", e)
try:
    {slice(1, 2): 1}
except TypeError as e:
    print("TypeError", e)
e = ValueError("x")
print(e.with_traceback(None) is e)
try:
    raise ValueError("y")
except ValueError as err:
    print(err.__traceback__ is not None, err.with_traceback(None).__traceback__)
def g():
    yield 1
    yield 2
gen = g()
print(gen.gi_frame is not None)
next(gen)
print(gen.gi_frame.f_lineno, gen.gi_frame.f_code.co_name)
list(gen)
print(gen.gi_frame)
for s in ["0x1.999999999999ap-4", "0x1p0", "-0x1.8p1", "1.8p1", "  0X.8  ", "inf", "-Infinity", "0x1p-1074", "0x1.fffffffffffffp1023", "0x10.0", "0x1.00000000000008p0", "0x1.00000000000018p0"]:
    print(s.strip(), float.fromhex(s), float.fromhex(s) == float.fromhex(s))
for bad in ["", "0x", "1pz", "0x1q", "p1"]:
    try:
        float.fromhex(bad)
    except ValueError as e:
        print("ValueError", repr(bad), e)
print((0.1).hex() == float.fromhex((0.1).hex()).hex(), float.fromhex("nan") != float.fromhex("nan"))

# Traceback and frame objects are each of one class, as in CPython.
def fail():
    raise ValueError("x")
tbs = []
for i in range(3):
    try:
        fail()
    except ValueError as e:
        tbs.append(e.__traceback__)
print(type(tbs[0]).__name__, type(tbs[0]) is type(tbs[2]), tbs[0].tb_next.tb_lineno)
def two():
    yield 1
    yield 2
ga, gb = two(), two()
next(ga); next(gb)
print(type(ga.gi_frame).__name__, type(ga.gi_frame) is type(gb.gi_frame), ga.gi_frame.f_lineno)
