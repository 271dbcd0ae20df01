#ifndef READER_CYAML_SHIM_H
#define READER_CYAML_SHIM_H
#include <yaml.h>
#endif
