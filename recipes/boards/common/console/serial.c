/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * The console of a shipped firmware: the board's serial port, through the
 * family driver linked beside this file (console/<driver>.c), which gives
 * p14p_uart_init, p14p_uart_putc, p14p_uart_flush and the receiving side
 * (p14p_uart_rx_ready, p14p_uart_getc) behind machine.UART.
 *
 * stdout and stderr share the port. Each "\n" goes out as "\r\n", so a
 * plain terminal shows lines. When the program ends the firmware writes
 * "\r\n\n" and the end line "p14p: exit status N\r\n", then halts. "\n\n"
 * never occurs in translated output (every "\n" has its "\r"), so a host
 * reading the port (EmulatorRun's ConsoleDecoder) finds the end line
 * without confusing it with anything the program printed.
 */
#include "p14p_board.h"
#include "uart.h"

static int ready;

void p14p_console_init(void) {
    if (!ready) {
        ready = 1;
        p14p_uart_init();
    }
}

void p14p_console_write(int fd, const void *bytes, size_t count) {
    (void)fd;
    p14p_console_init();
    const uint8_t *p = bytes;
    for (size_t i = 0; i < count; i++) {
        if (p[i] == '\n') p14p_uart_putc('\r');
        p14p_uart_putc(p[i]);
    }
}

uint32_t p14p_console_baud(void) { return P14P_CONSOLE_BAUD; }

int32_t p14p_console_any(void) {
    p14p_console_init();
    return p14p_uart_rx_ready() ? 1 : 0;
}

/* Polled, never slept: a core asleep until its next tick would miss the
   bytes that follow the first. The poll count also ends the wait on a
   board whose clock stands still (ARM7 for now): a poll takes well over
   1/16 us on any of these cores. */
int32_t p14p_console_read(uint32_t wait_us) {
    p14p_console_init();
    uint64_t start = p14p_ticks_us();
    for (uint64_t polls = 0;; polls++) {
        int32_t byte = p14p_uart_getc();
        if (byte >= 0) return byte;
        if (p14p_ticks_us() - start >= wait_us || polls >= (uint64_t)wait_us * 16) return -1;
    }
}

static void put_raw(const char *text) {
    while (*text) p14p_uart_putc((uint8_t)*text++);
}

void p14p_exit(int status) {
    p14p_console_init();
    char digits[12];
    int i = sizeof digits;
    unsigned n = status < 0 ? 0u - (unsigned)status : (unsigned)status;
    digits[--i] = 0;
    do {
        digits[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n && i > 1);
    if (status < 0) digits[--i] = '-';
    put_raw("\r\n\np14p: exit status ");
    put_raw(digits + i);
    put_raw("\r\n");
    p14p_uart_flush();
    p14p_halt();
}
