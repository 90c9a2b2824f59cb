# SPDX-License-Identifier: LGPL-2.1-only
# bytes % args and bytearray % args (PEP 461): %s and %b take bytes-like
# objects, %r and %a give ascii(), %c one byte, keys of a mapping are bytes.
print(b"%d-%s" % (5, b"x"), b"%5d|%-4s|%x" % (42, b"ab", 255), b"%b %c %c" % (b"yz", 65, b"q"))
print(b"%r %a" % ("é", b"\x01"), b"%(k)s=%(v)d" % {b"k": b"key", b"v": 3})
print(bytearray(b"n=%d") % 7, b"100%%" % ())
print(b"%.2s|%5.1s|" % (b"abcdef", b"xyz"), b"%03d" % 7, b"\xff%s" % b"\xfe")
for bad in [("%s", "text"), ("%c", 300), ("%d", b"x")]:
    try:
        bad[0].encode() % bad[1]
    except TypeError as e:
        print("TypeError", e)
    except OverflowError as e:
        print("OverflowError", e)
try:
    b"%d" % (1, 2)
except TypeError as e:
    print(e)
