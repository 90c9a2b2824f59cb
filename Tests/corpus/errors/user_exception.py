# SPDX-License-Identifier: LGPL-2.1-only
# Uncaught user-defined exception raised from a method.
class ValidationError(Exception):
    pass

class Form:
    def __init__(self, fields):
        self.fields = fields

    def validate(self):
        for name in self.fields:
            print("checking", name)
            if not self.fields[name]:
                raise ValidationError("field is empty: " + name)

Form({"user": "ann", "email": ""}).validate()
