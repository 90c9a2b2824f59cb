/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * SiFive HiFive1 (FE310-G000): run the core and the UART from the board's
 * 16 MHz crystal (HFXOSC, PLL bypassed), whatever the boot loader left,
 * and give UART0 its pins (GPIO 16 RX, 17 TX: the USB serial port).
 */
#include "p14p_board.h"

#define PRCI(offset) (*(volatile uint32_t *)(0x10008000u + (offset)))
#define GPIO(offset) (*(volatile uint32_t *)(0x10012000u + (offset)))
enum { HFXOSCCFG = 0x04, PLLCFG = 0x08, IOF_EN = 0x38, IOF_SEL = 0x3C };
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
