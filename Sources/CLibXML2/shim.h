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
#include <libxml/SAX2.h>

#include "../LazyLibrary/LazyLibrary.h"

// libxml2 is opened when a book or a piece of HTML is first read (see LazyLibrary.h), not linked.
READER_LAZY_LIBRARY(reader_xml, "libxml2.so.2", "libxml2.so")

READER_LAZY_FUNCTION(reader_xml, htmlCtxtReadMemory)
READER_LAZY_FUNCTION(reader_xml, htmlFreeParserCtxt)
READER_LAZY_FUNCTION(reader_xml, htmlNewParserCtxt)
READER_LAZY_FUNCTION(reader_xml, htmlReadMemory)
READER_LAZY_FUNCTION(reader_xml, xmlCreatePushParserCtxt)
READER_LAZY_FUNCTION(reader_xml, xmlCtxtUseOptions)
READER_LAZY_FUNCTION(reader_xml, xmlDocGetRootElement)
READER_LAZY_FUNCTION(reader_xml, xmlFreeDoc)
READER_LAZY_FUNCTION(reader_xml, xmlFreeParserCtxt)
READER_LAZY_FUNCTION(reader_xml, xmlGetProp)
READER_LAZY_FUNCTION(reader_xml, xmlInitParser)
READER_LAZY_FUNCTION(reader_xml, xmlParseChunk)
READER_LAZY_FUNCTION(reader_xml, xmlReadMemory)
READER_LAZY_FUNCTION(reader_xml, xmlSAX2EntityDecl)
READER_LAZY_FUNCTION(reader_xml, xmlSAX2GetEntity)
READER_LAZY_FUNCTION(reader_xml, xmlSAX2GetParameterEntity)
READER_LAZY_FUNCTION(reader_xml, xmlSAX2InternalSubset)
READER_LAZY_FUNCTION(reader_xml, xmlSAX2StartDocument)
READER_LAZY_FUNCTION(reader_xml, xmlSetExternalEntityLoader)
READER_LAZY_FUNCTION(reader_xml, xmlStopParser)
READER_LAZY_FUNCTION(reader_xml, xmlStrcasecmp)
READER_LAZY_FUNCTION(reader_xml, xmlStrlen)

// xmlFree is a global function pointer (a macro when thread-local allocators are on): call it here.
static inline void reader_xml_free(void *pointer) {
  (*(xmlFreeFunc *)reader_xml_symbol("xmlFree"))(pointer);
}

// The options for reading untrusted HTML: recover from errors, no network, no messages.
static inline int reader_html_options(void) {
  return HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING;
}
#endif
