import Glibc

/// A mutual-exclusion lock over a pthread mutex, for the state that the key path and background
/// threads share. (Foundation's `NSLock` would do, but the reader does without Foundation's
/// start-up cost; see README, "Benchmarks".)
public final class Lock: @unchecked Sendable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>

  public init() {
    mutex = .allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
  }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  public func lock() {
    pthread_mutex_lock(mutex)
  }

  public func unlock() {
    pthread_mutex_unlock(mutex)
  }

  /// Runs `body` holding the lock.
  public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
    lock()
    defer { unlock() }
    return try body()
  }
}
