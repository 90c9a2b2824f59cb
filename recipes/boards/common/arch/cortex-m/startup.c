/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * Cortex-M (ARMv6-M, ARMv7-M, ARMv7E-M): the vector table the core reads
 * its initial stack pointer and reset address from, and fault handlers
 * that report instead of locking up.
 */
#include "p14p_board.h"

void p14p_fatal(const char *what) __attribute__((noreturn));

static void reset(void) {
#if defined(__ARM_FP)
    /* Code built with an FPU (Cortex-M4F) faults on its first VFP instruction until CP10/CP11 are on. */
    volatile uint32_t *cpacr = (volatile uint32_t *)0xE000ED88u;
    *cpacr |= 0xFu << 20;
    __asm__ volatile("dsb\n isb" ::: "memory");
#endif
    p14p_start();
}

static void nmi(void) { p14p_fatal("NMI"); }
/*
 * Swift traps (overflow, bounds, force-unwrap) are UDF instructions and land
 * here; the faulting address is the stacked PC (frame: r0-r3, r12, lr, pc, psr).
 */
void p14p_fatal_at(const char *what, uint32_t pc) __attribute__((noreturn));
__attribute__((used)) static void hard_fault_report(const uint32_t *frame) {
    p14p_fatal_at("hard fault (Swift runtime trap or bad memory access)", frame[6]);
}
__attribute__((naked)) static void hard_fault(void) {
    __asm__ volatile("mrs r0, msp\n b hard_fault_report");
}
static void other_fault(void) { p14p_fatal("memory, bus or usage fault"); }

/*
 * The clock: SysTick interrupts every millisecond from the core clock the
 * board runs at (the recipe's [console] clock_hz), and its current value
 * gives the microseconds within the millisecond. Started by the first read
 * (the VM reads it when it starts). A board without SysTick (the nRF51's
 * Cortex-M0) defines its own p14p_ticks_us in its board.c.
 */
#ifndef P14P_CONSOLE_CLOCK_HZ
#define P14P_CONSOLE_CLOCK_HZ 12000000
#endif
#define SYST_CSR (*(volatile uint32_t *)0xE000E010u)
#define SYST_RVR (*(volatile uint32_t *)0xE000E014u)
#define SYST_CVR (*(volatile uint32_t *)0xE000E018u)
enum { SYST_ENABLE = 1, SYST_TICKINT = 2, SYST_CORE_CLOCK = 4 };

static volatile uint32_t milliseconds;

static void systick(void) { milliseconds++; }

__attribute__((weak)) uint64_t p14p_ticks_us(void) {
    if (!(SYST_CSR & SYST_ENABLE)) {
        SYST_RVR = P14P_CONSOLE_CLOCK_HZ / 1000 - 1;
        SYST_CVR = 0;
        SYST_CSR = SYST_ENABLE | SYST_TICKINT | SYST_CORE_CLOCK;
    }
    uint32_t ms, counted;
    do {  /* again if the millisecond interrupt came in between */
        ms = milliseconds;
        counted = SYST_RVR - SYST_CVR;  /* SysTick counts down */
    } while (ms != milliseconds);
    /* Between the counter's wrap and its interrupt (a few cycles on a chip, longer in an emulator
     * whose timer thread lags) the count is new and the milliseconds old: a reading 1 ms early.
     * Callers subtract readings, so time waits there rather than going back. */
    static uint64_t latest;
    uint64_t now = (uint64_t)ms * 1000u + (uint64_t)counted * 1000u / (SYST_RVR + 1u);
    if (now < latest) return latest;
    latest = now;
    return now;
}

__attribute__((weak)) uint32_t p14p_cpu_hz(void) { return P14P_CONSOLE_CLOCK_HZ; }

/* Waits with the core asleep between SysTick interrupts. */
__attribute__((weak)) void p14p_sleep_us(uint64_t us) {
    uint64_t end = p14p_ticks_us() + us;
    while (p14p_ticks_us() < end) __asm__ volatile("wfi");
}

/* SCB AIRCR: a system reset request. */
__attribute__((weak)) void p14p_reset(void) {
    __asm__ volatile("dsb" ::: "memory");
    *(volatile uint32_t *)0xE000ED0Cu = 0x05FA0004u;
    for (;;) {}
}

void p14p_halt(void) {
    SYST_CSR = 0;
    __asm__ volatile("cpsid i" ::: "memory");
    for (;;) __asm__ volatile("wfi");
}
static void unexpected(void) { p14p_fatal("unexpected exception"); }

typedef void (*handler)(void);

__attribute__((section(".vectors"), used)) const handler p14p_vectors[16] = {
    (handler)(uintptr_t)__p14p_stack_top,
    reset, nmi, hard_fault, other_fault, other_fault, other_fault,
    0, 0, 0, 0,
    unexpected, unexpected, 0, unexpected, systick,
};

uint32_t p14p_irq_save(void) {
    uint32_t primask;
    __asm__ volatile("mrs %0, primask\n cpsid i" : "=r"(primask)::"memory");
    return primask;
}

void p14p_irq_restore(uint32_t state) { __asm__ volatile("msr primask, %0" ::"r"(state) : "memory"); }
