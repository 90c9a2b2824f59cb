# SPDX-License-Identifier: LGPL-2.1-only
# A view of a bytearray that then shrinks (CPython refuses the resize with
# BufferError while a view exists; p14p lets it happen): the bytes still
# there read as they are now, a byte no longer there is an IndexError, and
# nothing is read or written outside the bytearray.
data = bytearray(b"abcdef")
m = memoryview(data)
tail = m[3:]
del data[2:]
print(data, len(m), m[0], m[1])
for attempt in ["read", "write", "tobytes", "slice write", "iterate"]:
    try:
        if attempt == "read":
            print(m[4])
        elif attempt == "write":
            m[5] = 1
        elif attempt == "tobytes":
            print(tail.tobytes())
        elif attempt == "slice write":
            m[2:4] = b"zz"
        else:
            print(list(m))
    except IndexError as e:
        print(attempt, "IndexError:", e)
data.extend(b"XYZW")
print(data, m.tobytes(), tail.tobytes())
