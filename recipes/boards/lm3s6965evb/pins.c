/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * Stellaris LM3S6965 GPIO (from the LM3S6965 data sheet): ports A to G,
 * pin = port * 8 + bit (PA0 is 0, PF0 is 40, PG7 is 55). A port's clock is
 * turned on (SYSCTL RCGC2) before its first use; DATA is read and written
 * through the address mask, so one pin changes without touching the rest.
 * On the evaluation board the user LED is PF0 ("LED") and the select
 * switch PF1 ("BUTTON").
 */
#include "p14p_board.h"

static const uint32_t port_base[7] = {
    0x40004000u, 0x40005000u, 0x40006000u, 0x40007000u, 0x40024000u, 0x40025000u, 0x40026000u,
};
#define RCGC2 (*(volatile uint32_t *)0x400FE108u)
#define REG(pin, offset) (*(volatile uint32_t *)(port_base[(pin) / 8] + (offset)))
enum { GPIODIR = 0x400, GPIODEN = 0x51C };
#define DATA_BIT(pin) (*(volatile uint32_t *)(port_base[(pin) / 8] + ((1u << ((pin) % 8)) << 2)))

int32_t p14p_pin_count(void) { return 56; }

int32_t p14p_pin_named(const uint8_t *name, size_t length) {
    if (p14p_name_is(name, length, "LED")) return 40;
    if (p14p_name_is(name, length, "BUTTON")) return 41;
    return p14p_port_pin_named(name, length, 'G', 8); /* "PA0" .. "PG7" */
}

int32_t p14p_pin_mode(int32_t pin, int32_t output) {
    uint32_t bit = 1u << (pin % 8);
    RCGC2 |= 1u << (pin / 8);
    REG(pin, GPIODEN) |= bit;
    REG(pin, GPIODIR) = output ? (REG(pin, GPIODIR) | bit) : (REG(pin, GPIODIR) & ~bit);
    return 1;
}

void p14p_pin_write(int32_t pin, int32_t high) {
    RCGC2 |= 1u << (pin / 8);
    DATA_BIT(pin) = high ? 0xFFu : 0;
}

int32_t p14p_pin_read(int32_t pin) {
    RCGC2 |= 1u << (pin / 8);
    return DATA_BIT(pin) != 0;
}
