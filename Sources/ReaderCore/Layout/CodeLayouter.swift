/// Lays out preformatted text (code blocks) without losing any of it: a line wider than
/// the body wraps onto rows that start with a continuation mark, or, chopped, shows the columns
/// the body is scrolled to with a mark on each side where text goes on off-screen.
///
/// Line keys count clusters through the whole block, newlines included, as prose keys do, so a
/// wrapped row and the chopped line that holds its text map to each other when the mode changes.
struct CodeLayouter {
  let width: Int
  let mode: CodeLineMode

  /// Drawn at the left of every row of a code block, so code stands apart from prose.
  static let rule = "┆ "
  /// Starts a row that continues the code line above it.
  static let continuation = "↪"
  static let hiddenLeft = "«"
  static let hiddenRight = "»"

  func layout(
    _ text: String, style: TextStyle, ruled: Bool, leaf: Int, first: [StyledText], rest: [StyledText]
  ) -> [LayoutLine] {
    let runs = [InlineRun(text, style: style)]
    let clusters = Cluster.clusters(of: runs)
    var lines: [LayoutLine] = []
    var start = 0
    while true {
      var end = start
      while end < clusters.count && !clusters[end].isNewline { end += 1 }
      var prefix = lines.isEmpty ? first : rest
      if ruled && columns(prefix) + DisplayWidth.of(Self.rule) < width {
        prefix.append(StyledText(Self.rule, style: .dim, decoration: true))
      }
      switch mode {
      case .wrapped: lines += wrapped(clusters, start..<end, of: runs, prefix: prefix, leaf: leaf)
      case .chopped(let shift):
        lines.append(chopped(clusters, start..<end, of: runs, shift: shift, prefix: prefix, leaf: leaf))
      }
      if end >= clusters.count { break }
      start = end + 1
    }
    return lines
  }

  private func wrapped(
    _ clusters: [Cluster], _ range: Range<Int>, of runs: [InlineRun], prefix: [StyledText], leaf: Int
  ) -> [LayoutLine] {
    let style = runs[0].style
    var lines: [LayoutLine] = []
    var index = range.lowerBound
    repeat {
      var spans = prefix
      var room = max(1, width - columns(prefix))
      // The mark is left out where it would leave no room for the next character (a CJK one).
      if !lines.isEmpty && room - 1 >= clusters[index].width {
        spans.append(StyledText(Self.continuation, style: .dim, decoration: true))
        room -= 1
      }
      let rowStart = index
      let textColumn = columns(spans)
      var used = 0
      while index < range.upperBound && used + clusters[index].width <= room {
        used += clusters[index].width
        index += 1
      }
      // Spaces at the end of a row would be lost where printed rows are trimmed: they start
      // the next row instead, unless the row holds nothing else.
      if index < range.upperBound, clusters[rowStart..<index].contains(where: { !$0.isSpace }) {
        while clusters[index - 1].isSpace { index -= 1 }
      }
      var text = Cluster.text(of: clusters[rowStart..<index], in: runs)
      if index == rowStart && index < range.upperBound {
        // Only a cluster wider than the whole row gets here (a CJK character in one column).
        text = "…"
        index += 1
      }
      spans.append(StyledText(text, style: style))
      lines.append(
        LayoutLine(spans: spans, key: LineKey(leaf: leaf, offset: rowStart), textColumn: textColumn))
    } while index < range.upperBound
    return lines
  }

  private func chopped(
    _ clusters: [Cluster], _ range: Range<Int>, of runs: [InlineRun], shift: Int, prefix: [StyledText],
    leaf: Int
  ) -> LayoutLine {
    let style = runs[0].style
    var spans = prefix
    var room = max(1, width - columns(prefix))
    var index = range.lowerBound
    var skipped = 0
    while index < range.upperBound && skipped < shift {
      skipped += clusters[index].width
      index += 1
    }
    if shift > 0 && !range.isEmpty && room >= 2 {
      spans.append(StyledText(Self.hiddenLeft, style: .dim, decoration: true))
      room -= 1
    }
    // A wide character cut by the left edge leaves its second column blank, so columns line up.
    let pad = index < range.upperBound ? skipped - shift : 0
    var text = String(repeating: " ", count: pad)
    var used = pad
    let rowStart = index
    let textColumn = columns(spans) + pad
    let remaining = clusters[index..<range.upperBound].reduce(0) { $0 + $1.width }
    let continues = used + remaining > room && room >= 2
    let limit = continues ? room - 1 : room
    while index < range.upperBound && used + clusters[index].width <= limit {
      used += clusters[index].width
      index += 1
    }
    text += Cluster.text(of: clusters[rowStart..<index], in: runs)
    spans.append(StyledText(text, style: style))
    if continues {
      spans.append(StyledText(String(repeating: " ", count: limit - used)))
      spans.append(StyledText(Self.hiddenRight, style: .dim, decoration: true))
    }
    return LayoutLine(
      spans: spans, key: LineKey(leaf: leaf, offset: rowStart), textColumn: textColumn,
      continuesRight: continues)
  }

  private func columns(_ spans: [StyledText]) -> Int {
    spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
  }
}
