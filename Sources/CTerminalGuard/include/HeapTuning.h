#ifndef READER_HEAP_TUNING_H
#define READER_HEAP_TUNING_H

/* A large document's background parse keeps millions of small blocks and, between them, frees
   as many temporaries and copies of the growing document's arrays. glibc's allocator keeps what
   is freed: large arrays move from their own mappings into the heap once the first is freed (its
   threshold grows), and free pages between the blocks stay resident. Measured on a 100 MB
   Markdown file, the two held some 75 MB of resident memory that held no data. */

/* Fixes the size from which an allocation gets its own mapping (given back when freed) at
   128 KiB, instead of the threshold that grows with every such allocation freed. */
void reader_heap_keep_large_allocations_mapped(void);

/* Gives the whole free pages of every heap back to the system. */
void reader_heap_return_free_pages(void);

#endif
