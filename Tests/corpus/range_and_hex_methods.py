# SPDX-License-Identifier: LGPL-2.1-only
# range.index and range.count (by arithmetic for ints and floats, by __eq__
# for instances), and bytes.hex with a separator every n bytes.
r = range(3, 30, 4)
print(r.index(7), r.count(7), r.count(8), r.index(True + 2), r.count(11.0), r.count(11.5))
print(range(10, 0, -3).index(4), range(10, 0, -3).count(1), range(0).count(0))
for x in [8, 'a', None, 2.5, -1, 31, [7]]:
    try:
        print(r.index(x))
    except ValueError as e:
        print('ValueError', e)

class Seven:
    def __eq__(self, other):
        return other == 7
    __hash__ = None
print(r.index(Seven()), r.count(Seven()))
try:
    r.index()
except TypeError as e:
    print('TypeError')

data = bytes(range(250, 256)) + b'\x00\x01'
print(data.hex(), data.hex(':'), data.hex('-', 2), data.hex(b' ', -3), data.hex(sep='_', bytes_per_sep=4))
print(bytearray(b'\x01\x02\x03').hex('.'), b''.hex(':'))
for bad in [(':;',), (1,), ('\xe9',)]:
    try:
        print(data.hex(*bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
