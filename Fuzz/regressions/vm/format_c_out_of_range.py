# SPDX-License-Identifier: LGPL-2.1-only
# format() with the 'c' type and an int that is no code point: the int
# went straight to the UTF-8 encoder, which trapped on it. Found by fuzz-vm.
# Expected: OverflowError: %c arg not in range(0x110000)
for v in [0x110000, -1, 2**70]:
    try:
        format(v, 'c')
    except OverflowError as e:
        print(e)
print('survived')
