/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * BBC micro:bit (nRF51822): the console UART's pins come from the recipe
 * (P0.24 TX, P0.25 RX: the interface chip's USB serial port). The nRF51's
 * Cortex-M0 has no SysTick, so the clock is TIMER0 at 1 MHz.
 */
#include "p14p_board.h"

#define TIMER0(offset) (*(volatile uint32_t *)(0x40008000u + (offset)))
enum { TASKS_START = 0x000, TASKS_CAPTURE0 = 0x040, MODE = 0x504, BITMODE = 0x508, PRESCALER = 0x510, CC0 = 0x540 };

static int started;
static uint32_t last, wraps;

double p14p_clock_seconds(void) {
    if (!started) {
        started = 1;
        TIMER0(MODE) = 0;      /* timer */
        TIMER0(BITMODE) = 3;   /* 32 bits: wraps after 71 minutes */
        TIMER0(PRESCALER) = 4; /* 16 MHz / 2^4 */
        TIMER0(TASKS_START) = 1;
    }
    TIMER0(TASKS_CAPTURE0) = 1;
    uint32_t now = TIMER0(CC0);
    if (now < last) wraps++; /* read at least once per wrap: the VM reads it at start and on demand */
    last = now;
    return ((double)wraps * 4294967296.0 + (double)now) / 1e6;
}
