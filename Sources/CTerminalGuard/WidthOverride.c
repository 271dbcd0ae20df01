#define _GNU_SOURCE
#include "WidthOverride.h"

#include <dlfcn.h>
#include <stdatomic.h>
#include <stddef.h>
#include <wchar.h>

static _Atomic(int (*)(unsigned int)) wide_ambiguous = NULL;

void reader_wide_ambiguous(int (*is_ambiguous)(unsigned int scalar)) { atomic_store(&wide_ambiguous, is_ambiguous); }

int wcwidth(wchar_t c) {
  static _Atomic(int (*)(wchar_t)) glibc_wcwidth = NULL;
  int (*next)(wchar_t) = atomic_load(&glibc_wcwidth);
  if (next == NULL) {
    next = (int (*)(wchar_t))dlsym(RTLD_NEXT, "wcwidth");
    if (next == NULL) return -1;
    atomic_store(&glibc_wcwidth, next);
  }
  int width = next(c);
  int (*is_ambiguous)(unsigned int) = atomic_load(&wide_ambiguous);
  if (width == 1 && is_ambiguous != NULL && c > 0 && is_ambiguous((unsigned int)c)) return 2;
  return width;
}
