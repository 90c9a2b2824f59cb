# SPDX-License-Identifier: LGPL-2.1-only
# Sizes, counts and indexes past 63 bits or past the heap: the exceptions
# CPython raises, never a wrapped number, a crash or a huge host buffer.
def show(name, f):
    try:
        r = f()
        print(name, "->", repr(r)[:40])
    except Exception as e:
        print(name, "->", type(e).__name__, e)
show("f'{1:>1000000000000000000000}'", lambda: f'{1:>1000000000000000000000}')
show("format(1.5, '.2147483648f')", lambda: format(1.5, '.2147483648f'))
show("format(1.5, '.10000000000000000000f')", lambda: format(1.5, '.10000000000000000000f'))
show("'%.1000000000000000000000f' % 1.0", lambda: '%.1000000000000000000000f' % 1.0)
show("'%1000000000000000000000d' % 1", lambda: '%1000000000000000000000d' % 1)
show("'%*d' % (2**63, 1)", lambda: '%*d' % (2**63, 1))
show("'{:99999999999999999999}'.format(1)", lambda: '{:99999999999999999999}'.format(1))
show("'a'.center(2**63)", lambda: 'a'.center(2**63))
show("'a'.center(-5)", lambda: 'a'.center(-5))
show("'a'.ljust(2**62)", lambda: 'a'.ljust(2**62))
show("'a\\tb'.expandtabs(2**62)", lambda: 'a\tb'.expandtabs(2**62))
show("'a\\tb'.expandtabs(2**63)", lambda: 'a\tb'.expandtabs(2**63))
show('[1][-2**63]', lambda: [1][-2**63])
show('[1][2**63]', lambda: [1][2**63])
show('[0]*(2**62)', lambda: [0]*(2**62))
show('[0]*(2**63)', lambda: [0]*(2**63))
show("'ab'*(2**62)", lambda: 'ab'*(2**62))
show('len(range(10**20))', lambda: len(range(10**20)))
show("'a'.zfill(2**63)", lambda: 'a'.zfill(2**63))
show('(1,)*(2**63)', lambda: (1,)*(2**63))
show("b'a'*(2**63)", lambda: b'a'*(2**63))
show('bytes(2**63)', lambda: bytes(2**63))
show('bytearray(2**63)', lambda: bytearray(2**63))
show("'abc'[2**63:]", lambda: 'abc'[2**63:])
show("'abc'[-2**63:]", lambda: 'abc'[-2**63:])
show('[1,2][:2**100]', lambda: [1,2][:2**100])
show('chr(2**63)', lambda: chr(2**63))
show("'x'.rjust(10, 'ab')", lambda: 'x'.rjust(10, 'ab'))
show("'%.*f' % (2**31, 1.0)", lambda: '%.*f' % (2**31, 1.0))
# format's 'c' takes a code point (found by fuzz-vm: any int went to the UTF-8 encoder).
for v in [0x110000, -1, 2**70, 65, 0x263A, True]:
    show("format(%r, 'c')" % v, lambda: format(v, 'c') + format(v, '>3c'))
# An empty sequence repeated a huge number of times is empty at once (found
# by fuzz-vm: the VM copied nothing 10**18 times).
for n in [10**18, 2**62, 2**63 - 1]:
    show("'' * %d" % n, lambda: ('' * n, b'' * n, [] * n, () * n))
    def inplace():
        x, y = [], ''
        x *= n
        y *= n
        return x, y
    show("x *= %d" % n, inplace)
show("'{99999999999999999999}'.format(1)", lambda: '{99999999999999999999}'.format(1))
