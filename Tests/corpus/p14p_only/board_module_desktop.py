# SPDX-License-Identifier: LGPL-2.1-only
# A board's own module of natives (docs/porting.md): the desktop's simulated
# board has one, "desktop", as a port's natives.swift gives one; every
# argument is checked by the VM before the board's function sees it.
import desktop
print(desktop, desktop.pins_high, desktop.set_pins.__name__)
desktop.set_pins(1, 4, 3)
print(desktop.pins_high())
desktop.set_pins(True)
print(desktop.pins_high())
desktop.set_pins(0)
print(desktop.pins_high(), sorted(dir(desktop)))
import machine, time
print([n for n in dir(machine) if not n.startswith("__")], len(dir(time)) > 5)
for bad in [lambda: desktop.set_pins(), lambda: desktop.set_pins(1, 30, 5), lambda: desktop.set_pins("x"),
            lambda: desktop.set_pins(2**40), lambda: desktop.set_pins(1, 2, 3, 4), lambda: desktop.set_pins(1, first=2),
            lambda: desktop.nothing]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
