/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * What the common runtime, the startup code of each architecture and a
 * board's own board.c share. Board folders may override the weak
 * functions (console, clock, init) declared here.
 */
#ifndef P14P_BOARD_H
#define P14P_BOARD_H

#include <stddef.h>
#include <stdint.h>

/* Linker-defined (see common/firmware.ld.in). */
extern uint32_t __p14p_data_load[], __p14p_data_start[], __p14p_data_end[];
extern uint32_t __p14p_bss_start[], __p14p_bss_end[];
extern uint8_t __p14p_arena_start[], __p14p_arena_end[];
extern uint8_t __p14p_stack_top[], __p14p_stack_bottom[];
extern uint8_t __p14p_app_start[], __p14p_app_end[];
extern void (*__p14p_init_array_start[])(void), (*__p14p_init_array_end[])(void);

/* Called by each architecture's reset code once a stack exists. */
void p14p_start(void) __attribute__((noreturn));

/* Board hooks. p14p_board_init (weak, runtime.c) sets up clocks and pins
   in a board's board.c; the console (console/serial.c and a family
   driver, or console/semihosting.c for debugging) gives init, write and
   exit; the architecture gives a weak clock, which a board may replace. */
void p14p_board_init(void);
void p14p_console_init(void);
void p14p_console_write(int fd, const void *bytes, size_t count);
double p14p_clock_seconds(void);

/* The board services behind Python's time and machine modules (docs/porting.md).
   Each architecture gives the clock; a board's board.c gives its pins,
   overriding the weak "no pins" defaults of runtime.c. */
uint64_t p14p_ticks_us(void);        /* microseconds since start; never goes back */
void p14p_sleep_us(uint64_t us);
uint32_t p14p_cpu_hz(void);
void p14p_reset(void);
const char *p14p_board_name(void);
int32_t p14p_pin_count(void);        /* pins 0..count-1; 0: the board has none */
int32_t p14p_pin_named(const uint8_t *name, size_t length); /* -1: no such name */
int32_t p14p_pin_mode(int32_t pin, int32_t output);         /* 0: the pin cannot be */
void p14p_pin_write(int32_t pin, int32_t high);
int32_t p14p_pin_read(int32_t pin);
size_t p14p_unique_id(uint8_t *out, size_t capacity);      /* 0: none */
/* An ID read from the chip as `count` words, little-endian into `out`; 0 when
   every bit is 0 or every bit is 1 (never programmed, or not there: an emulator). */
size_t p14p_unique_id_from(const uint32_t *words, size_t count, uint8_t *out, size_t capacity);
int32_t p14p_adc_count(void);        /* channels 0..count-1; 0: the board has no ADC */
int32_t p14p_adc_read(int32_t channel);                    /* one conversion scaled to 0..65535; -1: failed */

/* machine.UART(0) is the console port (console/serial.c over the family
   driver; the semihosting debug console has no UART and says baud 0). */
uint32_t p14p_console_baud(void);
int32_t p14p_console_read(uint32_t wait_us); /* a received byte, or -1 when none came within wait_us */
int32_t p14p_console_any(void);              /* 1 when a received byte waits, else 0 */
int p14p_name_is(const uint8_t *name, size_t length, const char *want);
/* "PA0" .. "P<last>N": port letter and bit as port * per_port + bit; -1 for any other name. */
int32_t p14p_port_pin_named(const uint8_t *name, size_t length, char last, int32_t per_port);
/* Prints the end line (serial console) and halts; never returns. */
void p14p_exit(int status) __attribute__((noreturn));
/* Stops the core for good (each architecture's, with interrupts off). */
void p14p_halt(void) __attribute__((noreturn));

/* Semihosting, for the debug console (console/semihosting.c). */
long p14p_semihost(long op, void *arg);

/* Mask interrupts around the atomics a core without exclusives needs. */
uint32_t p14p_irq_save(void);
void p14p_irq_restore(uint32_t state);

size_t p14p_alloc_peak(void);
size_t p14p_alloc_in_use(void);
/* Records the allocator's figures at a phase of the run (0 started, 1 loaded) for report_memory. */
void p14p_memory_mark(int32_t phase);

/* The lowest C stack address from which the VM may start a nested run of
   its interpreter (a native calling Python); below it, RecursionError. */
uintptr_t p14p_stack_limit(void);

/* The Swift side (common/firmware/Firmware.swift). */
int32_t p14p_firmware_main(void);

#endif
