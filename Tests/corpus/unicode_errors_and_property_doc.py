# SPDX-License-Identifier: LGPL-2.1-only
# UnicodeDecodeError and UnicodeEncodeError as CPython makes them (five
# arguments, the attributes, str() from them), raised by codecs or made by
# hand; property(fget, fset, fdel, doc); dir() of numbers and classes;
# exec() and eval() of a non-string.
for data in [b"\xff\xfe", b"ab\xc3", b"\xe2\x82", b"ok\x80x"]:
    try:
        data.decode()
    except UnicodeDecodeError as e:
        print(e.args, e.encoding, e.object, e.start, e.end, e.reason, str(e), repr(e))
for text, enc in [("héllo", "ascii"), ("ab€", "latin-1"), ("é", "ascii")]:
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        print(e.args, e.start, e.end, e.reason, str(e))
u = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 1, "invalid start byte")
print(u.encoding, u.object, u.start, u.end, u.reason, str(u))
u = UnicodeDecodeError("utf-8", b"\xff\xfe\xfd", 0, 2, "bad")
print(str(u))
u = UnicodeEncodeError("ascii", "héllo", 1, 2, "ordinal not in range(128)")
print(str(u), u.object)
u = UnicodeEncodeError("ascii", "h\u20ac\u20acx", 1, 3, "nope")
print(str(u))
print(isinstance(u, ValueError), UnicodeError("x").args)


class Account:
    def __init__(self):
        self._b = 0

    def _get(self):
        return self._b

    def _set(self, v):
        self._b = v

    def _del(self):
        print("deleting")
        self._b = None

    balance = property(_get, _set, _del, "The balance.")
    plain = property(_get)


a = Account()
a.balance = 5
print(a.balance, Account.balance.__doc__, Account.plain.__doc__, Account.balance.fdel is Account._del)
del a.balance
print(a.balance)
p = property(lambda s: 5, doc="five")
print(p.__doc__, p.fget(None), p.fset, p.fdel)
print([n for n in dir(5) if not n.startswith("_")][-6:], "real" in dir(2.5), "numerator" in dir(2.5))
print("__dict__" in dir(Account), "__dict__" in dir(int))
for f in [lambda: eval(5), lambda: exec([]), lambda: compile(5, "x", "exec")]:
    try:
        f()
    except TypeError as e:
        print("TypeError", e)
