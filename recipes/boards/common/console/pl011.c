/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * ARM PrimeCell PL011 and the Stellaris UART (the same registers): 8N1 at
 * P14P_CONSOLE_BAUD from a 16x oversampled divider with a 6-bit fraction.
 */
#include "uart.h"

enum { DR = 0x00, FR = 0x18, IBRD = 0x24, FBRD = 0x28, LCRH = 0x2C, CTL = 0x30 };
enum { FR_BUSY = 1u << 3, FR_RXFE = 1u << 4, FR_TXFF = 1u << 5 };
enum { LCRH_FEN = 1u << 4, LCRH_WLEN8 = 3u << 5 };
enum { CTL_UARTEN = 1u << 0, CTL_TXE = 1u << 8, CTL_RXE = 1u << 9 };

void p14p_uart_init(void) {
    /* Divider in 1/64ths: clock / (16 * baud) * 64, rounded. */
    uint32_t div64 = (uint32_t)(((uint64_t)(P14P_CONSOLE_CLOCK_HZ) * 4 + (P14P_CONSOLE_BAUD) / 2) / (P14P_CONSOLE_BAUD));
    UART_REG(CTL) = 0;
    UART_REG(IBRD) = div64 >> 6;
    UART_REG(FBRD) = div64 & 63;
    UART_REG(LCRH) = LCRH_WLEN8 | LCRH_FEN; /* written after the divisors: it latches them */
    UART_REG(CTL) = CTL_UARTEN | CTL_TXE | CTL_RXE;
}

void p14p_uart_putc(uint8_t byte) {
    while (UART_REG(FR) & FR_TXFF) {
    }
    UART_REG(DR) = byte;
}

void p14p_uart_flush(void) {
    while (UART_REG(FR) & FR_BUSY) {
    }
}

int p14p_uart_rx_ready(void) { return !(UART_REG(FR) & FR_RXFE); }

int32_t p14p_uart_getc(void) { return p14p_uart_rx_ready() ? (int32_t)(UART_REG(DR) & 0xFF) : -1; }
