/* A stand-in for a terminal set up for CJK, where the East Asian Ambiguous characters
   (“ ” … ° ① │ ─) take two columns. tmux measures characters with glibc's wcwidth, which says 1
   for them in every locale; the end-to-end tests load this library into a tmux server
   (LD_PRELOAD) so that its wcwidth says 2, and that tmux then draws, moves the cursor and
   answers cursor-position reports as such a terminal does. Not part of the reader. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <wchar.h>

#include "AmbiguousRanges.h"

static int is_ambiguous(unsigned int value) {
  size_t low = 0;
  size_t high = sizeof ambiguous_ranges / sizeof ambiguous_ranges[0];
  while (low < high) {
    size_t mid = (low + high) / 2;
    if (value < ambiguous_ranges[mid][0]) {
      high = mid;
    } else if (value > ambiguous_ranges[mid][1]) {
      low = mid + 1;
    } else {
      return 1;
    }
  }
  return 0;
}

int wcwidth(wchar_t c) {
  static int (*glibc_wcwidth)(wchar_t) = NULL;
  if (glibc_wcwidth == NULL) glibc_wcwidth = (int (*)(wchar_t))dlsym(RTLD_NEXT, "wcwidth");
  if (c >= 0 && is_ambiguous((unsigned int)c)) return 2;
  return glibc_wcwidth != NULL ? glibc_wcwidth(c) : -1;
}
