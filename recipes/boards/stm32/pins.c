/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * STM32F103 GPIO (reference manual RM0008): ports A to G at 0x40010800,
 * 0x400 apart; pin = port * 16 + bit (PA0 is 0, PF6 is 86, PG15 is 111).
 * A port's clock is turned on (RCC APB2ENR IOPxEN) before its first use.
 * Each pin has four configuration bits in CRL (pins 0-7) or CRH (8-15):
 * an output is push-pull at 2 MHz (MODE 10, CNF 00), an input floating
 * (MODE 00, CNF 01), the reset state. An output reads back its ODR bit,
 * an input its IDR bit. On the STM3210E-EVAL the LEDs LD1 to LD4 are PF6
 * to PF9 ("LED" is LD1) and the Key button is PG8.
 *
 * QEMU's netduino2 machine, which runs this firmware in the tests, has no
 * GPIO at these addresses: there the writes go nowhere and reads give 0.
 */
#include "p14p_board.h"

#define RCC_APB2ENR (*(volatile uint32_t *)0x40021018u)
#define PORT(pin, offset) (*(volatile uint32_t *)(0x40010800u + 0x400u * (uint32_t)((pin) / 16) + (offset)))
enum { CRL = 0x00, CRH = 0x04, IDR = 0x08, ODR = 0x0C, BSRR = 0x10, BRR = 0x14 };
enum { CONFIG_OUTPUT_2MHZ = 0x2, CONFIG_INPUT_FLOATING = 0x4 };

int32_t p14p_pin_count(void) { return 7 * 16; }

int32_t p14p_pin_named(const uint8_t *name, size_t length) {
    if (p14p_name_is(name, length, "LED") || p14p_name_is(name, length, "LED1")) return 5 * 16 + 6;
    if (p14p_name_is(name, length, "LED2")) return 5 * 16 + 7;
    if (p14p_name_is(name, length, "LED3")) return 5 * 16 + 8;
    if (p14p_name_is(name, length, "LED4")) return 5 * 16 + 9;
    if (p14p_name_is(name, length, "BUTTON")) return 6 * 16 + 8;
    return p14p_port_pin_named(name, length, 'G', 16); /* "PA0" .. "PG15" */
}

static volatile uint32_t *config_register(int32_t pin) { return &PORT(pin, (pin % 16) < 8 ? CRL : CRH); }

int32_t p14p_pin_mode(int32_t pin, int32_t output) {
    RCC_APB2ENR |= 1u << (2 + pin / 16); /* IOPAEN is bit 2 */
    volatile uint32_t *config = config_register(pin);
    uint32_t shift = 4u * (uint32_t)(pin % 8);
    *config = (*config & ~(0xFu << shift)) | ((output ? CONFIG_OUTPUT_2MHZ : CONFIG_INPUT_FLOATING) << shift);
    return 1;
}

void p14p_pin_write(int32_t pin, int32_t high) {
    RCC_APB2ENR |= 1u << (2 + pin / 16);
    PORT(pin, high ? BSRR : BRR) = 1u << (pin % 16); /* set or reset one bit, the others untouched */
}

int32_t p14p_pin_read(int32_t pin) {
    uint32_t is_output = (*config_register(pin) >> (4u * (uint32_t)(pin % 8))) & 0x3u; /* MODE bits */
    return (PORT(pin, is_output ? ODR : IDR) >> (pin % 16)) & 1;
}
