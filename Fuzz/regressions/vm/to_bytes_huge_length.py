# SPDX-License-Identifier: LGPL-2.1-only
# int.to_bytes with a length far past the heap: the bytes were built on the
# host one by one before the heap was asked (2 GB and an out-of-memory
# stop under the fuzzer). Found by fuzz-vm.
# Expected: MemoryError before any host allocation; OverflowError past ssize_t.
for n in [10**9, 2**40, 2**62, 2**63]:
    for v in [1, -1, 2**70]:
        try:
            v.to_bytes(n, 'big', signed=True)
        except (MemoryError, OverflowError) as e:
            print(type(e).__name__)
print((5).to_bytes(3, 'little'), (-2).to_bytes(2, 'big', signed=True))
print('survived')
