import Glibc

/// Lets the key path refuse to measure a long paragraph that a background thread is measuring.
///
/// Measuring a paragraph of megabytes to its end takes a second or more; a key that needs it
/// (a move back into it from below, `%`, the last screen) is reduced inside `refusing`, and when
/// it asked for lines the background measure has not reached, its result is thrown away (the
/// reducer is pure) and the run loop reduces it again on a later tick. Background threads asking
/// for the same lines measure them as before.
public enum LongMeasureRefusal {
  private static let lock = Lock()
  nonisolated(unsafe) private static var refusingThread: pthread_t?
  nonisolated(unsafe) private static var refused = false

  /// `body`'s result, and whether it asked for lines that a background measure had not reached
  /// (the result is then not to be used).
  public static func refusing<Result>(_ body: () -> Result) -> (result: Result, refused: Bool) {
    lock.withLock {
      refusingThread = pthread_self()
      refused = false
    }
    let result = body()
    let wasRefused = lock.withLock {
      refusingThread = nil
      return refused
    }
    return (result, wasRefused)
  }

  /// Whether this thread refuses to measure (noting that it did).
  static func refuses() -> Bool {
    lock.withLock {
      guard let thread = refusingThread, pthread_equal(thread, pthread_self()) != 0 else { return false }
      refused = true
      return true
    }
  }
}
