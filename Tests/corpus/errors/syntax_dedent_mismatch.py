# SPDX-License-Identifier: LGPL-2.1-only
# Syntax error: dedent to a level that matches no outer block.
if True:
        x = 1
    y = 2
print(x)
