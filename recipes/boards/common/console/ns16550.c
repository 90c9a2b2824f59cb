/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * NS16550-compatible UART (NXP LPC2xxx UART0, QEMU's RISC-V virt):
 * registers 1 << P14P_CONSOLE_REG_SHIFT bytes apart, 8N1, divisor latch
 * clock / (16 * baud).
 */
#include "uart.h"

#ifndef P14P_CONSOLE_REG_SHIFT
#define P14P_CONSOLE_REG_SHIFT 0
#endif

#define REG(n) (*(volatile uint8_t *)((uintptr_t)(P14P_CONSOLE_BASE) + ((n) << (P14P_CONSOLE_REG_SHIFT))))

enum { THR = 0, RBR = 0, DLL = 0, DLM = 1, IER = 1, FCR = 2, LCR = 3, LSR = 5 };
enum { LCR_8N1 = 3, LCR_DLAB = 0x80, FCR_ENABLE = 1, LSR_DR = 0x01, LSR_THRE = 0x20, LSR_TEMT = 0x40 };

void p14p_uart_init(void) {
    uint32_t divisor = ((P14P_CONSOLE_CLOCK_HZ) + 8u * (P14P_CONSOLE_BAUD)) / (16u * (P14P_CONSOLE_BAUD));
    REG(IER) = 0;
    REG(LCR) = LCR_DLAB;
    REG(DLL) = (uint8_t)divisor;
    REG(DLM) = (uint8_t)(divisor >> 8);
    REG(LCR) = LCR_8N1;
    REG(FCR) = FCR_ENABLE;
}

void p14p_uart_putc(uint8_t byte) {
    while (!(REG(LSR) & LSR_THRE)) {
    }
    REG(THR) = byte;
}

void p14p_uart_flush(void) {
    while (!(REG(LSR) & LSR_TEMT)) {
    }
}

int p14p_uart_rx_ready(void) { return (REG(LSR) & LSR_DR) != 0; }

int32_t p14p_uart_getc(void) { return p14p_uart_rx_ready() ? (int32_t)REG(RBR) : -1; }
