#ifndef READER_TERMINAL_GUARD_H
#define READER_TERMINAL_GUARD_H

/* Restores the terminal on every way out: normal exit, handled signals and crashes.
   Stateful, so it lives in a real C target (one copy of its statics per process). */

/* Call right after curses started: installs the signal handlers and an atexit hook,
   and sends stderr to a temporary file so messages are not drawn over the screen. */
void reader_guard_begin(void);

/* Ends curses if it is active, puts stderr back and replays what was written to it.
   Safe to call more than once. */
void reader_guard_end(void);

/* Turns the terminal's mouse button reports in the SGR encoding on (1) or off (0), writing to
   standard output. While they are on, every way out turns them off before curses ends, and a
   suspension (SIGTSTP) turns them off until the reader runs again. */
void reader_guard_mouse(int enabled);

/* Ctrl-Z: gives the terminal back to the shell as it was (mouse reports off, the alternate
   screen left, the shell's modes), stops the process, and takes the terminal again once it is
   continued, the next refresh drawing everything anew. curses is not ended: its resume would
   send OSC 104 whenever colours are on, which resets a palette the user set (pywal, base16). */
void reader_guard_suspend(void);

/* Returns 1 once after a SIGCONT (the reader was resumed after Ctrl-Z), else 0. */
int reader_guard_take_resumed(void);

#endif
