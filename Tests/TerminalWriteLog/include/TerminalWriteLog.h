#ifndef TERMINAL_WRITE_LOG_H
#define TERMINAL_WRITE_LOG_H

#include <sys/types.h>

/* glibc's write, which also notes the size of each write to standard output in the file
   named by READER_TEST_WRITE_LOG, one line each, and appends its bytes to the file named by
   READER_TEST_WRITE_BYTES. */
ssize_t write(int fd, const void *buffer, size_t count);

#endif
