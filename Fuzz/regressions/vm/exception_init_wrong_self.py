# SPDX-License-Identifier: LGPL-2.1-only
# BaseException.__init__ called through the class with a self that is not
# an exception instance: setExceptionArgs (Objects/Classes.swift, from the
# exceptionInit native in Methods.swift) treats the str as an instance
# dict: misaligned load trap, SEGV under ASan. Found by fuzz-vm.
# Expected: TypeError: descriptor '__init__' requires a 'BaseException' object but received a 'str'
Exception.__init__('x')
print('survived')
