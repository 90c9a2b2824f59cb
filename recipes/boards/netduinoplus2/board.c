/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * Netduino Plus 2 (STM32F405): the core runs from the 16 MHz internal HSI
 * oscillator as at reset. The console is USART2 on PA2 (TX, header D3) and
 * PA3 (RX, header D2), the board's COM2.
 */
#include "p14p_board.h"

#define RCC_AHB1ENR (*(volatile uint32_t *)0x40023830u)
#define RCC_APB1ENR (*(volatile uint32_t *)0x40023840u)
#define GPIOA_MODER (*(volatile uint32_t *)0x40020000u)
#define GPIOA_AFRL (*(volatile uint32_t *)0x40020020u)

enum { AHB1ENR_GPIOAEN = 1u << 0, APB1ENR_USART2EN = 1u << 17, AF7_USART = 7 };

void p14p_board_init(void) {
    RCC_AHB1ENR |= AHB1ENR_GPIOAEN;
    RCC_APB1ENR |= APB1ENR_USART2EN;
    GPIOA_AFRL = (GPIOA_AFRL & ~0xFF00u) | (AF7_USART << 8) | (AF7_USART << 12);
    GPIOA_MODER = (GPIOA_MODER & ~0xF0u) | 0xA0u; /* PA2, PA3: alternate function */
}

