# SPDX-License-Identifier: LGPL-2.1-only
# The example application: what a first program on a chip might do.
import sys
import sensors


def primes(limit):
    """Yields the primes below limit (a generator: cheap on a small heap)."""
    found = []
    for n in range(2, limit):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n


class Blinker:
    def __init__(self, pin, period):
        self.pin = pin
        self.period = period
        self.state = False

    def tick(self, t):
        if t % self.period == 0:
            self.state = not self.state
        return self.state


led = Blinker(13, 3)
print("p14p example on", sys.platform)
print("primes:", list(primes(50)))
print("led:", "".join("*" if led.tick(t) else "." for t in range(12)))
readings = [sensors.read(ch) for ch in range(4)]
# Integer arithmetic only: boards built without float (lm3s6965evb, microbit) run this too.
total = sum(readings)
print("sensors: %s (mean %d.%02d)" % (readings, total // len(readings), total * 100 // len(readings) % 100))
free, size = sys.heap()
print("heap ok:", 0 < free <= size)
