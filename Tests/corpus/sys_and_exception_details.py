# SPDX-License-Identifier: LGPL-2.1-only
# sys as a program reads it (version, version_info, implementation.version,
# getrecursionlimit, intern, exc_info, maxunicode, hexversion); the name,
# obj, path and msg of ImportError, NameError and AttributeError, from
# keywords and from the VM's own raises; keywords other exceptions refuse.

import sys
print(type(sys.version).__name__, sys.version.startswith("3."), sys.version_info[0], sys.version_info.major, sys.version_info >= (3, 8))
print(sys.version_info[:2] >= (3, 0), len(sys.version_info), type(sys.version_info).__name__)
print(sys.implementation.name in ("cpython", "p14p", "micropython") or sys.implementation.name, hasattr(sys.implementation, "version"))
print(sys.byteorder in ("little", "big"), sys.byteorder)
print(isinstance(sys.platform, str), isinstance(sys.maxsize, int), sys.maxsize > 2**30)
print("sys" in sys.modules, sys.modules["sys"] is sys, "__main__" in sys.modules, type(sys.modules).__name__)
n = sys.stdout.write("written\n")
print(n)
sys.stderr.write("to stderr\n")
print(isinstance(sys.argv, list), type(sys.path).__name__, sys.getrecursionlimit() > 100)
major, minor, *rest = sys.version_info
print(major, type(minor).__name__)
print(sys.version_info.releaselevel in ("final", "alpha", "beta", "candidate"), sys.version_info.micro >= 0)
print(sys.implementation.version[0] >= 0, sys.intern("abc"), sys.exc_info())
try:
    raise ValueError("in flight")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
sys.stdout.flush()

e = ImportError("no module", name="xyz")
print(e.name, e.msg, e.args, e.path)
e = ModuleNotFoundError("No module named 'q'", name="q")
print(e.name, str(e), e.msg)
try:
    import nosuchmod
except ImportError as e:
    print(type(e).__name__, e.name, e.msg, e.path)
try:
    undefined_name
except NameError as e:
    print(e.name, e)
class K: pass
k = K()
try:
    k.missing
except AttributeError as e:
    print(e.name, e.obj is k, e)
for f in [lambda: ValueError("a", x=1), lambda: ImportError("a", foo=1), lambda: NameError("n", obj=1), lambda: AttributeError("a", name="n", obj=5).obj]:
    try: print(f())
    except TypeError as e: print("TypeError", e)
e = NameError("n")
print(e.args, str(e), e.name, AttributeError().name, AttributeError().obj)
class MyErr(Exception):
    def __init__(self, msg, code=0):
        super().__init__(msg)
        self.code = code
print(MyErr("x", code=5).code)

print(sys.maxunicode, sys.hexversion >= 0x030B0000, sys.hexversion >> 24)
limit = sys.getrecursionlimit()
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
sys.setrecursionlimit(limit)
for bad in [0, -5, "x"]:
    try:
        sys.setrecursionlimit(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sys.intern("a" + "b") is sys.intern("ab"))
