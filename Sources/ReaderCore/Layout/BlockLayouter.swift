/// Lays out one block (and the blocks inside it) at a width: paragraphs, code and tables all fit it.
struct BlockLayouter {
  let width: Int
  var codeLines: CodeLineMode = .wrapped

  /// Indentation stops growing past this share of the width, so deep nesting stays readable.
  private var maxIndent: Int { max(0, width / 2) }

  func layout(_ block: Block) -> [LayoutLine] {
    layout(block, first: [], rest: [])
  }

  /// The lines `layout` returns, handed to `body` as they are made: a paragraph or heading is
  /// never held whole as lines (a 50 MB line printed takes memory for one line at a time).
  func forEachLine(of block: Block, _ body: (LayoutLine) -> Void) {
    let breaker = LineBreaker(width: width)
    switch block.kind {
    case .paragraph(let runs): breaker.wrap(runs, leaf: block.id, into: body)
    case .heading(let level, let runs):
      breaker.wrap(Self.heading(runs, level: level), leaf: block.id, into: body)
    default: layout(block).forEach(body)
    }
  }

  static func heading(_ runs: [InlineRun], level: Int) -> [InlineRun] {
    let emphasis: TextStyle = level <= 1 ? [.bold, .underline] : .bold
    let style = emphasis.union(.heading(level))
    return runs.map { InlineRun($0.text, style: $0.style.union(style)) }
  }

  private func layout(_ block: Block, first wideFirst: [StyledText], rest wideRest: [StyledText])
    -> [LayoutLine]
  {
    let first = LineBreaker.fitting(wideFirst, width: width)
    let rest = LineBreaker.fitting(wideRest, width: width)
    let breaker = LineBreaker(width: width)
    switch block.kind {
    case .paragraph(let runs):
      return breaker.wrap(runs, leaf: block.id, firstPrefix: first, restPrefix: rest)
    case .heading(let level, let runs):
      return breaker.wrap(
        Self.heading(runs, level: level), leaf: block.id, firstPrefix: first, restPrefix: rest)
    case .code(_, let text):
      return CodeLayouter(width: width, mode: codeLines).layout(
        text, style: .code, ruled: true, leaf: block.id, first: first, rest: rest)
    case .frontMatter(let frontMatter):
      // Metadata, not content: dim, and wrapped like code so none of it is lost.
      return CodeLayouter(width: width, mode: codeLines).layout(
        frontMatter.text, style: .dim, ruled: false, leaf: block.id, first: first, rest: rest)
    case .thematicBreak:
      let available = max(1, width - columns(first))
      // Unwrapped output (`--print --width 0`) has no edge to reach; a short rule stands for it.
      let ruleWidth = available > 1000 ? 80 : available
      let rule = StyledText(TextFitting.rule("─", columns: ruleWidth), style: .dim)
      return [LayoutLine(spans: first + [rule], key: LineKey(leaf: block.id, offset: 0))]
    case .quote(let blocks):
      let bar = StyledText("│ ", style: .dim, decoration: true)
      let canIndent = columns(rest) + 2 <= maxIndent
      // The first line also carries the markers of enclosing first items, so it is capped apart.
      let firstFits = columns(first) <= maxIndent
      let lines = stack(
        blocks, separated: true, first: canIndent && firstFits ? first + [bar] : first,
        rest: canIndent ? rest + [bar] : rest, leaf: block.id)
      // The quoted text itself, not the bars and markers, takes the theme's quote colour.
      return lines.map { line in
        var line = line
        for index in line.spans.indices where !line.spans[index].isDecoration {
          if !line.spans[index].style.contains(.dim) { line.spans[index].style.insert(.quote) }
        }
        return line
      }
    case .list(let list):
      var lines: [LayoutLine] = []
      for (index, item) in list.items.enumerated() {
        var marker = list.marker(at: index) + " "
        if let checked = item.task { marker += checked ? "[x] " : "[ ] " }
        let canIndent = columns(rest) + DisplayWidth.of(marker) <= maxIndent
        let itemFirst = index == 0 ? first : rest
        let markerSpan = StyledText(canIndent ? marker : "• ", style: .dim)
        let pad = StyledText(String(repeating: " ", count: DisplayWidth.of(marker)))
        // Past the indentation cap an item still shows a bullet, while its first line has room.
        let firstLine = columns(itemFirst) <= maxIndent ? itemFirst + [markerSpan] : itemFirst
        if !lines.isEmpty && !list.tight { lines.append(blank(after: lines, prefix: rest)) }
        var itemLines = stack(
          item.blocks, separated: !list.tight, first: firstLine,
          rest: canIndent ? rest + [pad] : rest, leaf: block.id)
        if itemLines.isEmpty {
          itemLines = [
            LayoutLine(
              spans: LineBreaker.fitting(firstLine, width: width), key: LineKey(leaf: block.id, offset: index)
            )
          ]
        }
        lines += itemLines
      }
      return lines
    case .footnote(let label, let blocks):
      // `[note] ` before the first line, the rest indented under the text when there is room.
      let marker = "[" + label + "] "
      let markerWidth = DisplayWidth.of(marker)
      let canIndent = columns(rest) + markerWidth <= maxIndent
      let pad = StyledText(String(repeating: " ", count: markerWidth))
      return stack(
        blocks, separated: true, first: first + [StyledText(marker, style: .dim)],
        rest: canIndent ? rest + [pad] : rest, leaf: block.id)
    case .table(let table):
      return TableLayouter(width: width).layout(table, leaf: block.id, first: first, rest: rest)
    }
  }

  /// Blocks one under another; loose containers put a blank line between them.
  private func stack(
    _ blocks: [Block], separated: Bool, first: [StyledText], rest: [StyledText], leaf: Int
  ) -> [LayoutLine] {
    var lines: [LayoutLine] = []
    for block in blocks {
      if separated && !lines.isEmpty { lines.append(blank(after: lines, prefix: rest)) }
      lines += layout(block, first: lines.isEmpty ? first : rest, rest: rest)
    }
    if lines.isEmpty && !first.isEmpty {
      lines.append(
        LayoutLine(spans: LineBreaker.fitting(first, width: width), key: LineKey(leaf: leaf, offset: 0)))
    }
    return lines
  }

  private func blank(after lines: [LayoutLine], prefix: [StyledText]) -> LayoutLine {
    var key = lines.last?.key ?? LineKey(leaf: 0, offset: 0)
    key.offset = LineKey.separatorOffset
    var spans = LineBreaker.fitting(prefix, width: width)
    while let last = spans.last, last.text.allSatisfy({ $0 == " " }) { spans.removeLast() }
    if let last = spans.indices.last {
      spans[last].text = spans[last].text.trimmingWhitespace()
    }
    return LayoutLine(spans: spans, key: key)
  }

  private func columns(_ spans: [StyledText]) -> Int {
    spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
  }
}
