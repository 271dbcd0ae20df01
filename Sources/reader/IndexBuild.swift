import ReaderCore

/// Whether a background build of a search index has ended, asked from the run loop.
final class IndexBuild: @unchecked Sendable {
  private let lock = Lock()
  private var finished = false

  var isDone: Bool { lock.withLock { finished } }

  func finish() {
    lock.withLock { finished = true }
  }
}
