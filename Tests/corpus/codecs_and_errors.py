# SPDX-License-Identifier: LGPL-2.1-only
# Codecs (utf-8, ascii, latin-1 with strict, ignore and replace; unknown ones refused),
# UnicodeError attributes, IndentationError and TabError from compile(), and
# assigning an instance's __class__.
# --- t13
tests = [
    lambda: "é".encode("latin-1"), lambda: "é".encode("Latin_1"), lambda: "ü".encode("ascii"),
    lambda: "ü".encode("ascii", "replace"), lambda: "aüb".encode("ascii", "ignore"), lambda: "€".encode("latin-1"),
    lambda: "x".encode("bogus"), lambda: "x".encode("ascii", "bogus"), lambda: "ü".encode("ascii", "bogus"),
    lambda: "é€".encode(), lambda: "é".encode(encoding="utf-8"), lambda: "a".encode("UTF8"),
    lambda: b"\xff".decode(), lambda: b"\xff".decode("utf-8", "replace"), lambda: b"\xff".decode("latin-1"),
    lambda: b"a\xe9b".decode("latin-1"), lambda: b"\xe9".decode("ascii"), lambda: b"a\xe9b".decode("ascii", "ignore"),
    lambda: b"\xe2\x82".decode(), lambda: b"\xe2\x82x".decode(), lambda: b"\xe2\x82x".decode("utf-8", "replace"),
    lambda: b"\xed\xa0\x80".decode("utf-8", "replace"), lambda: b"\xc0\xaf".decode("utf-8", "replace"),
    lambda: b"\xf0\x9f\x98".decode("utf-8", "replace"), lambda: b"ok\xc3\xa9".decode(), lambda: bytearray(b"\xe9").decode("latin-1"),
    lambda: str(b"\xe9t\xe9", "latin-1"), lambda: str(b"abc", "ascii", "strict"), lambda: "ç".encode("iso-8859-1"),
    lambda: b"\x80abc".decode("utf-8", "ignore"),
]
for t in tests:
    try:
        print(repr(t()))
    except (UnicodeError, LookupError) as e:
        print(type(e).__name__, e)
try:
    b"ab\xffcd".decode()
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)
try:
    "ab€".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)
# --- t12
for src in ["  x = 1", "if x:\npass", "if 1:\n        a = 1\n    b = 2", "if 1:\n\ta = 1\n        b = 2", "x = ("]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, isinstance(e, SyntaxError), e.args[0])
try:
    exec("def g():\nreturn 1")
except IndentationError as e:
    print("IndentationError caught", e.lineno)
# --- t14
class X:
    def who(self): return "X"
class Y:
    def who(self): return "Y"
o = X()
o.v = 5
o.__class__ = Y
print(type(o).__name__, o.who(), o.v, isinstance(o, Y), isinstance(o, X))
for bad in (5, int):
    try:
        o.__class__ = bad
    except TypeError as e:
        print("TypeError", e)
class L(list): pass
class L2(list): pass
l = L([1])
l.__class__ = L2
print(type(l).__name__, l)
try:
    l.__class__ = X
except TypeError as e:
    print("TypeError", e)

# str() decoding: the bytes by keyword too; only bytes-like objects are decoded.
print(str(object=b'ab', encoding='ascii'), str(object=b'x', errors='strict'), repr(str(encoding='ascii')))
for args in [(5, 'ascii'), ([1], 'ascii'), ('s', 'ascii')]:
    try:
        str(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    str(object=5, encoding='ascii')
except TypeError as e:
    print('TypeError', e)
class BytesKind(bytes):
    pass
print(str(bytearray(b'hi'), 'ascii'), str(memoryview(b'mv'), 'ascii'), str(BytesKind(b'sub'), 'ascii'))
print(str(object=b'\xff', encoding='ascii', errors='replace'))
