// SPDX-License-Identifier: LGPL-2.1-only
//
// Why C: prctl(PR_SET_PDEATHSIG) is the only way to hear of a SIGKILLed
// parent, and it is variadic, which Swift cannot call. Linux only; on other
// systems the guardian just runs the tool and passes its status on.

#include "child_guard.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/prctl.h>
#endif

static volatile sig_atomic_t parent_gone = 0;

static void on_parent_death(int signal_number) {
    (void)signal_number;
    parent_gone = 1;
}

static void say(const char *a, const char *b, const char *c) {
    const char *parts[] = {"p14p-dist: cannot run ", a, ": ", b, c, "\n"};
    for (unsigned i = 0; i < sizeof parts / sizeof parts[0]; i++) {
        ssize_t ignored = write(2, parts[i], strlen(parts[i]));
        (void)ignored;
    }
}

/// Ends the guardian as the tool ended: a signal is raised again on itself.
static _Noreturn void end_like(int status) {
    if (WIFEXITED(status)) _exit(WEXITSTATUS(status));
    int number = WTERMSIG(status);
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);  // the tool already dumped core if it was going to
    signal(number, SIG_DFL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, number);
    sigprocmask(SIG_UNBLOCK, &only, NULL);
    raise(number);
    _exit(128 + number);
}

/// The parent is gone: stop the group (the tool and what it started), then make sure.
static _Noreturn void stop_group(pid_t tool) {
    signal(SIGTERM, SIG_IGN);  // the guardian outlives its own SIGTERM to wait for the tool
    kill(0, SIGTERM);
    for (int tick = 0; tick < 200; tick++) {  // 2 s in 10 ms steps
        if (waitpid(tool, NULL, WNOHANG) == tool) break;
        struct timespec pause = {0, 10 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    kill(0, SIGKILL);  // what the tool left behind, and the guardian itself
    _exit(137);
}

static void on_child(int signal_number) { (void)signal_number; }

_Noreturn void p14p_child_guard(pid_t parent, char *const argv[]) {
    // Both signals stay blocked except inside sigsuspend, so neither can slip
    // in between a check and the wait.
    sigset_t watched, before;
    sigemptyset(&watched);
    sigaddset(&watched, SIGUSR2);
    sigaddset(&watched, SIGCHLD);
    sigprocmask(SIG_BLOCK, &watched, &before);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = on_parent_death;
    sigaction(SIGUSR2, &action, NULL);
    action.sa_handler = on_child;  // a handler, so that SIGCHLD ends sigsuspend
    sigaction(SIGCHLD, &action, NULL);
#if defined(__linux__)
    prctl(PR_SET_PDEATHSIG, SIGUSR2);
#endif
    if (getppid() != parent) _exit(137);  // the parent died before the request was in place (or before we started)
    pid_t tool = fork();
    if (tool == 0) {
        // exec resets the handlers; the mask it keeps.
        sigprocmask(SIG_SETMASK, &before, NULL);
#if defined(__linux__)
        prctl(PR_SET_PDEATHSIG, 0);  // the guardian watches for the tool
#endif
        execv(argv[0], argv);
        say(argv[0], strerror(errno), "");
        _exit(127);
    }
    if (tool < 0) {
        say(argv[0], "fork failed: ", strerror(errno));
        _exit(127);
    }
    for (;;) {
        int status = 0;
        if (waitpid(tool, &status, WNOHANG) == tool) end_like(status);
        if (parent_gone) stop_group(tool);
        sigsuspend(&before);
    }
}
