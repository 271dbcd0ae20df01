#ifndef READER_LAZY_LIBRARY_H
#define READER_LAZY_LIBRARY_H
// Opening a C library the first time one of its functions is called, for the libraries the first
// screen of a UTF-8 document does not need: libzip and libxml2 (books, HTML), OpenCC (the script
// detection and the toggle, after the first screen), uchardet (legacy encodings) and libyaml
// (front matter). Linked, they and what they link (libcrypto, libbz2, ICU, liblzma, libmarisa)
// were loaded and relocated before every first screen: 12 of 22 libraries, some 2 ms. A shim
// names its library with READER_LAZY_LIBRARY and each function with READER_LAZY_FUNCTION; the
// Swift code calls `reader_NAME()(arguments)`. Only macros here: the shims are separate
// modules, and a function defined in both would clash.
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

// `PREFIX_library()`: the library opened from SONAME or else DEVELOPMENT (the link the -dev
// package installs), once, or NULL when neither loads. `PREFIX_symbol(name)`: the address of
// `name` in it. The Swift side asks whether the library loads before it reads anything with it,
// so a missing symbol means a broken installation: it says which and stops (exit restores the
// terminal) rather than call through a null pointer.
#define READER_LAZY_LIBRARY(PREFIX, SONAME, DEVELOPMENT)                                     \
  static inline void *_Nullable PREFIX##_library(void) {                                   \
    static void *library;                                                                   \
    void *opened = __atomic_load_n(&library, __ATOMIC_ACQUIRE);                             \
    if (opened == NULL) opened = dlopen(SONAME, RTLD_NOW | RTLD_LOCAL);                     \
    if (opened == NULL) opened = dlopen(DEVELOPMENT, RTLD_NOW | RTLD_LOCAL);                \
    if (opened != NULL) __atomic_store_n(&library, opened, __ATOMIC_RELEASE);               \
    return opened;                                                                          \
  }                                                                                         \
  static inline void *_Nonnull PREFIX##_symbol(const char *_Nonnull name) {                \
    void *opened = PREFIX##_library();                                                      \
    void *symbol = opened == NULL ? NULL : dlsym(opened, name);                             \
    if (symbol == NULL) {                                                                   \
      const char *reason = dlerror();                                                       \
      fprintf(stderr, "reader: cannot load %s from %s: %s\n", name, SONAME,                 \
              reason != NULL ? reason : "not found");                                       \
      exit(70);                                                                             \
    }                                                                                       \
    return symbol;                                                                          \
  }

// `reader_NAME()`: the function NAME of PREFIX's library, looked up the first time.
#define READER_LAZY_FUNCTION(PREFIX, NAME)                                                   \
  static inline __typeof__(&NAME) _Nonnull reader_##NAME(void) {                            \
    static __typeof__(&NAME) function;                                                       \
    __typeof__(&NAME) found = __atomic_load_n(&function, __ATOMIC_ACQUIRE);                  \
    if (found == NULL) {                                                                     \
      found = (__typeof__(&NAME))PREFIX##_symbol(#NAME);                                     \
      __atomic_store_n(&function, found, __ATOMIC_RELEASE);                                  \
    }                                                                                        \
    return found;                                                                            \
  }
#endif
