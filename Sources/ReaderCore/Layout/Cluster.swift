/// A unit that is never split across lines or cells: one spacing scalar and the zero-width ones after it.
struct Cluster {
  var text: String
  var width: Int
  var style: TextStyle
  var first: Unicode.Scalar
  var traits: LineBreakRules.Traits = []

  var isSpace: Bool { first == " " }
  var isNewline: Bool { first == "\n" }

  /// Whether a scalar of `width` columns joins the cluster before it instead of starting one:
  /// a zero-width scalar does, unless it comes first or right after a line break. `clusters(of:)`
  /// applies this rule; code that counts clusters in plain text (mention and search offsets,
  /// which must equal `LineKey.offset`) calls it to stay in step.
  static func joins(width: Int, after previous: Unicode.Scalar?) -> Bool {
    width == 0 && previous != nil && previous != "\n"
  }

  /// Splits runs into clusters the way ncurses fills cells: zero-width scalars join the one before.
  static func clusters(of runs: [InlineRun]) -> [Cluster] {
    var result: [Cluster] = []
    result.reserveCapacity(runs.reduce(0) { $0 + $1.text.utf8.count / 2 })
    for run in runs {
      for scalar in run.text.unicodeScalars {
        let width = DisplayWidth.of(scalar)
        if width == 0, let last = result.indices.last, !result[last].isNewline {
          result[last].text.unicodeScalars.append(scalar)
          continue
        }
        if scalar == "\n" {
          result.append(Cluster(text: "\n", width: 0, style: run.style, first: scalar))
        } else if width <= 0 {
          // A mark with nothing to sit on, or something undrawable that slipped through.
          let shown: String = width == 0 ? "\u{25CC}" + String(scalar) : "\u{FFFD}"
          result.append(Cluster(text: shown, width: 1, style: run.style, first: scalar))
        } else {
          result.append(
            Cluster(
              text: String(scalar), width: width, style: run.style, first: scalar,
              traits: LineBreakRules.traits(of: scalar, width: width)))
        }
      }
    }
    return result
  }
}
