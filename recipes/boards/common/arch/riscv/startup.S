/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * RV32 machine mode: reset entry (global pointer, stack, trap vector),
 * then p14p_start; traps (Swift's ebreak-free trap is an illegal
 * instruction) report the cause and address and exit.
 */
    .section .text.p14p_reset, "ax"
    .global p14p_reset
    .type p14p_reset, @function
p14p_reset:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __p14p_stack_top
    la t0, p14p_trap
    csrw mtvec, t0
    call p14p_start
1:  j 1b

    .text
    .balign 4
    .type p14p_trap, @function
p14p_trap:
    la a0, trap_message
    csrr a1, mepc
    call p14p_fatal_at
2:  j 2b

    .section .rodata.p14p_riscv_messages, "a"
trap_message: .asciz "trap (Swift runtime trap or bad memory access)"
