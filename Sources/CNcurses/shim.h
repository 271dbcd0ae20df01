#ifndef READER_CNCURSES_SHIM_H
#define READER_CNCURSES_SHIM_H

/* The wide-character API (cchar_t, get_wch, mvaddnwstr) is hidden unless this
   is set; SwiftPM drops the -D flags pkg-config gives. */
#define NCURSES_WIDECHAR 1
#include <ncursesw/curses.h>
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>

/* glibc declares these only under __USE_XOPEN, which Swift's Glibc lacks. */
extern int wcwidth(wchar_t c);

/* Macros and shared mutable globals that Swift cannot import directly. */
static inline WINDOW *reader_stdscr(void) { return stdscr; }
static inline void reader_repaint_all_next(void) { clearok(curscr, TRUE); }
/* Where the terminal's cursor is, as curses last left it (0-based). */
static inline int reader_physical_row(void) { return getcury(curscr); }
static inline int reader_physical_column(void) { return getcurx(curscr); }
static inline int reader_lines(void) { return LINES; }
static inline int reader_cols(void) { return COLS; }
static inline void reader_set_escdelay(int ms) { set_escdelay(ms); }
static inline int reader_ok(void) { return OK; }
static inline int reader_err(void) { return ERR; }

static inline attr_t reader_attr_normal(void) { return A_NORMAL; }
static inline attr_t reader_attr_bold(void) { return A_BOLD; }
static inline attr_t reader_attr_reverse(void) { return A_REVERSE; }
static inline attr_t reader_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t reader_attr_dim(void) { return A_DIM; }
static inline attr_t reader_attr_italic(void) { return A_ITALIC; }

static inline int reader_key_code_yes(void) { return KEY_CODE_YES; }
static inline int reader_key_resize(void) { return KEY_RESIZE; }
/* Key codes of the reader's own, above ncurses' KEY_MAX, for the two mouse report
   introducers (define_key binds them; the reader reads the rest of a report itself). */
static inline int reader_key_sgr_mouse(void) { return KEY_MAX + 1; }
static inline int reader_key_x10_mouse(void) { return KEY_MAX + 2; }

/* Draws n wide characters at (y, x) with the given attributes. */
static inline int reader_draw_wide(int y, int x, const wchar_t *text, int n, attr_t attrs) {
  attr_set(attrs, 0, NULL);
  int rc = mvaddnwstr(y, x, text, n);
  attr_set(A_NORMAL, 0, NULL);
  return rc;
}

/* Colour: starts it with the terminal's own colours as -1 and returns COLORS (0: none). */
static inline int reader_start_colours(void) {
  if (!has_colors()) return 0;
  start_color();
  use_default_colors();
  return COLORS;
}
static inline int reader_colour_pairs(void) { return COLOR_PAIRS; }
static inline int reader_init_pair(int pair, int foreground, int background) {
  return init_extended_pair(pair, foreground, background);
}

/* Draws n wide characters at (y, x) with attributes and an extended colour pair. */
static inline int reader_draw_wide_pair(int y, int x, const wchar_t *text, int n, attr_t attrs, int pair) {
  attr_set(attrs, 0, &pair);
  int rc = mvaddnwstr(y, x, text, n);
  attr_set(A_NORMAL, 0, NULL);
  return rc;
}

static inline int reader_utf8_locale(void) {
  const char *codeset = nl_langinfo(CODESET);
  return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

#endif
