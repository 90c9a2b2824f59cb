/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * STM32F405 ADC1 (reference manual RM0090): 16 external channels, IN0 to
 * IN7 on PA0-PA7, IN8 and IN9 on PB0 and PB1, IN10 to IN15 on PC0-PC5,
 * 12 bits. One regular conversion of one channel started by SWSTART, its
 * end seen in SR.EOC. The ADC clock is PCLK2 / 2 (8 MHz from the 16 MHz
 * HSI), the reset prescaler.
 *
 * QEMU's model of this ADC converts when DR is read and never sets EOC:
 * there read_u16() raises OSError (the timeout below), as it would on a
 * chip whose ADC does not answer. The driver follows the chip.
 */
#include "stm32_adc.h"

#define RCC_AHB1ENR (*(volatile uint32_t *)0x40023830u)
#define RCC_APB2ENR (*(volatile uint32_t *)0x40023844u)
#define ADC1_BASE 0x40012000u
#define ADC1(offset) (*(volatile uint32_t *)(ADC1_BASE + (offset)))
#define GPIO_MODER(port) (*(volatile uint32_t *)(0x40020000u + 0x400u * (port)))
enum { CR2 = 0x08 };
enum { CR2_ADON = 1u << 0, CR2_SWSTART = 1u << 30 };
enum { APB2ENR_ADC1EN = 1u << 8 };

int32_t p14p_adc_count(void) { return 16; }

int32_t p14p_adc_read(int32_t channel) {
    if (channel < 0 || channel >= 16) return -1;
    if (!(RCC_APB2ENR & APB2ENR_ADC1EN)) {
        RCC_APB2ENR |= APB2ENR_ADC1EN;
        ADC1(CR2) = CR2_ADON;
        p14p_sleep_us(3); /* tSTAB: 3 us */
    }
    int port, bit;
    p14p_stm32_adc_pin(channel, &port, &bit);
    RCC_AHB1ENR |= 1u << port;
    GPIO_MODER(port) |= 3u << (2 * bit); /* analog */
    return p14p_stm32_adc_convert(ADC1_BASE, channel, CR2_SWSTART);
}
