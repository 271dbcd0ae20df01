#ifndef READER_STANDARD_OUTPUT_CHECK_H
#define READER_STANDARD_OUTPUT_CHECK_H

/* What goes through C's `stdout` (the argument parser's help, version and usage text) is
   flushed only by `exit`, which ignores a failure: `reader --help > /dev/full` ended with status
   0 and nothing written. Registered first thing, this checks at exit that everything buffered
   was written; when it was not, it says why on standard error in one line and ends the run with
   status 74, as the reader's own writes do (StandardStream) and as `cat` does. */
void reader_check_standard_output_at_exit(void);

#endif
