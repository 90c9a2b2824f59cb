/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * Nordic nRF51 UART: pins are chosen in the UART itself (PSELTXD/PSELRXD),
 * the baud rate register is baud * 2^32 / 16 MHz in steps of 0x1000, and
 * each byte sent raises EVENTS_TXDRDY.
 */
#include "uart.h"

#ifndef P14P_CONSOLE_TX_PIN
#error "the recipe's [console] table needs tx_pin and rx_pin for an nRF51 UART"
#endif

enum {
    TASKS_STARTRX = 0x000, TASKS_STARTTX = 0x008, EVENTS_RXDRDY = 0x108, EVENTS_TXDRDY = 0x11C, ENABLE = 0x500,
    PSELTXD = 0x50C, PSELRXD = 0x514, RXD = 0x518, TXD = 0x51C, BAUDRATE = 0x524, CONFIG = 0x56C,
};
enum { ENABLE_UART = 4 };

static int sent; /* a byte is in flight: wait for its TXDRDY before the next */

void p14p_uart_init(void) {
    UART_REG(PSELTXD) = P14P_CONSOLE_TX_PIN;
    UART_REG(PSELRXD) = P14P_CONSOLE_RX_PIN;
    UART_REG(BAUDRATE) = (uint32_t)((((uint64_t)(P14P_CONSOLE_BAUD) << 32) / 16000000u + 0x800) & 0xFFFFF000u);
    UART_REG(CONFIG) = 0; /* no parity, no flow control */
    UART_REG(ENABLE) = ENABLE_UART;
    UART_REG(EVENTS_TXDRDY) = 0;
    UART_REG(TASKS_STARTTX) = 1;
    UART_REG(TASKS_STARTRX) = 1;
}

void p14p_uart_flush(void) {
    if (sent) {
        while (!UART_REG(EVENTS_TXDRDY)) {
        }
        UART_REG(EVENTS_TXDRDY) = 0;
        sent = 0;
    }
}

void p14p_uart_putc(uint8_t byte) {
    p14p_uart_flush();
    UART_REG(TXD) = byte;
    sent = 1;
}

int p14p_uart_rx_ready(void) { return UART_REG(EVENTS_RXDRDY) != 0; }

/* The event is cleared before RXD is read: reading RXD lets the next byte in, which raises it again. */
int32_t p14p_uart_getc(void) {
    if (!p14p_uart_rx_ready()) return -1;
    UART_REG(EVENTS_RXDRDY) = 0;
    return (int32_t)(UART_REG(RXD) & 0xFF);
}
