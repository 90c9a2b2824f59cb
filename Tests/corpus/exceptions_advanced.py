# SPDX-License-Identifier: LGPL-2.1-only
# Exceptions: user hierarchies, raising classes and instances, handler
# order, except (A, B) as e, bare raise, raise X from Y, e.args, str(e),
# attributes set in __init__, exceptions in handlers and finally, finally
# with return/break/continue, exceptions crossing generator and function
# frames, and the except-as name being cleared.

class AppError(Exception):
    pass

class ConfigError(AppError):
    def __init__(self, key, reason="invalid"):
        super().__init__(key, reason)
        self.key = key
        self.reason = reason

class NetworkError(AppError):
    pass

class TimeoutError2(NetworkError):
    def __str__(self):
        return "timed out after " + str(self.args[0]) + "s"

def classify(exc):
    try:
        raise exc
    except ConfigError as e:
        return "config " + e.key + "/" + e.reason + " args=" + repr(e.args)
    except TimeoutError2 as e:
        return "timeout " + str(e)
    except (NetworkError, KeyError) as e:
        return "network-or-key " + type(e).__name__ + " " + repr(e.args)
    except AppError:
        return "app"
    except Exception as e:
        return "other " + type(e).__name__

print("-- handlers tried in order --")
print(classify(ConfigError("port")))
print(classify(ConfigError("host", reason="missing")))
print(classify(TimeoutError2(30)))
print(classify(NetworkError("down", 2)))
print(classify(KeyError("k")))
print(classify(AppError))
print(classify(ValueError))

print("-- args and str --")
for e in [AppError(), AppError("one"), AppError("one", 2), ConfigError("k")]:
    print(type(e).__name__, e.args, "str=" + str(e), "repr=" + repr(e))

print("-- bare raise and re-raise --")
def reraise():
    try:
        raise NetworkError("first")
    except NetworkError:
        print("  handling, re-raising")
        raise
try:
    reraise()
except AppError as e:
    print("outer got", repr(e))

print("-- raise from --")
def convert(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(text) from e
try:
    convert("abc")
except ConfigError as e:
    print("cause", type(e.__cause__).__name__, "suppress", e.__suppress_context__)
try:
    raise AppError("no cause") from None
except AppError as e:
    print("from None", e.__cause__, e.__suppress_context__)

print("-- exceptions in handlers and finally --")
try:
    try:
        raise KeyError("a")
    except KeyError:
        raise ValueError("from handler")
except ValueError as e:
    print("handler raised", e, "context", repr(e.__context__))
try:
    try:
        print("  body")
    finally:
        raise RuntimeError("from finally")
except RuntimeError as e:
    print("finally raised", e)

print("-- finally with return/break/continue --")
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(swallow())
def loop():
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
    return out
print(loop())

print("-- crossing frames --")
def deep(n):
    if n == 0:
        raise NetworkError("bottom")
    return deep(n - 1)
def gen():
    yield 1
    deep(2)
    yield 2
got = []
try:
    for v in gen():
        got.append(v)
except NetworkError as e:
    print("from generator", got, e)

print("-- name cleared after handler --")
def cleared():
    e = "before"
    try:
        raise KeyError("x")
    except KeyError as e:
        pass
    try:
        return e
    except UnboundLocalError:
        return "unbound"
print(cleared())
def cleared_on_raise():
    try:
        try:
            raise KeyError("x")
        except KeyError as err:
            raise ValueError("y")
    except ValueError:
        pass
    try:
        return err
    except UnboundLocalError:
        return "unbound after raise"
print(cleared_on_raise())
