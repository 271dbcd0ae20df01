#ifndef READER_CLIBXML2_SHIM_H
#define READER_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, and encoding.h would then pull ICU's headers in, which clash
// with the ICU module Foundation carries. The reader never touches an encoding handler's ICU
// fields, so the declarations are read without them.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlmemory.h>

// xmlFree is a global function pointer (a macro when thread-local allocators are on): call it here.
static inline void reader_xml_free(void *pointer) { xmlFree(pointer); }

// The options for reading untrusted HTML: recover from errors, no network, no messages.
static inline int reader_html_options(void) {
  return HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING;
}
#endif
