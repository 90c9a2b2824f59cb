# SPDX-License-Identifier: LGPL-2.1-only
# Sorting stays stable whatever the keys: all small ints, all strs (compared
# by code point), mixed ints and floats, tuples; reverse=True keeps equal keys
# in their original order, as CPython's does; a key raising leaves the list
# as it was.
words = ["pear", "Apple", "fig", "apple", "Fig", "ñandú", "zebra", "éclair", "", "a"]
print(sorted(words), sorted(words, reverse=True))
print(sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: w.lower()), sorted(words, key=lambda w: w[:1], reverse=True))
nums = [5, -3, 12, 0, -3, 7, 5, 100000000, -2 ** 40, 3]
print(sorted(nums), sorted(nums, reverse=True))
pairs = [(n % 3, i) for i, n in enumerate(nums)]
print(sorted(range(len(nums)), key=lambda i: nums[i] % 3), sorted(range(len(nums)), key=lambda i: nums[i] % 3, reverse=True))
print(sorted(pairs), sorted(pairs, key=lambda p: p[0], reverse=True))
mixed = [3, 1.5, -2, True, 0.0, 2 ** 70, False]
print(sorted(mixed), sorted(mixed, reverse=True))
tagged = [("b", 1), ("a", 2), ("b", 0), ("a", 1)]
tagged.sort(key=lambda t: t[0])
print(tagged)
tagged.sort(key=lambda t: t[0], reverse=True)
print(tagged)
data = [3, 1, 2]
try:
    data.sort(key=lambda v: 1 // (v - 2))
except ZeroDivisionError:
    print("key failed, list kept:", data)
try:
    sorted(["a", 1])
except TypeError as e:
    print("TypeError:", e)
