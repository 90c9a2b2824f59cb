# SPDX-License-Identifier: LGPL-2.1-only
# Uncaught ValueError from int('abc').
def parse_all(items):
    out = []
    for s in items:
        out.append(int(s))
    return out

print(parse_all(["1", "22", "-3"]))
print(parse_all(["4", "abc"]))
