#ifndef READER_CUCHARDET_SHIM_H
#define READER_CUCHARDET_SHIM_H
#include <uchardet/uchardet.h>
#endif
