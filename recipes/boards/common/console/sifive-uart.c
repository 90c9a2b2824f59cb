/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * SiFive UART (FE310): baud = tlclk / (div + 1); txdata reads back with
 * bit 31 set while the transmit FIFO is full. The board's board.c routes
 * the pins (GPIO IOF) and sets the clock.
 */
#include "uart.h"

enum { TXDATA = 0x00, RXDATA = 0x04, TXCTRL = 0x08, RXCTRL = 0x0C, IP = 0x14, DIV = 0x18 };
enum { TXDATA_FULL = 1u << 31, RXDATA_EMPTY = 1u << 31, TXCTRL_TXEN = 1u << 0, TXCTRL_TXCNT_1 = 1u << 16, RXCTRL_RXEN = 1u << 0 };
enum { IP_TXWM = 1u << 0, IP_RXWM = 1u << 1 };

void p14p_uart_init(void) {
    UART_REG(DIV) = ((P14P_CONSOLE_CLOCK_HZ) + (P14P_CONSOLE_BAUD) / 2) / (P14P_CONSOLE_BAUD) - 1;
    /* One stop bit; watermark 1: IP.TXWM is set while the FIFO holds fewer than 1 entry, i.e. is empty. */
    UART_REG(TXCTRL) = TXCTRL_TXEN | TXCTRL_TXCNT_1;
    UART_REG(RXCTRL) = RXCTRL_RXEN;
}

void p14p_uart_putc(uint8_t byte) {
    while (UART_REG(TXDATA) & TXDATA_FULL) {
    }
    UART_REG(TXDATA) = byte;
}

void p14p_uart_flush(void) {
    while (!(UART_REG(IP) & IP_TXWM)) {
    }
}

/* Reading RXDATA takes the byte, so "ready" asks IP.RXWM instead: with the
   receive watermark at 0, it is set while the FIFO holds anything. */
int p14p_uart_rx_ready(void) { return (UART_REG(IP) & IP_RXWM) != 0; }

int32_t p14p_uart_getc(void) {
    uint32_t data = UART_REG(RXDATA);
    return data & RXDATA_EMPTY ? -1 : (int32_t)(data & 0xFF);
}
