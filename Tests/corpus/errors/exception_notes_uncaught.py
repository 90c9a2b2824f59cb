# SPDX-License-Identifier: LGPL-2.1-only
# An uncaught exception with notes: the traceback prints each after the message.
e = RuntimeError("boom")
e.add_note("a note")
e.add_note("second")
raise e
