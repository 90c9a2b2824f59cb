/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * What a console driver (console/<driver>.c) gets from the board's recipe
 * ([console] table, as -DP14P_CONSOLE_<KEY>=value) and gives serial.c.
 */
#ifndef P14P_UART_H
#define P14P_UART_H

#include <stdint.h>

#ifndef P14P_CONSOLE_BASE
#error "the recipe's [console] table needs base = <register base address>"
#endif
#ifndef P14P_CONSOLE_CLOCK_HZ
#error "the recipe's [console] table needs clock_hz = <the UART's input clock at reset>"
#endif
#ifndef P14P_CONSOLE_BAUD
#define P14P_CONSOLE_BAUD 115200
#endif

#define UART_REG(offset) (*(volatile uint32_t *)((uintptr_t)(P14P_CONSOLE_BASE) + (offset)))

void p14p_uart_init(void);
void p14p_uart_putc(uint8_t byte);
/* Returns when the last byte has left the transmitter (before a halt). */
void p14p_uart_flush(void);
/* Receiving, for machine.UART: whether a byte waits, and that byte (or -1 when none does). */
int p14p_uart_rx_ready(void);
int32_t p14p_uart_getc(void);

#endif
