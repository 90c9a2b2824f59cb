/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * STM32F405 GPIO (reference manual RM0090): ports A to I at 0x40020000,
 * 0x400 apart; pin = port * 16 + bit (PA10 is 10, PB11 is 27). A port's
 * clock is turned on (RCC AHB1ENR GPIOxEN) before its first use. MODER
 * gives each pin two bits, 00 input, 01 output (push-pull, the reset
 * OTYPER); BSRR sets (low half) or resets (high half) one pin. An output
 * reads back its ODR bit, an input its IDR bit. On the Netduino Plus 2
 * the blue user LED is PA10 and the switch PB11 (high when pressed).
 *
 * QEMU's netduinoplus2 machine maps these registers as an unimplemented
 * device: there the writes are ignored and reads give 0.
 */
#include "p14p_board.h"

#define RCC_AHB1ENR (*(volatile uint32_t *)0x40023830u)
#define PORT(pin, offset) (*(volatile uint32_t *)(0x40020000u + 0x400u * (uint32_t)((pin) / 16) + (offset)))
enum { MODER = 0x00, IDR = 0x10, ODR = 0x14, BSRR = 0x18 };

int32_t p14p_pin_count(void) { return 9 * 16; }

int32_t p14p_pin_named(const uint8_t *name, size_t length) {
    if (p14p_name_is(name, length, "LED")) return 10;
    if (p14p_name_is(name, length, "BUTTON")) return 16 + 11;
    return p14p_port_pin_named(name, length, 'I', 16); /* "PA0" .. "PI15" */
}

int32_t p14p_pin_mode(int32_t pin, int32_t output) {
    RCC_AHB1ENR |= 1u << (pin / 16);
    uint32_t shift = 2u * (uint32_t)(pin % 16);
    PORT(pin, MODER) = (PORT(pin, MODER) & ~(3u << shift)) | ((output ? 1u : 0u) << shift);
    return 1;
}

void p14p_pin_write(int32_t pin, int32_t high) {
    RCC_AHB1ENR |= 1u << (pin / 16);
    PORT(pin, BSRR) = 1u << (pin % 16 + (high ? 0 : 16));
}

int32_t p14p_pin_read(int32_t pin) {
    uint32_t is_output = (PORT(pin, MODER) >> (2u * (uint32_t)(pin % 16))) & 3u;
    return (PORT(pin, is_output == 1 ? ODR : IDR) >> (pin % 16)) & 1;
}
