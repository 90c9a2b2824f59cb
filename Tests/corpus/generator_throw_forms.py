# SPDX-License-Identifier: LGPL-2.1-only
# generator.throw(type, value) in CPython's readings (a value of the type, a
# tuple of arguments, one argument), into a finished generator, refused
# forms; raise ... from a non-exception; e.__cause__ set by hand suppresses
# the context; the built-in exception hierarchy including the classes made by
# name.

def g():
    while True:
        try:
            x = yield
            print("got", x)
        except ValueError as e:
            print("caught ValueError", e.args)
        except KeyError:
            print("caught KeyError, exiting")
            return "ret"
gen = g()
next(gen)
gen.send(1)
gen.throw(ValueError)
gen.throw(ValueError, "a")
gen.throw(ValueError("b"))
gen.throw(ValueError, ValueError("c"))
gen.throw(ValueError, ("d", "e"))
try:
    gen.throw(KeyError)
except StopIteration as e:
    print("StopIteration", e.value)
try:
    gen.throw(TypeError, "after finish")
except TypeError as e:
    print("TypeError", e)
def h():
    yield 1
h2 = h()
try:
    h2.throw(IndexError("fresh"))
except IndexError as e:
    print("IndexError", e)
print(list(h2))
try:
    h().throw(5)
except TypeError as e:
    print("TypeError", e)
try:
    h().throw(ValueError("x"), "y")
except TypeError as e:
    print("TypeError", e)

def f():
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("converted") from e
try:
    f()
except ValueError as e:
    print(type(e.__cause__).__name__, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during handling")
except TypeError as e:
    print(type(e.__context__).__name__, e.__cause__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("quiet") from None
except TypeError as e:
    print(type(e.__context__).__name__, e.__cause__, e.__suppress_context__)
try:
    raise ValueError from KeyError
except ValueError as e:
    print(repr(e.__cause__), e.args)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError", e)
e = RuntimeError("r")
e.__cause__ = KeyError("c")
print(e.__suppress_context__, repr(e.__cause__))
def reraise():
    try:
        raise KeyError("orig")
    except KeyError:
        raise
try:
    reraise()
except KeyError as e:
    print("reraised", e, e.__context__)
try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)

names = ["SyntaxError", "IndentationError", "TabError", "OSError", "FileNotFoundError", "PermissionError", "TimeoutError",
         "LookupError", "KeyError", "IndexError", "UnicodeError", "UnicodeDecodeError", "UnicodeEncodeError",
         "NotImplementedError", "RecursionError", "ArithmeticError", "ZeroDivisionError", "OverflowError",
         "FloatingPointError", "Warning", "UserWarning", "DeprecationWarning", "RuntimeWarning", "SyntaxWarning",
         "FutureWarning", "ImportWarning", "UnicodeWarning", "BytesWarning", "ResourceWarning", "PendingDeprecationWarning",
         "EnvironmentError", "IOError", "ConnectionError", "BrokenPipeError", "ConnectionResetError", "FileExistsError",
         "IsADirectoryError", "NotADirectoryError", "InterruptedError", "ChildProcessError", "ProcessLookupError",
         "BlockingIOError", "ModuleNotFoundError", "ImportError", "UnboundLocalError", "NameError", "ReferenceError",
         "BufferError", "EOFError", "MemoryError", "SystemError", "StopAsyncIteration", "GeneratorExit", "KeyboardInterrupt",
         "SystemExit", "AssertionError", "AttributeError", "UnicodeTranslateError", "EncodingWarning"]
for n in names:
    try:
        cls = eval(n)
    except NameError:
        print(n, "MISSING")
        continue
    print(n, [c.__name__ for c in cls.__mro__])
print(OSError is EnvironmentError, IOError is OSError)
