#include "StandardOutputCheck.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void check_standard_output(void) {
  errno = 0;
  if (fflush(stdout) == 0 && !ferror(stdout)) return;
  const char *reason = errno != 0 ? strerror(errno) : "nothing could be written";
  // Written with write(2): standard error's buffer could hold what was written before.
  const char *prefix = "reader: cannot write the output: ";
  ssize_t ignored = write(STDERR_FILENO, prefix, strlen(prefix));
  ignored = write(STDERR_FILENO, reason, strlen(reason));
  ignored = write(STDERR_FILENO, "\n", 1);
  (void)ignored;
  _exit(74);
}

void reader_check_standard_output_at_exit(void) { atexit(check_standard_output); }
