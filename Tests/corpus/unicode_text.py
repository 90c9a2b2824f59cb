# SPDX-License-Identifier: LGPL-2.1-only
# Text past ASCII: isdigit/isdecimal/isnumeric/isspace/isalpha/isupper/islower on other
# scripts, int() and float() of their digits, split() and strip() on Unicode spaces,
# strip() by whole characters, repr escaping what is not printable, isascii, isprintable.
# --- t16
tests = ["à", "ÀB", "Àb", "é1", "élan", "١", "٣٤", "²", "½", "\u3000", "\xa0", " \u2028", "１２", "abc", "ABC", "Ω", "ω", "ß", "x²", "①", "", "日本", "日本1", "_é", "é_1"]
for t in tests:
    print(ascii(t), t.isupper(), t.islower(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isspace(), t.isalpha(), t.isalnum(), t.isidentifier())
print(int("٣"), int("１２"), float("１.５"), int(" \u3000 42\xa0"), int("١٢٣", 8))
# --- t17
print("a\u3000b\xa0c  d".split(), " \u2028x\u2029 ".strip(), "\x1ca\x1f".strip(), "a\x1cb".split(), b"a\x1cb".split())
print(ascii("é".strip("è")), ascii("èéè".strip("è")), ascii("xéx".strip("x")), "ééaéé".lstrip("é"), "ééaéé".rstrip("é"), "abcba".strip("ab"))
print("\u3000 hi \u3000".lstrip(), "|" + " hi\u3000".rstrip() + "|", "a b".split(None, 1), "x\u3000y\u3000z".rsplit(maxsplit=1))
print(b"  ab ".strip(), b"xaby".strip(b"xy"), "日本語 テキスト".split())
print(repr("\xa0\u200b\u3000\xad\u2028x\ufeff\x85é"), ascii("\u3000"), repr(["\u3000", "ok"]))
print("abc".isascii(), "é".isascii(), b"a\xff".isascii(), "".isprintable(), "a b".isprintable(), "a\n".isprintable(), "é\xa0".isprintable(), "日本".isprintable())
