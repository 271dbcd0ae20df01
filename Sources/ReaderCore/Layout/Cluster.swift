/// A unit that is never split across lines or cells: one spacing scalar and the zero-width ones after it.
struct Cluster {
  var text: String
  var width: Int
  var style: TextStyle
  var first: Unicode.Scalar
  var traits: LineBreakRules.Traits = []
  /// How many of the source's scalars the cluster holds (its marks beyond the bound included).
  var scalarCount = 1

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
    while let cluster = stream.next() { result.append(cluster) }
    return result
  }
}
