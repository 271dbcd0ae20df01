import CCmarkGFM

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// cmark's arena allocator, lent to one parse at a time and emptied after each.
///
/// A program that parses chunk after chunk while keeping the blocks would otherwise free each
/// chunk's tree into holes between the blocks, and later trees would scatter over a fragmented heap:
/// measured on 100 MB, that made the chunked parse twice as slow as one whole parse. The arena is
/// one per process (cmark keeps it in a global), so its users take turns behind a lock. A pthread
/// mutex rather than Foundation's: Foundation adds about 12 ms to every start of `reader`.
enum CmarkArena {
  nonisolated(unsafe) private static let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
    let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
    return mutex
  }()

  /// Runs `body` with the arena allocator; everything allocated from it is freed afterwards, so
  /// nothing cmark made may outlive `body`.
  static func withAllocator<Result>(_ body: (UnsafeMutablePointer<cmark_mem>) -> Result) -> Result {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    defer { cmark_arena_reset() }
    return body(cmark_get_arena_mem_allocator())
  }
}
