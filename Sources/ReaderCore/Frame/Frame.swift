/// What the terminal shows: a grid of cells that tests print and compare as text.
public struct Frame: Equatable, Sendable, CustomStringConvertible {
  public let width: Int
  public let height: Int
  public private(set) var rows: [[Cell]]

  public init(size: TerminalSize) {
    width = size.width
    height = size.height
    // A buffer of its own for every row: copies of one blank row would share it, and the first
    // write to each row would copy it through the generic value witnesses, a cell at a time
    // (7% of the instructions before a two-line file's first screen, and again at every redraw).
    rows = (0..<size.height).map { _ in Array(repeating: Cell.blank, count: size.width) }
  }

  /// Row `index` as text; a wide character stands for both of its cells.
  public func text(ofRow index: Int) -> String {
    rows[index].map(\.text).joined()
  }

  /// The rows between `|` bars, so trailing spaces show.
  public var description: String {
    rows.indices.map { "|" + text(ofRow: $0) + "|" }.joined(separator: "\n")
  }

  /// The rows as role letters between `|` bars (see `Role.letter`), one per column, so that a
  /// snapshot shows what colour means where; a blank cell of plain text is a space.
  public var roleDescription: String {
    rows.map { row in
      "|"
        + String(
          row.map { cell -> Character in
            let role = Role.of(cell.style)
            return role == .text && cell.text == " " ? " " : role.letter
          }) + "|"
    }.joined(separator: "\n")
  }

  /// Writes styled text at a row and column, never past `limit` columns; returns the column reached.
  ///
  /// A wide character that would straddle the limit is not drawn; the cell stays blank. Text
  /// passes `VisibleText.sanitize` once more here, the last gate before the terminal, and the
  /// stand-ins it draws for control characters and invalid bytes are dimmed.
  @discardableResult
  public mutating func write(
    _ spans: [StyledText], row: Int, column: Int, limit: Int, extraStyle: TextStyle = []
  )
    -> Int
  {
    guard row >= 0 && row < height else { return column }
    let end = min(width, column + limit)
    var x = column
    let runs = spans.map { InlineRun(VisibleText.sanitize($0.text), style: $0.style.union(extraStyle)) }
    for cluster in Cluster.clusters(of: runs) where !cluster.isNewline {
      guard x + cluster.width <= end else { break }
      clear(row: row, column: x)
      if cluster.width == 2 { clear(row: row, column: x + 1) }
      let style = VisibleText.isStandIn(cluster.first) ? cluster.style.union(.dim) : cluster.style
      rows[row][x] = Cell(text: cluster.text(in: runs), width: cluster.width, style: style)
      if cluster.width == 2 { rows[row][x + 1] = .continuation }
      x += cluster.width
    }
    return x
  }

  /// Blanks the cell at a column and the other half of a wide character it belongs to, so that
  /// writing over half of one never leaves a row wider or narrower than the frame.
  private mutating func clear(row: Int, column: Int) {
    let cell = rows[row][column]
    if cell.width == 0 && column > 0 {
      rows[row][column - 1] = Cell(text: " ", width: 1, style: rows[row][column - 1].style)
    } else if cell.width == 2 && column + 1 < width {
      rows[row][column + 1] = Cell(text: " ", width: 1, style: cell.style)
    }
    rows[row][column] = .blank
  }

  /// Sets the style of cells in a row range, keeping their text.
  public mutating func fill(row: Int, from column: Int, to end: Int, style: TextStyle) {
    guard row >= 0 && row < height else { return }
    for x in max(0, column)..<min(width, end) {
      rows[row][x].style = rows[row][x].style.union(style)
    }
    // The right half of a wide character takes its character's style, whichever half was filled.
    let halves = max(1, column)..<max(max(1, column), min(width, end + 1))
    for x in halves where rows[row][x].width == 0 {
      rows[row][x].style = rows[row][x - 1].style
    }
  }
}
