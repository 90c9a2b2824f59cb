// SPDX-License-Identifier: LGPL-2.1-only
//
// The guardian p14p-dist puts between itself and each tool it runs
// (ChildProcess.swift), so that a p14p-dist killed with SIGKILL, which
// cannot clean up, still takes the tool and everything it started with it.

#ifndef P14P_CHILD_GUARD_H
#define P14P_CHILD_GUARD_H

#include <sys/types.h>

/// Runs `argv[0]` (a path) with `argv` as the guardian: the tool is the
/// guardian's child, in the guardian's process group. When the tool ends,
/// the guardian ends the same way (its exit status, or its signal). When
/// the guardian's parent dies first, the guardian sends SIGTERM to the
/// whole group, waits up to two seconds, then SIGKILL. `parent` is the pid
/// that spawned the guardian, so a parent that died before the guardian
/// started watching is noticed too. Never returns.
_Noreturn void p14p_child_guard(pid_t parent, char *const argv[]);

#endif
