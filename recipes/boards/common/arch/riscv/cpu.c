/* SPDX-License-Identifier: LGPL-2.1-only */
/* RV32 machine mode: interrupt masking (mstatus.MIE) for code that needs a critical section. */
#include "p14p_board.h"

uint32_t p14p_irq_save(void) {
    uint32_t mstatus;
    __asm__ volatile("csrrci %0, mstatus, 8" : "=r"(mstatus)::"memory");
    return mstatus;
}

void p14p_irq_restore(uint32_t state) {
    if (state & 8) __asm__ volatile("csrsi mstatus, 8" ::: "memory");
}

/* The CLINT's machine timer (mtime), which counts at P14P_MTIME_HZ (the
   FE310's 32768 Hz real-time clock unless the recipe says otherwise). */
#ifndef P14P_MTIME_HZ
#define P14P_MTIME_HZ 32768
#endif
#define MTIME_LO (*(volatile uint32_t *)0x0200BFF8u)
#define MTIME_HI (*(volatile uint32_t *)0x0200BFFCu)

__attribute__((weak)) uint64_t p14p_ticks_us(void) {
    uint32_t hi, lo;
    do {
        hi = MTIME_HI;
        lo = MTIME_LO;
    } while (hi != MTIME_HI);
    return (((uint64_t)hi << 32) | lo) * 1000000u / P14P_MTIME_HZ;
}

__attribute__((weak)) void p14p_sleep_us(uint64_t us) {
    uint64_t end = p14p_ticks_us() + us;
    while (p14p_ticks_us() < end) {}
}

#ifndef P14P_CONSOLE_CLOCK_HZ
#define P14P_CONSOLE_CLOCK_HZ 0
#endif
__attribute__((weak)) uint32_t p14p_cpu_hz(void) { return P14P_CONSOLE_CLOCK_HZ; }

/* No reset driver yet: the program ends as sys.exit() would. */
__attribute__((weak)) void p14p_reset(void) { p14p_exit(0); }

void p14p_halt(void) {
    __asm__ volatile("csrci mstatus, 8" ::: "memory");
    for (;;) __asm__ volatile("wfi");
}
