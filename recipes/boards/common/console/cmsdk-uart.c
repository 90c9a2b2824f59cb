/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * Arm CMSDK APB UART (MPS2 boards): a whole-number divider, no line settings
 * (always 8N1), a one-byte transmit buffer.
 */
#include "uart.h"

enum { DATA = 0x00, STATE = 0x04, CTRL = 0x08, BAUDDIV = 0x10 };
enum { STATE_TX_FULL = 1u << 0, STATE_RX_FULL = 1u << 1, CTRL_TX_EN = 1u << 0, CTRL_RX_EN = 1u << 1 };

void p14p_uart_init(void) {
    UART_REG(BAUDDIV) = ((P14P_CONSOLE_CLOCK_HZ) + (P14P_CONSOLE_BAUD) / 2) / (P14P_CONSOLE_BAUD);
    UART_REG(CTRL) = CTRL_TX_EN | CTRL_RX_EN;
}

void p14p_uart_putc(uint8_t byte) {
    while (UART_REG(STATE) & STATE_TX_FULL) {
    }
    UART_REG(DATA) = byte;
}

/* The UART has no "shift register empty" flag: the buffer emptying is the last sign. */
void p14p_uart_flush(void) {
    while (UART_REG(STATE) & STATE_TX_FULL) {
    }
}

int p14p_uart_rx_ready(void) { return (UART_REG(STATE) & STATE_RX_FULL) != 0; }

int32_t p14p_uart_getc(void) { return p14p_uart_rx_ready() ? (int32_t)(UART_REG(DATA) & 0xFF) : -1; }
