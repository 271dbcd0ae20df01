import Foundation
import ReaderCore

/// Parses the rest of a large document on a background thread, after the first screen was shown.
///
/// The thread keeps its own growing `Document` and publishes a copy after each chunk; the run
/// loop takes the newest copy when it next wakes (a key or a tick) and hands it to the reducer.
/// Only appending happens, so what is on screen never moves.
final class BackgroundParse: @unchecked Sendable {
  private let lock = NSLock()
  private var latest: (document: Document, loading: Double?)?
  private(set) var isFinished = false
  private var thread: Thread?

  /// Parses the first chunk now and prepares a thread for the rest (`begin` starts it, once the
  /// first screen is drawn, so the two do not compete for the processor); returns the first document.
  static func start(bytes: [UInt8], title: String) -> (Document, BackgroundParse?) {
    var parser = ChunkedParser(bytes: bytes)
    let document = Document(title: title, blocks: parser.parseNextChunk() ?? [])
    guard !parser.isFinished else { return (document, nil) }
    let feed = BackgroundParse()
    let thread = Thread { [parser, document] in
      var parser = parser
      var document = document
      while let blocks = parser.parseNextChunk() {
        document.append(blocks)
        feed.publish(document, loading: parser.isFinished ? nil : parser.fractionParsed)
      }
      feed.publish(document, loading: nil)
    }
    thread.qualityOfService = .userInitiated
    feed.thread = thread
    return (document, feed)
  }

  /// Starts parsing the rest; calling it again does nothing.
  func begin() {
    thread?.start()
    thread = nil
  }

  private func publish(_ document: Document, loading: Double?) {
    lock.lock()
    latest = (document, loading)
    lock.unlock()
  }

  /// The newest document not yet taken, if any.
  func take() -> Action? {
    lock.lock()
    defer { lock.unlock() }
    guard let latest else { return nil }
    self.latest = nil
    if latest.loading == nil { isFinished = true }
    return .documentGrew(latest.document, loading: latest.loading)
  }
}
