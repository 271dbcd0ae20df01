/// The clusters of styled runs a batch at a time, exactly as `Cluster.clusters(of:)` makes them
/// all: a paragraph of any length is wrapped while holding only the clusters of the line at hand.
///
/// A stream can start at any cluster's `Position` and gives from there the clusters the whole
/// stream gives (a cluster starts fresh at its first scalar either way), so a long paragraph's
/// lines can be made from the middle.
struct ClusterStream {
  /// Where a cluster starts in the runs: its first scalar's run and UTF-8 offset in that run.
  struct Position: Hashable, Sendable {
    var run: Int
    var offset: Int

    static let start = Position(run: 0, offset: 0)
  }

  private let runs: [InlineRun]
  private var runIndex: Int
  /// The UTF-8 offset in `runs[runIndex]` of the next scalar to read.
  private var offset: Int
  /// The cluster being built: complete once a scalar that starts another one arrives.
  private var pending: Cluster?

  init(_ runs: [InlineRun], from start: Position = .start) {
    self.runs = runs
    runIndex = start.run
    offset = start.offset
  }

  /// Appends the next clusters to `clusters` until it holds `count` of them; false once the runs
  /// are used up (the last cluster appended), true while more may follow.
  mutating func fill(_ clusters: inout [Cluster], upTo count: Int) -> Bool {
    while clusters.count < count {
      guard runIndex < runs.count else {
        if let last = pending { clusters.append(last) }
        pending = nil
        return false
      }
      let run = runs[runIndex]
      let finished = UTF8Bytes.withBytes(of: run.text) {
        read($0, style: run.style, into: &clusters, upTo: count)
      }
      if finished {
        runIndex += 1
        offset = 0
      }
    }
    return true
  }

  /// Reads the current run's scalars from `offset` until `clusters` holds `count` or the run
  /// ends; whether it ended. `bytes` are valid UTF-8 (a String's own).
  private mutating func read(
    _ bytes: UnsafeBufferPointer<UInt8>, style: TextStyle, into clusters: inout [Cluster], upTo count: Int
  ) -> Bool {
    var at = offset
    defer { offset = at }
    while at < bytes.count {
      if clusters.count >= count { return false }
      let start = at
      let scalar = UTF8Bytes.scalar(in: bytes, at: &at)
      let end = Position(run: runIndex, offset: at)
      let width = DisplayWidth.of(scalar)
      if width == 0, pending != nil, !pending!.isNewline {
        // Linear in the marks however many there are: past the bound they are only counted.
        pending!.scalarCount += 1
        pending!.end = end
        continue
      }
      let started = Self.cluster(
        scalar, width: width, style: style, start: Position(run: runIndex, offset: start), end: end)
      if let finished = pending { clusters.append(finished) }
      pending = started
    }
    return true
  }

  private static func cluster(
    _ scalar: Unicode.Scalar, width: Int, style: TextStyle, start: Position, end: Position
  ) -> Cluster {
    var cluster = Cluster(width: width, style: style, first: scalar, start: start, end: end)
    if scalar == "\n" {
      cluster.width = 0
    } else if width <= 0 {
      // A mark with nothing to sit on, or something undrawable that slipped through.
      cluster.kind = width == 0 ? .orphanMark : .undrawable
      cluster.width = 1
    } else {
      cluster.traits = LineBreakRules.traits(of: scalar, width: width)
    }
    return cluster
  }
}
