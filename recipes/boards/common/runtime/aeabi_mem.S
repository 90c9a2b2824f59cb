/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * ARM run-time ABI memory helpers, as branches to the C library. In
 * assembly because the compiler lowers a memcpy call in C back into
 * __aeabi_memcpy. __aeabi_memset takes (dest, n, c): swap to (dest, c, n).
 * The tail call goes through r3 (free: the targets take three arguments)
 * because a Thumb-1 `b` reaches only 2 KiB, and the linker may place the
 * C library's function farther (it did in a report_memory build).
 */
#if defined(__arm__)
    .syntax unified
    .text

    .macro P14P_ALIAS name, target
    .global \name
    .type \name, %function
    .section .text.\name, "ax", %progbits
    .balign 4
\name:
    ldr r3, =\target
    bx r3
    .ltorg
    .endm

    P14P_ALIAS __aeabi_memcpy, memcpy
    P14P_ALIAS __aeabi_memcpy4, memcpy
    P14P_ALIAS __aeabi_memcpy8, memcpy
    P14P_ALIAS __aeabi_memmove, memmove
    P14P_ALIAS __aeabi_memmove4, memmove
    P14P_ALIAS __aeabi_memmove8, memmove

    .macro P14P_MEMSET name
    .global \name
    .type \name, %function
    .section .text.\name, "ax", %progbits
    .balign 4
\name:
    mov r3, r1
    mov r1, r2
    mov r2, r3
    ldr r3, =memset
    bx r3
    .ltorg
    .endm

    P14P_MEMSET __aeabi_memset
    P14P_MEMSET __aeabi_memset4
    P14P_MEMSET __aeabi_memset8

    .macro P14P_MEMCLR name
    .global \name
    .type \name, %function
    .section .text.\name, "ax", %progbits
    .balign 4
\name:
    mov r2, r1
    movs r1, #0
    ldr r3, =memset
    bx r3
    .ltorg
    .endm

    P14P_MEMCLR __aeabi_memclr
    P14P_MEMCLR __aeabi_memclr4
    P14P_MEMCLR __aeabi_memclr8
#endif
