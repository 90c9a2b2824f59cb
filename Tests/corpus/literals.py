# SPDX-License-Identifier: LGPL-2.1-only
# Literals: every numeric literal form, string escapes, implicit
# concatenation, triple-quoted strings.

print("-- integers --")
print(0, 7, 42, 1000000)
print(1_000_000, 0x_ff, 0b_1010)
print(0x1F, 0XfF, 0x7eadBEEF)
print(0o17, 0O777, 0o0)
print(0b1011, 0B1111_0000, 0b0)
print(-1, -0x10, -0o10, -0b10)
print(2147483647, -2147483648)
print(00, 000)
print("-- floats --")
print(1.5, 0.25, 10.0, 3.)
print(.5, -.125, 1e3, 1E3)
print(2.5e-3, 1.0e+2, 6e0)
print(1_000.5, 1e1_0)
print(0.1 + 0.2 == 0.3, 1.5 + 1.5)
print(float(7), 7.0 == 7)
print("-- booleans and None --")
print(True, False, None)
print(True + True, False * 3)
print("-- string quotes --")
print('single', "double")
print('it\'s', "say \"hi\"", "it's", 'say "hi"')
print("-- escapes --")
print("tab[\t]")
print("newline[\n]")
print("backslash[\\]")
print("cr is", len("\r"), ord("\r"))
print("hex escape", "\x41\x62\x7a", ord("\x00"), ord("\x7f"))
print("octal escape", "\101\102", ord("\0"), ord("\177"))
print("unicode", "\u00e9", ord("\u00e9"), ord("\u2713"))
print("bell/backspace/formfeed/vtab", ord("\a"), ord("\b"), ord("\f"), ord("\v"))
print("line\
continued")
print(len("a\tb\nc"), len("\\n"))
print("-- raw strings --")
print(r"raw\n\t", len(r"\n"))
print(R"C:\path\to", r'\x41')
print("-- implicit concatenation --")
print("abc" "def" 'ghi')
s = ("first part, "
     "second part, "
     'third part')
print(s)
print(len("x" "y" "z"))
print("-- triple quotes --")
t = """line one
line two
  indented line three"""
print(t)
print(len(t), t.count("\n"))
u = '''single 'quotes' and "double" inside'''
print(u)
v = """\
no leading newline
"""
print(repr(v))
print(repr("""a\tb"""))
print("-- repr of literals --")
print(repr('abc'), repr("it's"), repr('say "x"'))
print(repr("both ' and \""))
print(repr("\n\t\\"), repr("\x01"), repr("é"))
print(repr(1.0), repr(0.5), repr(100.0), repr(1e16), repr(1e-5))
print(repr(-0.0), repr(123456789.0))
print("-- containers --")
print([1, 2, 3], (1, 2), (1,), ())
print([], [[]], [1, [2, [3]]])
print({1: 'a'}, {})
print(type(()).__name__, type([]).__name__, type({}).__name__)
print(type(1).__name__, type(1.0).__name__, type('').__name__, type(None).__name__)
print(type(True).__name__)
