/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * ARM7TDMI helpers: interrupt masking for the atomics (no exclusives on
 * ARMv4T), and the vector copy for machines with RAM at address 0.
 */
#include "p14p_board.h"

extern const uint32_t p14p_vectors[16];

/* CPSR is out of Thumb's reach on ARMv4T: these two stay in ARM state. */
__attribute__((target("arm"))) uint32_t p14p_irq_save(void) {
    uint32_t cpsr;
    __asm__ volatile("mrs %0, cpsr" : "=r"(cpsr));
    __asm__ volatile("msr cpsr_c, %0" ::"r"(cpsr | 0xc0) : "memory");
    return cpsr;
}

__attribute__((target("arm"))) void p14p_irq_restore(uint32_t state) { __asm__ volatile("msr cpsr_c, %0" ::"r"(state) : "memory"); }

/* On hardware flash is at 0 and the write is ignored; where RAM is there, faults now reach our handlers. */
void p14p_arm7_install_vectors(void) {
    volatile uint32_t *zero = (volatile uint32_t *)0;
    if ((const uint32_t *)zero == p14p_vectors) return;
    for (int i = 0; i < 16; i++) zero[i] = p14p_vectors[i];
}

/* No timer is set up on ARM7 boards yet: the clock stands still. */
/* No timer driver yet: ticks stand still and a sleep is a rough busy loop. */
__attribute__((weak)) uint64_t p14p_ticks_us(void) { return 0; }
__attribute__((weak)) void p14p_sleep_us(uint64_t us) {
    for (volatile uint64_t i = 0; i < us * 4; i++) {}
}
__attribute__((weak)) uint32_t p14p_cpu_hz(void) { return 0; }
__attribute__((weak)) void p14p_reset(void) { p14p_exit(0); }

/* ARMv4T has no wait-for-interrupt instruction: interrupts off and spin. */
void p14p_halt(void) {
    p14p_irq_save();
    for (;;) {
    }
}
