#ifndef AMBIGUOUS_WIDE_TERMINAL_H
#define AMBIGUOUS_WIDE_TERMINAL_H

#include <wchar.h>

/* glibc's wcwidth, but 2 for the East Asian Ambiguous characters it measures as 1. */
int wcwidth(wchar_t c);

#endif
