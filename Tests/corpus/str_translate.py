# SPDX-License-Identifier: LGPL-2.1-only
# str.maketrans (one dict, two strs, three) and str.translate with dicts and any mapping.
t = str.maketrans("abc", "xyz", "d")
print(sorted(t.items()), "aabbccdd!".translate(t))
print("hello".translate({ord("l"): "L", ord("o"): None, 104: 72}), "héllo".translate({233: "e"}))
print("x".maketrans({"a": "1", 98: None}) == {97: "1", 98: None}, "abc".translate(str.maketrans({"a": "AA"})))
class Upper:
    def __getitem__(self, k):
        if k == ord("z"): raise LookupError
        return k - 32
print("abz".translate(Upper()))
for bad in [lambda: str.maketrans("ab", "c"), lambda: str.maketrans({"ab": 1}), lambda: str.maketrans(5), lambda: "a".translate({97: 2.5}), lambda: "a".translate({97: -1})]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
