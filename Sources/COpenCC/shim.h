#ifndef READER_COPENCC_SHIM_H
#define READER_COPENCC_SHIM_H
#include <opencc/opencc.h>
#endif
