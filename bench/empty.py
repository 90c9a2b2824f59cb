# SPDX-License-Identifier: LGPL-2.1-only
# Benchmark: start-up. Nothing to run: what the interpreter costs before a program's first line.
