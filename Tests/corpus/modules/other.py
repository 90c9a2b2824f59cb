# SPDX-License-Identifier: LGPL-2.1-only
# Imported by main.py; itself imports helper (already loaded by then).
import helper

print("other: executing module body, __name__ =", __name__)

value = 99

def use_helper():
    return "other sees " + helper.describe()

def name_of_helper():
    return helper.__name__
