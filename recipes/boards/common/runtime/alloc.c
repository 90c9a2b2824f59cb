/* SPDX-License-Identifier: LGPL-2.1-only */
/*
 * The allocator behind Embedded Swift (posix_memalign/free) and the C
 * library (malloc and friends): first fit over an address-ordered free
 * list in the RAM the linker leaves between .bss and the C stack. Freed
 * blocks merge with their neighbours, so a growing Swift array or
 * dictionary does not fragment the arena into unusable pieces.
 */
#include <errno.h>
#include <string.h>
#include "p14p_board.h"

/* A free block; its size includes this node. Sizes are multiples of 8. */
typedef struct free_block {
    size_t size;
    struct free_block *next;
} free_block;

/* Stored just before each pointer handed out. */
typedef struct {
    uint32_t size;   /* of the whole block, from its start */
    uint32_t offset; /* from the block's start to the user pointer */
} block_header;

static free_block *free_list;
static int arena_ready;
static size_t bytes_in_use, peak_in_use;

#define ROUND8(n) (((n) + 7u) & ~(size_t)7u)

static void arena_init(void) {
    uintptr_t start = ((uintptr_t)__p14p_arena_start + 7u) & ~(uintptr_t)7u;
    uintptr_t end = (uintptr_t)__p14p_arena_end & ~(uintptr_t)7u;
    arena_ready = 1;
    if (end <= start + sizeof(free_block)) return;
    free_list = (free_block *)start;
    free_list->size = end - start;
    free_list->next = 0;
}

static void *arena_alloc(size_t size, size_t align) {
    if (!arena_ready) arena_init();
    if (align < 8) align = 8;
    if (size == 0) size = 1;
    if (size > 0x7fffffffu) return 0;
    free_block **link = &free_list;
    for (free_block *b = free_list; b; link = &b->next, b = b->next) {
        uintptr_t start = (uintptr_t)b;
        uintptr_t user = (start + sizeof(block_header) + align - 1) & ~(uintptr_t)(align - 1);
        size_t used = ROUND8(user + size - start);
        if (used > b->size) continue;
        if (b->size - used >= 2 * sizeof(free_block)) {
            free_block *rest = (free_block *)(start + used);
            rest->size = b->size - used;
            rest->next = b->next;
            *link = rest;
        } else {
            used = b->size;
            *link = b->next;
        }
        block_header *h = (block_header *)(user - sizeof(block_header));
        h->size = (uint32_t)used;
        h->offset = (uint32_t)(user - start);
        bytes_in_use += used;
        if (bytes_in_use > peak_in_use) peak_in_use = bytes_in_use;
        return (void *)user;
    }
    return 0;
}

static void arena_free(void *p) {
    if (!p) return;
    block_header *h = (block_header *)((uintptr_t)p - sizeof(block_header));
    free_block *b = (free_block *)((uintptr_t)p - h->offset);
    b->size = h->size;
    bytes_in_use -= b->size;
    /* Insert in address order, then merge with the following and preceding blocks. */
    free_block *prev = 0, *next = free_list;
    while (next && next < b) {
        prev = next;
        next = next->next;
    }
    b->next = next;
    if (next && (uintptr_t)b + b->size == (uintptr_t)next) {
        b->size += next->size;
        b->next = next->next;
    }
    if (prev && (uintptr_t)prev + prev->size == (uintptr_t)b) {
        prev->size += b->size;
        prev->next = b->next;
    } else if (prev) {
        prev->next = b;
    } else {
        free_list = b;
    }
}

static size_t usable_size(void *p) {
    block_header *h = (block_header *)((uintptr_t)p - sizeof(block_header));
    return h->size - h->offset;
}

/* The peak of bytes handed out, for the size figures in the recipes' docs. */
size_t p14p_alloc_peak(void) { return peak_in_use; }
size_t p14p_alloc_in_use(void) { return bytes_in_use; }

static void report_exhausted(size_t size) {
    static const char text[] = "p14p: out of memory in the firmware runtime (Swift or C allocation)\n";
    (void)size;
    p14p_console_write(2, text, sizeof text - 1);
}

int posix_memalign(void **out, size_t align, size_t size) {
    void *p = arena_alloc(size, align);
    if (!p) {
        report_exhausted(size);
        return ENOMEM;
    }
    *out = p;
    return 0;
}

void *malloc(size_t size) {
    void *p = arena_alloc(size, 8);
    if (!p) report_exhausted(size);
    return p;
}

void free(void *p) { arena_free(p); }

void *calloc(size_t count, size_t size) {
    if (size && count > 0x7fffffffu / size) return 0;
    void *p = malloc(count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

void *realloc(void *p, size_t size) {
    if (!p) return malloc(size);
    size_t old = usable_size(p);
    if (size <= old) return p;
    void *q = malloc(size);
    if (q) {
        memcpy(q, p, old);
        arena_free(p);
    }
    return q;
}

void *aligned_alloc(size_t align, size_t size) { return arena_alloc(size, align); }

/* newlib's reentrant entry points (its float formatting allocates through these). */
struct _reent;
void *_malloc_r(struct _reent *r, size_t size) { (void)r; return malloc(size); }
void _free_r(struct _reent *r, void *p) { (void)r; free(p); }
void *_calloc_r(struct _reent *r, size_t count, size_t size) { (void)r; return calloc(count, size); }
void *_realloc_r(struct _reent *r, void *p, size_t size) { (void)r; return realloc(p, size); }
