/// Lays out a table: cells padded by display width, columns joined by `│`, rows clipped to the width.
struct TableLayouter {
  let width: Int

  func layout(_ table: TableBlock, leaf: Int, first: [StyledText], rest: [StyledText]) -> [LayoutLine] {
    let header = table.header.map { flatten($0) }
    let rows = table.rows.map { $0.map { flatten($0) } }
    let columnCount = max(header.count, rows.map(\.count).max() ?? 0)
    guard columnCount > 0 else { return [] }
    var widths = Array(repeating: 1, count: columnCount)
    for row in [header] + rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
    }
    var lines: [LayoutLine] = []
    let offsets = table.cellOffsets()
    func emit(_ text: String, style: TextStyle, cells: [(column: Int, offset: Int, text: String)] = []) {
      let prefix = lines.isEmpty ? first : rest
      let prefixWidth = prefix.reduce(0) { $0 + DisplayWidth.of($1.text) }
      let available = max(0, width - prefixWidth)
      let clipped = TextFitting.clip(text, to: available)
      let segments = cells.map {
        TextSegment(
          offset: $0.offset, column: prefixWidth + $0.column, length: TextSegment.clusterCount(of: $0.text))
      }
      lines.append(
        LayoutLine(
          spans: prefix + [StyledText(clipped, style: style)], key: LineKey(leaf: leaf, offset: lines.count),
          segments: segments))
    }
    func emitRow(_ row: [String], offsets: [Int], style: TextStyle) {
      let (text, starts) = render(row, widths: widths, alignments: table.alignments)
      let cells = zip(zip(starts, offsets), row).map { (column: $0.0, offset: $0.1, text: $1) }
      emit(text, style: style, cells: cells)
    }
    if !header.isEmpty {
      emitRow(header, offsets: offsets[0], style: .bold)
      emit(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"), style: .dim)
    }
    for (index, row) in rows.enumerated() { emitRow(row, offsets: offsets[index + 1], style: []) }
    return lines
  }

  private func flatten(_ runs: [InlineRun]) -> String {
    TableBlock.cellText(runs)
  }

  /// A row's text, and the column where each cell's text starts in it.
  private func render(_ cells: [String], widths: [Int], alignments: [TableBlock.Alignment])
    -> (text: String, starts: [Int])
  {
    var parts: [String] = []
    var starts: [Int] = []
    var column = 0
    for (index, columnWidth) in widths.enumerated() {
      let cell = index < cells.count ? cells[index] : ""
      let padding = max(0, columnWidth - DisplayWidth.of(cell))
      let alignment = index < alignments.count ? alignments[index] : .none
      let lead = alignment == .right ? padding : alignment == .center ? padding / 2 : 0
      if index < cells.count { starts.append(column + lead) }
      column += columnWidth + 3
      switch alignment {
      case .right:
        parts.append(String(repeating: " ", count: padding) + cell)
      case .center:
        let left = padding / 2
        parts.append(
          String(repeating: " ", count: left) + cell + String(repeating: " ", count: padding - left))
      default:
        parts.append(cell + String(repeating: " ", count: padding))
      }
    }
    var line = parts.joined(separator: " │ ")
    while line.hasSuffix(" ") { line.removeLast() }
    return (line, starts)
  }
}

extension String {
  func replacingNewlines() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" ? " " : $0 }))
  }
}
