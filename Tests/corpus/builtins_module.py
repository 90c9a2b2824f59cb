# SPDX-License-Identifier: LGPL-2.1-only
# import builtins: the builtins namespace as a module (built-ins not looked up yet found
# too, a name set on it is a global everywhere), and sys.modules holds it.
import builtins
print(builtins.len([1, 2]), builtins.__name__, builtins.print is print, hasattr(builtins, "zip"), hasattr(builtins, "nope"))
builtins.answer = 42
print(answer)
import sys
print("builtins" in sys.modules, sys.modules["builtins"] is builtins)
def f():
    return answer + 1
print(f(), __name__)
from builtins import max as mx
print(mx(3, 9))
