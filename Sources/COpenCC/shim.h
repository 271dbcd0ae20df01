#ifndef READER_COPENCC_SHIM_H
#define READER_COPENCC_SHIM_H
#include <opencc/opencc.h>
// malloc_trim: opening a configuration leaves megabytes of freed temporaries in the heap.
#include <malloc.h>
#endif
