# SPDX-License-Identifier: LGPL-2.1-only
# sys.stdout and sys.stderr as streams (write, flush, fileno, name), print with
# file= a stream, None or any object with a write method (given each piece), and
# sys.version and sys.version_info.
import sys
n = sys.stdout.write("hello ")
sys.stdout.write("world\n")
print(n, sys.stdout.fileno(), sys.stderr.fileno(), sys.stdout.name, sys.stderr.name, sys.stdout.encoding)
sys.stderr.write("to stderr\n")
print("also stderr", file=sys.stderr)
print("to stdout", file=sys.stdout, flush=True)
print("default", file=None)
sys.stdout.flush()
class Collect:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
c = Collect()
print("a", 1, [2], sep="-", end="!\n", file=c)
print(c.parts)
print(sys.version_info[0], sys.version_info >= (3, 8), sys.version_info[:2] >= (3, 0), isinstance(sys.version, str))
print(sys.version.split()[0].count("."))
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError", e)
try:
    print("x", file=3)
except AttributeError as e:
    print("AttributeError", e)
