/// The clusters of styled runs one at a time, exactly as `Cluster.clusters(of:)` makes them all:
/// a paragraph of any length is wrapped while holding only the clusters of the line at hand.
struct ClusterStream: IteratorProtocol {
  private let runs: [InlineRun]
  private var runIndex = 0
  private var scalars: String.UnicodeScalarView.Iterator?
  /// The cluster being built: complete once a scalar that starts another one arrives.
  private var pending: Cluster?

  init(_ runs: [InlineRun]) {
    self.runs = runs
  }

  mutating func next() -> Cluster? {
    while true {
      guard let (scalar, style) = nextScalar() else {
        defer { pending = nil }
        return pending
      }
      let width = DisplayWidth.of(scalar)
      if width == 0, var last = pending, !last.isNewline {
        // Linear in the marks however many there are: past the bound they are only counted.
        last.scalarCount += 1
        if last.scalarCount <= Cluster.maximumScalars {
          last.text.unicodeScalars.append(scalar)
        } else if last.scalarCount == Cluster.maximumScalars + 1 {
          let base = last.text.unicodeScalars.first.map { String($0) } ?? ""
          last.text = base + Cluster.overflowMarker
        }
        pending = last
        continue
      }
      let started = Self.cluster(scalar, width: width, style: style)
      if let finished = pending {
        pending = started
        return finished
      }
      pending = started
    }
  }

  private mutating func nextScalar() -> (Unicode.Scalar, TextStyle)? {
    while runIndex < runs.count {
      if scalars == nil { scalars = runs[runIndex].text.unicodeScalars.makeIterator() }
      if let scalar = scalars!.next() { return (scalar, runs[runIndex].style) }
      scalars = nil
      runIndex += 1
    }
    return nil
  }

  private static func cluster(_ scalar: Unicode.Scalar, width: Int, style: TextStyle) -> Cluster {
    if scalar == "\n" { return Cluster(text: "\n", width: 0, style: style, first: scalar) }
    if width <= 0 {
      // A mark with nothing to sit on, or something undrawable that slipped through.
      let shown: String = width == 0 ? "\u{25CC}" + String(scalar) : "\u{FFFD}"
      return Cluster(text: shown, width: 1, style: style, first: scalar)
    }
    return Cluster(
      text: String(scalar), width: width, style: style, first: scalar,
      traits: LineBreakRules.traits(of: scalar, width: width))
  }
}
