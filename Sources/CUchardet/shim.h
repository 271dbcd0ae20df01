#ifndef READER_CUCHARDET_SHIM_H
#define READER_CUCHARDET_SHIM_H
#include <uchardet/uchardet.h>
#include "../LazyLibrary/LazyLibrary.h"

// uchardet is opened the first time a file is not UTF-8 (see LazyLibrary.h), not linked.
READER_LAZY_LIBRARY(reader_uchardet, "libuchardet.so.0", "libuchardet.so")

READER_LAZY_FUNCTION(reader_uchardet, uchardet_data_end)
READER_LAZY_FUNCTION(reader_uchardet, uchardet_delete)
READER_LAZY_FUNCTION(reader_uchardet, uchardet_get_charset)
READER_LAZY_FUNCTION(reader_uchardet, uchardet_handle_data)
READER_LAZY_FUNCTION(reader_uchardet, uchardet_new)
#endif
