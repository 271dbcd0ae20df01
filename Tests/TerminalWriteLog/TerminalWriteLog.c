/* Counts how a program's output reaches the terminal: loaded into the reader (LD_PRELOAD) by
   the end-to-end tests, it notes the size of each write to standard output, one line each, in
   the file READER_TEST_WRITE_LOG names, so a test can tell a screen sent in one burst from a
   screen sent a row at a time, and with READER_TEST_WRITE_BYTES appends the bytes themselves to
   that file. Not part of the reader. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "TerminalWriteLog.h"

ssize_t write(int fd, const void *buffer, size_t count) {
  static ssize_t (*glibc_write)(int, const void *, size_t) = NULL;
  if (glibc_write == NULL) glibc_write = (ssize_t(*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
  if (glibc_write == NULL) return -1;
  ssize_t written = glibc_write(fd, buffer, count);
  const char *path = fd == STDOUT_FILENO ? getenv("READER_TEST_WRITE_LOG") : NULL;
  if (path != NULL && written > 0) {
    int log = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (log >= 0) {
      char line[32];
      int length = snprintf(line, sizeof line, "%zd\n", written);
      if (length > 0) glibc_write(log, line, (size_t)length);
      close(log);
    }
  }
  const char *bytes = fd == STDOUT_FILENO ? getenv("READER_TEST_WRITE_BYTES") : NULL;
  if (bytes != NULL && written > 0) {
    int copy = open(bytes, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (copy >= 0) {
      glibc_write(copy, buffer, (size_t)written);
      close(copy);
    }
  }
  return written;
}
