/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * Stellaris LM3S6965 ADC (from the LM3S6965 data sheet): four 10-bit
 * inputs, ADC0 to ADC3 on their own analog pins. One conversion runs on
 * sample sequencer 3 (one step: the channel, then END0), started by
 * general-purpose timer 0's time-out trigger (EMUX EM3 = timer) rather
 * than by PSSI: both start a sequence on the chip, and the timer is the
 * trigger QEMU's model of this ADC implements.
 */
#include "p14p_board.h"

#define RCGC0 (*(volatile uint32_t *)0x400FE100u)
#define RCGC1 (*(volatile uint32_t *)0x400FE104u)
#define ADC(offset) (*(volatile uint32_t *)(0x40038000u + (offset)))
#define TIMER0(offset) (*(volatile uint32_t *)(0x40030000u + (offset)))

enum { ACTSS = 0x000, RIS = 0x004, ISC = 0x00C, EMUX = 0x014, SSMUX3 = 0x0A0, SSCTL3 = 0x0A4, SSFIFO3 = 0x0A8, SSFSTAT3 = 0x0AC };
enum { SS3 = 1u << 3, EMUX_EM3_MASK = 0xFu << 12, EMUX_EM3_TIMER = 0x5u << 12, SSCTL_END0 = 1u << 1, SSCTL_IE0 = 1u << 2 };
enum { SSFSTAT_EMPTY = 1u << 8 };
enum { GPTMCFG = 0x000, GPTMTAMR = 0x004, GPTMCTL = 0x00C, GPTMTAILR = 0x028 };
enum { TAMR_PERIODIC = 0x2, CTL_TAEN = 1u << 0, CTL_TAOTE = 1u << 5 };
enum { RCGC0_ADC = 1u << 16, RCGC1_TIMER0 = 1u << 16 };

int32_t p14p_adc_count(void) { return 4; }

static void adc_setup(void) {
    static int done;
    if (done) return;
    done = 1;
    RCGC0 |= RCGC0_ADC;
    RCGC1 |= RCGC1_TIMER0;
    for (volatile int i = 0; i < 4; i++) {
    } /* a few cycles before the peripherals answer */
    ADC(ACTSS) &= ~SS3;
    ADC(EMUX) = (ADC(EMUX) & ~EMUX_EM3_MASK) | EMUX_EM3_TIMER;
    ADC(SSCTL3) = SSCTL_END0 | SSCTL_IE0;
    TIMER0(GPTMCTL) = 0;
    TIMER0(GPTMCFG) = 0; /* 32-bit timer */
    TIMER0(GPTMTAMR) = TAMR_PERIODIC;
    TIMER0(GPTMTAILR) = 400; /* a trigger every 400 cycles until the sample is in */
}

int32_t p14p_adc_read(int32_t channel) {
    if (channel < 0 || channel >= 4) return -1;
    adc_setup();
    ADC(ACTSS) &= ~SS3;
    ADC(SSMUX3) = (uint32_t)channel;
    for (int i = 0; i < 16 && !(ADC(SSFSTAT3) & SSFSTAT_EMPTY); i++) (void)ADC(SSFIFO3); /* an earlier sample */
    ADC(ISC) = SS3;
    ADC(ACTSS) |= SS3;
    TIMER0(GPTMCTL) = CTL_TAEN | CTL_TAOTE;
    /* The chip converts in microseconds; an emulator on a busy host runs the timer that
     * triggers the sample late, so the wait is long. */
    uint64_t start = p14p_ticks_us();
    while (!(ADC(RIS) & SS3) && p14p_ticks_us() - start < 100000) {
    }
    TIMER0(GPTMCTL) = 0;
    if (!(ADC(RIS) & SS3)) return -1;
    uint32_t sample = ADC(SSFIFO3) & 0x3FF;
    ADC(ISC) = SS3;
    return (int32_t)(sample << 6 | sample >> 4); /* 10 bits to 0..65535 */
}
