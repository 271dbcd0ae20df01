#include "HeapTuning.h"

#ifdef __GLIBC__
#include <malloc.h>
#endif

void reader_heap_keep_large_allocations_mapped(void) {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 128 * 1024);
#endif
}

void reader_heap_return_free_pages(void) {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}
