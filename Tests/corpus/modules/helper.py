# SPDX-License-Identifier: LGPL-2.1-only
# Imported by main.py; the body must run exactly once.
print("helper: executing module body, __name__ =", __name__)

a = "helper.a"
b = [1, 2, 3]
counter = 0
_private = "hidden from star import"
__dunder_private = "also hidden"

def bump():
    global counter
    counter += 1
    return counter

def describe():
    return "helper module, counter=" + str(counter)

class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self):
        return "hello " + self.name + " from helper"

def _internal():
    return "internal"
