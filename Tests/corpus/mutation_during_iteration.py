# SPDX-License-Identifier: LGPL-2.1-only
# Changing a dict or set while looping over it.
def attempt(name, f):
    try:
        print(name, f())
    except RuntimeError as e:
        print(name, "RuntimeError", e)

def grow_dict():
    d = {1: 1}
    for k in d:
        d[k + 1] = 1
    return len(d)
def shrink_dict():
    d = {1: 1, 2: 2, 3: 3}
    for k in d:
        del d[k]
    return d
def grow_set():
    s = {1}
    for x in s:
        s.add(x + 1)
    return len(s)
def shrink_set():
    s = {1, 2, 3}
    for x in s:
        s.discard(x)
    return s
def values_view():
    d = {1: 1}
    for v in d.values():
        d[v + 10] = 0
def items_view():
    d = {1: 1}
    for k, v in d.items():
        d.pop(k)
def replace_value():
    d = {1: 1, 2: 2}
    for k in d:
        d[k] = k * 10
    return d
def same_size():
    d = {1: 1}
    for k in list(d):
        del d[k]
        d[k + 1] = 0
    return d
def comprehension():
    d = {1: 1}
    return [d.setdefault(k + 1, 0) for k in d]
def next_after_error():
    d = {1: 1, 2: 2}
    it = iter(d)
    next(it)
    d[3] = 3
    try:
        next(it)
    except RuntimeError as e:
        print("first", e)
    return list(it)
for name, f in [("grow_dict", grow_dict), ("shrink_dict", shrink_dict), ("grow_set", grow_set),
                ("shrink_set", shrink_set), ("values_view", values_view), ("items_view", items_view),
                ("replace_value", replace_value), ("same_size", same_size), ("comprehension", comprehension),
                ("next_after_error", next_after_error)]:
    attempt(name, f)
