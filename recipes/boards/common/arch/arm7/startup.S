/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * ARM7TDMI (ARMv4T, ARM state): exception vectors at the start of flash,
 * a reset entry that gives every processor mode the one stack and calls
 * p14p_start, and handlers that report a fault instead of spinning.
 * The vectors load absolute addresses (ldr pc, [pc, #24]), so the block
 * can also be copied to address 0 where RAM is mapped there (QEMU
 * versatilepb jumps to the ELF entry and has RAM at 0).
 */
    .syntax unified
    .arm

    .section .vectors, "ax"
    .global p14p_vectors
p14p_vectors:
    ldr pc, [pc, #24]
    ldr pc, [pc, #24]
    ldr pc, [pc, #24]
    ldr pc, [pc, #24]
    ldr pc, [pc, #24]
    nop
    ldr pc, [pc, #24]
    ldr pc, [pc, #24]
    .word p14p_reset
    .word p14p_undefined
    .word p14p_swi
    .word p14p_prefetch_abort
    .word p14p_data_abort
    .word 0
    .word p14p_irq
    .word p14p_fiq

    .section .text.p14p_reset, "ax"
    .global p14p_reset
    .type p14p_reset, %function
p14p_reset:
    /* Each mode (FIQ 0x11, IRQ 0x12, abort 0x17, undefined 0x1b, SVC 0x13) gets the stack top,
       interrupts masked (0xc0): a fault handler only reports and exits. */
    ldr r0, =__p14p_stack_top
    msr cpsr_c, #0xd1
    mov sp, r0
    msr cpsr_c, #0xd2
    mov sp, r0
    msr cpsr_c, #0xd7
    mov sp, r0
    msr cpsr_c, #0xdb
    mov sp, r0
    msr cpsr_c, #0xd3
    mov sp, r0
    bl p14p_arm7_install_vectors
    bl p14p_start
1:  b 1b

    .text
    .macro P14P_FAULT name, message
    .type \name, %function
\name:
    ldr r0, =\message
    sub r1, lr, #4
    bl p14p_fatal_at
    .endm

    P14P_FAULT p14p_undefined, msg_undefined
    P14P_FAULT p14p_swi, msg_swi
    P14P_FAULT p14p_prefetch_abort, msg_prefetch
    P14P_FAULT p14p_data_abort, msg_data
    P14P_FAULT p14p_irq, msg_irq
    P14P_FAULT p14p_fiq, msg_irq

    .section .rodata.p14p_arm7_messages, "a"
msg_undefined: .asciz "undefined instruction (Swift runtime trap)"
msg_swi: .asciz "unexpected SWI"
msg_prefetch: .asciz "prefetch abort"
msg_data: .asciz "data abort (bad memory access)"
msg_irq: .asciz "unexpected interrupt"
