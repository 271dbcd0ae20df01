#ifndef READER_WIDTH_OVERRIDE_H
#define READER_WIDTH_OVERRIDE_H

/* ncurses measures every character it draws with wcwidth, which glibc makes 1 for the East Asian
   Ambiguous characters in every locale. The reader defines wcwidth itself (the executable's
   definition comes before glibc's for ncurses too) and passes glibc's answer on, except that
   while `is_ambiguous` is set, a character glibc measures as 1 and `is_ambiguous` accepts is 2:
   ncurses then puts what follows such a character where the reader's frame and the terminal do.
   NULL turns it off. */
void reader_wide_ambiguous(int (*is_ambiguous)(unsigned int scalar));

#endif
