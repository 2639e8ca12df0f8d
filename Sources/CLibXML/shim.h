#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its headers would then pull in ICU's,
   which clash with the copy inside Foundation. Nothing here uses the ICU
   part of libxml2's encoding handler (only pointers to it), so leave it out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlreader.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/* xmlFree is a global function pointer, which Swift 6 will not touch from
   concurrent code; this calls it. */
static inline void mailmigrate_xmlFree(void *pointer) { xmlFree(pointer); }
