#define NCURSES_WIDECHAR 1
#include "TerminalGuard.h"

#include <curses.h>
#include <term.h>
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

/* Stops the process as SIGTSTP does by default, whatever handler is installed, and returns once
   it is continued. */
static void stop_as_by_default(void) {
  struct sigaction default_action;
  memset(&default_action, 0, sizeof default_action);
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  struct sigaction mine;
  sigaction(SIGTSTP, &default_action, &mine);
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, SIGTSTP);
  sigprocmask(SIG_UNBLOCK, &unblock, NULL);
  raise(SIGTSTP);
  sigaction(SIGTSTP, &mine, NULL);
}

/* A SIGTSTP from outside (`kill -TSTP`): the shell must not get mouse reports while the reader
   is stopped. ncurses' own handler (installed by newterm) ends curses, stops the process and,
   once continued, brings the screen back; the reports go off before it and on again after.
   Ctrl-Z itself is a key in raw mode, and `reader_guard_suspend` answers it. */
static void on_suspend(int signal_number) {
  int was_on = mouse_on;
  if (was_on) mouse_reports(0);
  if (previous_suspend.sa_handler != SIG_DFL && previous_suspend.sa_handler != SIG_IGN) {
    previous_suspend.sa_handler(signal_number);
  } else if (previous_suspend.sa_handler == SIG_DFL) {
    stop_as_by_default();
  }
  if (was_on && mouse_on) mouse_reports(1);
}

/* The terminfo strings a suspension writes, gathered and written at once. */
static char capability_buffer[1024];
static size_t capability_length = 0;

static int gather_capability_byte(int byte) {
  if (capability_length < sizeof capability_buffer) capability_buffer[capability_length++] = (char)byte;
  return byte;
}

static void gather_capability(const char *name) {
  char *value = tigetstr(name);
  if (value != NULL && value != (char *)-1) tputs(value, 1, gather_capability_byte);
}

static void write_gathered(void) {
  write_all(capability_buffer, capability_length);
  capability_length = 0;
}

void reader_guard_suspend(void) {
  int was_on = mouse_on;
  if (was_on) reader_guard_mouse(0);
  /* What endwin does, from terminfo: the attributes reset (curses is told too), the cursor at the
     start of the last row and shown, the keypad and the alternate screen left, the shell's modes. */
  vidattr(A_NORMAL);
  refresh();
  char *address = tigetstr("cup");
  if (address != NULL && address != (char *)-1) tputs(tiparm(address, LINES - 1, 0), 1, gather_capability_byte);
  gather_capability("cnorm");
  gather_capability("rmkx");
  gather_capability("rmcup");
  write_gathered();
  reset_shell_mode();
  stop_as_by_default();
  reset_prog_mode();
  gather_capability("smcup");
  gather_capability("smkx");
  gather_capability("civis");
  write_gathered();
  if (was_on) reader_guard_mouse(1);
  /* Everything is drawn again, from a cleared screen; what was typed while it was stopped is
     dropped, as ncurses' own resume does. */
  clearok(curscr, TRUE);
  flushinp();
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
