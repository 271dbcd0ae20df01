#ifndef READER_STANDARD_OUTPUT_CHECK_H
#define READER_STANDARD_OUTPUT_CHECK_H

/* What goes through C's `stdout` (the argument parser's help, version and usage text) is
   flushed only by `exit`, which ignores a failure. This flushes it: 0 when everything buffered
   was written, else the error number (-1 when none was given). Swift 6 forbids touching
   `stdout` itself. */
int reader_standard_output_flush_error(void);

#endif
