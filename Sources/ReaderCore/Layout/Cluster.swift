/// A unit that is never split across lines or cells: one spacing scalar and the zero-width ones after it.
///
/// A cluster holds no text of its own, only where it lies in the runs it came from (`text(in:)`
/// reads it there): clusters are plain values, made and dropped by the million while a large
/// document is laid out, without an allocation or a reference count each.
struct Cluster {
  var width: Int
  var style: TextStyle
  var first: Unicode.Scalar
  var traits: LineBreakRules.Traits = []
  var kind = Kind.plain
  /// How many of the source's scalars the cluster holds (its marks beyond the bound included).
  var scalarCount = 1
  /// Where the cluster's first scalar is in the runs.
  var start: ClusterStream.Position
  /// Where the scalar after its last one is.
  var end: ClusterStream.Position

  /// How the cluster's first scalar is drawn.
  enum Kind: UInt8 {
    /// As it is.
    case plain
    /// A mark with nothing to sit on, shown on a dotted circle (◌).
    case orphanMark
    /// Something undrawable that slipped through, shown as U+FFFD.
    case undrawable
  }

  /// The most scalars a cluster keeps. Real text needs a handful (a letter and two or three
  /// marks, an emoji sequence of a dozen); past this it is a pile of marks (a "Zalgo" storm of
  /// thousands), which no terminal draws in one cell and which would make every step that
  /// touches the cluster cost its length.
  static let maximumScalars = 32
  /// Put on the base of a cluster whose marks were left out for being past the bound: COMBINING
  /// THREE DOTS ABOVE, an ellipsis over the letter. A mark itself, so the cluster stays one
  /// cluster of the base's width wherever it is counted again (frames, search offsets), and the
  /// line is laid out as it would be with every mark.
  static let overflowMarker = "\u{20DB}"

  /// Whether the cluster's marks were left out (it is drawn as its base and the marker).
  var isOverlong: Bool { scalarCount > Self.maximumScalars }

  var isSpace: Bool { first == " " }
  var isNewline: Bool { first == "\n" }

  /// Whether the cluster is drawn as the source has it, so that its text and its neighbours'
  /// are one slice of the runs.
  var isVerbatim: Bool { kind == .plain && !isOverlong }

  /// What the cluster draws in place of its first scalar, when that is not the scalar itself.
  private var standInHead: String? {
    switch kind {
    case .plain: nil
    case .orphanMark: "\u{25CC}" + String(first)
    case .undrawable: "\u{FFFD}"
    }
  }

  /// The cluster's text as drawn: the source's scalars, with the stand-in of an orphan mark or an
  /// undrawable scalar, and for an overlong one only the base and the marker.
  func text(in runs: [InlineRun]) -> String {
    if isOverlong {
      let base = standInHead?.unicodeScalars.first.map { String($0) } ?? String(first)
      return base + Self.overflowMarker
    }
    guard let head = standInHead else { return Self.source(runs, from: start, to: end) }
    let afterFirst = ClusterStream.Position(run: start.run, offset: start.offset + UTF8.width(first))
    return head + Self.source(runs, from: afterFirst, to: end)
  }

  /// The text of consecutive clusters as a stream gave them: one slice of the runs for each
  /// stretch of verbatim clusters, the drawn text of the others.
  static func text(of clusters: some Collection<Cluster>, in runs: [InlineRun]) -> String {
    var result = ""
    var verbatim: (from: ClusterStream.Position, to: ClusterStream.Position)?
    for cluster in clusters {
      if cluster.isVerbatim {
        verbatim = (verbatim?.from ?? cluster.start, cluster.end)
        continue
      }
      if let stretch = verbatim { result += source(runs, from: stretch.from, to: stretch.to) }
      verbatim = nil
      result += cluster.text(in: runs)
    }
    if let stretch = verbatim { result += source(runs, from: stretch.from, to: stretch.to) }
    return result
  }

  /// The runs' text from one position to another (which may be in a later run).
  static func source(
    _ runs: [InlineRun], from start: ClusterStream.Position, to end: ClusterStream.Position
  ) -> String {
    if start.run == end.run { return slice(runs[start.run].text, start.offset, end.offset) }
    var result = ""
    for run in start.run...min(end.run, runs.count - 1) {
      let text = runs[run].text
      let from = run == start.run ? start.offset : 0
      let to = run == end.run ? end.offset : text.utf8.count
      result += slice(text, from, to)
    }
    return result
  }

  private static func slice(_ text: String, _ from: Int, _ to: Int) -> String {
    let utf8 = text.utf8
    let lower = utf8.index(utf8.startIndex, offsetBy: from)
    let upper = utf8.index(lower, offsetBy: to - from)
    return String(Substring(utf8[lower..<upper]))
  }

  /// Whether a scalar of `width` columns joins the cluster before it instead of starting one:
  /// a zero-width scalar does, unless it comes first or right after a line break. `clusters(of:)`
  /// applies this rule; code that counts clusters in plain text (mention and search offsets,
  /// which must equal `LineKey.offset`) calls it to stay in step.
  static func joins(width: Int, after previous: Unicode.Scalar?) -> Bool {
    width == 0 && previous != nil && previous != "\n"
  }

  /// Splits runs into clusters the way ncurses fills cells: zero-width scalars join the one before
  /// (see `ClusterStream`, which makes them one at a time).
  static func clusters(of runs: [InlineRun]) -> [Cluster] {
    var result: [Cluster] = []
    result.reserveCapacity(runs.reduce(0) { $0 + $1.text.utf8.count / 2 })
    var stream = ClusterStream(runs)
    _ = stream.fill(&result, upTo: .max)
    return result
  }
}
