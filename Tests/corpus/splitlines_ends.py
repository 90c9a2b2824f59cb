# SPDX-License-Identifier: LGPL-2.1-only
# splitlines(): a str's line ends (\v, \f, \x1c-\x1e, \x85, \u2028, \u2029 too), a bytes'
# only \n, \r and \r\n; keepends.
print("a\x85b\u2028c\u2029d\x1ce\x1df\x1eg\x0bh\x0ci\r\nj\rk\n".splitlines(), b"a\x85b\x0bc\x1cd\r\ne".splitlines(), "x\u2028y".splitlines(True), b"p\x0bq\nr".splitlines(keepends=True))
