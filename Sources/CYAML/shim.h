#ifndef READER_CYAML_SHIM_H
#define READER_CYAML_SHIM_H
#include <yaml.h>
#include "../LazyLibrary/LazyLibrary.h"

// libyaml is opened the first time a document has front matter (see LazyLibrary.h), not linked.
READER_LAZY_LIBRARY(reader_yaml, "libyaml-0.so.2", "libyaml.so")

READER_LAZY_FUNCTION(reader_yaml, yaml_event_delete)
READER_LAZY_FUNCTION(reader_yaml, yaml_parser_delete)
READER_LAZY_FUNCTION(reader_yaml, yaml_parser_initialize)
READER_LAZY_FUNCTION(reader_yaml, yaml_parser_parse)
READER_LAZY_FUNCTION(reader_yaml, yaml_parser_set_input_string)
#endif
