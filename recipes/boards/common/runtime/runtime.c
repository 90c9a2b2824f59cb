/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * The C side every board shares: memory setup before Swift runs, the
 * symbols Embedded Swift and the C library expect from an OS, and the
 * helpers the VM's platform hooks call.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include "p14p_board.h"

__attribute__((weak)) void p14p_board_init(void) {}

/* report_memory (a recipe's [build] report_memory = true, for measuring a
   board) prints the allocator's figures and the C stack's depth at exit. */
#if P14P_REPORT_MEMORY
#define STACK_PAINT 0x5afe57acu

/* Marks the unused C stack, so report_memory can tell how deep it went. */
static void paint_stack(void) {
    uint32_t *p = (uint32_t *)__p14p_stack_bottom;
    uint32_t *here = (uint32_t *)__builtin_frame_address(0) - 32;
    while (p < here) *p++ = STACK_PAINT;
}

static size_t stack_used(void) {
    uint32_t *p = (uint32_t *)__p14p_stack_bottom;
    while (p < (uint32_t *)__p14p_stack_top && *p == STACK_PAINT) p++;
    return (size_t)(__p14p_stack_top - (uint8_t *)p);
}

static void write_decimal(size_t n) {
    char digits[12];
    int i = sizeof digits;
    do {
        digits[--i] = (char)('0' + n % 10);
        n /= 10;
    } while (n && i > 0);
    p14p_console_write(2, digits + i, sizeof digits - (size_t)i);
}

/* The allocator's use and peak when the VM has started and when the image is loaded. */
static size_t marks[2][2];

/* The deepest nested-run check passed (the VM's measuring build reports it
   at exit): how far below it the stack went is what P14P_STACK_MARGIN must
   cover. */
static uintptr_t deepest_check;
void p14p_deepest_stack_check(uintptr_t address) { deepest_check = address; }

void p14p_memory_mark(int32_t phase) {
    if (phase >= 0 && phase < 2) {
        marks[phase][0] = p14p_alloc_in_use();
        marks[phase][1] = p14p_alloc_peak();
    }
}

/* For the figures in docs/firmware.md: how much of the arena the run needed at most. */
static void report_memory(void) {
    static const char started[] = "p14p: started in ", loaded[] = " (peak ", paren[] = "), loaded in ";
    p14p_console_write(2, started, sizeof started - 1);
    write_decimal(marks[0][0]);
    p14p_console_write(2, loaded, sizeof loaded - 1);
    write_decimal(marks[0][1]);
    p14p_console_write(2, paren, sizeof paren - 1);
    write_decimal(marks[1][0]);
    p14p_console_write(2, loaded, sizeof loaded - 1);
    write_decimal(marks[1][1]);
    p14p_console_write(2, ")\n", 2);
    static const char peak[] = "p14p: allocator peak ", of[] = " bytes of an arena of ", stack[] = " bytes; C stack ",
                      end[] = " bytes\n";
    p14p_console_write(2, peak, sizeof peak - 1);
    write_decimal(p14p_alloc_peak());
    p14p_console_write(2, of, sizeof of - 1);
    write_decimal((size_t)(__p14p_arena_end - __p14p_arena_start));
    p14p_console_write(2, stack, sizeof stack - 1);
    write_decimal(stack_used());
    static const char check[] = " bytes; deepest check passed at ";
    p14p_console_write(2, check, sizeof check - 1);
    write_decimal(deepest_check ? (size_t)(__p14p_stack_top - (uint8_t *)deepest_check) : 0);
    p14p_console_write(2, end, sizeof end - 1);
}
#else
void p14p_memory_mark(int32_t phase) { (void)phase; }
#endif

/* Seconds for sys.time(), from the architecture's microsecond clock. */
double p14p_clock_seconds(void) { return (double)p14p_ticks_us() / 1e6; }

/* The defaults of a board that has not ported its pins (docs/porting.md). */
#ifndef P14P_BOARD_NAME
#define P14P_BOARD_NAME "unnamed"
#endif
const char *p14p_board_name(void) { return P14P_BOARD_NAME; }
__attribute__((weak)) int32_t p14p_pin_count(void) { return 0; }
__attribute__((weak)) int32_t p14p_pin_named(const uint8_t *name, size_t length) { (void)name; (void)length; return -1; }
__attribute__((weak)) int32_t p14p_pin_mode(int32_t pin, int32_t output) { (void)pin; (void)output; return 0; }
__attribute__((weak)) void p14p_pin_write(int32_t pin, int32_t high) { (void)pin; (void)high; }
__attribute__((weak)) int32_t p14p_pin_read(int32_t pin) { (void)pin; return 0; }
__attribute__((weak)) size_t p14p_unique_id(uint8_t *out, size_t capacity) { (void)out; (void)capacity; return 0; }
size_t p14p_unique_id_from(const uint32_t *words, size_t count, uint8_t *out, size_t capacity) {
    uint32_t all = 0, none = ~0u;
    for (size_t i = 0; i < count; i++) {
        all |= words[i];
        none &= words[i];
    }
    if (all == 0 || none == ~0u) return 0;
    size_t n = 0;
    for (size_t i = 0; i < count; i++)
        for (int b = 0; b < 4 && n < capacity; b++) out[n++] = (uint8_t)(words[i] >> (8 * b));
    return n;
}

__attribute__((weak)) int32_t p14p_adc_count(void) { return 0; }
__attribute__((weak)) int32_t p14p_adc_read(int32_t channel) { (void)channel; return -1; }

/* Matches a pin name given by Python (not NUL-terminated) with a C string. */
int p14p_name_is(const uint8_t *name, size_t length, const char *want) {
    return strlen(want) == length && memcmp(name, want, length) == 0;
}

int32_t p14p_port_pin_named(const uint8_t *name, size_t length, char last, int32_t per_port) {
    if (length < 3 || length > 4 || name[0] != 'P' || name[1] < 'A' || name[1] > (uint8_t)last) return -1;
    int32_t bit = 0;
    for (size_t i = 2; i < length; i++) {
        if (name[i] < '0' || name[i] > '9' || (i == 2 && length == 4 && name[i] == '0')) return -1;
        bit = bit * 10 + (name[i] - '0');
    }
    return bit < per_port ? (name[1] - 'A') * per_port + bit : -1;
}

/* Room kept below the limit: the most the C stack goes below a passed
   check before the next one (a native's own work, or a traceback printed,
   under a nested run of the interpreter loop). Measured over the corpus
   (a build recording the deepest check passed, beside the painted stack's
   depth): at most 1,376 bytes on ARMv6-M, 1,343 on RV32,
   1,367 on ARMv7-M; half as much again for paths the corpus does not take. */
#define P14P_STACK_MARGIN 2048

uintptr_t p14p_stack_limit(void) { return (uintptr_t)__p14p_stack_bottom + P14P_STACK_MARGIN; }

void p14p_start(void) {
    uint32_t *src = __p14p_data_load, *dst = __p14p_data_start;
    if (src != dst)
        while (dst < __p14p_data_end) *dst++ = *src++;
    for (uint32_t *p = __p14p_bss_start; p < __p14p_bss_end; p++) *p = 0;
    for (void (**f)(void) = __p14p_init_array_start; f < __p14p_init_array_end; f++) (*f)();
#if P14P_REPORT_MEMORY
    paint_stack();
#endif
    p14p_board_init();
    p14p_console_init();
    int status = p14p_firmware_main();
#if P14P_REPORT_MEMORY
    report_memory();
#endif
    p14p_exit(status);
}

/* Swift traps and CPU faults end here (from each architecture's handlers). */
void p14p_fatal_at(const char *what, uint32_t pc) {
    static const char prefix[] = "p14p: fatal: ";
    p14p_console_write(2, prefix, sizeof prefix - 1);
    p14p_console_write(2, what, strlen(what));
    if (pc) {
        char at[] = " at pc 0x00000000";
        for (int i = 0; i < 8; i++) at[sizeof at - 2 - i] = "0123456789abcdef"[(pc >> (4 * i)) & 15];
        p14p_console_write(2, at, sizeof at - 1);
    }
    p14p_console_write(2, "\n", 1);
    p14p_exit(134);
}

void p14p_fatal(const char *what) { p14p_fatal_at(what, 0); }

/*
 * newlib's own assert (its big-number code for strtod and printf has some)
 * would pull in fprintf and the FILE machinery, several KiB of flash for a
 * message no board can show better than this.
 */
void __assert_func(const char *file, int line, const char *func, const char *expr) {
    (void)file; (void)line; (void)func;
    p14p_fatal(expr ? expr : "assertion failed in the C library");
}


#undef putchar /* a macro in picolibc */
int putchar(int c) {
    char b = (char)c;
    p14p_console_write(1, &b, 1);
    return c & 0xff;
}

/* Swift seeds its hashing with this; a fixed sequence keeps runs reproducible. */
void arc4random_buf(void *buf, size_t n) {
    static uint32_t state = 0x9e3779b9u;
    uint8_t *p = buf;
    for (size_t i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        p[i] = (uint8_t)state;
    }
}

/*
 * Cores without load/store-exclusive (ARMv6-M, ARMv4T) get their 4-byte
 * atomics from the compiler as calls; a single core makes masking
 * interrupts enough.
 */
#if defined(__arm__) && !defined(__ARM_FEATURE_LDREX)
uint32_t __atomic_load_4(const volatile void *p, int order) {
    (void)order;
    return *(const volatile uint32_t *)p;
}
void __atomic_store_4(volatile void *p, uint32_t v, int order) {
    (void)order;
    *(volatile uint32_t *)p = v;
}
uint32_t __atomic_exchange_4(volatile void *p, uint32_t v, int order) {
    (void)order;
    uint32_t s = p14p_irq_save();
    uint32_t old = *(volatile uint32_t *)p;
    *(volatile uint32_t *)p = v;
    p14p_irq_restore(s);
    return old;
}
_Bool __atomic_compare_exchange_4(volatile void *p, void *expected, uint32_t desired, _Bool weak, int s_order,
                                  int f_order) {
    (void)weak; (void)s_order; (void)f_order;
    uint32_t s = p14p_irq_save();
    uint32_t cur = *(volatile uint32_t *)p;
    _Bool ok = cur == *(uint32_t *)expected;
    if (ok) *(volatile uint32_t *)p = desired;
    else *(uint32_t *)expected = cur;
    p14p_irq_restore(s);
    return ok;
}
#define P14P_ATOMIC_RMW(name, op)                                          \
    uint32_t __atomic_fetch_##name##_4(volatile void *p, uint32_t v, int order) { \
        (void)order;                                                       \
        uint32_t s = p14p_irq_save();                                      \
        uint32_t old = *(volatile uint32_t *)p;                            \
        *(volatile uint32_t *)p = old op v;                                \
        p14p_irq_restore(s);                                               \
        return old;                                                        \
    }
P14P_ATOMIC_RMW(add, +)
P14P_ATOMIC_RMW(sub, -)
P14P_ATOMIC_RMW(and, &)
P14P_ATOMIC_RMW(or, |)
P14P_ATOMIC_RMW(xor, ^)
#endif

/* Helpers for the VM's hooks (called from Firmware.swift). */

double p14p_pow(double x, double y) { return pow(x, y); }

/* The application section: header, code image, argv (see docs/firmware.md). */
const uint8_t *p14p_app_section(int32_t *capacity) {
    *capacity = (int32_t)(__p14p_app_end - __p14p_app_start);
    return __p14p_app_start;
}

/* The C library's OS layer: no files, no processes. */
struct stat;
int _close(int fd) { (void)fd; return -1; }
int _fstat(int fd, struct stat *st) { (void)fd; (void)st; return -1; }
int _isatty(int fd) { return fd < 3; }
long _lseek(int fd, long off, int whence) { (void)fd; (void)off; (void)whence; return -1; }
int _read(int fd, void *buf, size_t n) { (void)fd; (void)buf; (void)n; return 0; }
int _write(int fd, const void *buf, size_t n) {
    p14p_console_write(fd, buf, n);
    return (int)n;
}
void _exit(int status) { p14p_exit(status); }
int _kill(int pid, int sig) { (void)pid; (void)sig; return -1; }
int _getpid(void) { return 1; }
void *_sbrk(ptrdiff_t incr) { (void)incr; return (void *)-1; }
