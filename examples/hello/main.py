# SPDX-License-Identifier: LGPL-2.1-only
# The example application: what a first program on a chip might do.
import sys
import time
import sensors
from machine import Pin


def primes(limit):
    """Yields the primes below limit (a generator: cheap on a small heap)."""
    found = []
    for n in range(2, limit):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


class Blinker:
    """Blinks the board's LED (machine.Pin), or a stand-in where a board has no pins."""

    def __init__(self, period):
        try:
            self.pin = Pin("LED", Pin.OUT)
        except NotImplementedError:
            self.pin = None
        self.period = period
        self.state = False

    def tick(self, t):
        if t % self.period == 0:
            self.state = not self.state
            if self.pin is not None:
                self.pin.value(self.state)
        return self.state


led = Blinker(3)
print("p14p example on", sys.platform)
print("primes:", list(primes(50)))
pattern = ""
for t in range(12):
    pattern += "*" if led.tick(t) else "."
    time.sleep_ms(5)
print("led:", pattern)
readings = [sensors.read(ch) for ch in range(4)]
# Integer arithmetic only: boards built without float (lm3s6965evb, microbit) run this too.
total = sum(readings)
print("sensors: %s (mean %d.%02d)" % (readings, total // len(readings), total * 100 // len(readings) % 100))
free, size = sys.heap()
print("heap ok:", 0 < free <= size)
