/// The clusters of styled runs one at a time, exactly as `Cluster.clusters(of:)` makes them all:
/// a paragraph of any length is wrapped while holding only the clusters of the line at hand.
///
/// A stream can start at any cluster's `Position` and gives from there the clusters the whole
/// stream gives (a cluster starts fresh at its first scalar either way), so a long paragraph's
/// lines can be made from the middle.
struct ClusterStream: IteratorProtocol {
  /// Where a cluster starts in the runs: its first scalar's run and UTF-8 offset in that run.
  struct Position: Hashable, Sendable {
    var run: Int
    var offset: Int

    static let start = Position(run: 0, offset: 0)
  }

  private let runs: [InlineRun]
  private var runIndex: Int
  private var scalars: Substring.UnicodeScalarView.Iterator?
  /// The UTF-8 offset in `runs[runIndex]` of the scalar `scalars` gives next.
  private var offset: Int
  /// The cluster being built: complete once a scalar that starts another one arrives.
  private var pending: Cluster?
  /// Where the cluster `next()` returned last starts.
  private(set) var position = Position.start

  init(_ runs: [InlineRun], from start: Position = .start) {
    self.runs = runs
    runIndex = start.run
    offset = start.offset
    if start.offset > 0, start.run < runs.count {
      let text = runs[start.run].text
      let index = text.utf8.index(text.startIndex, offsetBy: start.offset)
      scalars = text.unicodeScalars[index...].makeIterator()
    }
  }

  mutating func next() -> Cluster? {
    while true {
      let at = Position(run: runIndex, offset: offset)
      guard let (scalar, style) = nextScalar() else {
        defer { pending = nil }
        position = pending?.start ?? position
        return pending
      }
      // A scalar that opens the next run starts at that run's beginning.
      let startedAt = runIndex == at.run ? at : Position(run: runIndex, offset: 0)
      let endsAt = Position(run: runIndex, offset: offset)
      let width = DisplayWidth.of(scalar)
      if width == 0, var last = pending, !last.isNewline {
        // Linear in the marks however many there are: past the bound they are only counted.
        last.scalarCount += 1
        last.end = endsAt
        pending = last
        continue
      }
      let started = Self.cluster(scalar, width: width, style: style, start: startedAt, end: endsAt)
      if let finished = pending {
        position = finished.start
        pending = started
        return finished
      }
      pending = started
    }
  }

  private mutating func nextScalar() -> (Unicode.Scalar, TextStyle)? {
    while runIndex < runs.count {
      if scalars == nil { scalars = runs[runIndex].text[...].unicodeScalars.makeIterator() }
      if let scalar = scalars!.next() {
        offset += UTF8.width(scalar)
        return (scalar, runs[runIndex].style)
      }
      scalars = nil
      runIndex += 1
      offset = 0
    }
    return nil
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
