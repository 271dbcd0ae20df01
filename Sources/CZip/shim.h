#ifndef READER_CZIP_SHIM_H
#define READER_CZIP_SHIM_H
#include <zip.h>
#include "../LazyLibrary/LazyLibrary.h"

// libzip is opened when the first book is (see LazyLibrary.h), not linked.
READER_LAZY_LIBRARY(reader_zip, "libzip.so.4", "libzip.so")

READER_LAZY_FUNCTION(reader_zip, zip_discard)
READER_LAZY_FUNCTION(reader_zip, zip_error_code_zip)
READER_LAZY_FUNCTION(reader_zip, zip_error_fini)
READER_LAZY_FUNCTION(reader_zip, zip_error_init)
READER_LAZY_FUNCTION(reader_zip, zip_error_set)
READER_LAZY_FUNCTION(reader_zip, zip_error_to_data)
READER_LAZY_FUNCTION(reader_zip, zip_fclose)
READER_LAZY_FUNCTION(reader_zip, zip_fopen_index)
READER_LAZY_FUNCTION(reader_zip, zip_fread)
READER_LAZY_FUNCTION(reader_zip, zip_get_error)
READER_LAZY_FUNCTION(reader_zip, zip_get_name)
READER_LAZY_FUNCTION(reader_zip, zip_get_num_entries)
READER_LAZY_FUNCTION(reader_zip, zip_name_locate)
READER_LAZY_FUNCTION(reader_zip, zip_open_from_source)
READER_LAZY_FUNCTION(reader_zip, zip_source_free)
READER_LAZY_FUNCTION(reader_zip, zip_source_function_create)
READER_LAZY_FUNCTION(reader_zip, zip_source_seek_compute_offset)
READER_LAZY_FUNCTION(reader_zip, zip_stat_init)
#endif
