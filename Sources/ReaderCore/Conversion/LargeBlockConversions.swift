import Glibc

/// The conversions of blocks too long to convert on the key path (OpenCC takes about a second
/// a megabyte, so `t` on a paragraph of 50 MB on one line would not answer for most of a
/// minute): each made once, on a background thread, and shared by a cache and its grown copies.
///
/// The key path asks `ready` and shows something else meanwhile; the background passes that
/// need the block converted (search, factions) wait for the conversion under way rather than
/// make a second one.
final class LargeBlockConversions: @unchecked Sendable {
  /// A block and the setting it is converted to.
  struct Key: Hashable {
    var index: Int
    var setting: ConversionCache.Setting
  }

  private var done: [Key: Block] = [:]
  private var running: Set<Key> = []
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private let finished: UnsafeMutablePointer<pthread_cond_t>

  init() {
    mutex = .allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
    finished = .allocate(capacity: 1)
    pthread_cond_init(finished, nil)
  }

  deinit {
    pthread_cond_destroy(finished)
    finished.deallocate()
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// The block converted, if its conversion is done; otherwise starts it with `start` (unless it
  /// is under way) and answers nil at once.
  func ready(
    _ key: Key, start: (@escaping @Sendable () -> Void) -> Void, convert: @escaping @Sendable () -> Block
  ) -> Block? {
    pthread_mutex_lock(mutex)
    if let block = done[key] {
      pthread_mutex_unlock(mutex)
      return block
    }
    let starting = running.insert(key).inserted
    pthread_mutex_unlock(mutex)
    if starting { start { self.finish(key, convert()) } }
    return nil
  }

  /// The block converted: kept, the one under way waited for, or converted on this thread.
  func converted(_ key: Key, convert: () -> Block) -> Block {
    pthread_mutex_lock(mutex)
    while running.contains(key) && done[key] == nil { pthread_cond_wait(finished, mutex) }
    if let block = done[key] {
      pthread_mutex_unlock(mutex)
      return block
    }
    running.insert(key)
    pthread_mutex_unlock(mutex)
    let block = convert()
    finish(key, block)
    return block
  }

  private func finish(_ key: Key, _ block: Block) {
    pthread_mutex_lock(mutex)
    done[key] = block
    running.remove(key)
    pthread_cond_broadcast(finished)
    pthread_mutex_unlock(mutex)
  }
}
