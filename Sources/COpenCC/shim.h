#ifndef READER_COPENCC_SHIM_H
#define READER_COPENCC_SHIM_H
#include <opencc/opencc.h>
// malloc_trim: opening a configuration leaves megabytes of freed temporaries in the heap.
#include <malloc.h>
#include "../LazyLibrary/LazyLibrary.h"

// OpenCC (and libmarisa) is opened after the first screen, when the script detection or the
// first t needs it (see LazyLibrary.h), not linked.
READER_LAZY_LIBRARY(reader_opencc, "libopencc.so.1.1", "libopencc.so")

READER_LAZY_FUNCTION(reader_opencc, opencc_close)
READER_LAZY_FUNCTION(reader_opencc, opencc_convert_utf8)
READER_LAZY_FUNCTION(reader_opencc, opencc_convert_utf8_free)
READER_LAZY_FUNCTION(reader_opencc, opencc_error)
READER_LAZY_FUNCTION(reader_opencc, opencc_open)
#endif
