/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * The debug console (recipe: [console] driver = "semihosting"): output and
 * exit through semihosting, which needs QEMU's -semihosting or a debug
 * probe attached. Without one the first call traps, so releases never use
 * it: shipped firmware prints on the serial port (console/serial.c).
 */
#include "p14p_board.h"

enum {
    SYS_OPEN = 0x01,
    SYS_WRITE = 0x05,
    SYS_EXIT_EXTENDED = 0x20,
    ADP_STOPPED_APPLICATION_EXIT = 0x20026,
};

/* Never inlined: the symbol in a linked firmware is how a release finds out
   that it calls semihosting (PreparedFirmware.usesSemihosting), and refuses it. */
__attribute__((noinline)) long p14p_semihost(long op, void *arg) {
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

void p14p_console_init(void) {}

/* The debug console is no UART: machine.UART says so. */
uint32_t p14p_console_baud(void) { return 0; }
int32_t p14p_console_read(uint32_t wait_us) { (void)wait_us; return -1; }
int32_t p14p_console_any(void) { return 0; }

void p14p_console_write(int fd, const void *bytes, size_t count) {
    if (fd != 2) fd = 1;
    long handle = open_console(fd);
    if (handle < 0 || count == 0) return;
    long block[3] = {handle, (long)bytes, (long)count};
    p14p_semihost(SYS_WRITE, block);
}

void p14p_exit(int status) {
    long block[2] = {ADP_STOPPED_APPLICATION_EXIT, status};
    p14p_semihost(SYS_EXIT_EXTENDED, block);
    for (;;) {
    }
}
