/// A GFM table: a header row, body rows and the alignment of each column.
public struct TableBlock: Hashable, Sendable {
  /// How a column's cells line up.
  public enum Alignment: Hashable, Sendable { case none, left, center, right }

  public var alignments: [Alignment]
  public var header: [[InlineRun]]
  public var rows: [[[InlineRun]]]

  public init(alignments: [Alignment], header: [[InlineRun]], rows: [[[InlineRun]]]) {
    self.alignments = alignments
    self.header = header
    self.rows = rows
  }
}

extension TableBlock {
  /// The text of one cell as it is drawn: its runs on one line.
  public static func cellText(_ runs: [InlineRun]) -> String {
    runs.plainText.replacingNewlines()
  }

  /// The leaf cluster where each cell starts, header row first (empty when there is no header),
  /// then row by row: cells are numbered one after another as if a separator stood between each two.
  public func cellOffsets() -> [[Int]] {
    var result: [[Int]] = []
    var offset = 0
    for row in [header] + rows {
      var offsets: [Int] = []
      for cell in row {
        offsets.append(offset)
        offset += TextSegment.clusterCount(of: Self.cellText(cell)) + 1
      }
      result.append(offsets)
    }
    return result
  }
}
