# SPDX-License-Identifier: LGPL-2.1-only
# __init__ filling fresh instance dicts, as the VM's store cache does it: a site
# remembers the entry it appended at, and a later instance's dict may already
# hold the name when it reaches that entry (no class here defines attribute
# hooks, which would turn the cache off).

class Q:
    def __init__(self, mode):
        if mode == 1:
            self.b = 0
        if mode != 1:
            self.a = 1
        self.b = 2

qs = [Q(i % 2) for i in range(4)]
print([(sorted(vars(q).items()), len(vars(q))) for q in qs])


class R:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "x%d" % i, i)
        self.x0 = -1
        self.last = n

rs = [R(n) for n in (0, 3, 12, 3, 0)]
print([sorted(vars(r).items()) for r in rs])
