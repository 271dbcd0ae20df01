#ifndef READER_C_TERMINAL_GUARD_H
#define READER_C_TERMINAL_GUARD_H

/* The module's umbrella header. Without one, SwiftPM makes the include folder an umbrella
   directory, and a build folder made before a header was added keeps a module cache that does
   not see the new header ("cannot find ... in scope" until the cache is deleted); a header added
   here changes this file, which rebuilds the module. */
#include "HeapTuning.h"
#include "StandardOutputCheck.h"
#include "TerminalGuard.h"
#include "WidthOverride.h"

#endif
