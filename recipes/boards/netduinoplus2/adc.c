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
#include "p14p_board.h"

#define RCC_AHB1ENR (*(volatile uint32_t *)0x40023830u)
#define RCC_APB2ENR (*(volatile uint32_t *)0x40023844u)
#define ADC1(offset) (*(volatile uint32_t *)(0x40012000u + (offset)))
#define GPIO_MODER(port) (*(volatile uint32_t *)(0x40020000u + 0x400u * (port)))
enum { SR = 0x00, CR2 = 0x08, SMPR1 = 0x0C, SMPR2 = 0x10, SQR1 = 0x2C, SQR3 = 0x34, DR = 0x4C };
enum { SR_EOC = 1u << 1, CR2_ADON = 1u << 0, CR2_SWSTART = 1u << 30 };
enum { APB2ENR_ADC1EN = 1u << 8 };

int32_t p14p_adc_count(void) { return 16; }

int32_t p14p_adc_read(int32_t channel) {
    if (channel < 0 || channel >= 16) return -1;
    if (!(RCC_APB2ENR & APB2ENR_ADC1EN)) {
        RCC_APB2ENR |= APB2ENR_ADC1EN;
        ADC1(CR2) = CR2_ADON;
        p14p_sleep_us(3); /* tSTAB: 3 us */
    }
    int port = channel < 8 ? 0 : (channel < 10 ? 1 : 2);
    int bit = channel < 8 ? channel : (channel < 10 ? channel - 8 : channel - 10);
    RCC_AHB1ENR |= 1u << port;
    GPIO_MODER(port) |= 3u << (2 * bit); /* analog */
    ADC1(SMPR1) = 0x3FFFFu;               /* the longest sample time (480 cycles) on channels 10-15 ... */
    ADC1(SMPR2) = 0x3FFFFFFFu;            /* ... and 0-9 */
    ADC1(SQR1) = 0;                       /* one conversion */
    ADC1(SQR3) = (uint32_t)channel;
    ADC1(CR2) |= CR2_SWSTART;
    uint64_t start = p14p_ticks_us();
    while (!(ADC1(SR) & SR_EOC)) {
        if (p14p_ticks_us() - start > 1000) return -1; /* a conversion takes under 70 us */
    }
    uint32_t sample = ADC1(DR) & 0xFFF; /* reading DR clears EOC */
    return (int32_t)(sample << 4 | sample >> 8);
}
