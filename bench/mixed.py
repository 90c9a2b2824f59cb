# SPDX-License-Identifier: LGPL-2.1-only
# Benchmark: mixed everyday code in the spirit of Pystone (not its code):
# records with attributes, small procedures with several arguments,
# branches on enumerations, string comparison, list indexing, globals.
RED, GREEN, BLUE = 0, 1, 2
table = [0] * 64
grid = [[0] * 16 for _ in range(16)]
counter = 0


class Record:
    def __init__(self, kind, value, text):
        self.kind = kind
        self.value = value
        self.text = text
        self.link = None

    def copy_from(self, other):
        self.kind = other.kind
        self.value = other.value
        self.text = other.text


def classify(value):
    if value < 10:
        return RED
    elif value < 100:
        return GREEN
    return BLUE


def combine(a, b, c):
    global counter
    counter += 1
    return (a * 7 + b * 3 - c) % 1009


def shuffle(rec, step):
    other = Record(classify(rec.value), rec.value + step, rec.text)
    rec.link = other
    if other.kind == RED:
        other.value = combine(other.value, step, 1)
    elif other.kind == GREEN:
        other.value = combine(step, other.value, 2)
    else:
        other.copy_from(rec)
        other.value = rec.value // 2
    return other


def compare(a, b):
    if a == b:
        return 0
    return -1 if a < b else 1


def run(loops):
    names = ["ALPHA STRING, 1ST", "ALPHA STRING, 2ND", "OMEGA STRING, 3RD"]
    rec = Record(RED, 40, names[0])
    checksum = 0
    for i in range(loops):
        rec = shuffle(rec, i & 31)
        j = i & 63
        table[j] = combine(table[j], i, j)
        row = grid[i & 15]
        col = (i >> 4) & 15
        row[col] = (row[col] + table[j]) & 0xFFFF
        checksum += compare(names[i % 3], rec.text) + row[(col + 1) & 15]
        if rec.kind == BLUE and rec.value > 500:
            rec.text = names[(i + 1) % 3]
    return checksum & 0xFFFFFF


print(run(200000), counter, table[5], grid[3][4])
