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
    func emit(_ text: String, style: TextStyle) {
      let prefix = lines.isEmpty ? first : rest
      let available = max(0, width - prefix.reduce(0) { $0 + DisplayWidth.of($1.text) })
      let clipped = TextFitting.clip(text, to: available)
      lines.append(
        LayoutLine(
          spans: prefix + [StyledText(clipped, style: style)], key: LineKey(leaf: leaf, offset: lines.count)))
    }
    if !header.isEmpty {
      emit(render(header, widths: widths, alignments: table.alignments), style: .bold)
      emit(widths.map { String(repeating: "─", count: $0) }.joined(separator: "─┼─"), style: .dim)
    }
    for row in rows { emit(render(row, widths: widths, alignments: table.alignments), style: []) }
    return lines
  }

  private func flatten(_ runs: [InlineRun]) -> String {
    runs.plainText.replacingNewlines()
  }

  private func render(_ cells: [String], widths: [Int], alignments: [TableBlock.Alignment]) -> String {
    var parts: [String] = []
    for (index, columnWidth) in widths.enumerated() {
      let cell = index < cells.count ? cells[index] : ""
      let padding = max(0, columnWidth - DisplayWidth.of(cell))
      let alignment = index < alignments.count ? alignments[index] : .none
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
    return line
  }
}

extension String {
  func replacingNewlines() -> String {
    String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" ? " " : $0 }))
  }
}
