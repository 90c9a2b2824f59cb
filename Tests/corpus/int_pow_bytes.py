# SPDX-License-Identifier: LGPL-2.1-only
# p14p-also: --no-long-ints
# p14p-word: 64
# Three-argument pow (negative exponents take the modular inverse),
# int.to_bytes and int.from_bytes, with values inside 63 bits: a board
# without long ints runs them in Int64 (no BigInt) and must print the same.
cases = [
    lambda: pow(3, 200, 1000003), lambda: pow(-7, 13, 97), lambda: pow(7, 13, -97), lambda: pow(5, 0, 1),
    lambda: pow(2**40 + 3, 2**40 + 7, 2**61 - 1), lambda: pow(-2, 3, -5), lambda: pow(2, -1, 5),
    lambda: pow(38, -1, 97), lambda: pow(-3, -2, 11), lambda: pow(3, -1, 1), lambda: pow(2, -1, 4),
    lambda: pow(0, -1, 5), lambda: pow(2, 3, 0), lambda: pow(2, 3.0, 5),
    lambda: (255).to_bytes(2, "big"), lambda: (-1).to_bytes(3, "little", signed=True),
    lambda: (-129).to_bytes(1, "big", signed=True), lambda: (256).to_bytes(1, "big"),
    lambda: (-1).to_bytes(2, "big"), lambda: (2**61).to_bytes(8, "big"), lambda: (127).to_bytes(1, "big", signed=True),
    lambda: (128).to_bytes(1, "big", signed=True), lambda: (5).to_bytes(12, "little", signed=True),
    lambda: (-5).to_bytes(12, "little", signed=True), lambda: (0).to_bytes(0, "big"), lambda: True.to_bytes(1, "big"),
    lambda: int.from_bytes(b"\x01\x00", "big"), lambda: int.from_bytes(b"\xff\xff", "big", signed=True),
    lambda: int.from_bytes(b"\x00" * 10 + b"\x05", "big"), lambda: int.from_bytes(b"\xff" * 12, "little", signed=True),
    lambda: int.from_bytes(b"", "big"), lambda: int.from_bytes(b"\x1f" + b"\xff" * 7, "big"),
    lambda: int.from_bytes(b"\xc0" + b"\x00" * 7, "big", signed=True), lambda: int.from_bytes([1, 2], "little"),
    lambda: int.from_bytes(range(3), "big"), lambda: int.from_bytes([256], "big"), lambda: int.from_bytes("ab", "big"),
    lambda: -(2**61), lambda: -(-(2**61)), lambda: -True,
]
for i, f in enumerate(cases):
    try:
        print(i, f())
    except (ValueError, TypeError, OverflowError) as e:
        print(i, type(e).__name__, e)
