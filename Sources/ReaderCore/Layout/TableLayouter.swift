/// Lays out a table without losing a cell: columns share the width by content and cells wrap
/// inside them (CJK and kinsoku as in prose); a table too narrow for two characters per column
/// becomes records, each row as `header: value` lines under the header row.
///
/// Line keys are `row << 16 | line within the row` (the header is row 0), so a row keeps its
/// place at another width; a rule after row `r` has line `0xFFFF`. Each line's segments say
/// where the text of each cell (numbered as `TableBlock.cellOffsets` does) is drawn.
struct TableLayouter {
  let width: Int

  static let separator = " │ "
  /// Where the rule under the header crosses a separator, as wide as the separator.
  static var crossing: String {
    let side = (DisplayWidth.of(separator) - DisplayWidth.of("┼")) / 2
    return TextFitting.rule("─", columns: side) + "┼"
      + TextFitting.rule("─", columns: DisplayWidth.of(separator) - DisplayWidth.of("┼") - side)
  }
  /// Between the header cells listed above a table's records.
  static let legendSeparator = " · "
  static let ruleLine = 0xFFFF

  /// Spans to draw and where the cells' text lies in them (columns from the start of the spans).
  private typealias Drawn = (spans: [StyledText], segments: [TextSegment])

  func layout(_ table: TableBlock, leaf: Int, first: [StyledText], rest: [StyledText]) -> [LayoutLine] {
    let columnCount = max(table.header.count, table.rows.map(\.count).max() ?? 0)
    guard columnCount > 0 else { return [] }
    let header = cells(of: table.header, count: columnCount).map { bold($0) }
    let rows = table.rows.map { cells(of: $0, count: columnCount) }
    let offsets = table.cellOffsets()
    let prefixWidth = max(
      columns(LineBreaker.fitting(first, width: width)), columns(LineBreaker.fitting(rest, width: width)))
    let available = max(1, width - prefixWidth)
    let measures = TableColumnWidths(cells: [header] + rows, columnCount: columnCount)
    let separators = DisplayWidth.of(Self.separator) * (columnCount - 1)
    var lines: [LayoutLine] = []
    func emit(_ drawn: Drawn, row: Int, line: Int) {
      let prefix = LineBreaker.fitting(lines.isEmpty ? first : rest, width: width)
      var spans = prefix + drawn.spans
      trimTrailingSpaces(&spans)
      let shift = columns(prefix)
      let segments = drawn.segments.map {
        TextSegment(offset: $0.offset, column: $0.column + shift, length: $0.length)
      }
      lines.append(
        LayoutLine(
          spans: spans, key: LineKey(leaf: leaf, offset: row << 16 | min(line, Self.ruleLine)),
          segments: segments))
    }
    if let widths = measures.widths(available: available - separators) {
      let alignments = (0..<columnCount).map { $0 < table.alignments.count ? table.alignments[$0] : .none }
      let rule = StyledText(
        widths.map { TextFitting.rule("─", columns: $0) }.joined(separator: Self.crossing), style: .dim,
        decoration: true)
      let wrappedRows = rows.map { wrap($0, widths: widths) }
      let separated = wrappedRows.contains { $0.contains { $0.count > 1 } }
      let headerLines = grid(
        wrap(header, widths: widths), offsets: offsets[0], widths: widths, alignments: alignments)
      for (line, drawn) in headerLines.enumerated() { emit(drawn, row: 0, line: line) }
      emit(([rule], []), row: 0, line: Self.ruleLine)
      for (index, row) in wrappedRows.enumerated() {
        if separated && index > 0 { emit(([rule], []), row: index, line: Self.ruleLine) }
        let rowLines = grid(row, offsets: offsets[index + 1], widths: widths, alignments: alignments)
        for (line, drawn) in rowLines.enumerated() { emit(drawn, row: index + 1, line: line) }
      }
    } else {
      records(header: header, rows: rows, offsets: offsets, available: available, emit: emit)
    }
    return lines
  }

  /// The header row, its cells packed onto lines, then each row as `header: value` lines.
  private func records(
    header: [[InlineRun]], rows: [[[InlineRun]]], offsets: [[Int]], available: Int,
    emit: (Drawn, Int, Int) -> Void
  ) {
    let breaker = LineBreaker(width: available)
    let separator = DisplayWidth.of(Self.legendSeparator)
    // A cell that fits joins the line before; the separator never starts or ends a line.
    var legend: [Drawn] = [([], [])]
    for (column, cell) in header.enumerated() {
      let pieces = breaker.wrap(cell, leaf: 0)
      let used = columns(legend[legend.count - 1].spans)
      if pieces.count == 1, used == 0 || used + separator + pieces[0].width <= available {
        let at = used == 0 ? 0 : used + separator
        if used > 0 {
          legend[legend.count - 1].spans.append(
            StyledText(Self.legendSeparator, style: .dim, decoration: true))
        }
        legend[legend.count - 1].spans += pieces[0].spans
        legend[legend.count - 1].segments += Self.segment(
          of: pieces[0].spans, offset: pieces[0].key.offset, cell: column, in: offsets[0], at: at)
      } else {
        if used == 0 { legend.removeLast() }
        legend += pieces.map {
          ($0.spans, Self.segment(of: $0.spans, offset: $0.key.offset, cell: column, in: offsets[0], at: 0))
        }
      }
    }
    for (line, drawn) in legend.enumerated() { emit(drawn, 0, line) }
    let rule = StyledText(TextFitting.rule("─", columns: min(available, 40)), style: .dim, decoration: true)
    for (index, row) in rows.enumerated() {
      emit(([rule], []), index, Self.ruleLine)
      var line = 0
      for (column, value) in row.enumerated() {
        let name = header[column].plainText.trimmingWhitespace()
        let label = (name.isEmpty ? "\(column + 1)" : name) + ": "
        let indent = [StyledText("  ")]
        var labelLines: [LayoutLine] = []
        var valueLines: [LayoutLine]
        if DisplayWidth.of(label) <= available / 2 {
          let labelSpan = StyledText(label, style: .bold, decoration: true)
          valueLines = breaker.wrap(value, leaf: 0, firstPrefix: [labelSpan], restPrefix: indent)
        } else {
          // A long header gets lines of its own, so its value keeps room to wrap in.
          labelLines = breaker.wrap([InlineRun(label, style: .bold)], leaf: 0).map {
            LayoutLine(
              spans: $0.spans.map { StyledText($0.text, style: $0.style, decoration: true) }, key: $0.key)
          }
          valueLines = breaker.wrap(value, leaf: 0, firstPrefix: indent, restPrefix: indent)
        }
        for drawn in labelLines {
          emit((drawn.spans, []), index + 1, line)
          line += 1
        }
        for drawn in valueLines {
          let text = Array(drawn.spans.drop { $0.isDecoration || $0.text == "  " })
          let segments = Self.segment(
            of: text, offset: drawn.key.offset, cell: column, in: offsets[index + 1],
            at: drawn.textColumn ?? 0)
          emit((drawn.spans, segments), index + 1, line)
          line += 1
        }
      }
    }
  }

  /// A row's cells, as many as the table has columns, newlines (from `<br>` or soft breaks) as spaces.
  private func cells(of row: [[InlineRun]], count: Int) -> [[InlineRun]] {
    (0..<count).map { column in
      column < row.count ? row[column].map { InlineRun($0.text.replacingNewlines(), style: $0.style) } : []
    }
  }

  private func bold(_ runs: [InlineRun]) -> [InlineRun] {
    runs.map { InlineRun($0.text, style: $0.style.union(.bold)) }
  }

  /// Each cell's lines at its column's width.
  private func wrap(_ row: [[InlineRun]], widths: [Int]) -> [[LayoutLine]] {
    zip(row, widths).map { runs, width in LineBreaker(width: width).wrap(runs, leaf: 0) }
  }

  /// Where the text of cell `cell` is drawn: `spans`, from cluster `offset` of the cell on, at
  /// `column`. None for a cell the row does not have or a line with no text.
  private static func segment(
    of spans: [StyledText], offset: Int, cell: Int, in offsets: [Int], at column: Int
  ) -> [TextSegment] {
    guard cell < offsets.count else { return [] }
    let length = TextSegment.clusterCount(of: spans.map(\.text).joined())
    return length == 0 ? [] : [TextSegment(offset: offsets[cell] + offset, column: column, length: length)]
  }

  /// The lines of one row: cell lines padded to their column and joined by the separator.
  private func grid(
    _ cells: [[LayoutLine]], offsets: [Int], widths: [Int], alignments: [TableBlock.Alignment]
  ) -> [Drawn] {
    let height = cells.map(\.count).max() ?? 1
    return (0..<height).map { line in
      var spans: [StyledText] = []
      var segments: [TextSegment] = []
      for (column, cell) in cells.enumerated() {
        if column > 0 { spans.append(StyledText(Self.separator, style: .dim, decoration: true)) }
        let content = line < cell.count ? cell[line].spans : []
        let padding = max(0, widths[column] - columns(content))
        let left: Int
        switch alignments[column] {
        case .right: left = padding
        case .center: left = padding / 2
        default: left = 0
        }
        if left > 0 { spans.append(StyledText(TextFitting.spaces(left))) }
        if line < cell.count {
          segments += Self.segment(
            of: content, offset: cell[line].key.offset, cell: column, in: offsets, at: columns(spans))
        }
        spans += content
        if padding - left > 0 { spans.append(StyledText(TextFitting.spaces(padding - left))) }
      }
      return (spans, segments)
    }
  }

  private func trimTrailingSpaces(_ spans: inout [StyledText]) {
    while let last = spans.indices.last {
      let text = spans[last].text.droppingTrailingSpaces()
      if text.isEmpty {
        spans.removeLast()
      } else {
        spans[last].text = text
        return
      }
    }
  }

  private func columns(_ spans: [StyledText]) -> Int {
    spans.reduce(0) { $0 + DisplayWidth.of($1.text) }
  }
}

extension String {
  func replacingNewlines() -> String {
    // Most cells and titles hold no line feed: they are returned as they are, not rebuilt.
    guard utf8.contains(UInt8(ascii: "\n")) else { return self }
    return String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" ? " " : $0 }))
  }
}
