import Dispatch
import FoundationEssentials
import ReaderCore

/// One background search of the built index for every match of a pattern (the count and the
/// highlights), cancelled when the pattern, the script or the document changes; the run loop
/// takes the results when they are there. Given the results of the same pattern in an index this
/// one extends (the document grew by a chunk), it searches only the blocks appended since.
final class MatchCounter: @unchecked Sendable {
  let pattern: SearchPattern
  let index: SearchIndex
  private let lock = Lock()
  private var results: SearchResults?
  private var cancelled = false
  private var finished = false
  private var taken = false

  init(
    pattern: SearchPattern, index: SearchIndex,
    continuing earlier: (index: SearchIndex, results: SearchResults)?
  ) {
    self.pattern = pattern
    self.index = index
    // A pooled worker, as for `FirstMatchScanner`: starting a thread would wait on the key path.
    DispatchQueue.global(qos: .utility).async { [self] in
      let found = index.results(for: pattern, continuing: earlier, isCancelled: { self.isCancelled })
      lock.withLock {
        if !cancelled { results = found }
        finished = true
      }
    }
  }

  private var isCancelled: Bool { lock.withLock { cancelled } }

  func cancel() {
    lock.withLock { cancelled = true }
  }

  /// Whether the search has ended (or was given up).
  var isDone: Bool { lock.withLock { finished } }

  /// The results once the search is done, once (nil before, after a cancel and after they were taken).
  func take() -> SearchResults? {
    lock.withLock {
      guard !cancelled, !taken, let results else { return nil }
      taken = true
      return results
    }
  }
}
