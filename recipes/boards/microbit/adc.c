/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * nRF51 ADC (nRF51 series reference manual): eight analog inputs AIN0 to
 * AIN7 (P0.26, P0.27, P0.01 to P0.06; the micro:bit's edge pins 0, 1 and 2
 * are AIN4, AIN3 and AIN2), 10 bits. One conversion of one input, scaled
 * by one third against the 1.2 V band gap so the whole supply range fits,
 * started by TASKS_START and ended by EVENTS_END.
 *
 * QEMU's microbit machine does not model this ADC: there a conversion never
 * ends, and read_u16() raises OSError (the timeout below), as it would on a
 * chip whose ADC does not answer.
 */
#include "p14p_board.h"

#define ADC(offset) (*(volatile uint32_t *)(0x40007000u + (offset)))
enum { TASKS_START = 0x000, EVENTS_END = 0x100, ENABLE = 0x500, CONFIG = 0x504, RESULT = 0x508 };
enum { CONFIG_RES_10BIT = 2u, CONFIG_INPSEL_ONE_THIRD = 2u << 2, CONFIG_REFSEL_VBG = 0u << 5, CONFIG_PSEL_SHIFT = 8 };

int32_t p14p_adc_count(void) { return 8; }

int32_t p14p_adc_read(int32_t channel) {
    if (channel < 0 || channel >= 8) return -1;
    ADC(ENABLE) = 1;
    ADC(CONFIG) = CONFIG_RES_10BIT | CONFIG_INPSEL_ONE_THIRD | CONFIG_REFSEL_VBG | (1u << (CONFIG_PSEL_SHIFT + channel));
    ADC(EVENTS_END) = 0;
    ADC(TASKS_START) = 1;
    uint64_t start = p14p_ticks_us();
    while (!ADC(EVENTS_END)) {
        if (p14p_ticks_us() - start > 1000) { /* a conversion takes 68 us */
            ADC(ENABLE) = 0;
            return -1;
        }
    }
    ADC(EVENTS_END) = 0;
    uint32_t sample = ADC(RESULT) & 0x3FF;
    ADC(ENABLE) = 0; /* the ADC draws current while enabled */
    return (int32_t)(sample << 6 | sample >> 4);
}
