@testable import ReaderCore

/// The line breaker as it was before it streamed its clusters: every cluster of the paragraph
/// made first, then the lines. Kept as the reference the streaming `LineBreaker` must match.
struct EagerLineBreaker {
  let width: Int

  /// A cluster with its text built as it was then, scalar by scalar, so the reference does not
  /// share the way the streaming breaker cuts text from the runs.
  private struct TextCluster {
    var text: String
    /// What the line-breaking rules read (positions unused).
    var rules: Cluster
    var width: Int {
      get { rules.width }
      set { rules.width = newValue }
    }
    var style: TextStyle { rules.style }
    var traits: LineBreakRules.Traits { rules.traits }
    var isSpace: Bool { rules.isSpace }
    var isNewline: Bool { rules.isNewline }
    var scalarCount: Int {
      get { rules.scalarCount }
      set { rules.scalarCount = newValue }
    }

    init(
      text: String, width: Int, style: TextStyle, first: Unicode.Scalar,
      traits: LineBreakRules.Traits = []
    ) {
      self.text = text
      rules = Cluster(
        width: width, style: style, first: first, traits: traits, start: .start, end: .start)
    }
  }

  /// Lines of `runs`, each starting with `firstPrefix` (the first) or `restPrefix` (the others).
  func wrap(
    _ runs: [InlineRun], leaf: Int, firstPrefix: [StyledText] = [], restPrefix: [StyledText] = []
  ) -> [LayoutLine] {
    let clusters = Self.clusters(of: runs)
    var lines: [LayoutLine] = []
    var start = skipSpaces(clusters, from: 0)
    repeat {
      let prefix = LineBreaker.fitting(lines.isEmpty ? firstPrefix : restPrefix, width: width)
      let prefixWidth = prefix.reduce(0) { $0 + DisplayWidth.of($1.text) }
      let available = max(1, width - prefixWidth)
      let (end, next) = lineEnd(clusters, from: start, available: available)
      var spans = prefix
      append(clusters, start..<end, to: &spans, available: available)
      lines.append(LayoutLine(spans: spans, key: LineKey(leaf: leaf, offset: start), textColumn: prefixWidth))
      start = next
    } while start < clusters.count
    return lines
  }

  private func lineEnd(_ clusters: [TextCluster], from start: Int, available: Int) -> (end: Int, next: Int) {
    var column = 0
    var lastBreak: Int?
    var index = start
    while index < clusters.count {
      let cluster = clusters[index]
      if cluster.isNewline { return (index, index + 1) }
      if index > start
        && LineBreakRules.canBreak(between: clusters[index - 1].rules, and: clusters[index].rules)
      {
        lastBreak = index
      }
      if !cluster.isSpace && column + cluster.width > available {
        if let lastBreak { return (lastBreak, skipSpaces(clusters, from: lastBreak)) }
        if index == start { return (index + 1, skipSpaces(clusters, from: index + 1)) }
        var cut = index
        while cut - 1 > start
          && (clusters[cut].traits.contains(.closing) || clusters[cut - 1].traits.contains(.opening))
        {
          cut -= 1
        }
        // A run of punctuation that kinsoku can never satisfy (「「「「…) is cut at the width
        // rather than one character per line.
        if cut == start + 1 && index > start + 1 { cut = index }
        return (cut, cut)
      }
      column += cluster.width
      index += 1
    }
    return (clusters.count, clusters.count)
  }

  private func skipSpaces(_ clusters: [TextCluster], from start: Int) -> Int {
    var index = start
    while index < clusters.count && clusters[index].isSpace { index += 1 }
    return index
  }

  private func append(
    _ clusters: [TextCluster], _ range: Range<Int>, to spans: inout [StyledText], available: Int
  ) {
    var end = range.upperBound
    while end > range.lowerBound && clusters[end - 1].isSpace { end -= 1 }
    var used = 0
    for index in range.lowerBound..<end {
      var cluster = clusters[index]
      if cluster.width > available - used {
        // Only a cluster wider than the whole line gets here (a CJK character in one column).
        cluster.text = "…"
        cluster.width = 1
        if used + 1 > available { break }
      }
      used += cluster.width
      if let last = spans.indices.last, spans[last].style == cluster.style, last >= 0,
        index > range.lowerBound
      {
        spans[last].text += cluster.text
      } else {
        spans.append(StyledText(cluster.text, style: cluster.style))
      }
    }
  }

  private static func clusters(of runs: [InlineRun]) -> [TextCluster] {
    var result: [TextCluster] = []
    result.reserveCapacity(runs.reduce(0) { $0 + $1.text.utf8.count / 2 })
    for run in runs {
      for scalar in run.text.unicodeScalars {
        let width = DisplayWidth.of(scalar)
        if width == 0, let last = result.indices.last, !result[last].isNewline {
          // Linear in the marks however many there are: past the bound they are only counted.
          result[last].scalarCount += 1
          if result[last].scalarCount <= Cluster.maximumScalars {
            result[last].text.unicodeScalars.append(scalar)
          } else if result[last].scalarCount == Cluster.maximumScalars + 1 {
            let base = result[last].text.unicodeScalars.first.map { String($0) } ?? ""
            result[last].text = base + Cluster.overflowMarker
          }
          continue
        }
        if scalar == "\n" {
          result.append(TextCluster(text: "\n", width: 0, style: run.style, first: scalar))
        } else if width <= 0 {
          // A mark with nothing to sit on, or something undrawable that slipped through.
          let shown: String = width == 0 ? "\u{25CC}" + String(scalar) : "\u{FFFD}"
          result.append(TextCluster(text: shown, width: 1, style: run.style, first: scalar))
        } else {
          result.append(
            TextCluster(
              text: String(scalar), width: width, style: run.style, first: scalar,
              traits: LineBreakRules.traits(of: scalar, width: width)))
        }
      }
    }
    return result
  }
}
