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
static void unexpected(void) { p14p_fatal("unexpected exception"); }

typedef void (*handler)(void);

__attribute__((section(".vectors"), used)) const handler p14p_vectors[16] = {
    (handler)(uintptr_t)__p14p_stack_top,
    reset, nmi, hard_fault, other_fault, other_fault, other_fault,
    0, 0, 0, 0,
    unexpected, unexpected, 0, unexpected, unexpected,
};

uint32_t p14p_irq_save(void) {
    uint32_t primask;
    __asm__ volatile("mrs %0, primask\n cpsid i" : "=r"(primask)::"memory");
    return primask;
}

void p14p_irq_restore(uint32_t state) { __asm__ volatile("msr primask, %0" ::"r"(state) : "memory"); }
