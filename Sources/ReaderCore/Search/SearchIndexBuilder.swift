import Dispatch
import Glibc

/// Builds the index segments of a run of top-level blocks on several threads at once.
///
/// Normalising is OpenCC's tw2s over every character, about a megabyte a second on one core: the
/// count of a 100 MB document's matches waited 40 s for one thread. The run is cut into as many
/// consecutive parts as there are processors (up to `maximumThreads`, each part at least
/// `blocksPerThread` blocks), one segment each, in order. The threads share the normalizer: an
/// OpenCC converter only reads its dictionaries while it converts, and OpenCC's own tests convert
/// with one converter from several threads (BYVoid/OpenCC#231).
enum SearchIndexBuilder {
  /// Blocks a thread takes at the least: fewer are not worth a thread of their own.
  static let blocksPerThread = 4_096
  /// Threads a build uses at most, the calling one among them.
  static let maximumThreads = 4

  /// The processors this process may run on now.
  static var processorCount: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

  /// The segments of blocks `range`, `block(i)` giving top-level block `i` as the body shows it,
  /// built by up to `threads` threads; in order, together exactly what one segment of the whole
  /// run would hold.
  static func segments(
    of range: Range<Int>, normalizer: SearchNormalizer, threads: Int = processorCount,
    block: @escaping @Sendable (Int) -> Block
  ) throws(ConversionError) -> [SearchIndexSegment] {
    guard !range.isEmpty else { return [] }
    let count = min(threads, maximumThreads, max(1, range.count / blocksPerThread))
    let parts = (0..<count).map { part in
      (range.lowerBound + range.count * part / count)..<(range.lowerBound + range.count * (part + 1) / count)
    }
    let build = { @Sendable (part: Range<Int>) -> Result<SearchIndexSegment, ConversionError> in
      do throws(ConversionError) {
        return .success(
          try SearchIndexSegment(
            displayed: part.lazy.map(block), firstTopIndex: part.lowerBound, normalizer: normalizer))
      } catch {
        return .failure(error)
      }
    }
    guard count > 1 else { return [try build(parts[0]).get()] }
    let results = Results(count: count)
    for index in 1..<count {
      BackgroundThread.start { results.set(index, build(parts[index])) }
    }
    results.set(0, build(parts[0]))
    return try results.waitForAll()
  }

  /// The parts' results as the threads finish them.
  private final class Results: @unchecked Sendable {
    private let lock = Lock()
    private let finished = DispatchSemaphore(value: 0)
    private var results: [Result<SearchIndexSegment, ConversionError>?]

    init(count: Int) {
      results = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<SearchIndexSegment, ConversionError>) {
      lock.withLock { results[index] = result }
      finished.signal()
    }

    func waitForAll() throws(ConversionError) -> [SearchIndexSegment] {
      for _ in results { finished.wait() }
      let all = lock.withLock { results }
      var segments: [SearchIndexSegment] = []
      for result in all {
        guard let result else { continue }
        segments.append(try result.get())
      }
      return segments
    }
  }
}
