# SPDX-License-Identifier: LGPL-2.1-only
# p14p-also: --no-float --no-long-ints --no-bytearray
# Exceptions: try/except/else/finally combinations, except E as e, tuples of
# classes, nested try, raise in except/finally, bare raise, user exception
# classes, the built-in hierarchy, VM-raised errors, finally with
# return/break/continue.

def attempt(label, fn):
    try:
        fn()
    except Exception as e:
        print(label, "->", type(e).__name__, "|", str(e), "|", e.args)
    else:
        print(label, "-> no exception")

print("-- errors raised by the VM --")
attempt("1/0", lambda: 1 / 0)
attempt("1//0", lambda: 1 // 0)
attempt("5%0", lambda: 5 % 0)
attempt("[][1]", lambda: [][1])
attempt("(1,)[5]", lambda: (1,)[5])
attempt("'ab'[9]", lambda: "ab"[9])
attempt("{}['x']", lambda: {}["x"])
attempt("int('x')", lambda: int("x"))
attempt("None.foo", lambda: None.foo)
attempt("undefined", lambda: undefined_name)
attempt("'a'+1", lambda: "a" + 1)
attempt("1+'a'", lambda: 1 + "a")
print("-- try / except / else / finally combinations --")
def combo(fail):
    log = []
    try:
        log.append("try")
        if fail:
            raise ValueError("bad")
        log.append("try end")
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(combo(False), combo(True))
def only_finally():
    try:
        return "from try"
    finally:
        print("  finally runs before return")
print(only_finally())
try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer caught", repr(e))
print("-- tuples of classes and ordering of handlers --")
for exc in (ValueError("v"), TypeError("t"), IndexError("i"), KeyError("k")):
    try:
        raise exc
    except (ValueError, TypeError) as e:
        print("tuple handler", type(e).__name__)
    except LookupError as e:
        print("LookupError handler", type(e).__name__, e)
print("-- built-in hierarchy --")
def classify(fn):
    try:
        fn()
    except ArithmeticError as e:
        return "ArithmeticError/" + type(e).__name__
    except LookupError as e:
        return "LookupError/" + type(e).__name__
    except NameError as e:
        return "NameError/" + type(e).__name__
    except Exception as e:
        return "Exception/" + type(e).__name__
def unbound():
    x = x + 1
print(classify(lambda: 1 % 0), classify(lambda: [0][3]), classify(lambda: {}[0]))
print(classify(unbound), classify(lambda: nope), classify(lambda: int("z")), classify(lambda: None + 1))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError), issubclass(IndexError, LookupError))
print(issubclass(UnboundLocalError, NameError), issubclass(ValueError, Exception), issubclass(Exception, BaseException))
print("-- user exception classes --")
class AppError(Exception):
    pass
class ConfigError(AppError):
    def __init__(self, key, reason):
        AppError.__init__(self, key, reason)
        self.key = key
class RangeError(ValueError):
    pass
for exc in (AppError("plain"), ConfigError("port", "missing"), RangeError("too big", 42)):
    try:
        raise exc
    except AppError as e:
        print("AppError branch", type(e).__name__, e.args, getattr(e, "key", None))
    except ValueError as e:
        print("ValueError branch", type(e).__name__, e.args, str(e))
print("-- raise in except and finally, bare raise --")
def reraise():
    try:
        {}["missing"]
    except KeyError:
        print("  handling, then re-raising")
        raise
try:
    reraise()
except KeyError as e:
    print("re-raised", repr(e))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("converted")
except ValueError as e:
    print("from except:", e)
try:
    try:
        raise TypeError("original")
    finally:
        raise RuntimeError("from finally")
except Exception as e:
    print("finally wins:", type(e).__name__, e)
print("-- finally with return / break / continue --")
def finally_return():
    try:
        raise ValueError("swallowed")
    finally:
        return "finally returned"
print(finally_return())
out = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        out.append(i)
    finally:
        out.append("f" + str(i))
print(out)
def nested_depth():
    try:
        try:
            [][0]
        except KeyError:
            return "wrong handler"
    except IndexError:
        return "outer handler"
print(nested_depth())
