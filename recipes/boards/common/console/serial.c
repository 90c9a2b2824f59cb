/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * The console of a shipped firmware: the board's serial port, through the
 * family driver linked beside this file (console/<driver>.c), which gives
 * p14p_uart_init, p14p_uart_putc and p14p_uart_flush.
 *
 * stdout and stderr share the port. Each "\n" goes out as "\r\n", so a
 * plain terminal shows lines. When the program ends the firmware writes
 * "\r\n\n" and the end line "p14p: exit status N\r\n", then halts. "\n\n"
 * never occurs in translated output (every "\n" has its "\r"), so a host
 * reading the port (EmulatorRun's ConsoleDecoder) finds the end line
 * without confusing it with anything the program printed.
 */
#include "p14p_board.h"

void p14p_uart_init(void);
void p14p_uart_putc(uint8_t byte);
void p14p_uart_flush(void);

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
