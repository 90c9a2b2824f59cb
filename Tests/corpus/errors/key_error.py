# SPDX-License-Identifier: LGPL-2.1-only
# Uncaught KeyError from a dict lookup inside a function.
prices = {"apple": 3, "pear": 5}

def price_of(name):
    return prices[name]

for item in ("apple", "pear", "plum"):
    print(item, price_of(item))
