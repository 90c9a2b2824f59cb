/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * STM32F103 (STM3210E-EVAL): the core runs from the 8 MHz internal HSI
 * oscillator as at reset. The console is USART2 on PA2 (TX) and PA3 (RX),
 * the evaluation board's CN8; the same USART and address as on QEMU's
 * netduino2 (an STM32F205), which runs this firmware in the tests.
 */
#include "p14p_board.h"

#define RCC_APB2ENR (*(volatile uint32_t *)0x40021018u)
#define RCC_APB1ENR (*(volatile uint32_t *)0x4002101Cu)
#define GPIOA_CRL (*(volatile uint32_t *)0x40010800u)

enum { APB2ENR_IOPAEN = 1u << 2, APB1ENR_USART2EN = 1u << 17 };

void p14p_board_init(void) {
    RCC_APB2ENR |= APB2ENR_IOPAEN;
    RCC_APB1ENR |= APB1ENR_USART2EN;
    /* PA2: alternate function push-pull, 50 MHz (0xB); PA3: floating input (0x4). */
    GPIOA_CRL = (GPIOA_CRL & ~0xFF00u) | 0x4B00u;
}

/* machine.unique_id(): the STM32F1's 96-bit unique device ID (reference manual RM0008, 0x1FFFF7E8). */
size_t p14p_unique_id(uint8_t *out, size_t capacity) {
    const volatile uint32_t *uid = (const volatile uint32_t *)0x1FFFF7E8u;
    uint32_t words[3] = {uid[0], uid[1], uid[2]};
    return p14p_unique_id_from(words, 3, out, capacity);
}
