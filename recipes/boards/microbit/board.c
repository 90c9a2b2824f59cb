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

uint64_t p14p_ticks_us(void) {
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
    return ((uint64_t)wraps << 32) | now;
}

/* No SysTick to wake a WFI: the wait polls the timer. */
void p14p_sleep_us(uint64_t us) {
    uint64_t end = p14p_ticks_us() + us;
    while (p14p_ticks_us() < end) {}
}

/*
 * Pins: the nRF51's GPIO port (P0.0 to P0.31; nRF51 reference manual,
 * GPIO at 0x50000000). An output reads back the level it drives (OUT), an
 * input its pin (IN). The LED matrix's first row is P0.13 with its columns
 * (P0.4 to P0.12) low at reset, so "LED" (P0.13 high) lights the LEDs of
 * row 1 that QEMU and the board show; the buttons A and B are P0.17 and
 * P0.26.
 */
#define GPIO(offset) (*(volatile uint32_t *)(0x50000000u + (offset)))
enum { OUT = 0x504, OUTSET = 0x508, OUTCLR = 0x50C, IN = 0x510, DIR = 0x514, PIN_CNF = 0x700 };
enum { CNF_OUTPUT = 1, CNF_INPUT_CONNECTED = 0, CNF_PULLUP = 3u << 2 };

int32_t p14p_pin_count(void) { return 32; }

int32_t p14p_pin_named(const uint8_t *name, size_t length) {
    if (p14p_name_is(name, length, "LED")) return 13;
    if (p14p_name_is(name, length, "BUTTON") || p14p_name_is(name, length, "BUTTON_A")) return 17;
    if (p14p_name_is(name, length, "BUTTON_B")) return 26;
    return -1;
}

int32_t p14p_pin_mode(int32_t pin, int32_t output) {
    GPIO(PIN_CNF + 4 * (uint32_t)pin) = output ? CNF_OUTPUT : CNF_INPUT_CONNECTED | CNF_PULLUP;
    return 1;
}

void p14p_pin_write(int32_t pin, int32_t high) { GPIO(high ? OUTSET : OUTCLR) = 1u << pin; }

int32_t p14p_pin_read(int32_t pin) {
    uint32_t bit = 1u << pin;
    return ((GPIO(DIR) & bit) ? GPIO(OUT) : GPIO(IN)) & bit ? 1 : 0;
}

/* machine.unique_id(): the FICR's 64-bit DEVICEID (nRF51 reference manual), low word first. */
#define FICR(offset) (*(volatile uint32_t *)(0x10000000u + (offset)))
enum { DEVICEID0 = 0x060, DEVICEID1 = 0x064 };

size_t p14p_unique_id(uint8_t *out, size_t capacity) {
    uint32_t words[2] = {FICR(DEVICEID0), FICR(DEVICEID1)};
    return p14p_unique_id_from(words, 2, out, capacity);
}
