# SPDX-License-Identifier: LGPL-2.1-only
# args: alpha 42 "two words" --flag
# sys.argv, sys.maxsize and the exit status from sys.exit(3).
import sys

print("-- argv --")
print(len(sys.argv))
print(sys.argv[1:])
for i, arg in enumerate(sys.argv[1:]):
    print(i, repr(arg), len(arg))
print(sys.argv[0].endswith("sys_module.py"))
print(type(sys.argv).__name__, [type(a).__name__ for a in sys.argv[1:]])
print(int(sys.argv[2]) * 2, "--flag" in sys.argv, "missing" in sys.argv)
print("-- a tiny option parser over argv --")
def parse(argv):
    flags = []
    positional = []
    numbers = []
    for arg in argv:
        if arg.startswith("--"):
            flags.append(arg[2:])
        elif arg.startswith("-") and len(arg) > 1 and not ("0" <= arg[1] <= "9"):
            flags.append(arg[1:])
        else:
            positional.append(arg)
            try:
                numbers.append(int(arg))
            except ValueError:
                pass
    return flags, positional, numbers
flags, positional, numbers = parse(sys.argv[1:])
print("flags", flags)
print("positional", positional)
print("numbers", numbers)
print(parse(["-v", "--out", "x", "-3", "7"]))
print("-- argv is an ordinary list --")
args = sys.argv[1:]
args.reverse()
print(args, len(sys.argv))
words = " ".join(sys.argv[1:]).split()
print(words, len(words))
print("-- maxsize --")
print(sys.maxsize >= 2147483647, sys.maxsize > 0, type(sys.maxsize).__name__)  # 2 ** 31 would not fit a 32-bit board
print("-- exit --")
def cleanup():
    try:
        sys.exit(3)
    finally:
        print("finally runs during sys.exit")
for code in (5, 0, None, "message"):
    try:
        if code is None:
            sys.exit()
        sys.exit(code)
    except SystemExit as e:
        print("caught SystemExit", repr(e.code), isinstance(e, Exception), isinstance(e, BaseException))
print("about to exit with 3")
cleanup()
print("not reached")
