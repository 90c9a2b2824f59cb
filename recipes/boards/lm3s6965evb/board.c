/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * Stellaris LM3S6965 EVB: at reset the core runs from the internal
 * oscillator (12 MHz +-30%, too loose for a UART). Switch to the board's
 * 8 MHz crystal, PLL bypassed, then clock UART0 and give it PA0 (U0RX)
 * and PA1 (U0TX). The console runs at 115200 baud from those 8 MHz.
 */
#include "p14p_board.h"

#define SYSCTL_RCC (*(volatile uint32_t *)0x400FE060u)
#define SYSCTL_RCGC1 (*(volatile uint32_t *)0x400FE104u)
#define SYSCTL_RCGC2 (*(volatile uint32_t *)0x400FE108u)
#define GPIOA_AFSEL (*(volatile uint32_t *)0x40004420u)
#define GPIOA_DEN (*(volatile uint32_t *)0x4000451Cu)

enum {
    RCC_MOSCDIS = 1u << 0, RCC_OSCSRC_MASK = 3u << 4, RCC_XTAL_MASK = 0xFu << 6, RCC_XTAL_8MHZ = 0xEu << 6,
    RCC_BYPASS = 1u << 11, RCC_USESYSDIV = 1u << 22,
};

void p14p_board_init(void) {
    uint32_t rcc = SYSCTL_RCC;
    rcc |= RCC_BYPASS;
    rcc &= ~(RCC_MOSCDIS | RCC_USESYSDIV);
    SYSCTL_RCC = rcc; /* crystal on, still running from the internal oscillator */
    for (volatile int i = 0; i < 20000; i++) {
    } /* the crystal settles (datasheet: under 1 ms) */
    rcc = (rcc & ~(RCC_OSCSRC_MASK | RCC_XTAL_MASK)) | RCC_XTAL_8MHZ;
    SYSCTL_RCC = rcc; /* main oscillator, 8 MHz */
    SYSCTL_RCGC1 |= 1u << 0; /* UART0 */
    SYSCTL_RCGC2 |= 1u << 0; /* GPIO port A */
    for (volatile int i = 0; i < 4; i++) {
    } /* a few cycles before the peripherals answer */
    GPIOA_AFSEL |= 3u;
    GPIOA_DEN |= 3u;
}
