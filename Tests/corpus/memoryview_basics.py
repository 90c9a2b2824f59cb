# SPDX-License-Identifier: LGPL-2.1-only
# memoryview over bytes and bytearray: len, item access, slices that share
# the memory (steps too), tobytes/tolist/hex, writes through a view of a
# bytearray, comparisons with bytes-like objects, release.
data = bytearray(b"hello world")
m = memoryview(data)
print(len(m), m[0], m[-1], m.readonly, m.nbytes, m.itemsize, m.format, m.obj is data)
part = m[6:]
print(part.tobytes(), bytes(part), len(part), part[0], part.tolist()[:3])
part[0] = ord("W")
print(data, m[6:11].tobytes(), part == b"World", part != b"world")
m[0:5] = b"HELLO"
print(data, m.hex(), m[::2].tobytes(), m[::-1].tobytes(), m[1:8:3].tolist())
print(list(m[:3]), [x for x in m[-3:]], b"O" in bytes(m), bytearray(m[:5]))
ro = memoryview(b"abcdef")
print(ro.readonly, ro[1:4].tobytes(), ro[1:4] == b"bcd", ro == memoryview(b"abcdef"), ro[::-2].tobytes())
print(hash(ro[1:3]) == hash(b"bc"), memoryview(ro)[2], memoryview(ro[2:])[0])
for attempt in ["write ro", "bad value", "bad index", "size change", "released", "hash rw", "type"]:
    try:
        if attempt == "write ro":
            ro[0] = 1
        elif attempt == "bad value":
            m[0] = 300
        elif attempt == "bad index":
            m[100]
        elif attempt == "size change":
            m[0:2] = b"xyz"
        elif attempt == "released":
            v = memoryview(b"xy")
            v.release()
            v[0]
        elif attempt == "hash rw":
            hash(m)
        else:
            memoryview("text")
    except (TypeError, ValueError, IndexError) as e:
        print(attempt, type(e).__name__, e)
with memoryview(b"ctx") as v:
    print(v.tobytes(), type(v).__name__)
r = memoryview(b"r")
print(repr(r).startswith("<memory at 0x"), isinstance(r, memoryview), r in [r])
r.release()
print(repr(r).startswith("<released memory at 0x"))
