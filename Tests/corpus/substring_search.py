# SPDX-License-Identifier: LGPL-2.1-only
# Substring search: random haystacks and needles over small alphabets
# (where periodic needles and near-misses are common), against CPython.
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
def word(alphabet, n):
    return ''.join(alphabet[rnd(len(alphabet))] for _ in range(n))
for trial in range(600):
    alphabet = ['ab', 'abc', 'aab', 'a\u00e9b', 'ab\u4e2d'][trial % 5]
    hay = word(alphabet, rnd(60))
    if trial % 3 == 0 and hay:
        start = rnd(len(hay))
        needle = hay[start:start + 1 + rnd(20)]
    else:
        needle = word(alphabet, rnd(20))
    a, b = rnd(70) - 10, rnd(70) - 10
    results = (hay.find(needle), hay.rfind(needle), hay.count(needle), needle in hay,
               hay.find(needle, a), hay.rfind(needle, a, b), hay.count(needle, a, b),
               hay.replace(needle, '<>') if needle else '', hay.split(needle) if needle else [],
               hay.partition(needle) if needle else (), hay.rpartition(needle) if needle else ())
    bh, bn = hay.encode(), needle.encode()
    bresults = (bh.find(bn), bh.rfind(bn), bh.count(bn), bn in bh)
    print(trial, results, bresults)
# The worst case of a naive search: linear now.
hay = 'a' * 300000
needle = 'a' * 150000 + 'b'
print(hay.find(needle), hay.rfind(needle), hay.count(needle), needle in hay, len(hay.replace(needle, 'x')))
needle2 = 'b' + 'a' * 150000
print(hay.find(needle2), hay.rfind(needle2), (hay + 'b').rfind(needle2), ('b' + hay).find(needle2))
print(('ab' * 100000).find('ab' * 50000 + 'b'), ('ab' * 100000).count('abab'))
