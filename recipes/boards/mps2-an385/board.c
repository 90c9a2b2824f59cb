/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * ARM MPS2 with the AN385 image (Cortex-M3): the FPGA's I/O block (FPGAIO
 * at 0x40028000, from the AN385 application note) drives the two user
 * LEDs and reads the two push buttons. Pins 0 and 1 are LED0 and LED1
 * (outputs: the LED register reads back what was written), pins 2 and 3
 * the buttons (inputs).
 */
#include "p14p_board.h"

#define FPGAIO(offset) (*(volatile uint32_t *)(0x40028000u + (offset)))
enum { LED = 0x00, BUTTON = 0x08, CLK100HZ = 0x14 };

int32_t p14p_pin_count(void) { return 4; }

int32_t p14p_pin_named(const uint8_t *name, size_t length) {
    static const char *const names[] = {"LED0", "LED1", "BUTTON0", "BUTTON1"};
    if (p14p_name_is(name, length, "LED")) return 0;
    if (p14p_name_is(name, length, "BUTTON")) return 2;
    for (int32_t pin = 0; pin < 4; pin++)
        if (p14p_name_is(name, length, names[pin])) return pin;
    return -1;
}

/* The LEDs are outputs only and the buttons inputs only. */
int32_t p14p_pin_mode(int32_t pin, int32_t output) { return output ? pin < 2 : pin >= 2; }

void p14p_pin_write(int32_t pin, int32_t high) {
    if (pin >= 2) return;
    uint32_t bit = 1u << pin;
    FPGAIO(LED) = high ? (FPGAIO(LED) | bit) : (FPGAIO(LED) & ~bit);
}

int32_t p14p_pin_read(int32_t pin) {
    return pin < 2 ? (FPGAIO(LED) >> pin) & 1 : (FPGAIO(BUTTON) >> (pin - 2)) & 1;
}

/* For the board's own module (natives.swift): the FPGAIO registers as words. */
uint32_t mps2_led_bits(void) { return FPGAIO(LED) & 3u; }
void mps2_set_led_bits(uint32_t bits) { FPGAIO(LED) = bits & 3u; }
uint32_t mps2_button_bits(void) { return FPGAIO(BUTTON) & 3u; }
uint32_t mps2_clock_100hz(void) { return FPGAIO(CLK100HZ); }
