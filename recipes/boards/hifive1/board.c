/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * SiFive HiFive1 (FE310-G000): run the core and the UART from the board's
 * 16 MHz crystal (HFXOSC, PLL bypassed), whatever the boot loader left,
 * and give UART0 its pins (GPIO 16 RX, 17 TX: the USB serial port).
 */
#include "p14p_board.h"

#define PRCI(offset) (*(volatile uint32_t *)(0x10008000u + (offset)))
#define GPIO(offset) (*(volatile uint32_t *)(0x10012000u + (offset)))
enum { HFXOSCCFG = 0x04, PLLCFG = 0x08 };
enum { INPUT_VAL = 0x00, INPUT_EN = 0x04, OUTPUT_EN = 0x08, OUTPUT_VAL = 0x0C, PUE = 0x10, IOF_EN = 0x38, IOF_SEL = 0x3C };
enum { HFXOSC_EN = 1u << 30, HFXOSC_RDY = 1u << 31, PLL_SEL = 1u << 16, PLL_REFSEL = 1u << 17, PLL_BYPASS = 1u << 18 };
enum { UART0_PINS = (1u << 16) | (1u << 17) };

void p14p_board_init(void) {
    PRCI(HFXOSCCFG) |= HFXOSC_EN;
    while (!(PRCI(HFXOSCCFG) & HFXOSC_RDY)) {
    }
    PRCI(PLLCFG) = PLL_REFSEL | PLL_BYPASS | PLL_SEL; /* core clock = the crystal */
    GPIO(IOF_SEL) &= ~UART0_PINS;
    GPIO(IOF_EN) |= UART0_PINS;
}

/*
 * Pins: the FE310's GPIO 0 to 31 (FE310-G000 manual, GPIO at 0x10012000).
 * An output reads back the level it drives (output_val), an input its pin
 * (input_val). The board's RGB LED is GPIO 19 (green, "LED"), 21 (blue)
 * and 22 (red), lit when low. UART0's pins (16, 17) stay the UART's.
 */
int32_t p14p_pin_count(void) { return 32; }

int32_t p14p_pin_named(const uint8_t *name, size_t length) {
    if (p14p_name_is(name, length, "LED") || p14p_name_is(name, length, "LED_GREEN")) return 19;
    if (p14p_name_is(name, length, "LED_BLUE")) return 21;
    if (p14p_name_is(name, length, "LED_RED")) return 22;
    return -1;
}

int32_t p14p_pin_mode(int32_t pin, int32_t output) {
    uint32_t bit = 1u << pin;
    if (bit & UART0_PINS) return 0;
    GPIO(IOF_EN) &= ~bit;
    if (output) {
        GPIO(INPUT_EN) &= ~bit;
        GPIO(OUTPUT_EN) |= bit;
    } else {
        GPIO(OUTPUT_EN) &= ~bit;
        GPIO(PUE) |= bit;
        GPIO(INPUT_EN) |= bit;
    }
    return 1;
}

void p14p_pin_write(int32_t pin, int32_t high) {
    if ((1u << pin) & UART0_PINS) return;
    GPIO(OUTPUT_VAL) = high ? (GPIO(OUTPUT_VAL) | (1u << pin)) : (GPIO(OUTPUT_VAL) & ~(1u << pin));
}

int32_t p14p_pin_read(int32_t pin) {
    uint32_t bit = 1u << pin;
    return ((GPIO(OUTPUT_EN) & bit) ? GPIO(OUTPUT_VAL) : GPIO(INPUT_VAL)) & bit ? 1 : 0;
}
