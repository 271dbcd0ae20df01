#ifndef READER_CZIP_SHIM_H
#define READER_CZIP_SHIM_H
#include <zip.h>
#endif
