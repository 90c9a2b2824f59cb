# SPDX-License-Identifier: LGPL-2.1-only
# machine and the MicroPython time functions on the desktop's simulated
# board: pins kept in memory, "LED" as pin 0, time from the host clock,
# UART 0 on stdin and stdout, four analog channels at fixed levels.
import time, machine
from machine import Pin

led = Pin("LED", Pin.OUT)
print(led, Pin.IN, Pin.OUT)
led.on()
print("on", led.value())
led.toggle()
print("toggled", led.value())
led.value(7)
print("value(7)", led.value())
led.off()
print("off", led.value())
p5 = Pin(5, Pin.OUT, value=1)
print("Pin(5) starts high", p5.value())
print("button", Pin("BUTTON", Pin.IN).value())

t0 = time.ticks_ms()
time.sleep_ms(50)
print("slept", 45 <= time.ticks_diff(time.ticks_ms(), t0) <= 1000)
u0 = time.ticks_us()
time.sleep_us(2000)
print("slept us", time.ticks_diff(time.ticks_us(), u0) >= 1900)
# Ticks wrap at 2**30; ticks_diff gives the signed distance across the wrap.
print(time.ticks_add(2**30 - 1, 1), time.ticks_diff(0, 2**30 - 1), time.ticks_diff(5, 15))
print(time.ticks_diff(time.ticks_add(100, -200), 100))

print("freq", machine.freq() > 0, "id", type(machine.unique_id()).__name__)
for bad in [lambda: Pin(32), lambda: Pin(-1), lambda: Pin("LEDX"), lambda: Pin(0, 5), lambda: Pin(0.5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    Pin.value(3)
except TypeError as e:
    print("TypeError:", e)
try:
    time.ticks_diff(1)
except TypeError as e:
    print("TypeError:", e)

# UART 0 is the console: stdin and stdout here (stdin is empty in this test).
from machine import UART, ADC
u = UART(0, 115200, timeout=20)
print(u, u.write(b"bytes through the UART\n"), u.write("a str too\n"))
print("any", u.any(), "read", u.read(), u.read(4), u.readline(), "read(0)", u.read(0))
# Four simulated analog channels at fixed levels.
print([ADC(c).read_u16() for c in range(4)], ADC(1))
for bad in [lambda: UART(1), lambda: UART(0, 9600), lambda: UART(0, timeout=-1), lambda: u.write(5),
            lambda: u.read(-1), lambda: ADC(4), lambda: ADC("x"), lambda: UART.read(ADC(0)),
            lambda: ADC.read_u16(u)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
machine.reset()
print("not reached")
