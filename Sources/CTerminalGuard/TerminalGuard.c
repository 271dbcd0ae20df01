#define NCURSES_WIDECHAR 1
#include "TerminalGuard.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t guard_active = 0;
static volatile sig_atomic_t guard_resumed = 0;
static volatile sig_atomic_t mouse_on = 0;
static int saved_stderr = -1;
static int captured_stderr = -1;
static int handlers_installed = 0;

static const int termination_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT};
#define COUNT(array) (sizeof(array) / sizeof((array)[0]))
static struct sigaction previous_termination[COUNT(termination_signals)];
static struct sigaction previous_crash[COUNT(crash_signals)];
static struct sigaction previous_continue;
static struct sigaction previous_suspend;

/* Button presses and releases (1000), reported as ESC [ < b ; x ; y M / m (1006). */
static const char mouse_enable[] = "\033[?1000h\033[?1006h";
static const char mouse_disable[] = "\033[?1006l\033[?1000l";

static void write_all(const char *text, size_t length) {
  size_t written = 0;
  while (written < length) {
    ssize_t n = write(STDOUT_FILENO, text + written, length - written);
    if (n <= 0) return;
    written += (size_t)n;
  }
}

static void mouse_reports(int enabled) {
  if (enabled) {
    write_all(mouse_enable, sizeof mouse_enable - 1);
  } else {
    write_all(mouse_disable, sizeof mouse_disable - 1);
  }
}

/* Only async-signal-safe calls below, apart from endwin, which ncurses itself calls
   from its own signal handlers. */
static void replay_stderr(void) {
  if (saved_stderr < 0) return;
  dup2(saved_stderr, STDERR_FILENO);
  if (captured_stderr >= 0) {
    char buffer[4096];
    ssize_t count;
    lseek(captured_stderr, 0, SEEK_SET);
    while ((count = read(captured_stderr, buffer, sizeof buffer)) > 0) {
      ssize_t written = 0;
      while (written < count) {
        ssize_t n = write(STDERR_FILENO, buffer + written, (size_t)(count - written));
        if (n <= 0) break;
        written += n;
      }
    }
    close(captured_stderr);
    captured_stderr = -1;
  }
  close(saved_stderr);
  saved_stderr = -1;
}

static void restore_terminal(void) {
  if (mouse_on) {
    mouse_on = 0;
    mouse_reports(0);
  }
  if (guard_active) {
    guard_active = 0;
    endwin();
  }
  replay_stderr();
}

static void on_termination(int signal_number) {
  restore_terminal();
  struct sigaction default_action;
  memset(&default_action, 0, sizeof default_action);
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  sigaction(signal_number, &default_action, NULL);
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, signal_number);
  sigprocmask(SIG_UNBLOCK, &unblock, NULL);
  raise(signal_number);
}

static void on_crash(int signal_number) {
  restore_terminal();
  /* Hand the signal back to whoever had it (Swift's backtracer): for a fault the
     instruction runs again on return; an abort is raised again. */
  for (size_t i = 0; i < COUNT(crash_signals); i++) {
    if (crash_signals[i] == signal_number) sigaction(signal_number, &previous_crash[i], NULL);
  }
  if (signal_number == SIGABRT) raise(signal_number);
}

static void on_continue(int signal_number) {
  (void)signal_number;
  guard_resumed = 1;
}

/* Ctrl-Z: the shell must not get mouse reports while the reader is stopped. ncurses' own
   handler (installed by newterm) ends curses, stops the process and, once continued, brings
   the screen back; the reports go off before it and on again after. */
static void on_suspend(int signal_number) {
  int was_on = mouse_on;
  if (was_on) mouse_reports(0);
  if (previous_suspend.sa_handler != SIG_DFL && previous_suspend.sa_handler != SIG_IGN) {
    previous_suspend.sa_handler(signal_number);
  } else if (previous_suspend.sa_handler == SIG_DFL) {
    struct sigaction default_action;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    struct sigaction mine;
    sigaction(signal_number, &default_action, &mine);
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, signal_number);
    sigprocmask(SIG_UNBLOCK, &unblock, NULL);
    raise(signal_number);
    sigaction(signal_number, &mine, NULL);
  }
  if (was_on && mouse_on) mouse_reports(1);
}

static void at_exit(void) { restore_terminal(); }

void reader_guard_begin(void) {
  guard_active = 1;
  if (saved_stderr < 0) {
    FILE *capture = tmpfile();
    if (capture != NULL) {
      captured_stderr = dup(fileno(capture));
      fclose(capture);
      saved_stderr = dup(STDERR_FILENO);
      if (captured_stderr >= 0 && saved_stderr >= 0) {
        dup2(captured_stderr, STDERR_FILENO);
      }
    }
  }
  if (handlers_installed) return;
  handlers_installed = 1;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  sigemptyset(&action.sa_mask);
  action.sa_handler = on_termination;
  for (size_t i = 0; i < COUNT(termination_signals); i++) {
    sigaction(termination_signals[i], &action, &previous_termination[i]);
  }
  action.sa_handler = on_crash;
  action.sa_flags = SA_ONSTACK;
  for (size_t i = 0; i < COUNT(crash_signals); i++) {
    sigaction(crash_signals[i], &action, &previous_crash[i]);
  }
  action.sa_handler = on_continue;
  action.sa_flags = SA_RESTART;
  sigaction(SIGCONT, &action, &previous_continue);
  action.sa_handler = on_suspend;
  action.sa_flags = SA_RESTART;
  sigaction(SIGTSTP, &action, &previous_suspend);
  atexit(at_exit);
}

void reader_guard_end(void) { restore_terminal(); }

void reader_guard_mouse(int enabled) {
  if (enabled == mouse_on) return;
  mouse_on = enabled ? 1 : 0;
  mouse_reports(enabled);
}

int reader_guard_take_resumed(void) {
  int resumed = guard_resumed;
  guard_resumed = 0;
  return resumed;
}
