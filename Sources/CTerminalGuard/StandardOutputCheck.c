#include "StandardOutputCheck.h"

#include <errno.h>
#include <stdio.h>

int reader_standard_output_flush_error(void) {
  errno = 0;
  if (fflush(stdout) == 0 && !ferror(stdout)) return 0;
  return errno != 0 ? errno : -1;
}
