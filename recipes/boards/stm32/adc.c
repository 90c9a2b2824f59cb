/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * STM32F103 ADC1 (reference manual RM0008): 16 external channels, IN0 to
 * IN7 on PA0-PA7, IN8 and IN9 on PB0 and PB1, IN10 to IN15 on PC0-PC5,
 * 12 bits. One regular conversion of one channel, started by software
 * (EXTSEL = SWSTART), its end seen in SR.EOC. The ADC runs from PCLK2 / 2
 * (4 MHz from the 8 MHz HSI), under its 14 MHz limit.
 *
 * QEMU's netduino2 machine, which runs this firmware in the tests, has no
 * ADC at this address: there a conversion never ends, and read_u16()
 * raises OSError (the timeout below), as it would on a chip whose ADC
 * does not answer.
 */
#include "stm32_adc.h"

#define RCC_APB2ENR (*(volatile uint32_t *)0x40021018u)
#define ADC1_BASE 0x40012400u
#define ADC1(offset) (*(volatile uint32_t *)(ADC1_BASE + (offset)))
#define GPIO(port, offset) (*(volatile uint32_t *)(0x40010800u + 0x400u * (port) + (offset)))
enum { CR2 = 0x08 };
enum { CR2_ADON = 1u << 0, CR2_EXTSEL_SWSTART = 7u << 17, CR2_EXTTRIG = 1u << 20, CR2_SWSTART = 1u << 22 };
enum { APB2ENR_IOPAEN = 1u << 2, APB2ENR_ADC1EN = 1u << 9 };

int32_t p14p_adc_count(void) { return 16; }

/* The channel's pin as an analog input (CNF 00, MODE 00). */
static void analog_pin(int32_t channel) {
    int port, bit;
    p14p_stm32_adc_pin(channel, &port, &bit);
    RCC_APB2ENR |= APB2ENR_IOPAEN << port;
    GPIO(port, 0x00) &= ~(0xFu << (4 * bit)); /* CRL: every one of these pins is 0-7 */
}

int32_t p14p_adc_read(int32_t channel) {
    if (channel < 0 || channel >= 16) return -1;
    if (!(RCC_APB2ENR & APB2ENR_ADC1EN)) {
        RCC_APB2ENR |= APB2ENR_ADC1EN;
        ADC1(CR2) = CR2_ADON | CR2_EXTSEL_SWSTART | CR2_EXTTRIG; /* power on; conversions start by software */
        p14p_sleep_us(2);                                        /* tSTAB: 1 us */
    }
    analog_pin(channel);
    return p14p_stm32_adc_convert(ADC1_BASE, channel, CR2_SWSTART);
}
