# SPDX-License-Identifier: LGPL-2.1-only
# The built-in exception classes with CPython's hierarchy, OSError's errno,
# strerror and filename (and the subclass its errno picks), the Warning
# family, and IOError and EnvironmentError as OSError's other names.
classes = [
    BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError, FloatingPointError,
    LookupError, IndexError, KeyError, ValueError, UnicodeError, UnicodeDecodeError, UnicodeEncodeError,
    TypeError, NameError, UnboundLocalError, AttributeError, RuntimeError, NotImplementedError, RecursionError,
    OSError, FileNotFoundError, FileExistsError, PermissionError, TimeoutError, InterruptedError,
    IsADirectoryError, NotADirectoryError, BlockingIOError, ConnectionError, BrokenPipeError,
    ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError,
    ImportError, ModuleNotFoundError, SyntaxError, IndentationError, TabError,
    StopIteration, StopAsyncIteration, GeneratorExit, KeyboardInterrupt, SystemExit, MemoryError,
    AssertionError, EOFError, BufferError, ReferenceError, SystemError,
    Warning, UserWarning, DeprecationWarning, PendingDeprecationWarning, RuntimeWarning, SyntaxWarning,
    FutureWarning, ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning,
]
for c in classes:
    print(c.__name__, [b.__name__ for b in c.__mro__[1:]])
for args in [(), ("msg",), (2, "No such file"), (2, "No such file", "f.txt"), (13, "denied"), (999, "odd"), (1, 2, 3, 4, 5, 6)]:
    e = OSError(*args)
    print(type(e).__name__, e.errno, e.strerror, e.filename, e.args, str(e), repr(e))
try:
    raise FileNotFoundError(2, "gone", "x.py")
except OSError as e:
    print("caught", type(e).__name__, e.errno, e)
class MyErr(OSError):
    pass
m = MyErr(2, "mine")
print(type(m).__name__, m.errno, m)
print(IOError is OSError, EnvironmentError is OSError)
print(issubclass(BrokenPipeError, ConnectionError), issubclass(ConnectionError, OSError))
try:
    raise UserWarning("careful")
except Warning as w:
    print("warning:", w, type(w).__mro__[1].__name__)
print(issubclass(TabError, SyntaxError), FloatingPointError.__mro__[1].__name__)
