/// Wraps styled runs into lines no wider than a width, keeping Latin words whole and obeying kinsoku.
///
/// The clusters come from a `ClusterStream` through a window that holds only those of the line
/// being made (and the cluster before it), so a paragraph of 50 MB on one line takes time in
/// proportion to its length and memory in proportion to a line.
struct LineBreaker {
  let width: Int

  /// Lines of `runs`, each starting with `firstPrefix` (the first) or `restPrefix` (the others).
  func wrap(
    _ runs: [InlineRun], leaf: Int, firstPrefix: [StyledText] = [], restPrefix: [StyledText] = []
  ) -> [LayoutLine] {
    var lines: [LayoutLine] = []
    wrap(runs, leaf: leaf, firstPrefix: firstPrefix, restPrefix: restPrefix) { lines.append($0) }
    return lines
  }

  /// The lines `wrap` returns, handed to `body` one by one as they are made.
  func wrap(
    _ runs: [InlineRun], leaf: Int, firstPrefix: [StyledText] = [], restPrefix: [StyledText] = [],
    into body: (LayoutLine) -> Void
  ) {
    wrap(runs, leaf: leaf, from: .first, firstPrefix: firstPrefix, restPrefix: restPrefix) { line, _ in
      body(line!)
      return true
    }
  }

  /// Where a line of a wrap starts: with the runs, all it takes to make the lines from there on.
  struct LineStart: Sendable {
    /// The index of the line's first cluster in the whole run (its `LineKey.offset`).
    var cluster: Int
    var position: ClusterStream.Position
    /// Whether it is the first line (which takes the first prefix, after leading spaces).
    var isFirst: Bool

    static let first = LineStart(cluster: 0, position: .start, isFirst: true)
  }

  /// The lines of `runs` from `start` on, each handed to `body` with where the next one starts
  /// (nil after the last) until `body` returns false. With `making` false the lines are only
  /// measured, not built, and `body` gets nil for each: counting them costs no text.
  func wrap(
    _ runs: [InlineRun], leaf: Int, from start: LineStart, firstPrefix: [StyledText] = [],
    restPrefix: [StyledText] = [], making: Bool = true, into body: (LayoutLine?, LineStart?) -> Bool
  ) {
    var clusters = Window(stream: ClusterStream(runs, from: start.position), base: start.cluster)
    clusters.clusters.reserveCapacity(Self.expectedClusters(runs))
    let first = Self.fitting(firstPrefix, width: width)
    let rest = Self.fitting(restPrefix, width: width)
    let firstWidth = first.reduce(0) { $0 + DisplayWidth.of($1.text) }
    let restWidth = rest.reduce(0) { $0 + DisplayWidth.of($1.text) }
    var isFirst = start.isFirst
    var start = isFirst ? skipSpaces(&clusters, from: start.cluster) : start.cluster
    while true {
      let prefix = isFirst ? first : rest
      let prefixWidth = isFirst ? firstWidth : restWidth
      isFirst = false
      let available = max(1, width - prefixWidth)
      let (end, next) = lineEnd(&clusters, from: start, available: available)
      var line: LayoutLine?
      if making {
        var spans = prefix
        append(clusters, start..<end, of: runs, to: &spans, available: available)
        line = LayoutLine(spans: spans, key: LineKey(leaf: leaf, offset: start), textColumn: prefixWidth)
      }
      start = next
      clusters.forget(before: start)
      let more = clusters.has(start)
      let following =
        more ? LineStart(cluster: start, position: clusters.position(start), isFirst: false) : nil
      guard body(line, following), more else { return }
    }
  }

  /// The clusters from `base` on that the stream has given, fetched as the breaker looks ahead.
  private struct Window {
    var stream: ClusterStream
    /// The index in the whole run of `clusters[0]`.
    var base: Int
    var clusters: [Cluster] = []
    var exhausted = false

    init(stream: ClusterStream, base: Int) {
      self.stream = stream
      self.base = base
    }

    /// Whether cluster `index` exists (fetching up to it).
    mutating func has(_ index: Int) -> Bool {
      if !exhausted && index - base >= clusters.count {
        // A few dozen ahead at once: the stream reads a run's bytes in one go.
        exhausted = !stream.fill(&clusters, upTo: index - base + 64)
      }
      return index - base < clusters.count
    }

    subscript(index: Int) -> Cluster { clusters[index - base] }

    /// The clusters of `range` (indices in the whole run), all fetched already.
    func slice(_ range: Range<Int>) -> ArraySlice<Cluster> {
      clusters[(range.lowerBound - base)..<(range.upperBound - base)]
    }

    func position(_ index: Int) -> ClusterStream.Position { clusters[index - base].start }

    /// Drops the clusters before `index`, in batches, so each is moved at most once or twice.
    mutating func forget(before index: Int) {
      let count = min(index - base, clusters.count)
      guard count > 4096 && count * 2 >= clusters.count else { return }
      clusters.removeFirst(count)
      base += count
    }
  }

  /// Room for a paragraph's clusters (at most one a byte) or, for a long one, a window's worth,
  /// reserved at once rather than grown a doubling at a time; counted only that far, since a
  /// long paragraph is wrapped from many places.
  private static func expectedClusters(_ runs: [InlineRun]) -> Int {
    var bytes = 64
    for run in runs {
      bytes += run.text.utf8.count
      if bytes >= 8192 { return 8192 }
    }
    return bytes
  }

  /// A prefix (indent, marker, quote bar) that leaves no room for text is left out.
  static func fitting(_ prefix: [StyledText], width: Int) -> [StyledText] {
    prefix.reduce(0) { $0 + DisplayWidth.of($1.text) } < width ? prefix : []
  }

  private func lineEnd(_ clusters: inout Window, from start: Int, available: Int) -> (end: Int, next: Int) {
    var column = 0
    var lastBreak: Int?
    var index = start
    while clusters.has(index) {
      let cluster = clusters[index]
      if cluster.isNewline { return (index, index + 1) }
      if index > start && LineBreakRules.canBreak(between: clusters[index - 1], and: cluster) {
        lastBreak = index
      }
      if !cluster.isSpace && column + cluster.width > available {
        if let lastBreak { return (lastBreak, skipSpaces(&clusters, from: lastBreak)) }
        if index == start { return (index + 1, skipSpaces(&clusters, from: index + 1)) }
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
    return (index, index)
  }

  private func skipSpaces(_ clusters: inout Window, from start: Int) -> Int {
    var index = start
    while clusters.has(index) && clusters[index].isSpace { index += 1 }
    return index
  }

  /// Puts the text of `range` after `spans`, a span for each style, each cut from the runs a
  /// stretch at a time (`Cluster.text(of:in:)`) rather than put together a cluster at a time.
  private func append(
    _ clusters: Window, _ range: Range<Int>, of runs: [InlineRun], to spans: inout [StyledText],
    available: Int
  ) {
    var end = range.upperBound
    while end > range.lowerBound && clusters[end - 1].isSpace { end -= 1 }
    var used = 0
    var text = ""
    // The clusters from `cut` on are not in `text` yet.
    var cut = range.lowerBound
    func take(upTo index: Int) {
      text += Cluster.text(of: clusters.slice(cut..<index), in: runs)
      cut = index
    }
    var index = range.lowerBound
    while index < end {
      let cluster = clusters[index]
      // Only a cluster wider than the whole line is too wide (a CJK character in one column).
      let tooWide = cluster.width > available - used
      if tooWide && used + 1 > available { break }
      if index > range.lowerBound && cluster.style != clusters[index - 1].style {
        take(upTo: index)
        spans.append(StyledText(text, style: clusters[index - 1].style))
        text = ""
      }
      if tooWide {
        take(upTo: index)
        text += "…"
        cut = index + 1
        used += 1
      } else {
        used += cluster.width
      }
      index += 1
    }
    if index > range.lowerBound {
      take(upTo: index)
      spans.append(StyledText(text, style: clusters[index - 1].style))
    }
  }
}
