# SPDX-License-Identifier: LGPL-2.1-only
# Syntax error: unexpected indentation.
def f():
    return 1
print(f())
    print("indented for no reason")
