/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * Console, clock and exit through semihosting: what QEMU (and a debug
 * probe) offers every board without knowing its peripherals. A board with
 * a UART defines its own p14p_console_write in its board.c.
 */
#include "p14p_board.h"

enum {
    SYS_OPEN = 0x01,
    SYS_WRITE = 0x05,
    SYS_CLOCK = 0x10,
    SYS_EXIT_EXTENDED = 0x20,
    ADP_STOPPED_APPLICATION_EXIT = 0x20026,
};

long p14p_semihost(long op, void *arg) {
#if defined(__riscv)
    /* The RISC-V sequence must not be compressed and must sit in one page. */
    register long a0 __asm__("a0") = op;
    register void *a1 __asm__("a1") = arg;
    __asm__ volatile(".option push\n.option norvc\n.balign 16\n"
                     "slli x0, x0, 0x1f\nebreak\nsrai x0, x0, 7\n.option pop"
                     : "+r"(a0) : "r"(a1) : "memory");
    return a0;
#elif defined(__arm__)
    register long r0 __asm__("r0") = op;
    register void *r1 __asm__("r1") = arg;
#if defined(__ARM_ARCH_PROFILE) && __ARM_ARCH_PROFILE == 'M'
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
#elif defined(__thumb__)
    __asm__ volatile("svc 0xab" : "+r"(r0) : "r"(r1) : "memory");
#else
    __asm__ volatile("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory");
#endif
    return r0;
#else
#error "no semihosting call for this architecture"
#endif
}

/* Semihosting handles of the emulator's stdout (":tt" mode "w") and stderr (mode "a"). */
static long console_handle[3] = {-1, -1, -1};

static long open_console(int fd) {
    if (console_handle[fd] < 0) {
        long block[3] = {(long)":tt", fd == 2 ? 8 : 4, 3};
        console_handle[fd] = p14p_semihost(SYS_OPEN, block);
    }
    return console_handle[fd];
}

__attribute__((weak)) void p14p_console_write(int fd, const void *bytes, size_t count) {
    if (fd != 2) fd = 1;
    long handle = open_console(fd);
    if (handle < 0 || count == 0) return;
    long block[3] = {handle, (long)bytes, (long)count};
    p14p_semihost(SYS_WRITE, block);
}

__attribute__((weak)) double p14p_clock_seconds(void) {
    long centiseconds = p14p_semihost(SYS_CLOCK, 0);
    return centiseconds < 0 ? 0.0 : (double)centiseconds / 100.0;
}

__attribute__((weak)) void p14p_exit(int status) {
    long block[2] = {ADP_STOPPED_APPLICATION_EXIT, status};
    p14p_semihost(SYS_EXIT_EXTENDED, block);
    for (;;) {
    }
}
