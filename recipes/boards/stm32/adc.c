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
#include "p14p_board.h"

#define RCC_APB2ENR (*(volatile uint32_t *)0x40021018u)
#define ADC1(offset) (*(volatile uint32_t *)(0x40012400u + (offset)))
#define GPIO(port, offset) (*(volatile uint32_t *)(0x40010800u + 0x400u * (port) + (offset)))
enum { SR = 0x00, CR2 = 0x08, SMPR1 = 0x0C, SMPR2 = 0x10, SQR1 = 0x2C, SQR3 = 0x34, DR = 0x4C };
enum { SR_EOC = 1u << 1, CR2_ADON = 1u << 0, CR2_EXTSEL_SWSTART = 7u << 17, CR2_EXTTRIG = 1u << 20, CR2_SWSTART = 1u << 22 };
enum { APB2ENR_IOPAEN = 1u << 2, APB2ENR_ADC1EN = 1u << 9 };

int32_t p14p_adc_count(void) { return 16; }

/* The channel's pin as an analog input (CNF 00, MODE 00). */
static void analog_pin(int32_t channel) {
    int port = channel < 8 ? 0 : (channel < 10 ? 1 : 2);
    int bit = channel < 8 ? channel : (channel < 10 ? channel - 8 : channel - 10);
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
    ADC1(SMPR1) = 0x3FFFFu;    /* the longest sample time (239.5 cycles) on channels 10-15 ... */
    ADC1(SMPR2) = 0x3FFFFFFFu; /* ... and 0-9: for any source impedance */
    ADC1(SQR1) = 0;           /* one conversion in the sequence */
    ADC1(SQR3) = (uint32_t)channel;
    ADC1(CR2) |= CR2_SWSTART;
    uint64_t start = p14p_ticks_us();
    while (!(ADC1(SR) & SR_EOC)) {
        if (p14p_ticks_us() - start > 1000) return -1; /* a conversion takes under 70 us */
    }
    uint32_t sample = ADC1(DR) & 0xFFF; /* reading DR clears EOC */
    return (int32_t)(sample << 4 | sample >> 8); /* 12 bits to 0..65535 */
}
