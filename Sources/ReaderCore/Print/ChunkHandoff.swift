import Dispatch

/// Chunks of blocks handed from the thread that parses them to the one that prints them, at most
/// `capacity` waiting (so memory holds a few chunks ahead, never the document); nil ends them.
final class ChunkHandoff: @unchecked Sendable {
  private let lock = Lock()
  private var waiting: [[Block]?] = []
  private let ready = DispatchSemaphore(value: 0)
  private let room: DispatchSemaphore

  init(capacity: Int) {
    room = DispatchSemaphore(value: capacity)
  }

  /// Hands over a chunk (nil: there are no more), once there is room for it.
  func put(_ chunk: [Block]?) {
    room.wait()
    lock.withLock { waiting.append(chunk) }
    ready.signal()
  }

  /// The next chunk, once it is there; nil after the last.
  func take() -> [Block]? {
    ready.wait()
    let chunk = lock.withLock { waiting.removeFirst() }
    room.signal()
    return chunk
  }
}
