# SPDX-License-Identifier: LGPL-2.1-only
# An uncaught user exception with several args and an attribute set in its
# __init__: the last line shows the class and str() of the args tuple.
class ParseError(ValueError):
    def __init__(self, message, text):
        super().__init__(message, text)
        self.text = text

def parse(text):
    if not text.isdigit():
        raise ParseError("bad number", text)
    return int(text)

try:
    parse("x")
except ParseError as e:
    print("caught", e.args, e.text)
print(parse("12"))
print(parse("1x"))
