/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * STM32 F1/F2/F4 USART (the same registers on all three): 8N1, 16x
 * oversampling. The board's board.c turns on the USART's clock and its pins.
 */
#include "uart.h"

enum { SR = 0x00, DR = 0x04, BRR = 0x08, CR1 = 0x0C };
enum { SR_RXNE = 1u << 5, SR_TC = 1u << 6, SR_TXE = 1u << 7 };
enum { CR1_RE = 1u << 2, CR1_TE = 1u << 3, CR1_UE = 1u << 13 };

void p14p_uart_init(void) {
    /* BRR holds clock / baud as 12.4 fixed point, which with 16x oversampling is the plain quotient. */
    UART_REG(BRR) = ((P14P_CONSOLE_CLOCK_HZ) + (P14P_CONSOLE_BAUD) / 2) / (P14P_CONSOLE_BAUD);
    UART_REG(CR1) = CR1_UE | CR1_TE | CR1_RE;
}

void p14p_uart_putc(uint8_t byte) {
    while (!(UART_REG(SR) & SR_TXE)) {
    }
    UART_REG(DR) = byte;
}

void p14p_uart_flush(void) {
    while (!(UART_REG(SR) & SR_TC)) {
    }
}

int p14p_uart_rx_ready(void) { return (UART_REG(SR) & SR_RXNE) != 0; }

/* Reading DR clears RXNE. */
int32_t p14p_uart_getc(void) { return p14p_uart_rx_ready() ? (int32_t)(UART_REG(DR) & 0xFF) : -1; }
