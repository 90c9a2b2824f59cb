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
