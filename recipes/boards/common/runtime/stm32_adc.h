/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * One regular conversion on an STM32 ADC: the STM32F1's and STM32F4's ADCs
 * have these registers at the same offsets (reference manuals RM0008 and
 * RM0090), and differ in their base address, the bit of CR2 that starts a
 * conversion, and how they are clocked and powered on (the board's adc.c).
 */
#ifndef P14P_STM32_ADC_H
#define P14P_STM32_ADC_H

#include "p14p_board.h"

/* The pin of external channel IN0-IN15 on both families: PA0-PA7, PB0-PB1, PC0-PC5 (port 0 is A). */
static inline void p14p_stm32_adc_pin(int32_t channel, int *port, int *bit) {
    *port = channel < 8 ? 0 : (channel < 10 ? 1 : 2);
    *bit = channel < 8 ? channel : (channel < 10 ? channel - 8 : channel - 10);
}

/* The channel's value scaled from 12 bits to 0..65535, or -1 when EOC does
   not come within 1 ms (a conversion at the longest sample time takes
   under 70 us). */
static inline int32_t p14p_stm32_adc_convert(uintptr_t base, int32_t channel, uint32_t start_bit) {
    enum { SR = 0x00, CR2 = 0x08, SMPR1 = 0x0C, SMPR2 = 0x10, SQR1 = 0x2C, SQR3 = 0x34, DR = 0x4C, SR_EOC = 1u << 1 };
#define P14P_STM32_ADC(offset) (*(volatile uint32_t *)(base + (offset)))
    P14P_STM32_ADC(SMPR1) = 0x3FFFFu;    /* the longest sample time on channels 10-15 ... */
    P14P_STM32_ADC(SMPR2) = 0x3FFFFFFFu; /* ... and 0-9: for any source impedance */
    P14P_STM32_ADC(SQR1) = 0;            /* one conversion in the sequence */
    P14P_STM32_ADC(SQR3) = (uint32_t)channel;
    P14P_STM32_ADC(CR2) |= start_bit;
    uint64_t start = p14p_ticks_us();
    while (!(P14P_STM32_ADC(SR) & SR_EOC)) {
        if (p14p_ticks_us() - start > 1000) return -1;
    }
    uint32_t sample = P14P_STM32_ADC(DR) & 0xFFF; /* reading DR clears EOC */
#undef P14P_STM32_ADC
    return (int32_t)(sample << 4 | sample >> 8);
}

#endif
